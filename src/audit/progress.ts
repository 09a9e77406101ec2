import type { Writable } from 'node:stream';

/** How the audit reports its progress: bytes expected and read, messages seen. */
export interface Progress {
  expect(bytes: number): void;
  advance(bytes: number): void;
  message(): void;
  /** Clears the bar so another line can be written, or finishes it. */
  clear(): void;
}

/** No progress shown: output that is not a terminal (a file, a pipe, CI logs). */
export const NO_PROGRESS: Progress = { expect() {}, advance() {}, message() {}, clear() {} };

const WIDTH = 30;
const EVERY_MS = 100;

/**
 * A one-line progress bar on a terminal: "audit ▕██████░░░░▏ 45%  123,456 messages". Redrawn at most
 * every 100 ms, so it costs nothing measurable on a million messages.
 */
export class ProgressBar implements Progress {
  private total = 0;
  private done = 0;
  private messages = 0;
  private drawnAt = 0;
  private shown = false;

  constructor(
    private readonly out: Writable,
    private readonly now: () => number = Date.now,
  ) {}

  expect(bytes: number): void {
    this.total += bytes;
  }

  advance(bytes: number): void {
    this.done += bytes;
    this.maybeDraw();
  }

  message(): void {
    // Counting is cheap; only every 4096th message looks at the clock.
    if ((++this.messages & 4095) === 0) this.maybeDraw();
  }

  clear(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }

  private maybeDraw(): void {
    const t = this.now();
    if (t - this.drawnAt < EVERY_MS) return;
    this.drawnAt = t;
    const frac = this.total > 0 ? Math.min(1, this.done / this.total) : 0;
    const full = Math.round(frac * WIDTH);
    const bar = '█'.repeat(full) + '░'.repeat(WIDTH - full);
    this.out.write(`\r\x1b[Kaudit ▕${bar}▏ ${String(Math.floor(frac * 100)).padStart(3)}%  ${this.messages.toLocaleString('en-US')} messages`);
    this.shown = true;
  }
}
