import { fstatSync, readFileSync, statSync, type Stats } from 'node:fs';
import { realPath } from './real-path.js';

/** The device number of /dev/tty (major 5, minor 0), which is whichever terminal controls the process. */
const DEV_TTY = 5 << 8;

/** The device number of the process's controlling terminal (field 7 of /proc/self/stat); none without one. */
function controllingTerminal(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // The fields after the command's name, which is in parentheses and may hold spaces: state, ppid, pgrp, session, tty_nr.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[4]) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A device is the device it opens, however its file is named (/dev/tty being the terminal in use,
 * /dev/pts/3 for one); anything else, its file's device and inode.
 */
function identity(s: Stats): string {
  if (!s.isCharacterDevice()) return `${s.dev}:${s.ino}`;
  return `device ${s.rdev === DEV_TTY ? (controllingTerminal() ?? s.rdev) : s.rdev}`;
}

/**
 * What a path leads to, equal for every way of reaching it: the device and inode of what is there, so
 * that a link, a hard link, or /dev/stdout, /dev/fd/1 and /proc/self/fd/1 match what they lead to
 * (a pipe or terminal as well as a file, /dev/tty the terminal it is); the real path of a file not
 * there yet.
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
