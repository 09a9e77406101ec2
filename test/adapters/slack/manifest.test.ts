import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EVENTS_PATH } from '../../../adapters/slack/receiver.js';
import { SLASH_COMMAND } from '../../../adapters/slack/slash-command.js';

// The manifest users paste into Slack must match what the adapter listens for.
const manifest = parse(readFileSync(new URL('../../../adapters/slack/manifest.yaml', import.meta.url), 'utf8'));

describe('Slack app manifest', () => {
  it('subscribes to the events the adapter handles, at its events path', () => {
    const subs = manifest.settings.event_subscriptions;
    expect(new URL(subs.request_url).pathname).toBe(EVENTS_PATH);
    expect([...subs.bot_events].sort()).toEqual(['app_mention', 'message.channels', 'message.groups', 'message.im', 'message.mpim', 'reaction_added']);
  });

  it('declares the slash command at the same path', () => {
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe(SLASH_COMMAND);
    expect(new URL(command.url).pathname).toBe(EVENTS_PATH);
  });

  it('asks for the scopes of the issue plus those that private channels, DMs and digest charts need, and no others', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'channels:history',
      'channels:read',
      'chat:write',
      'commands',
      'files:write',
      'groups:history',
      'groups:read',
      'im:history',
      'im:write',
      'mpim:history',
      'reactions:read',
      'users:read',
    ]);
  });
});
