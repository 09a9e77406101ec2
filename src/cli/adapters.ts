import type { Adapter } from '../core/adapter.js';
import type { Config } from '../core/config.js';
import type { Store } from '../store/store.js';
import { InputError } from '../core/errors.js';
import type { CliContext } from './context.js';

export interface AdapterDeps {
  config: Config;
  store: Store;
  ctx: CliContext;
}

type Factory = (deps: AdapterDeps) => Promise<Adapter>;

/** An adapter's identities in the bot's database, under its platform's name. */
const identitiesIn = (store: Store, platform: string) => ({
  get: (k: string) => store.identityGet(platform, k),
  put: (k: string, v: string) => store.identityPut(platform, k, v),
});

// Imported lazily: each platform's SDK loads only when its adapter runs.
const FACTORIES: Record<string, Factory> = {
  async shell({ config, ctx }) {
    const { createShellAdapter, shellSettings } = await import('../../adapters/shell/index.js');
    return createShellAdapter(shellSettings(config), { input: ctx.stdin, output: ctx.stdout, error: ctx.stderr });
  },
  async slack({ config, ctx }) {
    const { createSlackAdapter, slackSettings } = await import('../../adapters/slack/index.js');
    return createSlackAdapter(slackSettings(config), { log: (line) => ctx.stderr.write(`${line}\n`) });
  },
  async wechaty({ config, store, ctx }) {
    const { createWechatyAdapter, wechatySettings } = await import('../../adapters/wechaty/index.js');
    return createWechatyAdapter(wechatySettings(config), {
      // In the bot's database: a re-login or a restart keeps one group as one group.
      identities: identitiesIn(store, 'wechaty'),
      print: (line) => ctx.stderr.write(`${line}\n`),
    });
  },
  async dingtalk({ config, store, ctx }) {
    const { createDingtalkAdapter, dingtalkSettings } = await import('../../adapters/dingtalk/index.js');
    return createDingtalkAdapter(dingtalkSettings(config), {
      // Pairs of DingTalk's sender ids and staff ids, for the senders of quoted messages.
      identities: identitiesIn(store, 'dingtalk'),
      log: (line) => ctx.stderr.write(`${line}\n`),
    });
  },
  async feishu({ config, ctx }) {
    const { createFeishuAdapter, feishuSettings } = await import('../../adapters/feishu/index.js');
    return createFeishuAdapter(feishuSettings(config), { log: (line) => ctx.stderr.write(`${line}\n`) });
  },
};

export const ADAPTER_NAMES = Object.keys(FACTORIES);

export async function createAdapter(name: string, deps: AdapterDeps): Promise<Adapter> {
  const factory = FACTORIES[name];
  if (!factory) throw new InputError(`start: --adapter ${name}: unknown adapter (known: ${ADAPTER_NAMES.join(', ')})`);
  return factory(deps);
}
