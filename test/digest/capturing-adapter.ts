import type { Outgoing } from '../../src/core/adapter.js';
import { RecordingAdapter } from '../support/recording-adapter.js';

/** The recording adapter, keeping whole Outgoings and when they went; it fails its first `failures` sends. */
export class CapturingAdapter extends RecordingAdapter {
  readonly outs: { user: string; out: Outgoing; at: number }[] = [];
  tries = 0;

  constructor(public failures = 0) {
    super();
  }

  override async sendPrivate(userId: string, out: Outgoing): Promise<void> {
    this.tries++;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('platform unavailable (503)');
    }
    this.outs.push({ user: userId, out, at: Date.now() });
  }

  /** The weeks delivered so far, from each text's first line. */
  weeks(): string[] {
    return this.outs.map((o) => /\d{4}-W\d{2}/.exec(o.out.text)![0]);
  }
}
