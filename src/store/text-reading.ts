import type { Deadline } from '../core/message-record.js';

/**
 * What the analysis reads from a message's text as it records it; given to the store when it is
 * opened, so that rows kept before a reading existed get it too, while the store imports nothing above it.
 */
export interface TextReading {
  hash(text: string): string;
  deadline(text: string): Deadline | null;
}
