import type { Classification } from '../../core/finding.js';
import type { MessageKind } from '../../core/chat-message.js';
import type { EngineOptions } from '../../engine/index.js';

/** The engine's configuration: the extra rule folders and the model, the same on either thread. */
export interface EngineSetup {
  rules: string[];
  options: EngineOptions;
}

/** A batch to classify: what classifyMessage reads of each message, in two parallel arrays. */
export interface BatchRequest {
  texts: string[];
  kinds: (MessageKind | undefined)[];
}

/** The thread's first answer: its engine loaded, or the error it refused the rules or the model with. */
export type StartReply = { type: 'ready' } | { type: 'failed'; name: string; message: string };

/** One batch's classifications, in order, `null` for the many that found nothing (fewer objects to copy). */
export interface BatchReply {
  results: (Classification | null)[];
}
