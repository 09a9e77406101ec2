import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startSlackBot, stopBot, type BotProcess } from '../../support/bot-process.js';
import { engines, POSTGRES } from '../../support/databases.js';
import { findPgBin, startPgServer, type PgServer } from '../../support/postgres-server.js';
import { rawDb } from '../../support/raw-db.js';
import { startSlackApiStub, type SlackApiStub } from '../../support/slack-api-stub.js';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.js';
import { tempDir } from '../../support/temp-dir.js';
import { eventEnvelope, sendSigned, SIGNING_SECRET } from './signed-request.js';

// The database server goes down under a running bot, then comes back: nothing may be acknowledged
// that was not stored meanwhile, and the bot must store again once it can, without a restart.

let bot: BotProcess | undefined;
let stub: SlackApiStub | undefined;
let server: PgServer | undefined;
let proxy: TcpProxy | undefined;
afterEach(async () => {
  if (bot && bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  await stub?.close();
  await proxy?.close();
  server?.stop();
});

const event = (i: number) =>
  eventEnvelope({ type: 'message', channel: 'C01', user: 'U1', ts: `1800003000.${String(i).padStart(6, '0')}`, text: '请大家今晚十点前完成打卡' }, `EvOut${i}`);
const send = (port: number, from: number, to: number) =>
  Promise.all(Array.from({ length: to - from }, (_, k) => sendSigned(port, event(from + k)).then((r) => r.status)));

// A server of this test's own, as it is taken down: only where PostgreSQL is installed (see engines()).
for (const engine of engines().filter((e) => e === POSTGRES)) {
  describe(`a ${engine.name} outage under a running bot`, () => {
    it('answers 503 while the server is down, names the server once per burst, and stores again once it is back', async () => {
      server = await startPgServer(findPgBin()!);
      const admin = new pg.Client(server.url());
      await admin.connect();
      await admin.query('CREATE DATABASE outage');
      await admin.end();
      const db = server.url('outage');
      const api = (stub = await startSlackApiStub({ users: [{ id: 'U1', name: 'Li' }], channels: { C01: { name: 'ops', members: ['U1', 'U2'] } } }));
      bot = await startSlackBot({ db, apiUrl: api.url, signingSecret: SIGNING_SECRET, dir: tempDir() });

      expect(await send(bot.port, 0, 20)).toEqual(Array(20).fill(200));
      server.halt();
      expect(await send(bot.port, 20, 40)).toEqual(Array(20).fill(503));
      server.resume();
      // Slack delivers the refused events again; the pool opens new connections.
      expect(await send(bot.port, 20, 40)).toEqual(Array(20).fill(200));
      expect(await stopBot(bot)).toBe(0);

      const raw = await rawDb(db);
      expect(await raw.get("SELECT count(*) AS n, count(DISTINCT id) AS d FROM messages WHERE platform = 'slack'")).toEqual({ n: 40, d: 40 });
      await raw.close();
      expect(bot.stderr.length).toBeGreaterThan(0);
      expect(bot.stderr.every((line) => !line.includes('test-password'))).toBe(true);
      expect(bot.stderr[0]).toMatch(
        /^slack: message C01\/1800003000\.\d+ \(event EvOut\d+\) failed: postgres:\/\/fingertip@127\.0\.0\.1:\d+\/outage: .*answered 503/,
      );
    }, 60_000);

    it('answers 503 once its connections go silent (a firewall dropping them), names the server, and stores again on new ones', async () => {
      const db = new URL(await engine.fresh());
      proxy = await startTcpProxy(Number(db.port));
      db.port = String(proxy.port);
      const api = (stub = await startSlackApiStub({ users: [{ id: 'U1', name: 'Li' }], channels: { C01: { name: 'ops', members: ['U1', 'U2'] } } }));
      bot = await startSlackBot({ db: db.toString(), apiUrl: api.url, signingSecret: SIGNING_SECRET, dir: tempDir() });

      expect(await send(bot.port, 100, 120)).toEqual(Array(20).fill(200));
      proxy.silence();
      // Neither answered nor closed: the batch on the silent connection fails at its deadline, within
      // the test's bound; events that came after it may be stored at once on a new connection.
      const statuses = await send(bot.port, 120, 140);
      expect(statuses).toContain(503);
      expect(statuses.every((s) => s === 503 || s === 200)).toBe(true);
      // Slack delivers the refused ones again; every event is then stored once.
      expect(await send(bot.port, 120, 140)).toEqual(Array(20).fill(200));
      expect(await stopBot(bot)).toBe(0);

      const raw = await rawDb(db.toString());
      expect(await raw.get("SELECT count(*) AS n, count(DISTINCT id) AS d FROM messages WHERE platform = 'slack'")).toEqual({ n: 40, d: 40 });
      await raw.close();
      expect(bot.stderr[0]).toMatch(
        /^slack: message C01\/1800003000\.\d+ \(event EvOut\d+\) failed: postgres:\/\/fingertip@127\.0\.0\.1:\d+\/\w+: the database server at 127\.0\.0\.1:\d+ did not answer within 20 s/,
      );
    }, 120_000);

    it('answers 503 to a deletion that is the first write after its connection went silent, and stores it once redelivered', async () => {
      const db = new URL(await engine.fresh());
      proxy = await startTcpProxy(Number(db.port));
      db.port = String(proxy.port);
      const api = (stub = await startSlackApiStub({ users: [{ id: 'U1', name: 'Li' }], channels: { C01: { name: 'ops', members: ['U1', 'U2'] } } }));
      bot = await startSlackBot({ db: db.toString(), apiUrl: api.url, signingSecret: SIGNING_SECRET, dir: tempDir() });
      expect(await send(bot.port, 200, 210)).toEqual(Array(10).fill(200));

      proxy.silence();
      // Not an ingest batch: a removal waits for the server on the writer's connection as a batch does, and fails as soon.
      const deleted = eventEnvelope(
        { type: 'message', subtype: 'message_deleted', channel: 'C01', ts: '1800003001.000001', deleted_ts: '1800003000.000200', hidden: true },
        'EvDel',
      );
      expect((await sendSigned(bot.port, deleted)).status).toBe(503);
      expect((await sendSigned(bot.port, deleted)).status).toBe(200);
      expect(await stopBot(bot)).toBe(0);

      const raw = await rawDb(db.toString());
      expect(await raw.get("SELECT count(*) AS n FROM messages WHERE platform = 'slack'")).toEqual({ n: 9 });
      expect(await raw.get("SELECT count(*) AS n FROM removed_messages WHERE id = 'C01/1800003000.000200'")).toEqual({ n: 1 });
      await raw.close();
      expect(bot.stderr[0]).toMatch(
        /^slack: change of message C01\/1800003000\.000200 \(event EvDel\) failed: postgres:\/\/fingertip@127\.0\.0\.1:\d+\/\w+: the database server at \S+ did not answer within 20 s/,
      );
    }, 120_000);
  });
}
