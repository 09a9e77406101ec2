import { AsyncLocalStorage } from 'node:async_hooks';

/** What one input line has said so far (null once printed), and when its handling settles. */
interface Slot {
  lines: string[] | null;
  done: boolean;
  settled?: Promise<void>;
}

/**
 * Prints what lines handled at the same time say, in the order the lines came: whatever a line's
 * handling prints (found through its async context, however deep in the bot) waits in its slot until
 * every earlier line is done. What is said outside any line (a local command, the weekly digest)
 * goes after everything queued so far.
 */
export class OrderedOutput {
  private readonly current = new AsyncLocalStorage<Slot>();
  /** Slots not yet printed, in input order. */
  private readonly queue: Slot[] = [];

  constructor(private readonly write: (text: string) => void) {}

  /** Lines queued and not yet printed: those in flight, and those done behind one that is not. */
  get pending(): number {
    return this.queue.length;
  }

  say(line: string): void {
    const slot = this.current.getStore();
    if (slot?.lines) slot.lines.push(line);
    else if (this.queue.length) this.queue.push({ lines: [line], done: true });
    else this.write(`${line}\n`);
  }

  /** Starts handling a line now; resolves once it is done. `handle` must not reject. */
  run(handle: () => Promise<void>): Promise<void> {
    const slot: Slot = { lines: [], done: false };
    this.queue.push(slot);
    return (slot.settled = this.current.run(slot, handle).then(() => {
      slot.done = true;
      this.printReady();
    }));
  }

  /** Resolves once the oldest line queued has been printed. */
  async oldest(): Promise<void> {
    await this.queue[0]?.settled;
  }

  /** Resolves once every line queued so far is done and printed. */
  async idle(): Promise<void> {
    await Promise.all(this.queue.map((slot) => slot.settled));
  }

  private printReady(): void {
    let text = '';
    while (this.queue[0]?.done) {
      const slot = this.queue.shift()!;
      for (const line of slot.lines!) text += `${line}\n`;
      slot.lines = null;
    }
    if (text) this.write(text);
  }
}
