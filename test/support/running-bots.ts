import { afterEach } from 'vitest';
import type { Bot } from '../../src/bot/bot.js';
import type { Store } from '../../src/store/store.js';

export interface RunningBot {
  bot: Bot;
  store: Store;
}

/** Bots an end-to-end test started: each is stopped, and its store closed, after the test. */
export class RunningBots {
  private readonly list: RunningBot[] = [];

  constructor() {
    afterEach(async () => {
      for (const r of this.list.splice(0)) await this.shutDown(r);
    });
  }

  add<T extends RunningBot>(r: T): T {
    this.list.push(r);
    return r;
  }

  /** Stops one now, as a restart does; it is not stopped again after the test. */
  async stop(r: RunningBot): Promise<void> {
    this.list.splice(this.list.indexOf(r), 1);
    await this.shutDown(r);
  }

  private async shutDown(r: RunningBot): Promise<void> {
    await r.bot.stop();
    await r.store.close();
  }
}
