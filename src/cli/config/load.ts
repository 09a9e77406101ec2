import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import { InputError } from '../../core/errors.js';
import type { Config } from '../../core/config.js';
import { dbSetting } from './db-path.js';
import { defaultConfig } from '../../core/config-defaults.js';
import { validateConfig } from './validate.js';

/** Replaces `${NAME}` with the environment's value; an unset variable is an error that names it. */
export function expandEnv(text: string, env: NodeJS.ProcessEnv, file: string): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const value = env[name];
    if (value === undefined) throw new InputError(`${file}: environment variable ${name} is not set`);
    return value;
  });
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
      raw = parse(expandEnv(text, env, path)) ?? {};
    } catch (err) {
      if (err instanceof YAMLParseError) {
        const line = err.linePos?.[0]?.line;
        throw new InputError(`${path}${line ? `:${line}` : ''}: invalid YAML: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
      }
      throw err;
    }
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
