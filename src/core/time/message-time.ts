/** The end of the times a message may carry: 2100-01-01 UTC. */
const END = Date.UTC(2100, 0, 1);

/**
 * Why epoch-ms `ms` cannot be a chat message's time, or undefined when it can: from the Unix epoch
 * to the end of 2099. Beyond it lies a corrupt field (milliseconds given as seconds, say), and a
 * report over every day between it and the other messages would not end.
 */
export function timeProblem(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return 'time is not a number';
  if (ms < 0) return 'time is before 1970';
  if (ms >= END) return 'time is after 2099 (milliseconds given as seconds?)';
  return undefined;
}
