import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boltLogger } from '../../../adapters/slack/bolt-logger.js';
import { SlackDirectory } from '../../../adapters/slack/directory.js';
import { createWebClient } from '../../../adapters/slack/web-client.js';
import { startSlackApiStub, type SlackApiStub } from '../../support/slack-api-stub.js';

let stub: SlackApiStub;
const members = ['U1', 'U2', 'U3', 'U4', 'U5'];

beforeAll(async () => {
  stub = await startSlackApiStub({
    users: [
      { id: 'U1', name: 'Li', tz: 'Asia/Shanghai' },
      { id: 'U2', real_name: 'Wang Wu', is_owner: true },
      // Each field of another type than Slack's: no name, no time zone, no admin right.
      { id: 'U6', name: { a: 1 }, real_name: 'Zhao Liu', tz: 8, is_admin: 'false', is_owner: 1 },
      { id: 'U7', name: 42, real_name: ['Sun'], is_admin: 'true' },
    ],
    channels: { C01: { name: 'ops', members }, C02: { name: { a: 1 }, members: ['U1', 7, { id: 'U2' }, 'U3'] } },
    pageSize: 2,
  });
});
afterAll(() => stub.close());

function directory(ttlMs = 60_000, admins: string[] = []) {
  const client = createWebClient(
    { token: 'xoxb-t', port: 0, apiUrl: stub.url, admins },
    boltLogger(() => {}),
  );
  return new SlackDirectory(client, admins, ttlMs);
}

describe('SlackDirectory', () => {
  it('reads every page of members and the name, once for a burst of lookups', async () => {
    const dir = directory();
    const before = stub.callsTo('conversations.members').length;
    const [a, b] = await Promise.all([dir.channel('C01'), dir.channel('C01')]);
    expect(a).toEqual({ name: 'ops', members });
    expect(b).toBe(a);
    expect(await dir.channel('C01')).toBe(a);
    // Five members in pages of two: three calls, and no more for the cached lookups.
    expect(stub.callsTo('conversations.members').length - before).toBe(3);
  });

  it('looks up again once the cache has expired', async () => {
    const dir = directory(0);
    const before = stub.callsTo('users.info').length;
    await dir.user('U1');
    await dir.user('U1');
    expect(stub.callsTo('users.info').length - before).toBe(2);
  });

  it('gives names, time zones and admin rights from users.info and the config', async () => {
    const dir = directory(60_000, ['U1']);
    expect(await dir.user('U1')).toEqual({ id: 'U1', name: 'Li', tz: 'Asia/Shanghai', isAdmin: true });
    expect(await dir.user('U2')).toMatchObject({ name: 'Wang Wu', isAdmin: true });
    expect(await directory().isAdmin('U1')).toBe(false);
  });

  it('reads each users.info field by its type: is_admin "false" or is_owner 1 is no admin, a name of another type none', async () => {
    const dir = directory();
    expect(await dir.user('U6')).toEqual({ id: 'U6', name: 'Zhao Liu', tz: undefined, isAdmin: false });
    expect(await dir.user('U7')).toEqual({ id: 'U7', name: undefined, tz: undefined, isAdmin: false });
    expect(await dir.isAdmin('U6')).toBe(false);
  });

  it('reads a channel name of another type than text as none, and only text ids as members', async () => {
    expect(await directory().channel('C02')).toEqual({ name: undefined, members: ['U1', 'U3'] });
    // Members that are no list are no count of members: the lookup fails, saying where.
    stub.replyOnce('conversations.members', { body: { ok: true, members: 'U1U2' } });
    await expect(directory().channel('C02')).rejects.toThrow('conversations.members C02 gave members that are no list');
  });

  it('waits out a 429 on a lookup', async () => {
    stub.replyOnce('users.info', { status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    expect(await directory().user('U1')).toMatchObject({ name: 'Li' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});
