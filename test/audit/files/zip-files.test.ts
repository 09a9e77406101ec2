import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ZipFile } from 'yauzl';
import { zipFiles } from '../../../src/audit/files/zip-files.js';
import { tempDir } from '../../support/temp-dir.js';
import { deflated, zipEntries, type ZipEntry } from '../support/zip.js';

// yauzl's own ZipFile, the one zipFiles opens: each openReadStreamPromise is one entry inflated.
const { ZipFile: Zip } = createRequire(import.meta.url)('yauzl') as { ZipFile: { prototype: ZipFile } };

function zipped(entries: ZipEntry[]): string {
  const path = join(tempDir(), 'export.zip');
  writeFileSync(path, zipEntries(entries));
  return path;
}

async function text(chunks: AsyncIterable<Buffer>): Promise<string> {
  const all: Buffer[] = [];
  for await (const c of chunks) all.push(c);
  return Buffer.concat(all).toString();
}

const UNLIKE = 'a second entry of this name in the zip, not the same as the first; not read';

describe('zipped export files', () => {
  afterEach(() => vi.restoreAllMocks());

  it('compares the entries of a name only when asked, each at most once, those at one local header not at all', async () => {
    const zeros = Buffer.alloc(4 << 20);
    const path = zipped([
      deflated('channels.json', Buffer.from('[]')),
      // A crafted zip: a thousand names of one 4 MiB entry, which an audit never reads.
      deflated('junk.bin', zeros),
      ...Array<ZipEntry>(1000).fill({ ...deflated('junk.bin', zeros), sameAs: 1 }),
      // One file zipped 30 times alike, and one twice unlike.
      ...Array.from({ length: 30 }, () => deflated('users.json', Buffer.from('[{"id":"U1"}]'))),
      deflated('dms.json', Buffer.from('[]')),
      deflated('dms.json', Buffer.from('[1]')),
    ]);
    const inflated = vi.spyOn(Zip.prototype, 'openReadStreamPromise');
    const files = await zipFiles(path, 'channels.json');
    try {
      expect([files.names, files.refused, inflated.mock.calls.length]).toEqual([['channels.json', 'dms.json', 'junk.bin', 'users.json'], [], 0]);
      expect(await files.unlike('junk.bin')).toBeUndefined();
      expect(inflated.mock.calls.length).toBe(0);
      expect(await files.unlike('users.json')).toBeUndefined();
      expect(await files.unlike('users.json')).toBeUndefined();
      expect(inflated.mock.calls.length).toBe(30);
      // Unlike by the CRC and size the zip states: nothing to inflate.
      expect(await files.unlike('dms.json')).toBe(UNLIKE);
      expect(await files.unlike('channels.json')).toBeUndefined();
      expect(inflated.mock.calls.length).toBe(30);
      expect(await text(files.read('users.json'))).toBe('[{"id":"U1"}]');
    } finally {
      files.close();
    }
  });

  it('reads a name the zip states no encoding of as UTF-8 when it is, else as GBK when it is, else as CP437', async () => {
    const path = zipped([
      deflated(Buffer.from('channels.json'), Buffer.from('[]')),
      // Info-ZIP on Linux and macOS's Archive Utility: UTF-8, unflagged.
      deflated(Buffer.from('教研组/2026-11-23.json'), Buffer.from('[1]')),
      // A Chinese Windows zipper: GBK, whose 淺 is 9C 5C, a backslash as its second byte.
      deflated(Buffer.from('9c5cd5842f323032362d31312d32332e6a736f6e', 'hex'), Buffer.from('[2]')),
      // café in CP437, neither UTF-8 nor GBK.
      deflated(Buffer.from('636166822e6a736f6e', 'hex'), Buffer.from('[3]')),
      // GBK 通知 and 学校, whose bytes are also UTF-8 (combining marks and Hebrew, Cyrillic): GBK.
      deflated(Buffer.from('cda8d6aa2f312e6a736f6e', 'hex'), Buffer.from('[4]')),
      deflated(Buffer.from('d1a7d0a32f322e6a736f6e', 'hex'), Buffer.from('[5]')),
      // résumé in UTF-8, which GBK also reads (as 茅 and others): UTF-8.
      deflated(Buffer.from('72c3a973756dc3a92f332e6a736f6e', 'hex'), Buffer.from('[6]')),
      // GBK 医院 reads in UTF-8 as Cyrillic and Armenian mixed: GBK. UTF-8 Größe 50° and отчет: one script, UTF-8.
      deflated(Buffer.from('d2bdd4ba2f372e6a736f6e', 'hex'), Buffer.from('[7]')),
      deflated(Buffer.from('4772c3b6c39f65203530c2b02f382e6a736f6e', 'hex'), Buffer.from('[8]')),
      deflated(Buffer.from('d0bed182d187d0b5d1822f392e6a736f6e', 'hex'), Buffer.from('[9]')),
    ]);
    const files = await zipFiles(path, 'channels.json');
    try {
      expect([files.names, files.refused]).toEqual([
        [
          'Größe 50°/8.json',
          'café.json',
          'channels.json',
          'résumé/3.json',
          'отчет/9.json',
          '医院/7.json',
          '学校/2.json',
          '教研组/2026-11-23.json',
          '淺談/2026-11-23.json',
          '通知/1.json',
        ],
        [],
      ]);
      expect(await text(files.read('淺談/2026-11-23.json'))).toBe('[2]');
    } finally {
      files.close();
    }
  });

  it('takes as unlike, without inflating them, the entries of a name that together inflate past the limit on one', async () => {
    const zeros = Buffer.alloc(4 << 20);
    const path = zipped([deflated('channels.json', Buffer.from('[]')), ...Array.from({ length: 65 }, () => deflated('ops/2026-11-25.json', zeros))]);
    const inflated = vi.spyOn(Zip.prototype, 'openReadStreamPromise');
    const files = await zipFiles(path, 'channels.json');
    try {
      expect(await files.unlike('ops/2026-11-25.json')).toBe(
        '65 entries of this name in the zip inflate to 260 MiB together, over the 256 MiB limit on comparing them; the first is read, the rest not',
      );
      expect(inflated.mock.calls.length).toBe(0);
    } finally {
      files.close();
    }
  });
});
