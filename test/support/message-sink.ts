import { beforeEach } from 'vitest';
import type { ChatMessage } from '../../src/core/chat-message.js';

/**
 * What an adapter under test hands over, in place of the bot: it records every message, and can
 * hold them to show that the platform was acknowledged before the bot finished. Emptied before each test.
 */
export class MessageSink {
  received: ChatMessage[] = [];
  private held: Promise<void> | undefined;
  /** Set: every message is recorded, then fails with it (the bot's store refusing it). */
  failing: Error | undefined;

  constructor() {
    beforeEach(() => {
      this.received = [];
      this.held = undefined;
      this.failing = undefined;
    });
  }

  /** The callback to start the adapter with. */
  readonly onMessage = async (msg: ChatMessage): Promise<void> => {
    this.received.push(msg);
    await this.held;
    if (this.failing) throw this.failing;
  };

  /** From now on each message is recorded but not finished with until the returned release is called. */
  hold(): () => void {
    let release!: () => void;
    this.held = new Promise<void>((resolve) => (release = resolve));
    return release;
  }

  /** For waitFor: the message with this id once it has arrived. */
  byId(id: string): () => ChatMessage | undefined {
    return () => this.received.find((m) => m.id === id);
  }
}
