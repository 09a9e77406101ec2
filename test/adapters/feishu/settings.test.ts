import { describe, expect, it } from 'vitest';
import { feishuSettings } from '../../../adapters/feishu/settings.js';
import type { Config } from '../../../src/core/config.js';
import { defaultConfig } from '../../../src/core/config-defaults.js';
import { InputError } from '../../../src/core/errors.js';

const APP_ID = 'cli_0123456789abcdef';

function config(feishu: Record<string, unknown>): Config {
  const c = defaultConfig();
  c.adapters.feishu = feishu;
  c.source = 'bot.yaml';
  return c;
}

describe('feishuSettings', () => {
  it('defaults to Feishu in China and mentions-only groups', () => {
    expect(feishuSettings(config({ appId: APP_ID, appSecret: 's' }))).toEqual({
      appId: APP_ID,
      appSecret: 's',
      apiUrl: 'https://open.feishu.cn',
      groupMessages: false,
    });
  });

  it('takes Lark by name, or any base URL, and the group_msg scope as groupMessages', () => {
    expect(feishuSettings(config({ appId: APP_ID, appSecret: 's', domain: 'lark', groupMessages: true }))).toMatchObject({
      apiUrl: 'https://open.larksuite.com',
      groupMessages: true,
    });
    expect(feishuSettings(config({ appId: APP_ID, appSecret: 's', apiUrl: 'http://127.0.0.1:9/' })).apiUrl).toBe('http://127.0.0.1:9');
  });

  it.each([
    [{ appSecret: 's' }, "bot.yaml: config key adapters.feishu.appId: the app's App ID (cli_...) is required"],
    [{ appId: 'cli_short', appSecret: 's' }, 'bot.yaml: config key adapters.feishu.appId: "cli_short" is not an App ID (cli_ and 16 hex digits)'],
    [{ appId: APP_ID }, "bot.yaml: config key adapters.feishu.appSecret: the app's App Secret is required"],
    [{ appId: APP_ID, appSecret: 's', domain: 'larksuite' }, 'bot.yaml: config key adapters.feishu.domain: expected feishu or lark (or set apiUrl)'],
    [{ appId: APP_ID, appSecret: 's', apiUrl: 'open.local' }, 'bot.yaml: config key adapters.feishu.apiUrl: expected an http(s) URL'],
    [{ appId: APP_ID, appSecret: 's', groupMessages: 'yes' }, 'bot.yaml: config key adapters.feishu.groupMessages: expected true or false'],
  ])('refuses %j with a one-line reason naming the key', (feishu, message) => {
    const attempt = () => feishuSettings(config(feishu));
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(message);
  });
});
