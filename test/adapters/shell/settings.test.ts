import { describe, expect, it } from 'vitest';
import { shellSettings } from '../../../adapters/shell/settings.js';
import { defaultConfig } from '../../../src/core/config-defaults.js';

const withShell = (shell: Record<string, unknown>) => ({ ...defaultConfig(), source: 'c.yaml', adapters: { shell } });

describe('shell settings', () => {
  it('reads the group, the member and the size, and refuses a name that is not a string, naming the key', () => {
    expect(shellSettings(withShell({ group: '卫健群', user: '王主任', members: 58 }))).toEqual({ group: '卫健群', user: '王主任', members: 58 });
    expect(shellSettings(withShell({}))).toEqual({ group: undefined, user: undefined, members: undefined });
    expect(() => shellSettings(withShell({ group: 5 }))).toThrow('c.yaml: config key adapters.shell.group: expected a string');
    expect(() => shellSettings(withShell({ user: ['x'] }))).toThrow('c.yaml: config key adapters.shell.user: expected a string');
    expect(() => shellSettings(withShell({ group: { a: 1 } }))).toThrow(/adapters\.shell\.group: expected a string/);
  });

  it('refuses a name left empty or blank, naming the key, rather than using the default', () => {
    for (const [key, value] of [
      ['group', ''],
      ['user', ''],
      ['user', '  '],
      ['group', '\u3000'],
      ['group', null],
    ] as const)
      expect(() => shellSettings(withShell({ [key]: value }))).toThrow(
        expect.objectContaining({ name: 'InputError', message: `c.yaml: config key adapters.shell.${key}: expected a non-empty string` }),
      );
  });
});
