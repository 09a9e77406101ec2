import { settingsReader } from '../common/settings-reader.js';
import type { Config } from '../../src/core/config.js';

/** The DingTalk adapter's settings: `adapters.dingtalk` of the config. */
export interface DingtalkSettings {
  /** The app's Client ID (formerly AppKey). */
  clientId: string;
  /** The app's Client Secret (formerly AppSecret). */
  clientSecret: string;
  /** The robot's code for the proactive send API; an in-house app's robot code is its Client ID. */
  robotCode: string;
  /** Base URL of the open API (stream gateway, access token, robot send API), without a trailing slash. */
  apiUrl: string;
}

export const DINGTALK_API_URL = 'https://api.dingtalk.com';

/** Reads and checks the DingTalk settings; a missing or malformed key is an InputError naming it. */
export function dingtalkSettings(config: Config): DingtalkSettings {
  const { fail, optStr, url } = settingsReader(config, 'dingtalk', ['clientId', 'clientSecret', 'robotCode', 'apiUrl']);
  const clientId = optStr('clientId') ?? fail('clientId', "the app's Client ID (AppKey) is required");
  const clientSecret = optStr('clientSecret') ?? fail('clientSecret', "the app's Client Secret (AppSecret) is required");
  return { clientId, clientSecret, robotCode: optStr('robotCode') ?? clientId, apiUrl: url('apiUrl', DINGTALK_API_URL) };
}
