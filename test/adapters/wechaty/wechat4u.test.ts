import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Backoff } from '../../../adapters/wechaty/backoff.js';
import { createWechatyAdapter, wechatySettings } from '../../../adapters/wechaty/index.js';
import { mockWorld, waitFor } from './fixture.js';

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);
afterEach(() => void process.off('unhandledRejection', onRejection));

describe('wechaty adapter on wechaty-puppet-wechat4u with no network', () => {
  it('drops the puppet crash handler, retries in one line per attempt with growing waits, and stops cleanly', async () => {
    process.on('unhandledRejection', onRejection);
    const { config } = mockWorld();
    // Loaded by path as the puppet package would be by name.
    const settings = { ...wechatySettings(config), puppet: fileURLToPath(new URL('./stand-in-wechat4u.ts', import.meta.url)) };
    const lines: string[] = [];
    const adapter = createWechatyAdapter(settings, { print: (line) => lines.push(line), backoff: new Backoff(50, 200) });
    await adapter.start(async () => {});
    // Imported here, not above: the adapter's start must be the first to load it, as with wechat4u.
    const { default: StandInWechat4u, swallowEverything } = await import('./stand-in-wechat4u.js');

    // A crash of fingertip's own must end the process, not be swallowed by the puppet's handler.
    expect(process.listeners('uncaughtException')).not.toContain(swallowEverything);

    const said = (n: number) => lines.length >= n && lines;
    await waitFor(() => said(4), 'four attempts');
    expect(lines.slice(0, 4)).toEqual([
      'wechaty: cannot reach WeChat (login.wx.qq.com): getaddrinfo ENOTFOUND; retrying in 0.05 s',
      'wechaty: cannot reach WeChat (login.wx.qq.com): getaddrinfo ENOTFOUND; retrying in 0.1 s',
      'wechaty: cannot reach WeChat (login.wx.qq.com): getaddrinfo ENOTFOUND; retrying in 0.2 s',
      'wechaty: cannot reach WeChat (login.wx.qq.com): getaddrinfo ENOTFOUND; retrying in 0.2 s',
    ]);
    // One start of the client per attempt: the puppet's own immediate restart is taken away.
    expect(StandInWechat4u.clientStarts).toBeGreaterThanOrEqual(4);
    expect(StandInWechat4u.clientStarts).toBeLessThanOrEqual(lines.length + 1);

    await adapter.stop();
    const startsAtStop = StandInWechat4u.clientStarts;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(StandInWechat4u.clientStarts).toBe(startsAtStop);
    expect(rejections).toEqual([]);
  });
});
