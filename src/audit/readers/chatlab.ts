import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ChatGroup, ChatMessage, MessageKind } from '../../core/chat-message.js';
import { Census } from '../census.js';
import type { AuditGroup, OpenedExport, ReadHooks } from '../export.js';
import { JsonStructureError, streamJson } from '../json-stream.js';
import { readLines, NOT_UTF8, TOO_LONG } from '../../core/read-lines.js';
import { mentionsAll } from '../mentions-all.js';
import { timeProblem } from '../../core/time/message-time.js';
import { fileSize, fileStream } from '../open-file.js';

type Obj = Record<string, unknown>;

/** One entry of a ChatLab file, JSON or JSONL alike: the header's parts, a member, or a message. */
type Entry = { meta: Obj } | { member: Obj } | { message: Obj } | { skip: true };

// ChatLab message types (spec v0.0.2): placeholders for what is not text; system notices and recalls are not said.
const TYPES: Record<number, [MessageKind, string]> = {
  1: ['image', '[image]'],
  2: ['other', '[voice]'],
  3: ['other', '[video]'],
  4: ['file', '[file]'],
  5: ['other', '[sticker]'],
  7: ['link', '[link]'],
  8: ['other', '[location]'],
  24: ['miniprogram', '[share]'],
  27: ['other', '[contact card]'],
};
const NOT_SAID = new Set([80, 81]);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/**
 * The chat a ChatLab file holds, from its `meta` (or the file name when it has none). Without a
 * `groupId` the chat is known by its name, as nothing else tells it: two exports of one chat overlap
 * wherever they lie, and two chats of one name are one group (the ids of its messages that have
 * none are their places in the file, so they are told apart by their text and time).
 */
class Chat {
  platform = 'chatlab';
  groupId: string;
  name: string;

  constructor(fallback: string) {
    this.groupId = this.name = fallback;
  }

  setMeta(meta: Obj): void {
    this.platform = str(meta.platform) ?? this.platform;
    this.name = str(meta.name) ?? this.name;
    this.groupId = str(meta.groupId) ?? this.name;
  }

  /** A message entry as a ChatMessage (group filled in by the caller), null if not said, or why it is broken. */
  toMessage(m: Obj, ordinal: number): ChatMessage | null | string {
    const type = typeof m.type === 'number' ? m.type : 0;
    if (NOT_SAID.has(type)) return null;
    const sender = str(m.sender);
    if (!sender) return 'missing "sender"';
    if (typeof m.timestamp !== 'number' || !Number.isFinite(m.timestamp)) return 'missing "timestamp" (Unix seconds)';
    const ts = Math.round(m.timestamp * 1000);
    const problem = timeProblem(ts);
    if (problem) return `timestamp ${m.timestamp}: ${problem}`;
    const [kind, placeholder] = TYPES[type] ?? ['text', ''];
    const content = typeof m.content === 'string' ? m.content : '';
    const text = (kind === 'text' || kind === 'link' || kind === 'miniprogram') && content ? content : placeholder || content;
    return {
      platform: this.platform,
      id: str(m.platformMessageId) ?? `${this.groupId}/${ordinal}`,
      group: null,
      sender: { id: sender, name: str(m.groupNickname) ?? str(m.accountName) },
      text,
      ts,
      kind: text === placeholder && placeholder ? kind : 'text',
      mentionsAll: mentionsAll(text),
      replyTo: str(m.replyToMessageId) ?? null,
    };
  }
}

/** The entries of a ChatLab file with where each is, for errors; `bad` hears of broken ones. */
type EntrySource = (bad: (where: string, why: string) => void) => AsyncGenerator<{ entry: Entry; where: string }>;

function jsonEntries(path: string, hooks: ReadHooks): EntrySource {
  return async function* (bad) {
    try {
      for await (const ev of streamJson(fileStream(path), new Set(['messages', 'members']), hooks.progress)) {
        if (ev.kind === 'bad-item') bad(`${path}: ${ev.key}[${ev.index}]`, ev.reason);
        else if (ev.kind === 'value') {
          if (ev.key === 'meta' && isObj(ev.value)) yield { entry: { meta: ev.value }, where: `${path}: meta` };
        } else if (!isObj(ev.value)) bad(`${path}: ${ev.key}[${ev.index}]`, 'expected an object');
        else yield { entry: ev.key === 'messages' ? { message: ev.value } : { member: ev.value }, where: `${path}: ${ev.key}[${ev.index}]` };
      }
    } catch (err) {
      if (!(err instanceof JsonStructureError)) throw err;
      bad(`${path}: ${err.where}`, err.message);
    }
  };
}

