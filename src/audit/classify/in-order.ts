import type { ChatMessage } from '../../core/chat-message.js';
import type { Classification } from '../../core/finding.js';
import type { BatchClassifier } from './batch-classifier.js';

/** Messages a batch holds at most, and the text (UTF-16 code units) past which it is sent sooner. */
const BATCH_MESSAGES = 1000;
const BATCH_TEXT = 1 << 20;
/** Batches sent and not yet handed on: enough to keep the classifier busy, few enough to bound memory. */
const IN_FLIGHT = 4;

interface Sent {
  msgs: ChatMessage[];
  classified: Promise<Classification[]>;
}

/**
 * Feeds messages to the classifier in batches, a few in flight, and hands each on with its
 * classification in the order it was pushed, so that the report is the one a single thread builds.
 */
export class ClassifiedInOrder {
  private batch: ChatMessage[] = [];
  private batchText = 0;
  private readonly sent: Sent[] = [];

  constructor(
    private readonly classifier: BatchClassifier,
    private readonly handOn: (msg: ChatMessage, cls: Classification) => Promise<void> | void,
  ) {}

  async push(msg: ChatMessage): Promise<void> {
    this.batch.push(msg);
    this.batchText += msg.text.length;
    if (this.batch.length < BATCH_MESSAGES && this.batchText < BATCH_TEXT) return;
    this.send();
    if (this.sent.length > IN_FLIGHT) await this.handOnOldest();
  }

  /** Hands on every message pushed so far. */
  async flush(): Promise<void> {
    if (this.batch.length > 0) this.send();
    while (this.sent.length > 0) await this.handOnOldest();
  }

  private send(): void {
    const classified = this.classifier.classify(this.batch);
    // A batch still in flight when the audit stops on an error is rejected later, with nobody waiting.
    classified.catch(() => {});
    this.sent.push({ msgs: this.batch, classified });
    this.batch = [];
    this.batchText = 0;
  }

  private async handOnOldest(): Promise<void> {
    const { msgs, classified } = this.sent.shift()!;
    const results = await classified;
    for (let i = 0; i < msgs.length; i++) {
      const pending = this.handOn(msgs[i], results[i]);
      if (pending) await pending;
    }
  }
}
