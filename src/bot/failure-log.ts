/**
 * An adapter's failed messages, logged once per burst: a store that cannot write fails every
 * message until someone fixes it, and a line for each would bury the cause. The first failure is
 * logged at once, in full; those within the next `windowMs` are counted and reported in one line
 * when the window closes, which opens another window while they go on.
 */
export class FailureLog {
  private counted = 0;
  private window: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: (line: string) => void,
    /** Names the adapter in the count line, as its other lines do ("dingtalk"). */
    private readonly platform: string,
    private readonly windowMs = 60_000,
  ) {}

  /** One message failed; `line` says which and why. */
  failed(line: string): void {
    if (this.window) {
      this.counted++;
      return;
    }
    this.log(line);
    this.open();
  }

  /** Reports what is counted and not yet said, as the adapter stops. */
  stop(): void {
    clearTimeout(this.window);
    this.window = undefined;
    this.report();
  }

  private open(): void {
    this.window = setTimeout(() => {
      this.window = undefined;
      if (this.report()) this.open();
    }, this.windowMs);
    // A pending count is no reason to keep the process alive.
    this.window.unref();
  }

  /** Logs the count, if any; true when there was one. */
  private report(): boolean {
    const n = this.counted;
    if (n === 0) return false;
    this.counted = 0;
    this.log(`${this.platform}: ${n} more message${n === 1 ? '' : 's'} failed (counted, not logged one by one)`);
    return true;
  }
}
