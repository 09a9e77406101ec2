import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Db } from '../../../src/store/sqlite/db.js';
import { openStore } from '../../../src/analysis/open-store.js';
import { startSlackBot, stopBot, type BotProcess } from '../../support/bot-process.js';
import { startSlackApiStub, type SlackApiStub } from '../../support/slack-api-stub.js';
import { tempDir } from '../../support/temp-dir.js';
import { eventEnvelope, sendSigned, SIGNING_SECRET } from './signed-request.js';

// The bot on a database file it may read but not write, as a process of its own: the permission must
// hold for it, and root writes to read-only files, so under root it runs as nobody.

let bot: BotProcess | undefined;
let stub: SlackApiStub | undefined;
afterEach(async () => {
  if (bot?.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  await stub?.close();
});

const NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

describe('Slack events and a read-only database', () => {
  it('acknowledges none of them, answers 503 for Slack to deliver them again, and says why in few lines', async () => {
    const api = (stub = await startSlackApiStub({ users: [{ id: 'U1', name: 'Li' }], channels: { C01: { name: 'ops', members: ['U1', 'U2'] } } }));
    const dir = tempDir();
    const db = join(dir, 'bot.db');
    await (await openStore(db, 'Asia/Shanghai')).close();
    chmodSync(db, 0o444);
    chmodSync(dir, 0o777); // SQLite makes its -wal and -shm files beside it, as it does for a reader
    bot = await startSlackBot({ db, apiUrl: api.url, signingSecret: SIGNING_SECRET, dir, ...NOBODY });

    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        sendSigned(
          bot!.port,
          eventEnvelope({ type: 'message', channel: 'C01', user: 'U1', ts: `1800002000.${String(i).padStart(6, '0')}`, text: '请大家今晚十点前完成打卡' }),
        ).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual(Array(50).fill(503));
    expect(await stopBot(bot)).toBe(0);

    const raw = await Db.open(db, 1000);
    expect(await raw.get('SELECT count(*) AS n FROM messages')).toEqual({ n: 0 });
    await raw.close();
    const readOnly = `${db}: the database file is read-only`;
    expect(bot.stderr).toEqual([
      expect.stringMatching(/^retention purge failed: /),
      expect.stringMatching(/^slack: message C01\/1800002000\.\d+ \(event Ev\d+\) failed: .*answered 503, for Slack to deliver it again$/),
      expect.stringMatching(/^slack: 49 more events failed in the last \d+ s \(the latest: /),
    ]);
    expect(bot.stderr.every((line) => line.includes(readOnly))).toBe(true);
  }, 60_000);
});
