import { timeProblem } from '../../src/core/time/message-time.js';

/** Below this a time in milliseconds is seconds: 1e11 ms is March 1973, and seconds reach 1e11 only in the year 5138. */
const SECONDS_BELOW = 1e11;

/**
 * Why epoch-ms `ms`, as a live platform's callback gives a message's time, cannot be one (as
 * timeProblem says, or seconds given for milliseconds); undefined when it can.
 */
export function msTimeProblem(ms: number): string | undefined {
  return timeProblem(ms) ?? (ms < SECONDS_BELOW ? 'time is in seconds, not milliseconds' : undefined);
}
