import { isUtf8 } from 'node:buffer';
import { PassThrough, type Readable } from 'node:stream';

/**
 * Piped input for readline with each byte read as one character (latin1), so that a line's own
 * bytes can be checked: readline would decode them as UTF-8, a line saved as GBK turning into
 * U+FFFD unseen. Every line break is a byte of its own, so the lines are the same.
 */
export function byteChars(input: Readable): PassThrough {
  return input.pipe(new PassThrough({ encoding: 'latin1' }));
}

/** A line read through byteChars: its text, and whether its bytes were UTF-8 (else the text holds U+FFFD). */
export function decodeLine(chars: string): { text: string; utf8: boolean } {
  const bytes = Buffer.from(chars, 'latin1');
  return { text: bytes.toString('utf8'), utf8: isUtf8(bytes) };
}
