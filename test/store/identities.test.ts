import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEngines } from '../support/databases.js';
import { Db } from '../../src/store/sqlite/db.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { textReading } from '../../src/analysis/open-store.js';
import { SerialWriter } from '../../src/store/serial-writer.js';
import { rec, tempDir, tempStore } from './fixtures.js';

describeEngines('identities', (engine) => {
  it('keeps a key bound to its stable id across a reopen of the file, per platform', async () => {
    const path = await engine.fresh();
    const store = await tempStore({}, path);
    expect(await store.identityGet('wechaty', 'room-id:@@r1')).toBeUndefined();
    await store.identityPut('wechaty', 'room-id:@@r1', 'wxg-aaaaaaaaaaaa');
    await store.identityPut('wechaty', 'room-topic:0123abcd', 'wxg-aaaaaaaaaaaa');
    await store.identityPut('other', 'room-id:@@r1', 'x-1');
    expect(await store.identityGet('wechaty', 'room-id:@@r1')).toBe('wxg-aaaaaaaaaaaa');
    await store.close();

    const reopened = await tempStore({}, path);
    expect(await reopened.identityGet('wechaty', 'room-id:@@r1')).toBe('wxg-aaaaaaaaaaaa');
    expect(await reopened.identityGet('wechaty', 'room-topic:0123abcd')).toBe('wxg-aaaaaaaaaaaa');
    expect(await reopened.identityGet('other', 'room-id:@@r1')).toBe('x-1');
    expect(await reopened.identityGet('wechaty', 'room-id:@@r2')).toBeUndefined();
  });

  it('rebinds a key to a new stable id (a topic taken over by a renamed room)', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.identityPut('wechaty', 'room-topic:0123abcd', 'wxg-aaaaaaaaaaaa');
    await store.identityPut('wechaty', 'room-topic:0123abcd', 'wxg-bbbbbbbbbbbb');
    expect(await store.identityGet('wechaty', 'room-topic:0123abcd')).toBe('wxg-bbbbbbbbbbbb');
  });

  it('takes many concurrent bindings (a large room seen for the first time) and keeps each', async () => {
    const store = await tempStore({}, await engine.fresh());
    const keys = Array.from({ length: 500 }, (_, i) => `contact-id:@u${i}`);
    await Promise.all(keys.map((k, i) => store.identityPut('wechaty', k, `wxu-${i}`)));
    const read = await Promise.all(keys.map((k) => store.identityGet('wechaty', k)));
    expect(read).toEqual(keys.map((_, i) => `wxu-${i}`));
  });

  it('forgets the keys that lead to a forgotten user, on that platform only, and no others', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('m1', { platform: 'wechaty', groupId: 'wxg-aaaaaaaaaaaa', senderId: 'wxu-li' }));
    await store.identityPut('wechaty', 'contact-id:@li', 'wxu-li');
    await store.identityPut('wechaty', 'contact-name:feedbeef', 'wxu-li');
    await store.identityPut('wechaty', 'contact-id:@han', 'wxu-han');
    await store.identityPut('wechaty', 'room-id:@@r1', 'wxg-aaaaaaaaaaaa');
    await store.identityPut('other', 'contact-id:@li', 'wxu-li');

    const { token } = await store.forgetUser('wechaty', 'wxu-li');
    expect(await store.identityGet('wechaty', 'contact-id:@li')).toBeUndefined();
    expect(await store.identityGet('wechaty', 'contact-name:feedbeef')).toBeUndefined();
    expect(await store.identityGet('wechaty', 'contact-id:@han')).toBe('wxu-han');
    expect(await store.identityGet('wechaty', 'room-id:@@r1')).toBe('wxg-aaaaaaaaaaaa');
    expect(await store.identityGet('other', 'contact-id:@li')).toBe('wxu-li');
    expect((await store.message('wechaty', 'm1'))?.senderId).toBe(token);
  });
});

describe('identities on an older SQLite file', () => {
  it('adds the table to a database made before it, keeping what it held', async () => {
    const path = join(tempDir(), 'older.db');
    const db = await Db.open(path, 1000);
    const before = MIGRATIONS.indexOf(MIGRATIONS.find((m) => typeof m === 'string' && m.includes('CREATE TABLE identities'))!);
    expect(before).toBeGreaterThan(0);
    await migrate(new SerialWriter(db), textReading('Asia/Shanghai'), MIGRATIONS.slice(0, before));
    await db.close();

    const store = await tempStore({}, path);
    await store.add(rec('kept', { platform: 'wechaty' }));
    await store.identityPut('wechaty', 'room-id:@@r1', 'wxg-aaaaaaaaaaaa');
    expect(await store.identityGet('wechaty', 'room-id:@@r1')).toBe('wxg-aaaaaaaaaaaa');
    expect((await store.message('wechaty', 'kept'))?.id).toBe('kept');
  });
});
