import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';

const LF = 0x0a;

/** How many bytes at the end of `buf` begin a character the next chunk completes (0–3). */
function openTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Where the first byte that breaks UTF-8 is, near enough to name its line (only read once a chunk failed). */
function firstBroken(buf: Buffer): number {
  for (let i = 0; i < buf.length;) {
    const b = buf[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if ((buf[i + k] & 0xc0) !== 0x80) return i;
    // The second byte's range where the lead allows less: no overlong form (E0 80, F0 80), no
    // surrogate (ED A0, as CESU-8 writes one), nothing past U+10FFFF (F4 90).
    const second = buf[i + 1];
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second >= 0xa0) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second >= 0x90)) return i;
    i += need + 1;
  }
  return buf.length;
}

const linesIn = (buf: Buffer, end: number): number => {
  let n = 0;
  for (let i = buf.indexOf(LF); i !== -1 && i < end; i = buf.indexOf(LF, i + 1)) n++;
  return n;
};

/** The line (from 1) where `bytes` stop being UTF-8, or undefined when they are UTF-8 throughout. */
export function brokenUtf8Line(bytes: Buffer): number | undefined {
  return isUtf8(bytes) ? undefined : 1 + linesIn(bytes, firstBroken(bytes));
}

/** Why a configuration or rule file whose bytes are not UTF-8 is refused: said where, with its line. */
export const NOT_UTF8_FILE = 'not UTF-8 text (saved in another encoding, such as GBK: save it as UTF-8)';

/**
 * Passes bytes through while they are UTF-8, and fails with `broken(line)` (lines counted from 1)
 * where they stop being so: an export saved as GBK would otherwise be read as U+FFFD and its demands
 * silently lost. Valid chunks cost one `isUtf8` each.
 */
export function utf8Checked(broken: (line: number) => Error): Transform {
  let carry: Buffer | null = null;
  let line = 1;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
      const whole = buf.subarray(0, buf.length - openTail(buf));
      const at = brokenUtf8Line(whole);
      if (at !== undefined) return done(broken(line - 1 + at));
      line += linesIn(whole, whole.length);
      carry = whole.length < buf.length ? Buffer.from(buf.subarray(whole.length)) : null;
      done(null, whole);
    },
    flush(done) {
      done(carry ? broken(line) : null);
    },
  });
}
