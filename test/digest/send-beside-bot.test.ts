import { afterEach, describe, expect, it } from 'vitest';
import { startSlackBot, stopBot, type BotProcess } from '../support/bot-process.js';
import { runCli } from '../support/run-cli.js';
import { startSlackApiStub, type SlackApiStub } from '../support/slack-api-stub.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait-for.js';
import { eventEnvelope, sendSigned, SIGNING_SECRET } from '../adapters/slack/signed-request.js';
import { digestStore, seedWeek } from './fixture.js';

let bot: BotProcess | undefined;
let stub: SlackApiStub | undefined;
afterEach(async () => {
  if (bot?.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  await stub?.close();
});

describe('digest --send beside a running Slack bot on the same config', () => {
  it('delivers through the Web API alone, leaving the bot its port, and exits 0', async () => {
    const api = (stub = await startSlackApiStub());
    const { config, store } = await digestStore();
    await seedWeek(store);
    const supervisor = { platform: 'slack', user: 'U0SUPER', lang: 'en' };
    bot = await startSlackBot({
      db: config.db,
      apiUrl: api.url,
      signingSecret: SIGNING_SECRET,
      dir: tempDir(),
      extra: { digest: { supervisors: [supervisor] } },
    });
    // The bot catches up on the last complete week as it starts: let it, so the two never write at once.
    await waitFor(() => bot!.stderr.find((l) => /^digest: \S+ (sent to|to) slack:U0SUPER/.test(l)), "the bot's own digest", 30_000);

    const sent = await runCli(['digest', '--week', '2026-W47', '--send', '--config', bot.config]);
    expect([sent.code, sent.stderr]).toEqual([0, 'digest: 2026-W47 sent to slack:U0SUPER\n']);
    // The supervisor's DM: the week's chart with the digest as its comment.
    const dm = api.callsTo('files.completeUploadExternal').filter((c) => c.args.channel_id === 'DU0SUPER' && c.args.initial_comment?.includes('2026-W47'));
    expect(dm).toHaveLength(1);
    expect(dm[0].args.initial_comment).toMatch(/^Fingertip digest 2026-W47 \(2026-11-16 to 2026-11-22\)\n/);

    // The bot still has its port and takes events.
    const event = await sendSigned(bot.port, eventEnvelope({ type: 'message', channel: 'C01', user: 'U1', ts: '1800003000.000100', text: 'hello' }));
    expect(event.status).toBe(200);
    expect(await stopBot(bot)).toBe(0);
  }, 60_000);
});
