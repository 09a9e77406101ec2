import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import { InputError } from '../../core/errors.js';
import type { Config } from '../../core/config.js';
import { dbSetting } from './db-path.js';
import { defaultConfig } from '../../core/config-defaults.js';
import { validateConfig } from './validate.js';

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Fills `${NAME}` placeholders in the parsed values with the environment's values; an unset variable
 * is an error that names it. After parsing, so a value arrives as it is (quotes and backslashes
 * included) and a placeholder in a comment is only a comment.
 */
function expandEnv(value: unknown, env: NodeJS.ProcessEnv, file: string): unknown {
  if (typeof value === 'string')
    return value.replace(PLACEHOLDER, (_, name: string) => {
      const v = env[name];
      if (v === undefined) throw new InputError(`${file}: environment variable ${name} is not set`);
      return v;
    });
  if (Array.isArray(value)) return value.map((v) => expandEnv(v, env, file));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandEnv(v, env, file)]));
  return value;
}

/**
 * Loads the config of `--config FILE`, else `FINGERTIP_CONFIG`, else the defaults;
 * `FINGERTIP_DB` overrides `db`, and the Slack variables of the contract fill in the Slack adapter.
 */
export function loadConfig(file: string | undefined, env: NodeJS.ProcessEnv = process.env): Config {
  const path = file ?? env.FINGERTIP_CONFIG;
  let raw: unknown = {};
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new InputError(`${path}: cannot read config (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    try {
      raw = parse(text) ?? {};
    } catch (err) {
      if (err instanceof YAMLParseError) {
        const line = err.linePos?.[0]?.line;
        throw new InputError(`${path}${line ? `:${line}` : ''}: invalid YAML: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
      }
      // Aliases that expand past the parser's bound (an alias bomb) fail outside the parse errors.
      throw new InputError(`${path}: invalid YAML: ${(err as Error).message.split('\n')[0]}`);
    }
    raw = expandEnv(raw, env, path);
  }
  const config = validateConfig(raw, path ?? '(defaults)', defaultConfig());
  if (path) config.source = path;
  if (env.FINGERTIP_DB) {
    config.db = dbSetting(env.FINGERTIP_DB, (why) => {
      throw new InputError(`FINGERTIP_DB: ${why}`);
    });
  }
  const slack = config.adapters.slack;
  if (slack) {
    if (!slack.apiUrl && env.SLACK_API_URL) slack.apiUrl = env.SLACK_API_URL;
    if (!slack.appToken && env.SLACK_APP_TOKEN) slack.appToken = env.SLACK_APP_TOKEN;
  }
  return config;
}
