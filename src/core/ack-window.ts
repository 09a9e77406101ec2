import { DAY_MS } from './time/units.js';

/** An ack that replies to nothing counts toward its group's most recent demand at most this long after it. */
export const ACK_WINDOW_MS = DAY_MS;
