import { describe, expect, it } from 'vitest';
import { FailureLog } from '../../src/bot/failure-log.js';
import { waitFor } from '../support/wait-for.js';

describe('FailureLog', () => {
  it('logs the first failure of a burst, then one count a window while failures go on', async () => {
    const lines: string[] = [];
    const failures = new FailureLog((line) => lines.push(line), 'dingtalk', 100);
    failures.failed('dingtalk: message m1 failed: locked');
    failures.failed('dingtalk: message m2 failed: locked');
    failures.failed('dingtalk: message m3 failed: locked');
    expect(lines).toEqual(['dingtalk: message m1 failed: locked']);
    await waitFor(() => lines.length === 2, 'the count');
    expect(lines[1]).toBe('dingtalk: 2 more messages failed (counted, not logged one by one)');
    // Still within the burst: counted again, not logged.
    failures.failed('dingtalk: message m4 failed: locked');
    await waitFor(() => lines.length === 3, 'the second count');
    expect(lines[2]).toBe('dingtalk: 1 more message failed (counted, not logged one by one)');
    // A window without failures ends the burst: the next failure is logged in full.
    await new Promise((resolve) => setTimeout(resolve, 250));
    failures.failed('dingtalk: message m5 failed: disk full');
    expect(lines.slice(3)).toEqual(['dingtalk: message m5 failed: disk full']);
    failures.stop();
  });

  it('reports what it counted when stopped', () => {
    const lines: string[] = [];
    const failures = new FailureLog((line) => lines.push(line), 'feishu');
    failures.failed('feishu: message a failed: x');
    failures.failed('feishu: message b failed: x');
    failures.stop();
    failures.stop();
    expect(lines).toEqual(['feishu: message a failed: x', 'feishu: 1 more message failed (counted, not logged one by one)']);
  });
});
