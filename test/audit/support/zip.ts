import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

/** A zip entry as stored: its deflated bytes, and the CRC and size the zip's headers state. */
export interface ZipEntry {
  /** A name given as text is written as UTF-8 and flagged so; as bytes, it is written unflagged (as most zip tools do). */
  name: string | Buffer;
  packed: Buffer;
  crc: number;
  size: number;
  /** An earlier entry, by index, whose local header and data this one's directory record points at (a crafted zip). */
  sameAs?: number;
}

/** `data` deflated as an entry named `name`. */
export const deflated = (name: string | Buffer, data: Buffer): ZipEntry => ({ name, packed: deflateRawSync(data), crc: crc32(data), size: data.length });

/** A zip archive of the given files (deflated, UTF-8 names, flagged so). */
export const zipOf = (files: [name: string, data: Buffer][]): Buffer => zipEntries(files.map(([name, data]) => deflated(name, data)));

/**
 * A zip archive of entries already deflated, written by hand from the format's spec (APPNOTE 4.3) so
 * the tests need no zip tool and can state any size: local headers, central directory, end record.
 */
export function zipEntries(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const { name, packed, crc, size, sameAs } of entries) {
    const nameBuf = typeof name === 'string' ? Buffer.from(name, 'utf8') : name;
    const flags = typeof name === 'string' ? 0x0800 : 0; // names are UTF-8, or stated as nothing
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(nameBuf.length, 28);
    offsets.push(sameAs === undefined ? offset : offsets[sameAs]);
    dir.writeUInt32LE(offsets.at(-1)!, 42);
    central.push(dir, nameBuf);
    if (sameAs !== undefined) continue;
    parts.push(local, nameBuf, packed);
    offset += local.length + nameBuf.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** Every file under `root` as [relative name, content], names prefixed by `prefix` (a top folder). */
export function filesOf(root: string, prefix = ''): [string, Buffer][] {
  const out: [string, Buffer][] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push([prefix + relative(root, p).split(sep).join('/'), readFileSync(p)]);
    }
  };
  walk(root);
  return out;
}
