import { describe, expect, it } from 'vitest';
import { settingsReader } from '../../../adapters/common/settings-reader.js';
import { defaultConfig } from '../../../src/core/config-defaults.js';

describe('settingsReader', () => {
  const config = { ...defaultConfig(), source: 'bot.yaml', adapters: { x: { name: 'a', empty: '', n: 3, base: 'http://127.0.0.1:9/api//', bad: 'ftp://x' } } };
  const r = settingsReader(config, 'x', ['name', 'empty', 'n', 'base', 'bad']);

  it('reads strings, treating empty as absent, and names the file and key of a bad one', () => {
    expect(r.optStr('name')).toBe('a');
    expect(r.optStr('empty')).toBeUndefined();
    expect(r.optStr('missing')).toBeUndefined();
    expect(() => r.optStr('n')).toThrow('bot.yaml: config key adapters.x.n: expected a string');
  });

  it('reads base URLs without trailing slashes, with a default', () => {
    expect(r.url('base', 'https://d')).toBe('http://127.0.0.1:9/api');
    expect(r.url('missing', 'https://default/')).toBe('https://default');
    expect(() => r.url('bad', 'https://d')).toThrow('adapters.x.bad: expected an http(s) URL');
  });

  it('reads an adapter absent from the config as empty', () => {
    expect(settingsReader(defaultConfig(), 'nothing', ['token']).raw).toEqual({});
  });

  it('refuses a key the adapter does not read, as a misspelling would otherwise be ignored', () => {
    expect(() => settingsReader(config, 'x', ['name', 'empty', 'n', 'base'])).toThrow(
      'bot.yaml: config key adapters.x.bad: unknown key (known: name, empty, n, base)',
    );
  });
});
