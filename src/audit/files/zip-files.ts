import { openPromise, type Entry, type ZipFile } from 'yauzl';
import { InputError } from '../../util/errors.js';
import { BadExportFile, type ExportFiles, stripTopFolder } from './export-files.js';

/**
 * The files of a zipped export. yauzl reads the central directory first, so entries are listed without
 * reading their data and each is then inflated on its own, as a stream: memory stays one file deep.
 */
export async function zipFiles(path: string, marker: string): Promise<ExportFiles> {
  let zip: ZipFile;
  try {
    zip = await openPromise(path, { autoClose: false });
  } catch (err) {
    throw new InputError(`${path}: corrupt zip (${(err as Error).message})`);
  }
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      entries.set(entry.fileName, entry);
    }
  } catch (err) {
    zip.close();
    throw new InputError(`${path}: corrupt zip (${(err as Error).message})`);
  }
  const { names, prefix } = stripTopFolder([...entries.keys()].sort(), marker);
  return {
    names,
    size: (name) => entries.get(prefix + name)?.uncompressedSize ?? 0,
    async read(name, onBytes) {
      const entry = entries.get(prefix + name);
      if (!entry) throw new BadExportFile('no such entry');
      if (entry.isEncrypted() || !entry.canDecodeFileData()) throw new BadExportFile('encrypted or of an unsupported compression');
      const chunks: Buffer[] = [];
      try {
        const stream = await zip.openReadStreamPromise(entry);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          onBytes(chunk.length);
          chunks.push(chunk);
        }
      } catch (err) {
        throw new BadExportFile(`corrupt zip entry (${(err as Error).message})`);
      }
      return Buffer.concat(chunks);
    },
    close() {
      zip.close();
    },
  };
}
