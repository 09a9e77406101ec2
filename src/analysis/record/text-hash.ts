import { normalizeInto } from '../../engine/normalize.js';

/**
 * A short hash of the text in the form demands are compared in (see `skeleton`): normalised, so equal
 * for messages that differ only in width, case, script or spacing, and with every run of digits read
 * as one "0", so the same request with another date or count hashes alike. Two 32-bit
 * multiply-xorshift lanes (cyrb53) over the code units: it only groups likely duplicates, so it needs
 * speed, not resistance to attack (a SHA-256 cost a third of an audit).
 */
export function textHash(text: string): string {
  const { units, length } = normalizeInto(text);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let inDigits = false;
  for (let i = 0; i < length; i++) {
    let u = units[i];
    const digit = u >= 0x30 && u <= 0x39;
    if (digit && inDigits) continue;
    inDigits = digit;
    if (digit) u = 0x30;
    h1 = Math.imul(h1 ^ u, 2654435761);
    h2 = Math.imul(h2 ^ u, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(36).padStart(8, '0') + (h1 >>> 0).toString(36).padStart(8, '0');
}
