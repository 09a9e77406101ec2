import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/analysis/open-store.js';
import type { Store } from '../../src/store/store.js';
import { engines, POSTGRES } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait-for.js';
import { collect, missedReport, rec } from '../store/fixtures.js';

/** A SQLite store with a row in every table, as a bot's file is after some weeks. */
async function seeded(path: string): Promise<void> {
  const store = await openStore(path, 'Asia/Shanghai');
  await store.upsertGroup({ platform: 'slack', id: 'C1', name: 'ops', memberIds: ['U1', 'U2', 'U3'], seenAt: 1000 });
  await store.updateGroupSettings('slack', 'C1', () => ({ mode: 'nudge', disabledRules: [], supervisors: ['U9'] }));
  await store.setOptOut('slack', 'U7', true);
  const adds = Array.from({ length: 12_000 }, (_, i) =>
    store.add(rec(`m${i}`, { ts: 1_000_000 + i * 1000, senderId: `U${i % 7}`, senderName: `name ${i % 7}`, cats: i % 4 ? [] : ['check-in'] }), `ev${i}`),
  );
  await Promise.all(adds);
  await store.markFalsePositive('slack', 'm4', null, 'U2');
  await store.reportMissed(missedReport({ messageId: 'm5', senderId: 'U3', byUser: 'U2', text: 'everyone star the repo', sentAt: 1 }));
  await store.addLead('slack', 'C1', 'they make us like every post', 5000);
  await store.addLead('slack', null, 'same text, no group', 5000);
  await store.identityPut('wechaty', 'room-topic:abc', 'wxg-1');
  await store.claimDelivery('slack', 'U9', '2026-W47', 9000);
  await store.settleDelivery('slack', 'U9', '2026-W47', null, 9001);
  await store.forgetUser('slack', 'U8');
  await store.removeMessage('slack', 'm6');
  await store.removeMessage('slack', 'm8'); // a demand: its tombstone keeps its group and time
  await store.close();
}

/** What a report and the bot read of a store, every table's part. */
async function contents(store: Store) {
  const scope = { from: 0, to: 1e13 };
  return {
    records: await collect(store.records(scope)),
    groups: await store.groups(),
    settings: await store.groupSettings('slack', 'C1'),
    leads: await store.leads(scope),
    missed: await store.missedDemands(),
    deliveries: await store.deliveries('slack', 'U9'),
    identity: await store.identityGet('wechaty', 'room-topic:abc'),
    optedOut: [await store.isOptedOut('slack', 'U7'), await store.isOptedOut('slack', 'U1')],
    seen: await store.seen('slack', 'ev11999'),
    hidden: await store.hiddenNames(),
  };
}

