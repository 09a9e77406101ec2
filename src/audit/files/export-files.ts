/**
 * The files of a folder-shaped export (a Slack export), read the same way whether it is a folder or a
 * zip of one. Names are relative, with `/` separators; a zip's single top folder is not part of them.
 */
export interface ExportFiles {
  /** Every file, sorted. */
  readonly names: string[];
  /** Bytes of a file, for progress. */
  size(name: string): number;
  /** One file whole (export files are small: a channel's day); `onBytes` hears of each chunk. */
  read(name: string, onBytes: (n: number) => void): Promise<Buffer>;
  close(): void;
}

/** Drops a single top folder shared by every name ("export/users.json" → "users.json"). */
export function stripTopFolder(names: string[], has: string): { names: string[]; prefix: string } {
  if (names.includes(has)) return { names, prefix: '' };
  const top = names[0]?.split('/')[0];
  if (top && names.every((n) => n.startsWith(`${top}/`))) {
    return { names: names.map((n) => n.slice(top.length + 1)), prefix: `${top}/` };
  }
  return { names, prefix: '' };
}

/** A file of the export that cannot be read; the reader names the export and the file. */
export class BadExportFile extends Error {}
