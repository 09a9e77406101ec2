import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The path with its symbolic links, `.` and `..` resolved, so that two spellings of one file compare
 * equal. A file not there yet is its folder's real path and its name; a folder not there either, the
 * absolute path.
 */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}
