import { settingsReader } from '../common/settings-reader.js';
import { MEMBERS } from '../../src/core/bounds.js';
import type { Config } from '../../src/core/config.js';

export interface ShellSettings {
  /** The local group's name; `/group NAME [MEMBERS]` switches. */
  group?: string;
  /** The local member's name; `/as NAME` switches. */
  user?: string;
  /** Members of the local group, for the burden estimate; `/members N` changes it. */
  members?: number;
}

/**
 * The shell's settings; a name that is not a string, or is empty or blank, or a group size out of
 * range, is an InputError naming the key.
 */
export function shellSettings(config: Config): ShellSettings {
  const { raw, fail, optStr, number } = settingsReader(config, 'shell', ['group', 'user', 'members']);
  // A name written but left empty would silently become the default's (`local`, `me`).
  const name = (key: 'group' | 'user'): string | undefined => {
    const v = raw[key];
    if (v === null || (typeof v === 'string' && v.trim() === '')) fail(key, 'expected a non-empty string');
    return optStr(key);
  };
  return {
    group: name('group'),
    user: name('user'),
    members: raw.members === undefined ? undefined : number('members', raw.members, MEMBERS),
  };
}
