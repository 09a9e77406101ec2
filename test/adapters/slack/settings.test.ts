import { describe, expect, it } from 'vitest';
import { slackSettings } from '../../../adapters/slack/settings.js';
import type { Config } from '../../../src/core/config.js';
import { defaultConfig } from '../../../src/core/config-defaults.js';
import { InputError } from '../../../src/core/errors.js';

function config(slack: Record<string, unknown>, admins?: string[]): Config {
  const c = defaultConfig();
  c.adapters.slack = slack;
  if (admins) c.admins.slack = admins;
  c.source = 'bot.yaml';
  return c;
}

describe('slackSettings', () => {
  it('fills defaults and takes admins from admins.slack', () => {
    expect(slackSettings(config({ token: 'xoxb-1', signingSecret: 's' }, ['U9']))).toEqual({
      token: 'xoxb-1',
      signingSecret: 's',
      port: 3000,
      apiUrl: 'https://slack.com/api/',
      appToken: undefined,
      admins: ['U9'],
    });
  });

  it('takes Socket Mode without a signing secret and ends apiUrl with a slash', () => {
    const s = slackSettings(config({ token: 'xoxb-1', appToken: 'xapp-1', apiUrl: 'http://127.0.0.1:9/api', port: '0' }));
    expect(s).toMatchObject({ appToken: 'xapp-1', apiUrl: 'http://127.0.0.1:9/api/', port: 0, admins: [] });
  });

  it.each([
    [{ signingSecret: 's' }, 'bot.yaml: config key adapters.slack.token: the bot token (xoxb-...) is required'],
    [{ token: 'xoxb-1' }, 'bot.yaml: config key adapters.slack.signingSecret: required for the HTTP receiver (or set appToken for Socket Mode)'],
    [{ token: 'xoxb-1', signingSecret: 's', port: 70000 }, 'bot.yaml: config key adapters.slack.port: expected a port number 0-65535'],
    [{ token: 'xoxb-1', signingSecret: 's', apiUrl: 'slack.local' }, 'bot.yaml: config key adapters.slack.apiUrl: expected an http(s) URL'],
    [{ token: 42, signingSecret: 's' }, 'bot.yaml: config key adapters.slack.token: expected a string'],
  ])('refuses %j with a one-line reason naming the key', (slack, message) => {
    const attempt = () => slackSettings(config(slack));
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(message);
  });
});
