import type { ChatMessage } from '../../core/chat-message.js';
import type { Classification } from '../../core/finding.js';

/** Classifies messages a batch at a time, answers in the batch's order. */
export interface BatchClassifier {
  /** Whether a worker thread classifies (else this thread does). */
  readonly onWorker: boolean;
  classify(msgs: ChatMessage[]): Promise<Classification[]>;
  close(): Promise<void>;
}
