/**
 * MinHash signatures over the character bigrams of a text, banded for locality-sensitive hashing:
 * texts whose bigram sets overlap much share a band key with high probability, so near-duplicates
 * are found without comparing all pairs. With 12 bands of 3 rows, two texts at Jaccard 0.67
 * (Dice 0.8) share a band with probability 1 − (1 − 0.67³)¹² ≈ 0.985; at Jaccard 0.3, ≈ 0.28.
 */
export const BANDS = 12;
export const ROWS = 3;

const SEEDS = Int32Array.from({ length: BANDS * ROWS }, (_, i) => mix(0x9e3779b9 ^ (i * 0x85ebca6b)));

/** A 32-bit integer mix (murmur3's finaliser). */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The band keys of `text`: one number per band, equal for texts whose band rows are all equal. */
export function bandKeys(text: string): number[] {
  const k = BANDS * ROWS;
  const mins = new Int32Array(k).fill(0x7fffffff);
  const padded = text.length === 1 ? `${text} ` : text;
  for (let i = 0; i + 1 < padded.length; i++) {
    const bigram = (padded.charCodeAt(i) << 16) | padded.charCodeAt(i + 1);
    for (let s = 0; s < k; s++) {
      const h = mix(bigram ^ SEEDS[s]);
      if (h < mins[s]) mins[s] = h;
    }
  }
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ mins[b * ROWS + r]) + r;
    // The band number is folded in above the 32 bits so equal rows in different bands stay apart.
    keys.push(b * 2 ** 32 + (h >>> 0));
  }
  return keys;
}
