/**
 * Text past this many UTF-16 code units of a message is neither examined by the rules nor stored:
 * more than any platform lets one message hold (Slack cuts at 40,000 characters), and it bounds what
 * one message costs in time and memory. One limit for both, so every finding's span lies in the
 * stored text.
 */
export const MAX_TEXT = 65_536;

/** The part of a text that is examined and stored: its first MAX_TEXT code units, never half a character. */
export function examinedPart(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const last = text.charCodeAt(MAX_TEXT - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_TEXT - 1 : MAX_TEXT);
}
