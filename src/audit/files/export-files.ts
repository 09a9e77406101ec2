/**
 * The files of a folder-shaped export (a Slack export), read the same way whether it is a folder or a
 * zip of one. Names are relative, with `/` separators; a zip's single top folder is not part of them.
 */
export interface ExportFiles {
  /** Every file, sorted. */
  readonly names: string[];
  /** Entries left out of `names` because they cannot be part of the export (a zip's `../x`), and why. */
  readonly refused: { name: string; reason: string }[];
  /** Bytes that `read` will yield, for progress: 0 for a file it refuses. */
  size(name: string): number;
  /** A file's bytes as they are read, chunk by chunk; a BadExportFile when it cannot be, at once or midway. */
  read(name: string): AsyncIterable<Buffer>;
  /**
   * Why a file's later entries in a zip are left out, if the zip holds it more than once not alike
   * (`read` reads the first). Compared when asked, so only for a file that is read.
   */
  unlike(name: string): Promise<string | undefined>;
  close(): void;
}

/** What macOS adds to a folder it zips or browses (__MACOSX/, .DS_Store): never part of an export. */
export const isMacMetadata = (name: string): boolean => name.startsWith('__MACOSX/') || name === '.DS_Store' || name.endsWith('/.DS_Store');

/**
 * Drops macOS's metadata, then a single top folder shared by every name ("export/users.json" →
 * "users.json").
 */
export function stripTopFolder(all: string[], has: string): { names: string[]; prefix: string } {
  const names = all.filter((n) => !isMacMetadata(n));
  if (names.includes(has)) return { names, prefix: '' };
  const top = names[0]?.split('/')[0];
  if (top && names.every((n) => n.startsWith(`${top}/`))) {
    return { names: names.map((n) => n.slice(top.length + 1)), prefix: `${top}/` };
  }
  return { names, prefix: '' };
}

/** A file of the export that cannot be read; the reader names the export and the file. */
export class BadExportFile extends Error {}

/** The chunks of `stream`, its failure midway turned into a BadExportFile saying `why`. */
export async function* chunksOf(stream: AsyncIterable<Buffer>, why: (err: Error) => string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk;
  } catch (err) {
    throw new BadExportFile(why(err as Error));
  }
}
