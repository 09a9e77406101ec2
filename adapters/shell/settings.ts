import { settingsReader } from '../common/settings-reader.js';
import { MEMBERS } from '../../src/core/bounds.js';
import type { Config } from '../../src/core/config.js';
import type { ShellSettings } from './index.js';

/** The shell's settings; a group size out of range is an InputError naming the key. */
export function shellSettings(config: Config): ShellSettings {
  const { raw, number } = settingsReader(config, 'shell');
  const settings = raw as ShellSettings;
  return raw.members === undefined ? settings : { ...settings, members: number('members', raw.members, MEMBERS) };
}
