import { InputError } from '../../src/core/errors.js';
import { expected, inBound, type Bound } from '../../src/core/bounds.js';
import type { Config } from '../../src/core/config.js';
import { pathFromConfig } from '../../src/core/config-path.js';

/** Reading one adapter's block of the config, with errors that name the file and the key. */
export interface SettingsReader {
  raw: Record<string, unknown>;
  fail(key: string, why: string): never;
  /** A string value, or undefined when absent or empty. */
  optStr(key: string): string | undefined;
  /** A path: optStr, relative to the config file's folder when it came from one. */
  optPath(key: string): string | undefined;
  /** An http(s) base URL, or the default; without trailing slashes. */
  url(key: string, fallback: string): string;
  /** `value`, read from `key`, when it is a number within the bound. */
  number(key: string, value: unknown, bound: Bound): number;
}

/** `keys`: every key the adapter reads; another is a misspelling that would be silently ignored. */
export function settingsReader(config: Config, adapter: string, keys: readonly string[]): SettingsReader {
  const where = config.source ?? '(config)';
  const raw = config.adapters[adapter] ?? {};
  const fail = (key: string, why: string): never => {
    throw new InputError(`${where}: config key adapters.${adapter}.${key}: ${why}`);
  };
  for (const key of Object.keys(raw)) if (!keys.includes(key)) fail(key, `unknown key (known: ${keys.join(', ')})`);
  const optStr = (key: string): string | undefined => {
    const v = raw[key];
    if (v === undefined || v === null || v === '') return undefined;
    return typeof v === 'string' ? v : fail(key, 'expected a string');
  };
  const optPath = (key: string): string | undefined => {
    const v = optStr(key);
    return v === undefined || config.source === undefined ? v : pathFromConfig(config.source, v);
  };
  const url = (key: string, fallback: string): string => {
    const value = optStr(key) ?? fallback;
    if (!/^https?:\/\//.test(value)) fail(key, 'expected an http(s) URL');
    return value.replace(/\/+$/, '');
  };
  const number = (key: string, value: unknown, bound: Bound): number => (inBound(value, bound) ? value : fail(key, `expected ${expected(bound)}`));
  return { raw, fail, optStr, optPath, url, number };
}
