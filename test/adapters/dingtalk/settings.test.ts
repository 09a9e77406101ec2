import { describe, expect, it } from 'vitest';
import { dingtalkSettings } from '../../../adapters/dingtalk/settings.js';
import type { Config } from '../../../src/core/config.js';
import { defaultConfig } from '../../../src/core/config-defaults.js';
import { InputError } from '../../../src/core/errors.js';

function config(dingtalk: Record<string, unknown>): Config {
  const c = defaultConfig();
  c.adapters.dingtalk = dingtalk;
  c.source = 'bot.yaml';
  return c;
}

describe('dingtalkSettings', () => {
  it('takes the robot code from the client id and the public API by default', () => {
    expect(dingtalkSettings(config({ clientId: 'dingabc', clientSecret: 's' }))).toEqual({
      clientId: 'dingabc',
      clientSecret: 's',
      robotCode: 'dingabc',
      apiUrl: 'https://api.dingtalk.com',
    });
  });

  it('keeps a robot code of its own and drops the slash ending apiUrl', () => {
    expect(dingtalkSettings(config({ clientId: 'a', clientSecret: 's', robotCode: 'r', apiUrl: 'http://127.0.0.1:9/' }))).toMatchObject({
      robotCode: 'r',
      apiUrl: 'http://127.0.0.1:9',
    });
  });

  it.each([
    [{ clientSecret: 's' }, "bot.yaml: config key adapters.dingtalk.clientId: the app's Client ID (AppKey) is required"],
    [{ clientId: 'a', clientSecret: '' }, "bot.yaml: config key adapters.dingtalk.clientSecret: the app's Client Secret (AppSecret) is required"],
    [{ clientId: 7, clientSecret: 's' }, 'bot.yaml: config key adapters.dingtalk.clientId: expected a string'],
    [{ clientId: 'a', clientSecret: 's', apiUrl: 'api.local' }, 'bot.yaml: config key adapters.dingtalk.apiUrl: expected an http(s) URL'],
  ])('refuses %j with a one-line reason naming the key', (dingtalk, message) => {
    const attempt = () => dingtalkSettings(config(dingtalk));
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(message);
  });
});
