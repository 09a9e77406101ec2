/** Leads keep their time to the quarter hour: enough for the week they belong to in any time zone, and no exact match with the sender's message. */
export const LEAD_TIME_STEP_MS = 15 * 60_000;

/** The quarter hour `ts` falls in, as a lead keeps it. */
export function leadTime(ts: number): number {
  return Math.floor(ts / LEAD_TIME_STEP_MS) * LEAD_TIME_STEP_MS;
}
