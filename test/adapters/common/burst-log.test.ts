import { describe, expect, it } from 'vitest';
import { BurstLog } from '../../../adapters/common/burst-log.js';
import { waitFor } from '../../support/wait-for.js';

describe('BurstLog', () => {
  it('logs the first failure of a burst, then one count a window while failures go on', async () => {
    const lines: string[] = [];
    const failures = new BurstLog((line) => lines.push(line), 'messages failed', 100);
    failures.report('message m1 failed: locked');
    failures.report('message m2 failed: locked');
    failures.report('message m3 failed: busy');
    expect(lines).toEqual(['message m1 failed: locked']);
    await waitFor(() => lines.length === 2, 'the count');
    expect(lines[1]).toBe('2 more messages failed in the last 1 s (the latest: message m3 failed: busy)');
    // Still within the burst: counted again, not logged.
    failures.report('message m4 failed: locked');
    await waitFor(() => lines.length === 3, 'the second count');
    expect(lines[2]).toBe('1 more messages failed in the last 1 s (the latest: message m4 failed: locked)');
    // A window without failures ends the burst: the next failure is logged in full.
    await new Promise((resolve) => setTimeout(resolve, 250));
    failures.report('message m5 failed: disk full');
    expect(lines.slice(3)).toEqual(['message m5 failed: disk full']);
    failures.flush();
  });

  it('logs what it counted when flushed, once', () => {
    const lines: string[] = [];
    const failures = new BurstLog((line) => lines.push(line), 'messages failed');
    failures.report('message a failed: x');
    failures.report('message b failed: y');
    failures.flush();
    failures.flush();
    expect(lines).toEqual(['message a failed: x', '1 more messages failed in the last 1 s (the latest: message b failed: y)']);
  });
});
