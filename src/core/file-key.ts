import { fstatSync, statSync, type Stats } from 'node:fs';
import { realPath } from './real-path.js';

const identity = (s: Stats): string => `${s.dev}:${s.ino}`;

/**
 * What a path leads to, equal for every way of reaching it: the device and inode of what is there, so
 * that a link, a hard link, or /dev/stdout, /dev/fd/1 and /proc/self/fd/1 match what they lead to
 * (a pipe or terminal as well as a file); the real path of a file not there yet.
 */
export function fileKey(path: string): string {
  try {
    return identity(statSync(path));
  } catch {
    return realPath(path);
  }
}

/** The same for what an open descriptor writes to (standard output's file, pipe or terminal); none when it is not open. */
export function descriptorKey(fd: number): string | undefined {
  try {
    return identity(fstatSync(fd));
  } catch {
    return undefined;
  }
}
