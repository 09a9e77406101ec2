import { settingsReader } from '../common/settings-reader.js';
import type { Config } from '../../src/core/config.js';

/** The Feishu/Lark adapter's settings: `adapters.feishu` of the config. */
export interface FeishuSettings {
  /** The app's App ID (cli_ followed by 16 hex digits). */
  appId: string;
  appSecret: string;
  /** Base URL of the open platform (API and long-connection endpoint), without a trailing slash. */
  apiUrl: string;
  /** The app holds im:message.group_msg and so receives every group message, not only @-mentions. */
  groupMessages: boolean;
}

export const DOMAINS: Record<string, string> = {
  feishu: 'https://open.feishu.cn',
  lark: 'https://open.larksuite.com',
};

/** Reads and checks the Feishu settings; a missing or malformed key is an InputError naming it. */
export function feishuSettings(config: Config): FeishuSettings {
  const { raw, fail, optStr, url } = settingsReader(config, 'feishu', ['appId', 'appSecret', 'domain', 'apiUrl', 'groupMessages']);
  const appId = optStr('appId') ?? fail('appId', "the app's App ID (cli_...) is required");
  // The SDK's long connection silently does nothing for an App ID of another shape.
  if (!/^cli_[0-9a-fA-F]{16}$/.test(appId)) fail('appId', `"${appId}" is not an App ID (cli_ and 16 hex digits)`);
  const appSecret = optStr('appSecret') ?? fail('appSecret', "the app's App Secret is required");
  const domain = optStr('domain') ?? 'feishu';
  if (!(domain in DOMAINS)) fail('domain', 'expected feishu or lark (or set apiUrl)');
  const apiUrl = url('apiUrl', DOMAINS[domain]);
  const groupMessages = raw.groupMessages ?? false;
  if (typeof groupMessages !== 'boolean') fail('groupMessages', 'expected true or false');
  return { appId, appSecret, apiUrl, groupMessages: groupMessages as boolean };
}