function jsonlEntries(path: string, hooks: ReadHooks): EntrySource {
  return async function* (bad) {
    // Messages take their group from the header as they are read: a header after any would split the chat in two.
    let begun = false;
    for await (const line of readLines(fileStream(path), hooks.progress)) {
      const where = `${path}:${line.no}`;
      if (line.tooLong || line.notUtf8) {
        bad(where, line.tooLong ? TOO_LONG : NOT_UTF8);
        continue;
      }
      if (line.text.trim() === '' || line.text.startsWith('#')) continue;
      let o: unknown;
      try {
        o = JSON.parse(line.text);
      } catch (err) {
        bad(where, `invalid JSON (${(err as Error).message.split('\n')[0]})`);
        continue;
      }
      if (!isObj(o)) bad(where, 'expected a JSON object');
      else if (o._type === 'header') {
        if (begun) bad(where, 'a header after members or messages (ChatLab JSONL puts it first)');
        else yield { entry: isObj(o.meta) ? { meta: o.meta } : { skip: true }, where };
      } else if (o._type === 'member' || o._type === 'message') {
        begun = true;
        yield { entry: o._type === 'member' ? { member: o } : { message: o }, where };
      } else bad(where, '"_type" must be header, member or message');
    }
  };
}

/**
 * The `meta` of a ChatLab JSON file that does not open with it: read ahead in a pass of its own, since
 * the platform and group it names make each message's record (a broken file is named by the main pass).
 */
async function metaAhead(path: string): Promise<Obj | undefined> {
  const head = Buffer.alloc(64 * 1024);
  const fh = await open(path, 'r');
  try {
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  if (/"(meta|messages)"\s*:/.exec(head.toString('utf8'))?.[1] === 'meta') return undefined; // read in the main pass, first
  try {
    for await (const ev of streamJson(fileStream(path), new Set(['messages', 'members']))) {
      if (ev.kind === 'value' && ev.key === 'meta' && isObj(ev.value)) return ev.value;
    }
  } catch (err) {
    if (!(err instanceof JsonStructureError)) throw err;
  }
  return undefined;
}

/**
 * A ChatLab interchange file (chatlab.fun standard format v0.0.x), JSON or JSONL, read in one streaming
 * pass (the JSON form element by element through streamJson; a `meta` after the messages is read
 * ahead, while a JSONL header after them is broken, as its format puts it first). The group is its listed members, wherever in the file they come, else everyone seen taking part.
 */
export async function openChatLab(path: string, jsonl: boolean, hooks: ReadHooks): Promise<OpenedExport> {
  hooks.expect(await fileSize(path));
  const entries = jsonl ? jsonlEntries(path, hooks) : jsonEntries(path, hooks);
  const chat = new Chat(basename(path).replace(/\.jsonl?$/i, ''));
  const census = new Census();
  const listed: string[] = [];
  const seen = new Set<string>();
  // The group's id and name come from `meta`, which may follow the messages in JSON.
  const ahead = jsonl ? undefined : await metaAhead(path);
  if (ahead) chat.setMeta(ahead);
  const group: ChatGroup = { id: chat.groupId, name: chat.name };

  async function* messages(): AsyncGenerator<ChatMessage> {
    let ordinal = 0;
    for await (const { entry, where } of entries(hooks.bad)) {
      if ('meta' in entry) {
        chat.setMeta(entry.meta);
        group.id = chat.groupId;
        group.name = chat.name;
      } else if ('member' in entry) {
        const id = str(entry.member.platformId);
        if (!id) continue;
        listed.push(id);
        const aliases = Array.isArray(entry.member.aliases) ? entry.member.aliases.map(String) : [];
        for (const name of [str(entry.member.groupNickname), str(entry.member.accountName), ...aliases]) census.person(id, name);
      } else if ('message' in entry) {
        const msg = chat.toMessage(entry.message, ordinal++);
        if (typeof msg === 'string') hooks.bad(where, msg);
        else if (msg) {
          seen.add(msg.sender.id);
          census.person(msg.sender.id, str(entry.message.groupNickname));
          census.person(msg.sender.id, str(entry.message.accountName));
          msg.group = group;
          yield msg;
        }
      }
    }
  }

  function groups(): AuditGroup[] {
    census.group(chat.platform, chat.groupId, chat.name);
    if (listed.length > 0) census.listed(chat.platform, chat.groupId, listed);
    for (const id of seen) census.seen(chat.platform, chat.groupId, id);
    return census.groupList();
  }
  return { path, format: jsonl ? 'chatlab-jsonl' : 'chatlab-json', messages, groups, people: () => census.personList() };
}
