import { EventEmitter } from 'node:events';
import { PuppetMock } from 'wechaty-puppet-mock';

/** What wechat4u installs on import: every uncaught error of the process logged and swallowed. */
export const swallowEverything = (err: unknown): void => console.log('uncaughtException', err);
process.on('uncaughtException', swallowEverything);

/** wechat4u's client with no network: its start fails, and it stops, emitting logout. */
class OfflineClient extends EventEmitter {
  start(): void {
    StandInWechat4u.clientStarts++;
    setTimeout(() => {
      this.emit('error', new Error('getaddrinfo ENOTFOUND login.wx.qq.com'));
      this.stop();
    }, 5);
  }

  stop(): void {
    this.emit('logout');
  }
}

/**
 * wechaty-puppet-mock behaving as wechaty-puppet-wechat4u does with no network: it answers each
 * logout of its client by starting the client again at once, also after its own stop has dropped
 * the client (a TypeError in a promise nothing awaits).
 */
export default class StandInWechat4u extends PuppetMock {
  static clientStarts = 0;
  wechat4u?: OfflineClient;

  override async onStart(): Promise<void> {
    await super.onStart();
    const client = new OfflineClient();
    this.wechat4u = client;
    client.on('error', (err: Error) => this.emit('error', { data: err.message }));
    client.on('logout', async () => {
      await Promise.resolve();
      this.wechat4u!.start();
    });
    client.start();
  }

  override async onStop(): Promise<void> {
    this.wechat4u!.stop();
    this.wechat4u = undefined;
    await super.onStop();
  }
}
