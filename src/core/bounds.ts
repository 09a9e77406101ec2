/**
 * The range a number from the configuration or a chat command must lie in. Without one, `/members
 * 1e300` made a burden of 5e+300 person-minutes and `retentionDays: 1e300` a cut-off date before time.
 */
export interface Bound {
  /** What the number counts, for messages. */
  unit: string;
  min: number;
  max: number;
  whole: boolean;
}

/** A group's size: far above any platform's largest group (WeChat 500, DingTalk 3,000 members). */
export const MEMBERS: Bound = { unit: 'members', min: 1, max: 100_000, whole: true };
/** A hundred years. */
export const RETENTION_DAYS: Bound = { unit: 'days', min: 1, max: 36_500, whole: true };
/** What one demand costs one recipient: at most a whole day. */
export const COST_MINUTES: Bound = { unit: 'minutes', min: 0, max: 1_440, whole: false };
/** A group's week: 100,000 members busy all week come to about 1e9 person-minutes. */
export const WEEK_PERSON_MINUTES: Bound = { unit: 'person-minutes', min: 0, max: 1_000_000_000, whole: false };
/** A pause between messages: at most an hour (Node's timers overflow past 24.8 days, and fire at once). */
export const PAUSE_SECONDS: Bound = { unit: 'seconds', min: 0, max: 3_600, whole: false };

export function inBound(v: unknown, b: Bound): v is number {
  return typeof v === 'number' && v >= b.min && v <= b.max && (!b.whole || Number.isInteger(v));
}

/** What a value must be, for an error message: "a whole number of members from 1 to 100,000". */
export function expected(b: Bound): string {
  return `${b.whole ? 'a whole number' : 'a number'} of ${b.unit} from ${b.min.toLocaleString('en-US')} to ${b.max.toLocaleString('en-US')}`;
}
