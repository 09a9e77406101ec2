import { InputError, ReaderGone, WorkError } from './errors.js';

/** Codes of a disk (or a size limit) that cannot take more: the work failed (exit 1), the path itself was fine. */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EFBIG']);

/**
 * A failed write of `what` (`--out FILE`) as one line: a full disk is a WorkError, with `kept` said
 * after it (what is as it was); a pipe whose reader quit (EPIPE) is ReaderGone, as standard output's
 * is; anything else, a path that cannot be written, is bad input.
 */
export function writeError(what: string, err: unknown, kept = ''): InputError | WorkError {
  const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message ?? 'error';
  if (code === 'EPIPE') return new ReaderGone(`${what}: the reader quit before all was written`);
  return DISK_FULL.has(code) ? new WorkError(`${what}: cannot write (${code})${kept}`) : new InputError(`${what}: cannot write (${code})`);
}
