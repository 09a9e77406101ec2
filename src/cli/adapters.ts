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

/** An adapter whose settings were read and checked, made once the store is open. */
export type MakeAdapter = (store: Store) => Adapter;

type Factory = (config: Config, ctx: CliContext) => Promise<MakeAdapter>;

/** An adapter's identities in the bot's database, under its platform's name. */
const identitiesIn = (store: Store, platform: string) => ({
  get: (k: string) => store.identityGet(platform, k),
  put: (k: string, v: string) => store.identityPut(platform, k, v),
});

// Imported lazily: each platform's SDK loads only when its adapter runs.
const FACTORIES: Record<string, Factory> = {
  async shell(config, ctx) {
    const { createShellAdapter, shellSettings } = await import('../../adapters/shell/index.js');
    const settings = shellSettings(config);
    return () => createShellAdapter(settings, { input: ctx.stdin, output: ctx.stdout, error: ctx.stderr });
  },
  async slack(config, ctx) {
    const { createSlackAdapter, slackSettings } = await import('../../adapters/slack/index.js');
    const settings = slackSettings(config);
    return () => createSlackAdapter(settings, { log: (line) => ctx.stderr.write(`${line}\n`) });
  },
  async wechaty(config, ctx) {
    const { checkPuppet, createWechatyAdapter, wechatySettings } = await import('../../adapters/wechaty/index.js');
    const settings = wechatySettings(config);
    checkPuppet(settings.puppet);
    return (store) =>
      createWechatyAdapter(settings, {
        // In the bot's database: a re-login or a restart keeps one group as one group.
        identities: identitiesIn(store, 'wechaty'),
        print: (line) => ctx.stderr.write(`${line}\n`),
      });
  },
  async dingtalk(config, ctx) {
    const { createDingtalkAdapter, dingtalkSettings } = await import('../../adapters/dingtalk/index.js');
    const settings = dingtalkSettings(config);
    return (store) =>
      createDingtalkAdapter(settings, {
        // Pairs of DingTalk's sender ids and staff ids, for the senders of quoted messages.
        identities: identitiesIn(store, 'dingtalk'),
        log: (line) => ctx.stderr.write(`${line}\n`),
      });
  },
  async feishu(config, ctx) {
    const { createFeishuAdapter, feishuSettings } = await import('../../adapters/feishu/index.js');
    const settings = feishuSettings(config);
    return () => createFeishuAdapter(settings, { log: (line) => ctx.stderr.write(`${line}\n`) });
  },
};

export const ADAPTER_NAMES = Object.keys(FACTORIES);

/**
 * The adapter `name` with its settings checked, to be made once the store is open: an unknown name
 * or a bad setting is refused before `start` has created a database file.
 */
export async function prepareAdapter(name: string, config: Config, ctx: CliContext): Promise<MakeAdapter> {
  const factory = FACTORIES[name];
  if (!factory) throw new InputError(`start: --adapter ${name}: unknown adapter (known: ${ADAPTER_NAMES.join(', ')})`);
  return factory(config, ctx);
}

export async function createAdapter(name: string, deps: AdapterDeps): Promise<Adapter> {
  return (await prepareAdapter(name, deps.config, deps.ctx))(deps.store);
}
