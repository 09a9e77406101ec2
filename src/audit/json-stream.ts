import { MAX_LINE, NOT_UTF8 } from '../core/read-lines.js';

/** What the stream yields: a whole top-level value, or one element of a streamed array (key '' for a top-level list). */
export type JsonEvent =
  | { kind: 'value'; key: string; value: unknown }
  | { kind: 'item'; key: string; index: number; value: unknown }
  | { kind: 'bad-item'; key: string; index: number; reason: string };

/** The document's structure is broken (truncated, not an object...): nothing after `where` can be read. */
export class JsonStructureError extends Error {
  constructor(
    readonly where: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** An element (a message) is held up to the bytes of a JSONL line, and refused past them as one is. */
const MAX_ITEM = MAX_LINE;
/**
 * A top-level member read whole (ChatLab's meta, a members list) is held while it is read: past this
 * it is no export's, and the document is refused rather than the process running out of memory.
 */
const MAX_VALUE = 64 << 20;

// Character classes of the scanner.
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const QUOTE = 0x22,
  BACKSLASH = 0x5c,
  COMMA = 0x2c,
  COLON = 0x3a;
const OPEN_OBJ = 0x7b,
  CLOSE_OBJ = 0x7d,
  OPEN_ARR = 0x5b,
  CLOSE_ARR = 0x5d;

type Ctx = 'start' | 'key' | 'colon' | 'value' | 'comma' | 'item-or-end' | 'item' | 'item-comma' | 'end';

/**
 * A JSON document whose top level is an object, read as a stream: each top-level member is yielded
 * whole, except those named in `streamKeys` holding arrays, whose elements are yielded one at a time.
 * Memory is bounded by the largest element, not the document: a ChatLab JSON file with a million
 * messages is read like JSONL. An element that is not valid JSON is a 'bad-item' and reading goes on.
 */
export function streamJson(input: AsyncIterable<Buffer>, streamKeys: ReadonlySet<string>, onBytes: (n: number) => void = () => {}): AsyncGenerator<JsonEvent> {
  return scan(input, streamKeys, onBytes);
}

/**
 * A JSON document whose top level is a list (a Slack day file), its elements yielded one at a time as
 * items of key '' (so `where` reads `[12]`), with the same bounds and reports as streamJson.
 */
export function streamJsonList(input: AsyncIterable<Buffer>, onBytes: (n: number) => void = () => {}): AsyncGenerator<JsonEvent> {
  return scan(input, 'list', onBytes);
}

async function* scan(input: AsyncIterable<Buffer>, streamKeys: ReadonlySet<string> | 'list', onBytes: (n: number) => void): AsyncGenerator<JsonEvent> {
  const list = streamKeys === 'list';
  // Fatal: an export saved as GBK would otherwise read as U+FFFD everywhere, and its demands vanish unseen.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let ctx = 'start' as Ctx; // asserted: finish() moves it on, which flow analysis cannot see
  let key = '';
  let index = 0;
  let depth = 0;
  // The value being captured: its text so far, where it starts in the current chunk, and how it ends.
  let capturing: 'key' | 'value' | 'item' | null = null;
  let capKind = 'literal' as 'container' | 'string' | 'literal';
  let capDepth = 0;
  let capStart = 0;
  let parts: string[] = [];
  let capLen = 0; // in UTF-8 bytes, as the file holds it
  let inString = false;
  let escaped = false;
  let first = true;

  const inList = (): boolean => (list && ctx !== 'start') || ctx === 'item' || ctx === 'item-or-end' || ctx === 'item-comma' || capturing === 'item';
  const where = (): string => (inList() ? `${key}[${index}]` : key ? `"${key}"` : 'the start');
  const fail = (reason: string): never => {
    throw new JsonStructureError(where(), reason);
  };

  /** Ends the capture at `end` (exclusive) of `chunk`; returns the event it completes, if any. */
  function finish(chunk: string, end: number): JsonEvent | undefined {
    const tail = chunk.slice(capStart, end);
    const overflow = capturing === 'item' && capLen + Buffer.byteLength(tail) > MAX_ITEM;
    const text = overflow ? '' : parts.join('') + tail;
    const what = capturing;
    capturing = null;
    parts = [];
    capLen = 0;
    if (what === 'key') {
      key = JSON.parse(text) as string;
      ctx = 'colon';
      return undefined;
    }
    if (what === 'value') {
      ctx = 'comma';
      try {
        return { kind: 'value', key, value: JSON.parse(text) };
      } catch (err) {
        return fail(`invalid JSON (${(err as Error).message})`);
      }
    }
    ctx = 'item-comma';
    const i = index++;
    if (overflow) return { kind: 'bad-item', key, index: i, reason: 'entry larger than 1 MiB' };
    try {
      return { kind: 'item', key, index: i, value: JSON.parse(text) };
    } catch (err) {
      return { kind: 'bad-item', key, index: i, reason: `invalid JSON (${(err as Error).message})` };
    }
  }

  /** The end of a streamed list: of the document, or of a member of the top-level object. */
  function closeList(): void {
    depth = list ? 0 : 1;
    ctx = list ? 'end' : 'comma';
  }

  function start(what: 'key' | 'value' | 'item', c: number, at: number): void {
    capturing = what;
    capStart = at;
    capDepth = depth;
    capKind = c === OPEN_OBJ || c === OPEN_ARR ? 'container' : c === QUOTE ? 'string' : 'literal';
  }

  for await (const buf of input) {
    onBytes(buf.length);
    let chunk = '';
    try {
      chunk = decoder.decode(buf, { stream: true });
    } catch {
      fail(NOT_UTF8);
    }
    if (first && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    const events: JsonEvent[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (capturing && capKind === 'string') {
            const ev = finish(chunk, i + 1);
            if (ev) events.push(ev);
          }
        }
        continue;
      }
      if (capturing && capKind === 'literal') {
        if (!(isSpace(c) || c === COMMA || c === CLOSE_OBJ || c === CLOSE_ARR)) continue;
        const ev = finish(chunk, i);
        if (ev) events.push(ev);
        // the delimiter is the context's to read, below
      }
      if (capturing) {
        // Inside a container being captured: only nesting and strings matter.
        if (c === QUOTE) inString = true;
        else if (c === OPEN_OBJ || c === OPEN_ARR) depth++;
        else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
          depth--;
          if (depth === capDepth) {
            const ev = finish(chunk, i + 1);
            if (ev) events.push(ev);
          }
        }
        continue;
      }
      if (isSpace(c)) continue;
      switch (ctx) {
        case 'start':
          if (c !== (list ? OPEN_ARR : OPEN_OBJ)) fail(list ? 'expected a JSON list' : 'expected a JSON object');
          depth = 1;
          ctx = list ? 'item-or-end' : 'key';
          break;
        case 'key':
          if (c === CLOSE_OBJ && depth === 1) {
            depth = 0;
            ctx = 'end';
          } else if (c === QUOTE) {
            start('key', c, i);
            inString = true;
          } else fail(`unexpected "${chunk[i]}" where a key belongs`);
          break;
        case 'colon':
          if (c !== COLON) fail(`expected ":" after "${key}"`);
          ctx = 'value';
          break;
        case 'value':
          if (c === OPEN_ARR && !list && streamKeys.has(key)) {
            depth = 2;
            index = 0;
            ctx = 'item-or-end';
          } else {
            start('value', c, i);
            if (c === QUOTE) inString = true;
            else if (c === OPEN_OBJ || c === OPEN_ARR) depth++;
            else if (c === COMMA || c === CLOSE_OBJ || c === CLOSE_ARR || c === COLON) fail(`missing the value of "${key}"`);
          }
          break;
        case 'comma':
          if (c === COMMA) ctx = 'key';
          else if (c === CLOSE_OBJ) {
            depth = 0;
            ctx = 'end';
          } else fail(`expected "," or "}" after "${key}"`);
          break;
        case 'item-or-end':
        case 'item':
          if (c === CLOSE_ARR && ctx === 'item-or-end') closeList();
          else if (c === COMMA || c === CLOSE_ARR || c === CLOSE_OBJ || c === COLON) fail(`unexpected "${chunk[i]}"`);
          else {
            start('item', c, i);
            if (c === QUOTE) inString = true;
            else if (c === OPEN_OBJ || c === OPEN_ARR) depth++;
          }
          break;
        case 'item-comma':
          if (c === COMMA) ctx = 'item';
          else if (c === CLOSE_ARR) closeList();
          else fail(`expected "," or "]" after an entry`);
          break;
        case 'end':
          fail('unexpected text after the end of the document');
      }
    }
    if (capturing) {
      const piece = chunk.slice(capStart);
      capLen += Buffer.byteLength(piece);
      if (capturing === 'value' && capLen > MAX_VALUE) fail(`a top-level value larger than ${MAX_VALUE >> 20} MiB`);
      // An oversized element is only counted from here on; finish() reports it.
      if (!(capturing === 'item' && capLen > MAX_ITEM)) parts.push(piece);
      else parts = [];
      capStart = 0;
    }
    yield* events;
  }
  if (capturing && capKind === 'literal') {
    const ev = finish('', 0);
    if (ev) yield ev;
  }
  if (ctx !== 'end') fail('truncated: the file ends before the document does');
}
