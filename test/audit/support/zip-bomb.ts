import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { ZipEntry } from './zip.js';

const MiB = 1 << 20;

/**
 * A zip bomb that is valid JSON: `[`, spaces, `]`, `mib` MiB in all, deflated about 1000:1. Made in
 * a few MB of memory: one MiB of spaces is deflated once and its (self-contained, byte-aligned) blocks
 * repeated, which is a valid deflate stream because each piece but the last is flushed, not finished.
 */
export function spacesList(name: string, mib: number): ZipEntry {
  const spaces = Buffer.alloc(MiB, 0x20);
  const open = Buffer.from('[');
  const close = Buffer.from(']');
  const flushed = (b: Buffer): Buffer => deflateRawSync(b, { finishFlush: constants.Z_SYNC_FLUSH });
  const block = flushed(spaces);
  const pieces = [flushed(open), ...Array<Buffer>(mib).fill(block), deflateRawSync(close)];
  let crc = crc32(open);
  for (let i = 0; i < mib; i++) crc = crc32(spaces, crc);
  crc = crc32(close, crc);
  return { name, packed: Buffer.concat(pieces), crc, size: mib * MiB + 2 };
}