for (const engine of engines().filter((e) => e === POSTGRES)) {
  describe(`fingertip migrate --to (${engine.name})`, () => {
    it('copies every table of a SQLite store, reports the counts, and refuses to copy into it again', async () => {
      const path = join(tempDir(), 'bot.db');
      await seeded(path);
      const url = await engine.fresh();

      const first = await runCli(['migrate', '--to', url, '--from', path]);
      expect([first.code, first.stderr]).toEqual([0, '']);
      const lines = first.stdout.trimEnd().split('\n');
      expect(lines).toContain('messages: 11,998 read, 11,998 copied, 0 there already');
      expect(lines).toContain('removed_messages: 2 read, 2 copied, 0 there already');
      expect(lines).toContain('feedback: 1 read, 1 copied, 0 there already');
      expect(lines).toContain('leads: 2 read, 2 copied, 0 there already');
      expect(lines).toContain('missed_demands: 1 read, 1 copied, 0 there already');
      expect(lines).toContain('forgotten_users: 1 read, 1 copied, 0 there already');
      // U7 opted out and U8 was forgotten: each id is kept as a hidden name (neither had a name stored).
      expect(lines).toContain('hidden_names: 2 read, 2 copied, 0 there already');
      expect(lines.at(-1)).toMatch(new RegExp(`^copied [\\d,]+ rows from ${path} to postgres://fingertip@127\\.0\\.0\\.1:\\d+/\\w+$`));

      const [sqlite, postgres] = [await openStore(path, 'Asia/Shanghai'), await openStore(url, 'Asia/Shanghai')];
      try {
        expect(await contents(postgres)).toEqual(await contents(sqlite));
        // The salt came along: an opted-out user's new message is stored anonymously on PostgreSQL too.
        await postgres.add(rec('later', { senderId: 'U7', cats: ['check-in'] }));
        expect((await postgres.message('slack', 'later'))?.senderId).toMatch(/^anon-/);
        // The tombstone came along: the removed message, delivered again, is not stored there either.
        expect(await postgres.add(rec('m6'))).toBe(false);
        // The removed demand m8 came with its group and time, which a report reads to give it the acks after it.
        expect(await postgres.removedDemands({ from: 0, to: 2_000_000 })).toEqual([{ platform: 'slack', groupId: 'C1', ts: 1_008_000 }]);
      } finally {
        await sqlite.close();
        await postgres.close();
      }

      // Erasures made on PostgreSQL since hold: a second run is refused, not a copy that brings them back.
      const postgresAgain = await openStore(url, 'Asia/Shanghai');
      await postgresAgain.forgetUser('slack', 'U1');
      await postgresAgain.close();
      const again = await runCli(['migrate', '--to', url, '--from', path]);
      expect([again.code, again.stdout]).toEqual([2, '']);
      expect(again.stderr).toMatch(
        /^fingertip migrate: postgres:\/\/fingertip@[^:]+:\d+\/\w+: a migrate into it has finished already; copying again would undo what was erased there since \(give an empty database\)\n$/,
      );
      const raw = await rawDb(url);
      expect(await raw.get("SELECT count(*) AS n FROM messages WHERE sender_id = 'U1'")).toEqual({ n: 0 });
      expect(await raw.get("SELECT count(*) AS n FROM group_members WHERE user_id = 'U1'")).toEqual({ n: 0 });
      await raw.close();
    }, 60_000);

    it('with --from, reads the config for its timezone alone: an unset variable or a setting elsewhere is no matter', async () => {
      const dir = tempDir({
        'fingertip.yaml': 'db: ${DATA_DIR}/bot.db\ntimezone: Europe/Berlin\nadapters:\n  slack: {botToken: ${SLACK_BOT_TOKEN}}\nworkhours: nonsense\n',
      });
      const path = join(dir, 'bot.db');
      await (await openStore(path, 'Asia/Shanghai')).close();
      const r = await runCli(['migrate', '--to', await engine.fresh(), '--from', path], { env: { FINGERTIP_CONFIG: join(dir, 'fingertip.yaml') } });
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(/^copied 0 rows from /m);
    }, 60_000);

    it("refuses a target holding an instance's own data, naming it and what it holds, and leaves it as it was", async () => {
      const path = join(tempDir(), 'bot.db');
      await seeded(path);
      const url = await engine.fresh();
      const target = await openStore(url, 'Asia/Shanghai');
      await target.add(rec('t1', { senderId: 'U42' }));
      await target.setOptOut('slack', 'U43', true);
      await target.close();
      const r = await runCli(['migrate', '--to', url, '--from', path]);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(
        /^fingertip migrate: postgres:\/\/\S+: holds data already \(chat_groups, messages, opt_outs, hidden_names\); migrate copies into an empty database only\n$/,
      );
      const after = await openStore(url, 'Asia/Shanghai');
      expect((await collect(after.records({ from: 0, to: 1e13 }))).map((m) => m.id)).toEqual(['t1']);
      expect(await after.isOptedOut('slack', 'U43')).toBe(true);
      await after.close();
    }, 60_000);

    it('refuses a target an instance is running on, though it has stored nothing yet, so its salt stays', async () => {
      const path = join(tempDir(), 'bot.db');
      await seeded(path);
      const url = await engine.fresh();
      const instance = await openStore(url, 'Asia/Shanghai');
      const r = await runCli(['migrate', '--to', url, '--from', path]);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(
        /^fingertip migrate: postgres:\/\/\S+: in use by \d+ other connections? \(an instance running on it\?\); stop them, then run migrate again\n$/,
      );
      // An opt-out the instance takes now holds after its restart: it was hashed under the salt the database keeps.
      await instance.setOptOut('slack', 'U50', true);
      await instance.close();
      const restarted = await openStore(url, 'Asia/Shanghai');
      expect(await restarted.isOptedOut('slack', 'U50')).toBe(true);
      await restarted.close();
    }, 60_000);

    it('an instance not seen connected while a migrate copies under it takes the copied salt, opt-outs and erasures before its next write', async () => {
      const path = join(tempDir(), 'bot.db');
      await seeded(path);
      const url = await engine.fresh();
      const instance = await openStore(url, 'Asia/Shanghai');
      try {
        // Its connections cut (a restart of the server, a failover; or idle ones closed): the migrate sees no client.
        const raw = await rawDb(url);
        await raw.run('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
        // The copy is cut short after the opt-outs, before the erasures; the instance writes meanwhile.
        await raw.exec(`CREATE FUNCTION cut() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'cut short'; END $$;
          CREATE TRIGGER cut BEFORE INSERT ON forgotten_users FOR EACH ROW EXECUTE FUNCTION cut();`);
        await raw.close();
        expect((await runCli(['migrate', '--to', url, '--from', path])).code).toBe(1);
        await instance.add(rec('meanwhile', { senderId: 'U1', ts: 2_000_000 }));
        const untrigger = await rawDb(url);
        await untrigger.exec('DROP TRIGGER cut ON forgotten_users');
        await untrigger.close();
        const r = await runCli(['migrate', '--to', url, '--from', path]);
        expect([r.code, r.stderr]).toEqual([0, '']);

        // U7 opted out in the source, U8 was forgotten there: the instance honours both at once.
        await instance.add(rec('after', { senderId: 'U7', senderName: 'Seven', ts: 2_000_000, cats: ['check-in'] }));
        const after = await instance.message('slack', 'after');
        expect(after?.senderId).toMatch(/^anon-/);
        expect([after?.senderName, after?.text]).toEqual([undefined, null]);
        expect(await instance.add(rec('before-forget', { senderId: 'U8', ts: 1 }))).toBe(false);
        expect(await instance.isOptedOut('slack', 'U7')).toBe(true);
        // An opt-out it takes now is hashed under the salt the database keeps: it holds after a restart.
        await instance.setOptOut('slack', 'U51', true);
      } finally {
        await instance.close();
      }
      const restarted = await openStore(url, 'Asia/Shanghai');
      expect([await restarted.isOptedOut('slack', 'U51'), await restarted.isOptedOut('slack', 'U7')]).toEqual([true, true]);
      await restarted.close();
    }, 60_000);

    it('an instance not seen connected takes the salt of a copy that brought no opt-outs, so its own hold', async () => {
      const path = join(tempDir(), 'bot.db');
      await (await openStore(path, 'Asia/Shanghai')).close();
      const url = await engine.fresh();
      const instance = await openStore(url, 'Asia/Shanghai');
      // A write that reads the privacy mark and leaves no row: an edit of a message it does not hold.
      expect(await instance.editMessage(rec('none'))).toBe(false);
      const raw = await rawDb(url);
      await raw.run('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      await raw.close();
      expect((await runCli(['migrate', '--to', url, '--from', path])).code).toBe(0);
      await instance.setOptOut('slack', 'U52', true);
      await instance.close();
      const restarted = await openStore(url, 'Asia/Shanghai');
      expect(await restarted.isOptedOut('slack', 'U52')).toBe(true);
      await restarted.close();
    }, 60_000);

    it('refuses a second migrate while a copy into the same database is under way, so no row is copied twice', async () => {
      const path = join(tempDir(), 'bot.db');
      await seeded(path);
      const url = await engine.fresh();
      await (await openStore(url, 'Asia/Shanghai')).close();
      // The copy is held at its leads until the test lets it go, without a connection of the test's meanwhile.
      const raw = await rawDb(url);
      await raw.exec(`CREATE TABLE go (x INT);
        CREATE FUNCTION hold() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
          WHILE NOT EXISTS (SELECT 1 FROM go) LOOP PERFORM pg_sleep(0.05); END LOOP; RETURN NEW; END $$;
        CREATE TRIGGER hold BEFORE INSERT ON leads FOR EACH ROW EXECUTE FUNCTION hold();`);
      await raw.close();
      const target = new URL(url).pathname.slice(1);
      // Watched from the server's own database, where the copy does not count it as a client of the target.
      const admin = await rawDb(Object.assign(new URL(url), { pathname: '/postgres' }).toString());
      const held = async () =>
        (await admin.get<{ n: number }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = ? AND wait_event = 'PgSleep'", [target]))?.n ?? 0;
      try {
        const first = runCli(['migrate', '--to', url, '--from', path]);
        await waitFor(async () => (await held()) === 1, 'the first copy held at its leads', 30_000);
        let done = false;
        const second = runCli(['migrate', '--to', url, '--from', path]).finally(() => (done = true));
        await waitFor(async () => done || (await held()) === 2, 'the second migrate refused or held too', 30_000);
        const release = await rawDb(url);
        await release.run('INSERT INTO go VALUES (1)');
        await release.close();
        const [one, two] = [await first, await second];
        expect([one.code, one.stderr]).toEqual([0, '']);
        expect([two.code, two.stdout]).toEqual([2, '']);
        expect(two.stderr).toMatch(/^fingertip migrate: postgres:\/\/\S+: a copy into it is under way \(another fingertip migrate\); [^\n]+\n$/);
      } finally {
        await admin.close();
      }
      const after = await rawDb(url);
      expect(await after.get('SELECT count(*) AS n FROM leads')).toEqual({ n: 2 });
      expect(await after.get('SELECT count(*) AS n FROM feedback')).toEqual({ n: 1 });
      await after.close();
    }, 90_000);

    it('resumes a copy cut short, and no instance opens the database until it has finished', async () => {
      const path = join(tempDir(), 'bot.db');
      await seeded(path);
      const url = await engine.fresh();
      await (await openStore(url, 'Asia/Shanghai')).close();
      // The server fails the copy's second page of messages, as a lost connection or a full disk would.
      const raw = await rawDb(url);
      await raw.exec(`CREATE FUNCTION cut() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'cut short'; END $$;
        CREATE TRIGGER cut BEFORE INSERT ON messages FOR EACH ROW WHEN (NEW.id = 'm9000') EXECUTE FUNCTION cut();`);
      await raw.close();
      const cut = await runCli(['migrate', '--to', url, '--from', path]);
      expect(cut.code).toBe(1);
      expect(cut.stderr).toMatch(/cut short/);

      await expect(openStore(url, 'Asia/Shanghai')).rejects.toThrow(
        /: a migrate into it has not finished; run fingertip migrate again to finish it, then start on it$/,
      );
      const report = await runCli(['report'], { env: { FINGERTIP_DB: url } });
      expect(report.code).toBe(2);
      expect(report.stderr).toMatch(/^fingertip report: \S+: a migrate into it has not finished; [^\n]+\n$/);

      const untouched = await rawDb(url);
      await untouched.exec('DROP TRIGGER cut ON messages');
      await untouched.close();
      const resumed = await runCli(['migrate', '--to', url, '--from', path]);
      expect([resumed.code, resumed.stderr]).toEqual([0, '']);
      expect(resumed.stdout).toContain('chat_groups: 1 read, 0 copied, 1 there already');
      expect(resumed.stdout).toMatch(/^messages: 11,998 read, [\d,]+ copied, [1-9][\d,]* there already$/m);
      const [sqlite, postgres] = [await openStore(path, 'Asia/Shanghai'), await openStore(url, 'Asia/Shanghai')];
      try {
        expect(await contents(postgres)).toEqual(await contents(sqlite));
      } finally {
        await sqlite.close();
        await postgres.close();
      }
    }, 60_000);
  });
}

describe('fingertip migrate, given what it cannot use', () => {
  it('says what is missing in one line, exit 2', async () => {
    const noTo = await runCli(['migrate']);
    expect([noTo.code, noTo.stderr]).toEqual([2, 'fingertip migrate: give --to postgres://user:password@host:port/database\n']);
    const missing = join(tempDir(), 'none.db');
    const noFile = await runCli(['migrate', '--to', 'postgres://127.0.0.1/x', '--from', missing]);
    expect([noFile.code, noFile.stderr]).toEqual([2, `fingertip migrate: ${missing}: no such database file\n`]);
  });

  it('with --from, still refuses a config given that cannot be read, parsed, or names no time zone, naming it', async () => {
    const dir = tempDir({ 'bad.yaml': 'timezone: [Asia/Shanghai\n', 'mars.yaml': 'timezone: Mars/Base\n', 'unset.yaml': 'timezone: ${TZ_NAME}\n' });
    const from = join(dir, 'bot.db');
    await (await openStore(from, 'Asia/Shanghai')).close();
    const migrate = (config: string) => runCli(['migrate', '--to', 'postgres://127.0.0.1/x', '--from', from], { env: { FINGERTIP_CONFIG: join(dir, config) } });
    for (const [config, why] of [
      ['none.yaml', /none\.yaml: cannot read config \(ENOENT\)/],
      ['bad.yaml', /bad\.yaml:\d+: invalid YAML/],
      ['mars.yaml', /mars\.yaml: config key timezone: unknown time zone "Mars\/Base"/],
      ['unset.yaml', /unset\.yaml: environment variable TZ_NAME is not set/],
    ] as const) {
      const r = await migrate(config);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(why);
      expect(r.stderr.trimEnd()).not.toContain('\n');
    }
  });
});
