import { cutText } from './cut-text.js';

/** A message's first words on one line (`max` characters and …), to say which message is meant: bot answers and report findings. */
export function excerpt(text: string, max = 24): string {
  return cutText(text.replace(/\s+/gu, ' ').trim(), max + 1);
}
