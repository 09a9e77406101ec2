import { settingsReader } from '../common/settings-reader.js';
import { PAUSE_SECONDS } from '../../src/core/bounds.js';
import type { Config } from '../../src/core/config.js';

/** Seconds between two messages the bot sends; WeChat bans accounts that post fast. */
export interface Pace {
  /** Between two messages to the same room or person. */
  room: number;
  /** Between any two messages of the account. */
  account: number;
  /** Up to this much more, at random, so the rhythm does not look scripted. */
  jitter: number;
}

/** The WeChat adapter's settings: `adapters.wechaty` of the config plus `admins.wechaty`. */
export interface WechatySettings {
  /** npm name of the wechaty puppet, installed by the user (e.g. wechaty-puppet-wechat4u). */
  puppet: string;
  /** Handed to the puppet's constructor as is. */
  puppetOptions: Record<string, unknown>;
  /** Puppet token (wechaty-puppet-service and hosted puppets); merged into puppetOptions.token. */
  token?: string;
  /**
   * Session name: wechaty keeps the login in `<name>.memory-card.json` so a restart may skip the QR
   * code. A path, so relative to the config file's folder.
   */
  session?: string;
  pace: Pace;
  /** Post in rooms; off by default, when answers to room commands go to the asker privately. */
  speakInRooms: boolean;
  /** Members treated as admins besides room owners: stable ids, names or aliases (备注). */
  admins: string[];
  /** wechaty's own log level (silent, error, warn, info, verbose, silly). */
  logLevel: string;
}

export const DEFAULT_PUPPET = 'wechaty-puppet-wechat4u';
export const DEFAULT_PACE: Pace = { room: 20, account: 5, jitter: 3 };
const LOG_LEVELS = new Set(['silent', 'error', 'warn', 'info', 'verbose', 'silly']);

/** Reads and checks the wechaty settings; a malformed key is an InputError naming it. */
export function wechatySettings(config: Config): WechatySettings {
  const { raw, fail, optStr, optPath, number } = settingsReader(config, 'wechaty', [
    'puppet',
    'puppetOptions',
    'pace',
    'speakInRooms',
    'logLevel',
    'token',
    'session',
  ]);
  const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

  const puppet = optStr('puppet') ?? DEFAULT_PUPPET;
  if (!/^(@[a-z0-9-]+\/)?wechaty-puppet-[a-z0-9-]+$/.test(puppet)) fail('puppet', `"${puppet}" is not a wechaty puppet package name (wechaty-puppet-...)`);
  const puppetOptions = raw.puppetOptions ?? {};
  if (!isMapping(puppetOptions)) return fail('puppetOptions', 'expected a mapping');

  const paceRaw = raw.pace ?? {};
  if (!isMapping(paceRaw)) return fail('pace', 'expected {room, account, jitter} in seconds');
  const pace = { ...DEFAULT_PACE };
  for (const key of Object.keys(paceRaw)) {
    if (!(key in pace)) fail(`pace.${key}`, 'unknown key (room, account, jitter)');
    pace[key as keyof Pace] = number(`pace.${key}`, paceRaw[key], PAUSE_SECONDS);
  }

  const speakInRooms = raw.speakInRooms ?? false;
  if (typeof speakInRooms !== 'boolean') fail('speakInRooms', 'expected true or false');
  const logLevel = optStr('logLevel') ?? 'warn';
  if (!LOG_LEVELS.has(logLevel)) fail('logLevel', `expected one of ${[...LOG_LEVELS].join(', ')}`);

  return {
    puppet,
    puppetOptions,
    token: optStr('token'),
    session: optPath('session'),
    pace,
    speakInRooms: speakInRooms as boolean,
    admins: config.admins.wechaty ?? [],
    logLevel,
  };
}
