import { normalize } from '../../engine/normalize.js';

// Bare acknowledgements as people type them in work groups: the content of an ack storm.
const ACK_WORDS = new Set([
  '收到',
  '已收到',
  '收到了',
  '好的',
  '好',
  '明白',
  '已阅',
  '已读',
  '知道了',
  '了解',
  '遵命',
  '1',
  '11',
  '111',
  '+1',
  'ok',
  'okay',
  'ok!',
  'okk',
  'noted',
  'received',
  'got it',
  'roger',
  'will do',
  'done',
  'ack',
  'yes',
  'y',
  '✅',
  '👍',
  '👌',
  '🙏',
  '✔',
  '✔️',
  '☑️',
  '🆗',
  '收',
  '嗯',
  '嗯嗯',
  '[强]',
  '[ok]',
  '[拳头]',
  '[抱拳]',
  '[胜利]',
]);

// Trailing punctuation and decorations that do not change a bare ack: "收到！", "收到~", "ok."
const TRIM = /^[\s,.!~。，！、…~\-—]+|[\s,.!~。，！、…~\-—]+$/gu;

/**
 * A bare acknowledgement carries no content beyond "I saw it": "收到", "1", "ok", 👍, ✅,
 * also with a name tag ("收到 - 张三") or repeated ("收到收到"). Reactions are acks by kind.
 */
export function isBareAck(text: string): boolean {
  if (text.length > 40) return false;
  const t = normalize(text).replace(TRIM, '');
  if (ACK_WORDS.has(t)) return true;
  // "收到-张三" / "收到 张三 2班": an ack followed by a short name tag.
  const head = t.split(/[\s\-—:：,，]+/u)[0];
  if (head !== t && ACK_WORDS.has(head) && t.length - head.length <= 12 && !/[?？]/u.test(t)) return true;
  // Repeats such as "收到收到" or "👍👍👍".
  for (const w of ACK_WORDS) {
    if (w.length > 0 && t.length > w.length && t.length % w.length === 0 && t === w.repeat(t.length / w.length)) return true;
  }
  return false;
}
