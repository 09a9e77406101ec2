import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { cannotRead, fileStream } from '../open-file.js';
import { chunksOf, type ExportFiles, stripTopFolder } from './export-files.js';

async function walk(dir: string, out: { path: string; size: number }[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
    throw cannotRead(dir, err);
  });
  for (const ent of entries) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) await walk(p, out);
    else if (ent.isFile()) out.push({ path: p, size: (await stat(p)).size });
  }
}

/** The files of an unpacked export folder (symbolic links are not followed, so nothing outside it is read). */
export async function folderFiles(root: string, marker: string): Promise<ExportFiles> {
  const found: { path: string; size: number }[] = [];
  await walk(root, found);
  const sizes = new Map(found.map((f) => [relative(root, f.path).split(sep).join('/'), f.size]));
  const { names, prefix } = stripTopFolder([...sizes.keys()].sort(), marker);
  return {
    names,
    refused: [],
    size: (name) => sizes.get(prefix + name) ?? 0,
    read: (name) => chunksOf(fileStream(join(root, prefix + name)), (err) => `cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`),
    unlike: () => Promise.resolve(undefined),
    close() {},
  };
}
