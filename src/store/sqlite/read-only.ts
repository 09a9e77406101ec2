import { accessSync, constants, existsSync, lstatSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { realPath } from '../../core/real-path.js';

const writable = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

const isLink = (path: string): boolean => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

/**
 * Why SQLite may not write the database at `path`, as one line naming it: its folder, where SQLite
 * keeps the database's -wal and -shm files beside it in WAL mode and cannot make them, the file, or
 * both. SQLite follows a symbolic link and keeps them beside the file it leads to, so that file's
 * folder is the one that counts. `detail` is SQLite's own word, where it gave one.
 */
export function readOnlyError(path: string, detail?: string): string {
  const link = isLink(path);
  const file = link ? realPath(path) : path;
  const where = link ? `${path} (a link to ${file})` : path;
  const folder = dirname(file);
  const name = basename(file);
  const said = detail === undefined ? '' : ` (${detail})`;
  const fileRefused = existsSync(file) && !writable(file);
  if (!writable(folder)) {
    if (fileRefused)
      return `${where}: the database file is read-only, and so is its folder ${folder}, where SQLite keeps ${name}-wal and ${name}-shm beside it${said}; make both writable by the user fingertip runs as`;
    return `${where}: the folder ${folder} is read-only, and SQLite keeps ${name}-wal and ${name}-shm in it beside the database${said}; make the folder writable, or move the database to one that is`;
  }
  return `${where}: the database file is read-only${said}; make it writable by the user fingertip runs as`;
}

/** A database file this process may not write, where it must: the line saying so, or undefined. */
export function unwritableFile(path: string): string | undefined {
  return writable(path) ? undefined : readOnlyError(path);
}
