/**
 * A run of failures of one kind in a bounded number of log lines: the first at once, then one line
 * per window while they go on, counting the rest. A store that cannot write fails every message an
 * adapter hands over, and a line for each would bury the one that says why under thousands that
 * say the same.
 */
export class BurstLog {
  private more = 0;
  private latest = '';
  private since = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** Where lines go; the adapter's, which puts its name in front ("dingtalk: "). */
    private readonly log: (line: string) => void,
    /** What the count line counts, e.g. "messages failed". */
    private readonly what: string,
    private readonly windowMs = 10_000,
  ) {}

  /** One failure: which and why. */
  report(detail: string): void {
    if (this.timer) {
      this.more++;
      this.latest = detail;
      return;
    }
    this.log(detail);
    this.open();
  }

  /** Logs the count not logged yet (at stop), and ends the burst. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.count();
  }

  private open(): void {
    this.since = Date.now();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Still failing: say so, and count on in a new window; a quiet window ends the burst.
      if (this.count()) this.open();
    }, this.windowMs).unref();
  }

  private count(): boolean {
    if (this.more === 0) return false;
    const seconds = Math.max(1, Math.round((Date.now() - this.since) / 1000));
    this.log(`${this.more} more ${this.what} in the last ${seconds} s (the latest: ${this.latest})`);
    this.more = 0;
    return true;
  }
}
