import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { openStore } from '../../../src/analysis/open-store.js';
import { PG_MIGRATIONS } from '../../../src/store/postgres/migrations.js';
import { engines, POSTGRES } from '../../support/databases.js';
import { rawDb } from '../../support/raw-db.js';
import { rec, tempStore } from '../fixtures.js';

// Several bot processes on one PostgreSQL database, each with its own store and connections: what
// one does, the others must not undo or miss, whichever commits first.

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (err: unknown) => err,
  );

for (const engine of engines().filter((e) => e === POSTGRES)) {
  describe(`instances sharing one database (${engine.name})`, () => {
    it('migrate once when they start at the same moment', async () => {
      const url = await engine.fresh();
      const stores = await Promise.all(Array.from({ length: 4 }, () => tempStore({}, url)));
      expect(stores).toHaveLength(4);
      const raw = await rawDb(url);
      expect(await raw.all('SELECT version FROM fingertip_schema')).toEqual([{ version: PG_MIGRATIONS.length }]);
      expect(await raw.all('SELECT count(*) AS n FROM privacy_salt')).toEqual([{ n: 1 }]);
      await raw.close();
    });

    it("refuse another application's database untouched, and a newer fingertip's", async () => {
      const url = await engine.fresh();
      const raw = await rawDb(url);
      await raw.exec('CREATE TABLE orders (id INTEGER)');
      const err = await rejection(openStore(url, 'Asia/Shanghai'));
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(
        /^postgres:\/\/fingertip@127\.0\.0\.1:\d+\/\w+: not a fingertip database \(it holds 1 tables of another application\)/,
      );
      expect(await raw.all("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).toEqual([{ table_name: 'orders' }]);
      await raw.exec('DROP TABLE orders');
      await (await openStore(url, 'Asia/Shanghai')).close();
      await raw.run('UPDATE fingertip_schema SET version = 99');
      expect(((await rejection(openStore(url, 'Asia/Shanghai'))) as Error).message).toMatch(
        new RegExp(`made by a newer fingertip \\(schema version 99, this one knows up to ${PG_MIGRATIONS.length}\\)`),
      );
      await raw.close();
    });

    it('store a message delivered to both once, telling exactly one of them it was new', async () => {
      const url = await engine.fresh();
      const [a, b] = await Promise.all([tempStore({}, url), tempStore({}, url)]);
      const ids = Array.from({ length: 400 }, (_, i) => `m${i}`);
      // Each instance gets every message, in opposite orders, as two retrying platforms might.
      const [fromA, fromB] = await Promise.all([
        Promise.all(ids.map((id) => a.add(rec(id, { cats: ['check-in'] }), `ev-${id}`))),
        Promise.all([...ids].reverse().map((id) => b.add(rec(id, { cats: ['check-in'] }), `ev-${id}`))),
      ]);
      const newOnB = [...fromB].reverse();
      expect(ids.filter((_, i) => fromA[i] === newOnB[i])).toEqual([]);
      expect(await a.demandCount({ from: 0, to: 1e13 })).toBe(400);
      expect(await b.seen('slack', 'ev-m7')).toBe(true);
    });

    it("store an opted-out user's later messages anonymously on every instance", async () => {
      const url = await engine.fresh();
      const [a, b] = await Promise.all([tempStore({}, url), tempStore({}, url)]);
      await b.add(rec('before', { senderId: 'U5', senderName: 'Wang', cats: ['check-in'], text: 'words of U5' }));
      await a.setOptOut('slack', 'U5', true);
      await b.add(rec('after', { senderId: 'U5', senderName: 'Wang', cats: ['check-in'], text: 'more words of U5' }));
      const after = await a.message('slack', 'after');
      expect([after?.senderId, after?.text, after?.senderName]).toEqual([expect.stringMatching(/^anon-/), null, undefined]);
      expect(await b.isOptedOut('slack', 'U5')).toBe(true);
    });

    it('give an opted-out user a new anonymous id on every instance once they are forgotten on one', async () => {
      const url = await engine.fresh();
      const [a, b] = await Promise.all([tempStore({}, url), tempStore({}, url)]);
      await a.setOptOut('slack', 'U8', true);
      await b.add(rec('b1', { senderId: 'U8' }));
      await a.forgetUser('slack', 'U8');
      await b.add(rec('b2', { senderId: 'U8', ts: Date.now() + 60_000 }));
      const [b1, b2] = [await a.message('slack', 'b1'), await a.message('slack', 'b2')];
      expect(b2?.senderId).toMatch(/^anon-/);
      expect(b2?.senderId).not.toBe(b1?.senderId);
    });

    it("forget a user on one instance while another stores that user's messages, leaving nothing of them", async () => {
      const url = await engine.fresh();
      const [a, b] = await Promise.all([tempStore({ maxDelayMs: 1 }, url), tempStore({ maxDelayMs: 1 }, url)]);
      await b.add(rec('first', { senderId: 'U1' })); // b has read who opted out: nobody yet
      // U9 opts out and asks to be forgotten on a while b keeps storing U9's messages, a few per batch.
      const say = async (i: number) => {
        await new Promise((resolve) => setTimeout(resolve, i));
        const user = i % 2 ? 'U9' : 'U1';
        return b.add(rec(`w${i}`, { senderId: user, senderName: user === 'U9' ? 'Zhao' : 'Li', cats: ['check-in'], text: `text ${i} of ${user}` }));
      };
      const writes = Array.from({ length: 300 }, (_, i) => say(i));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await a.setOptOut('slack', 'U9', true);
      await a.forgetUser('slack', 'U9');
      await Promise.all(writes);
      const raw = await rawDb(url);
      const left = await raw.all("SELECT id FROM messages WHERE sender_id = 'U9' OR text LIKE '%U9%' OR id LIKE '%U9%'");
      const names = await raw.all("SELECT id FROM chat_users WHERE id = 'U9'");
      await raw.close();
      expect([left, names]).toEqual([[], []]);
      expect(await b.demandCount({ from: 0, to: 1e13 })).toBe(300);
      expect(await b.isOptedOut('slack', 'U9')).toBe(true);
    });

    it('give a week of a digest to one of them when all claim it at once', async () => {
      const url = await engine.fresh();
      const stores = await Promise.all(Array.from({ length: 5 }, () => tempStore({}, url)));
      const claims = await Promise.all(stores.map((s) => s.claimDelivery('slack', 'U0', '2026-W48', 1000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      await stores[0].settleDelivery('slack', 'U0', '2026-W48', 'platform down', 2000);
      const retries = await Promise.all(stores.map((s) => s.claimDelivery('slack', 'U0', '2026-W48', 3000)));
      expect(retries.filter(Boolean)).toHaveLength(1);
      expect((await stores[1].deliveries('slack', 'U0')).map((d) => [d.status, d.attempts])).toEqual([['sending', 2]]);
    });

    it('purge on one while another writes: old rows go, new ones stay', async () => {
      const url = await engine.fresh();
      const [a, b] = await Promise.all([tempStore({}, url), tempStore({}, url)]);
      await Promise.all(Array.from({ length: 6000 }, (_, i) => a.add(rec(`old${i}`, { ts: 1000 + i }))));
      const [purged] = await Promise.all([a.purge(100_000), ...Array.from({ length: 500 }, (_, i) => b.add(rec(`new${i}`, { ts: 200_000 + i })))]);
      expect(purged).toBe(6000);
      const groups = await b.groupTotals({ from: 0, to: 1e13 });
      expect(groups.map((g) => g.messages)).toEqual([500]);
    });

    it('name the server, not the password, when the login is refused', async () => {
      const url = new URL(await engine.fresh());
      url.password = 'wrong-password';
      const err = await rejection(openStore(url.toString(), 'Asia/Shanghai'));
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toBe(
        `postgres://fingertip@${url.host}${url.pathname}: the server at ${url.host} refused the login (password authentication failed for user "fingertip")`,
      );
    });
  });
}
