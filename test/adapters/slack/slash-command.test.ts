import type { SlashCommand } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { fromSlashCommand } from '../../../adapters/slack/slash-command.js';
import { InputError } from '../../../src/core/errors.js';

const body = { text: 'stats', user_id: 'U1', user_name: 'li', channel_id: 'C02', channel_name: 'hr', trigger_id: 'trig-1' };
const read = (fields: object) => () => fromSlashCommand({ ...body, ...fields } as unknown as SlashCommand, 1_800_000_000_000);

describe('fromSlashCommand', () => {
  it('refuses, as bad input naming the field, a command without an id it needs or with a field not of its type', () => {
    for (const field of ['channel_id', 'user_id', 'trigger_id']) {
      expect(read({ [field]: undefined })).toThrow(new InputError(`/fingertip command without a ${field}`));
      expect(read({ [field]: { id: 'x' } })).toThrow(new InputError(`/fingertip command without a ${field}`));
    }
    for (const field of ['text', 'channel_name', 'user_name']) {
      expect(read({ [field]: 5 })).toThrow(new InputError(`/fingertip command whose ${field} is not a string`));
    }
    expect(read({ text: undefined, user_name: undefined })()).toMatchObject({ text: '', sender: { id: 'U1', name: undefined } });
  });
});
