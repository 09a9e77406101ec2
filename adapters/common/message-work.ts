/**
 * The work on the last messages, by id: a message is worked on once however often the platform
 * delivers it, and each delivery gets the first one's outcome, waiting for it while it runs. A
 * message whose work failed is forgotten, so the platform's next delivery is worked on afresh;
 * after a restart the bot's store drops what was done before. Bounded: the oldest ids go first.
 */
export class MessageWork {
  private readonly byId = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly limit = 10_000) {}

  /** Settles as message `id`'s work does: `work` started now if `id` is new, else the work already done or under way. */
  run(id: string, work: () => Promise<void>): Promise<void> {
    const known = this.byId.get(id);
    if (known) return known;
    const outcome = work();
    this.byId.set(id, outcome);
    // A Map iterates in insertion order, so the first id is the oldest.
    if (this.byId.size > this.limit) this.byId.delete(this.byId.keys().next().value as string);
    const settled: Promise<void> = outcome
      .catch(() => {
        if (this.byId.get(id) === outcome) this.byId.delete(id);
      })
      .finally(() => this.running.delete(settled));
    this.running.add(settled);
    return outcome;
  }

  /** Resolves once no work runs, work started meanwhile included. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}
