import { readFileSync } from 'node:fs';
import { isMap, isScalar, parseDocument, visit, YAMLParseError } from 'yaml';
import { InputError } from '../../core/errors.js';
import { brokenUtf8Line, NOT_UTF8_FILE } from '../../core/utf8-checked.js';
import type { Config } from '../../core/config.js';
import { dbSetting } from './db-path.js';
import { defaultConfig } from '../../core/config-defaults.js';
import { validateConfig } from './validate.js';

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
/** A placeholder stands in the text as a token any YAML context reads as plain text, even a flow mapping. */
const token = (i: number): string => `__fingertip_env_${i}__`;
const TOKEN = /__fingertip_env_(\d+)__/g;
const WHOLE_TOKEN = /^__fingertip_env_(\d+)__$/;

/**
 * An environment value standing alone where YAML would read a plain scalar: a number or a boolean when
 * it is written exactly as one (30, 2.5, true), else the text as it is, so ids (0123, 156201234567890123)
 * and secrets are never read as anything else, nor parsed as YAML at all.
 */
function plainValue(v: string): string | number | boolean {
  if (v === 'true' || v === 'false') return v === 'true';
  return /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(v) && String(Number(v)) === v ? Number(v) : v;
}

/**
 * Parses the configuration's text with `${NAME}` placeholders filled from the environment. They are
 * filled in the parsed values, not the text, so a value arrives as the environment holds it (quotes
 * and backslashes included) and a placeholder in a comment is only a comment; a value that is one
 * unquoted placeholder is a number or boolean when the environment writes exactly one
 * (`retentionDays: ${DAYS}`, see plainValue). An unset variable that a value uses is an error that names it.
 * With `keys`, only those top-level settings are kept, and only their variables need be set.
 */
function parseWithEnv(text: string, env: NodeJS.ProcessEnv, file: string, keys?: string[]): unknown {
  const names: string[] = [];
  const doc = parseDocument(
    text.replace(PLACEHOLDER, (_, name: string) => token(names.push(name) - 1)),
    { uniqueKeys: true },
  );
  if (doc.errors.length) throw doc.errors[0];
  if (keys && isMap(doc.contents)) doc.contents.items = doc.contents.items.filter((p) => isScalar(p.key) && keys.includes(String(p.key.value)));
  const valueOf = (i: string): string => {
    const name = names[Number(i)];
    const v = env[name];
    if (v === undefined) throw new InputError(`${file}: environment variable ${name} is not set`);
    return v;
  };
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string') return;
      const whole = WHOLE_TOKEN.exec(node.value);
      if (whole && node.type === 'PLAIN') node.value = plainValue(valueOf(whole[1]));
      else node.value = node.value.replace(TOKEN, (_m, i: string) => valueOf(i));
    },
  });
  return doc.toJS();
}

/** The settings of the config file at `path`, parsed (see parseWithEnv); an unreadable file or bad YAML is one line naming it. */
function readConfigFile(path: string, env: NodeJS.ProcessEnv, keys?: string[]): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new InputError(`${path}: cannot read config (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  // Read as U+FFFD, a GBK `db: ./数据.db` would name a new, mangled database file.
  const broken = brokenUtf8Line(bytes);
  if (broken !== undefined) throw new InputError(`${path}:${broken}: ${NOT_UTF8_FILE}`);
  const text = bytes.toString('utf8');
  try {
    return parseWithEnv(text, env, path, keys) ?? {};
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (err instanceof YAMLParseError) {
      const line = err.linePos?.[0]?.line;
      throw new InputError(`${path}${line ? `:${line}` : ''}: invalid YAML: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    // Aliases that expand past the parser's bound (an alias bomb) fail outside the parse errors.
    throw new InputError(`${path}: invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

/**
 * The timezone of the config loadConfig would load (the default with none), read alone: for a
 * command that needs nothing else of it (`migrate --from`), a variable or a setting elsewhere in
 * the file does not matter. A file that cannot be read or parsed is still an error naming it.
 */
export function configTimezone(file: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const path = file ?? env.FINGERTIP_CONFIG;
  const raw = path ? readConfigFile(path, env, ['timezone']) : {};
  return validateConfig(raw, path ?? '(defaults)', defaultConfig()).timezone;
}

/**
 * Loads the config of `--config FILE`, else `FINGERTIP_CONFIG`, else the defaults;
 * `FINGERTIP_DB` overrides `db`, and the Slack variables of the contract fill in the Slack adapter.
 */
export function loadConfig(file: string | undefined, env: NodeJS.ProcessEnv = process.env): Config {
  const path = file ?? env.FINGERTIP_CONFIG;
  const raw = path ? readConfigFile(path, env) : {};
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
