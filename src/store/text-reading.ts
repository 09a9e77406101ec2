import type { Deadline } from '../core/message-record.js';

/**
 * What the analysis reads from a message's text as it records it; given to the store when it is
 * opened, so that rows kept before a reading existed get it too, while the store imports nothing above it.
 */
export interface TextReading {
  hash(text: string): string;
  /** The deadline of a text sent at `ts` (epoch ms), in the time zone the reading was made for. */
  deadline(text: string, ts: number): Deadline | null;
}
