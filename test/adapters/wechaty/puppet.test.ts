import { describe, expect, it } from 'vitest';
import { PuppetMock } from 'wechaty-puppet-mock';
import { InputError } from '../../../src/core/errors.js';
import { loadPuppet } from '../../../adapters/wechaty/puppet.js';

describe('loadPuppet', () => {
  it('constructs an installed puppet by its package name, with the options', async () => {
    const puppet = await loadPuppet('wechaty-puppet-mock', { token: 't1' });
    expect(puppet).toBeInstanceOf(PuppetMock);
    expect((puppet as PuppetMock).options).toMatchObject({ token: 't1' });
  });

  it('says in one line what to install when the puppet is missing', async () => {
    await expect(loadPuppet('wechaty-puppet-not-installed', {})).rejects.toThrow(
      new InputError('adapters.wechaty.puppet: package wechaty-puppet-not-installed is not installed (run: npm install wechaty-puppet-not-installed)'),
    );
  });
});
