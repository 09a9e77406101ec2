/** How long to wait before the next attempt: `firstMs`, doubling each time, at most `maxMs`. */
export class Backoff {
  private nextMs: number;

  constructor(
    private readonly firstMs = 5_000,
    private readonly maxMs = 300_000,
  ) {
    this.nextMs = firstMs;
  }

  next(): number {
    const ms = this.nextMs;
    this.nextMs = Math.min(ms * 2, this.maxMs);
    return ms;
  }

  /** After a success: the next failure waits `firstMs` again. */
  reset(): void {
    this.nextMs = this.firstMs;
  }
}
