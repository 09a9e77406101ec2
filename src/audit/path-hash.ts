import { createHash } from 'node:crypto';
import { realPath } from '../core/real-path.js';

/**
 * A short hash of a file's real path (and of `id` there), to tell apart in a report what two files
 * of one name hold without showing the folders, which may bear a user's name.
 */
export function pathHash(path: string, id = ''): string {
  return createHash('sha256')
    .update(`${realPath(path)}\u0000${id}`)
    .digest('hex')
    .slice(0, 8);
}
