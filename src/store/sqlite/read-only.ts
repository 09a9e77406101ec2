import { accessSync, constants } from 'node:fs';
import { basename, dirname } from 'node:path';

const writable = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Why SQLite may not write the database at `path`, as one line naming it: its folder, where SQLite
 * keeps the database's -wal and -shm files beside it in WAL mode and cannot make them, else the file.
 * `detail` is SQLite's own word, where it gave one.
 */
export function readOnlyError(path: string, detail?: string): string {
  const folder = dirname(path);
  const name = basename(path);
  const said = detail === undefined ? '' : ` (${detail})`;
  if (!writable(folder))
    return `${path}: the folder ${folder} is read-only, and SQLite keeps ${name}-wal and ${name}-shm in it beside the database${said}; make the folder writable, or move the database to one that is`;
  return `${path}: the database file is read-only${said}; make it writable by the user fingertip runs as`;
}

/** A database file this process may not write, where it must: the line saying so, or undefined. */
export function unwritableFile(path: string): string | undefined {
  return writable(path) ? undefined : readOnlyError(path);
}
