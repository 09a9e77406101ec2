import { existsSync, readFileSync } from 'node:fs';

/** The store's files as they are on disk: the database, its write-ahead log and the log's index. */
export const STORE_FILES = ['', '-wal', '-shm'] as const;

/**
 * Where any of `needles` occurs in the raw bytes of the database's files, in UTF-8 or in UTF-16
 * (either byte order), as `<file> <encoding> <needle>`; empty when none does.
 */
export function bytesFound(dbPath: string, needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const suffix of STORE_FILES) {
    const file = `${dbPath}${suffix}`;
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const needle of needles) {
      const le = Buffer.from(needle, 'utf16le');
      const encodings: [string, Buffer][] = [
        ['utf8', Buffer.from(needle, 'utf8')],
        ['utf16le', le],
        ['utf16be', Buffer.from(le).swap16()],
      ];
      for (const [encoding, pattern] of encodings) if (bytes.includes(pattern)) found.push(`${file} ${encoding} ${needle}`);
    }
  }
  return found;
}
