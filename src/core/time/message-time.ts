/**
 * The start of the times a message may carry: 2000-01-01 UTC, before any group chat fingertip reads
 * existed. Earlier lies a missing time written as 0 (1 January 1970) or seconds read as milliseconds
 * (January 1970), and a report from there would chart every day since.
 */
const START = Date.UTC(2000, 0, 1);
/** The end of the times a message may carry: 2100-01-01 UTC. */
const END = Date.UTC(2100, 0, 1);

/**
 * Why epoch-ms `ms` cannot be a chat message's time, or undefined when it can: from 2000 to the end
 * of 2099. Beyond it lies a corrupt field (milliseconds given as seconds, say), and a report over
 * every day between it and the other messages would not end.
 */
export function timeProblem(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return 'time is not a number';
  if (ms < START) return 'time is before 2000 (a missing time given as 0?)';
  if (ms >= END) return 'time is after 2099 (milliseconds given as seconds?)';
  return undefined;
}

/** Whether any instant from `from` to `to` (exclusive) may be a message's time: a period holding none can only be empty. */
export function holdsMessageTimes(from: number, to: number): boolean {
  return to > START && from < END;
}
