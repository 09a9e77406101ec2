import { readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** As many links as the system follows before it gives up (ELOOP). */
const MAX_LINKS = 40;

/**
 * The path with its symbolic links, `.` and `..` resolved, so that two spellings of one file compare
 * equal. A file not there yet is its folder's real path and its name, and a link to one (a dangling
 * link) is the path of the file writing through it would make; a folder not there either, the
 * absolute path.
 */
export function realPath(path: string, links = MAX_LINKS): string {
  try {
    return realpathSync(path);
  } catch {
    let at: string;
    try {
      at = join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
    try {
      return links > 0 ? realPath(resolve(dirname(at), readlinkSync(at)), links - 1) : at;
    } catch {
      // Not a link: the file not there yet.
      return at;
    }
  }
}
