import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/analysis/open-store.js';
import { startSlackBot } from '../../support/bot-process.js';
import { startSlackApiStub, type SlackApiStub } from '../../support/slack-api-stub.js';
import { tempDir } from '../../support/temp-dir.js';
import { SIGNING_SECRET } from './signed-request.js';

// The bot on a database file it may read but not write, as a process of its own: the permission must
// hold for it, and root writes to read-only files, so under root it runs as nobody.

let stub: SlackApiStub | undefined;
afterEach(async () => {
  await stub?.close();
});

const NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

describe('Slack and a read-only database', () => {
  it('refuses to start, in one line: it never listens, so no event is acknowledged that it could not store', async () => {
    const api = (stub = await startSlackApiStub({ users: [{ id: 'U1', name: 'Li' }], channels: { C01: { name: 'ops', members: ['U1', 'U2'] } } }));
    const dir = tempDir();
    const db = join(dir, 'bot.db');
    await (await openStore(db, 'Asia/Shanghai')).close();
    chmodSync(db, 0o444);
    chmodSync(dir, 0o777); // SQLite makes its -wal and -shm files beside it, as it does for a reader
    // Before, it started, answered every event 503 and failed the retention purge.
    const started = startSlackBot({ db, apiUrl: api.url, signingSecret: SIGNING_SECRET, dir, ...NOBODY });
    started.then((bot) => bot.child.kill('SIGKILL')).catch(() => {}); // should it start after all
    await expect(started).rejects.toThrow(
      `the bot exited (2) before listening: fingertip start: ${db}: the database file is read-only; make it writable by the user fingertip runs as`,
    );
  }, 60_000);
});
