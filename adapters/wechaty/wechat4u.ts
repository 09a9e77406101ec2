import type { PuppetInstance } from './puppet.js';

/**
 * wechaty-puppet-wechat4u answers every logout of its wechat4u client by starting the client again
 * at once: after a failed start (no network) that is a retry every few hundred milliseconds,
 * forever, and after the puppet's own stop, which drops the client, a TypeError ("reading 'start'")
 * that nothing catches. Before fingertip stops the puppet, or lets a start fail for good, it takes
 * that answer away; the next start of the puppet makes a new client with it. Other puppets have no
 * `wechat4u` and are left as they are.
 */
export function detachRestartOnLogout(puppet: PuppetInstance | undefined): void {
  const client = (puppet as { wechat4u?: { removeAllListeners?: (event: string) => unknown } } | undefined)?.wechat4u;
  client?.removeAllListeners?.('logout');
}
