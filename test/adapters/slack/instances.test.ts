import { afterEach, describe, expect, it } from 'vitest';
import { weekOf } from '../../../src/core/time/iso-week.js';
import { startSlackBot, stopBot, type BotProcess } from '../../support/bot-process.js';
import { engines, POSTGRES } from '../../support/databases.js';
import { rawDb } from '../../support/raw-db.js';
import { runCli } from '../../support/run-cli.js';
import { startSlackApiStub, type SlackApiStub } from '../../support/slack-api-stub.js';
import { tempDir } from '../../support/temp-dir.js';
import { streamEvent, WORKSPACE } from './event-stream.js';
import { sendSigned, SIGNING_SECRET } from './signed-request.js';

// Two bot processes behind a load balancer on one PostgreSQL database: Slack's events land on
// either, its retries on the other one, and both fire the weekly digest at the same moment.

const EVENTS = 300;
const RETRIES = 60;
const TS = 1_800_001_000;

const bots: BotProcess[] = [];
let stub: SlackApiStub | undefined;
afterEach(async () => {
  for (const bot of bots.splice(0)) if (bot.child.exitCode === null && bot.child.signalCode === null) await stopBot(bot);
  await stub?.close();
});

const body = (i: number) => streamEvent(i, TS, 'EvTwo');

// Only where PostgreSQL is installed (engines() says why not, and fails under CI=true without it).
for (const engine of engines().filter((e) => e === POSTGRES))
  describe(`two instances on one database (${engine.name})`, () => {
    it('store every event once, report all of them from either, and send a week’s digest once', async () => {
      const api = (stub = await startSlackApiStub(WORKSPACE));
      const db = await engine.fresh();
      const dir = tempDir();
      const extra = { timezone: 'UTC', digest: { supervisors: [{ platform: 'slack', user: 'U0' }] } };
      const [a, b] = await Promise.all([0, 1].map(() => startSlackBot({ db, apiUrl: api.url, signingSecret: SIGNING_SECRET, dir, extra })));
      bots.push(a, b);

      // The load balancer: even events to one instance, odd to the other, 20 in flight at a time.
      let next = 0;
      const statuses: number[] = [];
      const sender = async () => {
        while (next < EVENTS) {
          const i = next++;
          statuses.push((await sendSigned((i % 2 ? b : a).port, body(i))).status);
        }
      };
      await Promise.all(Array.from({ length: 20 }, sender));
      // Slack's retries of events it did not see acknowledged, each to the other instance, all at once.
      const retried = Array.from({ length: RETRIES }, (_, k) => k * 5);
      statuses.push(...(await Promise.all(retried.map((i) => sendSigned((i % 2 ? a : b).port, body(i), { retryNum: 1 }).then((r) => r.status)))));
      expect(statuses.filter((s) => s !== 200)).toEqual([]);

      const raw = await rawDb(db);
      const counts = await raw.all<{ n: number }>("SELECT count(*) AS n FROM messages WHERE platform = 'slack' GROUP BY id");
      await raw.close();
      expect(counts).toHaveLength(EVENTS);
      expect(counts.every((c) => c.n === 1)).toBe(true);

      const week = weekOf(TS * 1000, 'UTC');
      for (const bot of [a, b]) {
        const report = await runCli(['report', '--week', week, '--format', 'json', '--config', bot.config]);
        expect(report.stderr).toBe('');
        const json = JSON.parse(report.stdout) as { messages: number; demands: number };
        expect([json.messages, json.demands]).toEqual([EVENTS, EVENTS / 3]);
      }

      const sends = await Promise.all([a, b].map((bot) => runCli(['digest', '--week', week, '--send', '--config', bot.config])));
      expect(sends.map((s) => s.code)).toEqual([0, 0]);
      // One run sends; the other finds the week claimed and says so.
      expect(sends.map((s) => s.stderr).sort()).toEqual(
        [`digest: ${week} sent to slack:U0\n`, `digest: nothing to send: ${week} was already sent to every supervisor (or another run is sending it)\n`].sort(),
      );
      for (const bot of bots.splice(0)) expect(await stopBot(bot)).toBe(0);
      // At start both bots caught up at the same moment on the week before today's, which one of them sent.
      const caughtUp = [...a.stderr, ...b.stderr];
      expect(caughtUp).toEqual([expect.stringMatching(/^digest: \d{4}-W\d\d sent to slack:U0$/)]);
      const [, earlier] = /^digest: (\S+) sent/.exec(caughtUp[0]) ?? [];
      const log = await rawDb(db);
      expect(await log.all('SELECT user_id, week, status, attempts FROM digest_deliveries ORDER BY week')).toEqual(
        [earlier, week].map((w) => ({ user_id: 'U0', week: w, status: 'sent', attempts: 1 })),
      );
      await log.close();
      // Each week reached the supervisor's DM once: as text alone, or as its chart with the text.
      const toDm = (method: string) => api.callsTo(method).filter((c) => (c.args.channel ?? c.args.channel_id) === 'DU0').length;
      expect(toDm('chat.postMessage') + toDm('files.completeUploadExternal')).toBe(2);
    }, 120_000);
  });
