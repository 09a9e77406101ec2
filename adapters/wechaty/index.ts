import type { Adapter } from '../../src/core/adapter.js';
import type { WechatySettings } from './settings.js';
import { WechatyAdapter, type WechatyDeps } from './wechaty-adapter.js';

export { createMemoryIdentityStore, type IdentityStore } from '../common/identity-store.js';
export { wechatySettings, type Pace, type WechatySettings } from './settings.js';
export { checkPuppet } from './puppet.js';
export type { WechatyDeps } from './wechaty-adapter.js';

/** The WeChat adapter: settings from `wechatySettings(config)`, identities backed by the bot's store. */
export function createWechatyAdapter(settings: WechatySettings, deps: WechatyDeps = {}): Adapter {
  return new WechatyAdapter(settings, deps);
}
