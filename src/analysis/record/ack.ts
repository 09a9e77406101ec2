import { listAlternation } from '../../engine/code-lists.js';
import { normalize } from '../../engine/normalize.js';

// Bare acknowledgements as people type them in work groups (rules/lists/bare-acks.yaml): the content of an ack storm.
const WORD = listAlternation('bare-acks');
const ACK = new RegExp(`^${WORD}$`, 'u');
// Repeats such as "收到收到" or "👍👍👍": one word, the same text again.
const REPEATED = new RegExp(`^(${WORD})\\1+$`, 'u');

// Trailing punctuation and decorations that do not change a bare ack: "收到！", "收到~", "ok."
const TRIM = /^[\s,.!~。，！、…~\-—]+|[\s,.!~。，！、…~\-—]+$/gu;

/**
 * A bare acknowledgement carries no content beyond "I saw it": "收到", "1", "ok", 👍, ✅,
 * also with a name tag ("收到 - 张三") or repeated ("收到收到"). Reactions are acks by kind.
 */
export function isBareAck(text: string): boolean {
  if (text.length > 40) return false;
  const t = normalize(text).replace(TRIM, '');
  if (ACK.test(t)) return true;
  // "收到-张三" / "收到 张三 2班": an ack followed by a short name tag.
  const head = t.split(/[\s\-—:：,，]+/u)[0];
  if (head !== t && ACK.test(head) && t.length - head.length <= 12 && !/[?？]/u.test(t)) return true;
  return REPEATED.test(t);
}
