import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config-defaults.js';
import { InputError } from '../../../src/core/errors.js';
import { DEFAULT_PACE, wechatySettings } from '../../../adapters/wechaty/settings.js';

function configWith(wechaty: Record<string, unknown>, admins?: string[]) {
  const config = defaultConfig();
  config.source = 'fingertip.yaml';
  config.adapters.wechaty = wechaty;
  if (admins) config.admins.wechaty = admins;
  return config;
}

describe('wechatySettings', () => {
  it('defaults to wechat4u, silent rooms and the conservative pace', () => {
    const s = wechatySettings(configWith({}));
    expect(s).toMatchObject({ puppet: 'wechaty-puppet-wechat4u', puppetOptions: {}, speakInRooms: false, admins: [], logLevel: 'warn' });
    expect(s.pace).toEqual(DEFAULT_PACE);
    expect(DEFAULT_PACE.room).toBeGreaterThanOrEqual(DEFAULT_PACE.account);
  });

  it('takes the puppet, its options, token, pace and admins', () => {
    const s = wechatySettings(
      configWith({ puppet: 'wechaty-puppet-service', puppetOptions: { tls: { disable: true } }, token: 'puppet_xyz', pace: { room: 30 }, speakInRooms: true }, [
        '王主任',
      ]),
    );
    expect(s).toMatchObject({
      puppet: 'wechaty-puppet-service',
      puppetOptions: { tls: { disable: true } },
      token: 'puppet_xyz',
      speakInRooms: true,
      admins: ['王主任'],
    });
    expect(s.pace).toEqual({ ...DEFAULT_PACE, room: 30 });
  });

  it.each([
    [{ puppet: 'left-pad' }, 'fingertip.yaml: config key adapters.wechaty.puppet: "left-pad" is not a wechaty puppet package name (wechaty-puppet-...)'],
    [{ pace: { room: -1 } }, 'fingertip.yaml: config key adapters.wechaty.pace.room: expected a number of seconds from 0 to 3,600'],
    [{ pace: { jitter: 1e300 } }, 'fingertip.yaml: config key adapters.wechaty.pace.jitter: expected a number of seconds from 0 to 3,600'],
    [{ pace: { burst: 3 } }, 'fingertip.yaml: config key adapters.wechaty.pace.burst: unknown key (room, account, jitter)'],
    [{ puppetOptions: 'x' }, 'fingertip.yaml: config key adapters.wechaty.puppetOptions: expected a mapping'],
    [{ speakInRooms: 'yes' }, 'fingertip.yaml: config key adapters.wechaty.speakInRooms: expected true or false'],
    [{ logLevel: 'loud' }, 'fingertip.yaml: config key adapters.wechaty.logLevel: expected one of silent, error, warn, info, verbose, silly'],
    [
      { puppet_options: {} },
      'fingertip.yaml: config key adapters.wechaty.puppet_options: unknown key (known: puppet, puppetOptions, pace, speakInRooms, logLevel, token, session)',
    ],
  ])('refuses %j with a one-line error naming the key', (raw, message) => {
    expect(() => wechatySettings(configWith(raw))).toThrow(new InputError(message));
  });
});
