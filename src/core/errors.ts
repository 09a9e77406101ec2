/**
 * Bad usage or bad input: the CLI prints the message as one line and exits 2.
 * The message must name where (file and line, or the option) so a user can fix it.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** A failure of the work itself (a rule test failed, a delivery failed): exit 1. */
export class WorkError extends Error {
  override name = 'WorkError';
}

/**
 * The reader of an output quit before all was written (`… --out /dev/stdout | head`): exit 1, as the
 * output was not all delivered, but quietly, as a Unix filter stops (the reader chose to stop).
 */
export class ReaderGone extends WorkError {
  override name = 'ReaderGone';
}

export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
