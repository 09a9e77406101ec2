import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { openPromise, validateFileName, type Entry, type ZipFile } from 'yauzl';
import { InputError } from '../../core/errors.js';
import { BadExportFile, chunksOf, type ExportFiles, stripTopFolder } from './export-files.js';
import { zipEntryName } from './zip-name.js';

const MiB = 1 << 20;
/** The most an entry may inflate to: a Slack day file is a few MB, even for a busy channel. */
const MAX_ENTRY_BYTES = 256 * MiB;
/** The most an entry above RATIO_FROM may inflate per byte stored: a pretty-printed day of near-identical messages deflates 53:1, a zip bomb 1000:1. */
const MAX_RATIO = 100;
const RATIO_FROM = 4 * MiB;
const UNZIP = 'unzip it to audit the folder if it is genuine';
const hex = (n: number): string => n.toString(16).padStart(8, '0');

/**
 * Why an entry is not inflated, if it is not. The sizes are the central directory's, which yauzl then
 * holds the data to (validateEntrySizes): an entry that inflates past its stated size fails midway.
 */
function refusal(entry: Entry): string | undefined {
  if (entry.isEncrypted() || !entry.canDecodeFileData()) return 'encrypted or of an unsupported compression';
  const size = entry.uncompressedSize;
  if (size > MAX_ENTRY_BYTES) return `inflates to ${Math.ceil(size / MiB)} MiB, over the ${MAX_ENTRY_BYTES / MiB} MiB limit on a zip entry (${UNZIP})`;
  if (size > RATIO_FROM && size > MAX_RATIO * entry.compressedSize) {
    return `inflates ${Math.round(size / Math.max(entry.compressedSize, 1))}:1, over the ${MAX_RATIO}:1 limit on a zip entry above ${RATIO_FROM / MiB} MiB (${UNZIP})`;
  }
  return undefined;
}

/** An entry's bytes as they inflate; a BadExportFile when they cannot. */
async function inflate(zip: ZipFile, entry: Entry): Promise<AsyncIterable<Buffer>> {
  const why = refusal(entry);
  if (why) throw new BadExportFile(why);
  try {
    return chunksOf(await zip.openReadStreamPromise(entry), (err) => `corrupt zip entry (${err.message})`);
  } catch (err) {
    throw new BadExportFile(`corrupt zip entry (${(err as Error).message})`);
  }
}

/**
 * Inflates an entry to check it against its CRC, which yauzl does not, handing `each` its chunks: a
 * BadExportFile when it fails.
 */
async function check(zip: ZipFile, entry: Entry, each: (chunk: Buffer) => void = () => {}): Promise<void> {
  let crc = 0;
  for await (const chunk of await inflate(zip, entry)) {
    crc = crc32(chunk, crc);
    each(chunk);
  }
  if (crc !== entry.crc32) throw new BadExportFile(`corrupt zip entry (its CRC is ${hex(crc)} where the zip says ${hex(entry.crc32)})`);
}

/** The SHA-256 of an entry's bytes; none when it cannot be read whole. */
async function digest(zip: ZipFile, entry: Entry): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    await check(zip, entry, (chunk) => hash.update(chunk));
  } catch (err) {
    if (err instanceof BadExportFile) return undefined;
    throw err;
  }
  return hash.digest('hex');
}

const UNLIKE = 'a second entry of this name in the zip, not the same as the first; not read';

/**
 * Why the later entries of one name are not the first's bytes, if they are not. Entries at the first's
 * local header are its bytes, uninflated; the others are hashed, each at most once (`digests`, by
 * offset), and together no more than one entry may inflate to: past that they are taken as unlike.
 */
async function unlikeFirst(zip: ZipFile, [first, ...later]: Entry[], digests: Map<number, Promise<string | undefined>>): Promise<string | undefined> {
  const at = (e: Entry): number => e.relativeOffsetOfLocalHeader;
  const others = [...new Map(later.filter((e) => at(e) !== at(first)).map((e) => [at(e), e])).values()];
  if (!others.length) return undefined;
  if (others.some((e) => e.crc32 !== first.crc32 || e.uncompressedSize !== first.uncompressedSize)) return UNLIKE;
  const total = (others.length + 1) * first.uncompressedSize;
  if (total > MAX_ENTRY_BYTES) {
    return `${others.length + 1} entries of this name in the zip inflate to ${Math.ceil(total / MiB)} MiB together, over the ${MAX_ENTRY_BYTES / MiB} MiB limit on comparing them; the first is read, the rest not`;
  }
  const hashed = (e: Entry): Promise<string | undefined> => {
    let d = digests.get(at(e));
    if (!d) digests.set(at(e), (d = digest(zip, e)));
    return d;
  };
  const want = await hashed(first);
  for (const e of others) if (want === undefined || (await hashed(e)) !== want) return UNLIKE;
  return undefined;
}

/**
 * The files of a zipped export. yauzl reads the central directory first, so entries are listed without
 * reading their data and each is then inflated on its own, as a stream: memory stays one chunk deep.
 * Names are decoded here rather than by yauzl, which fails the whole zip at one unsafe name: an
 * absolute or `..` name is refused, and the rest is read. A name given twice is one file, its first
 * entry, and when it is read, `unlike` says whether the others hold the same bytes (a zip tool run
 * twice over a folder) or not.
 */
export async function zipFiles(path: string, marker: string): Promise<ExportFiles> {
  let zip: ZipFile;
  try {
    zip = await openPromise(path, { autoClose: false, decodeStrings: false });
  } catch (err) {
    throw new InputError(`${path}: corrupt zip (${(err as Error).message})`);
  }
  /** Every entry of a name, in the zip's order. */
  const entries = new Map<string, Entry[]>();
  const refused: ExportFiles['refused'] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const name = zipEntryName(entry);
      if (name.endsWith('/')) continue;
      const unsafe = validateFileName(name);
      if (unsafe) refused.push({ name, reason: `path outside the export (${unsafe.slice(0, unsafe.indexOf(':'))}); not read` });
      else if (entries.has(name)) entries.get(name)!.push(entry);
      else entries.set(name, [entry]);
    }
  } catch (err) {
    zip.close();
    throw new InputError(`${path}: corrupt zip (${(err as Error).message})`);
  }
  const { names, prefix } = stripTopFolder([...entries.keys()].sort(), marker);
  const digests = new Map<number, Promise<string | undefined>>();
  return {
    names,
    refused,
    size(name) {
      const entry = entries.get(prefix + name)?.[0];
      return entry && !refusal(entry) ? entry.uncompressedSize : 0;
    },
    async *read(name) {
      const entry = entries.get(prefix + name)?.[0];
      if (!entry) throw new BadExportFile('no such entry');
      // Checked in a first pass, so that nothing of a damaged entry is read at all (it is one broken
      // entry, not half one).
      await check(zip, entry);
      yield* await inflate(zip, entry);
    },
    async unlike(name) {
      const all = entries.get(prefix + name);
      return all && all.length > 1 ? unlikeFirst(zip, all, digests) : undefined;
    },
    close() {
      zip.close();
    },
  };
}
