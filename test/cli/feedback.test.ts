import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readCorpusFile } from '../../src/eval/corpus.js';
import { runCli } from '../support/run-cli.js';
import { finding, missedReport, rec, tempDir, tempStore } from '../store/fixtures.js';

describe('fingertip feedback export', () => {
  it('writes the messages marked "not formalism" as lines the training reads, labelled with what they still demand', async () => {
    const dir = tempDir();
    const db = join(dir, 'bot.db');
    const store = await tempStore({}, db);
    const text = '请各位家长今晚九点前在小程序打卡，并把截图发到群里';
    await store.add(
      rec('m1', { categories: ['check-in', 'proof-demand'], text, findings: [finding('check-in', 'check-in/a'), finding('proof-demand', 'proof-demand/b')] }),
    );
    await store.add(rec('m2', { cats: ['like-quota'], text: 'Everyone please vote for our team before Friday' }));
    await store.add(rec('m3', { cats: ['ack-demand'] }));
    // The same message in another group, corrected there too: one line of it is enough.
    await store.add(rec('m4', { cats: ['like-quota'], text: 'Everyone please vote for our team before Friday' }));
    await store.markFalsePositive('slack', 'm1', 'check-in/a', 'U9');
    await store.markFalsePositive('slack', 'm2', null, 'U9');
    await store.markFalsePositive('slack', 'm4', null, 'U8');
    await store.close();

    const out = join(dir, 'feedback.jsonl');
    const res = await runCli(['feedback', 'export', '--out', out], { env: { FINGERTIP_DB: db } });
    expect([res.code, res.stderr, res.stdout]).toEqual([
      0,
      'feedback: exported 2 corrected messages; left out 1 repeating the text and labels of another\n',
      '',
    ]);
    expect(readCorpusFile(out).map((l) => [l.id, l.lang, l.text, l.labels, l.genre])).toEqual([
      ['slack/m1', 'zh', text, ['proof-demand'], 'feedback'],
      ['slack/m2', 'en', 'Everyone please vote for our team before Friday', [], 'feedback'],
    ]);

    // Without --out the lines go to stdout.
    const printed = await runCli(['feedback', 'export'], { env: { FINGERTIP_DB: db } });
    expect(printed.stdout.trim().split('\n')).toHaveLength(2);

    // An --out that cannot be written is bad input, named in one line.
    const bad = join(dir, 'no-such-folder', 'feedback.jsonl');
    expect(await runCli(['feedback', 'export', '--out', bad], { env: { FINGERTIP_DB: db } })).toMatchObject({
      code: 2,
      stderr: `fingertip feedback: --out ${bad}: cannot write (ENOENT)\n`,
    });
  });

  it('adds the demands members reported missed, labelled with what they named', async () => {
    const db = join(tempDir(), 'bot.db');
    const store = await tempStore({}, db);
    await store.add(rec('m1', { cats: ['ack-demand'], text: 'Please all reply 1 to confirm' }));
    await store.markFalsePositive('slack', 'm1', null, 'U9');
    const text = 'Team, kindly go through the new handbook on the portal and mark it as read by Friday';
    await store.reportMissed(missedReport({ messageId: 'm2', text, categories: ['ack-demand'], sentAt: 1 }));
    await store.close();
    const res = await runCli(['feedback', 'export'], { env: { FINGERTIP_DB: db } });
    expect([res.code, res.stderr]).toEqual([0, 'feedback: exported 2 corrected messages (1 reported missed)\n']);
    expect(
      res.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; labels: string[] })
        .map((l) => [l.id, l.labels]),
    ).toEqual([
      ['slack/m1', []],
      ['slack/m2', ['ack-demand']],
    ]);
  });

  it('says what it left out and why', async () => {
    const db = join(tempDir(), 'bot.db');
    const store = await tempStore({}, db);
    await store.add(rec('m1', { cats: ['check-in'], senderId: 'U2' }));
    await store.markFalsePositive('slack', 'm1', null, 'U9');
    await store.forgetUser('slack', 'U2');
    await store.close();
    const res = await runCli(['feedback', 'export'], { env: { FINGERTIP_DB: db } });
    expect([res.code, res.stdout, res.stderr]).toEqual([
      0,
      '',
      'feedback: exported 0 corrected messages; left out 1 without text (their senders were forgotten)\n',
    ]);
  });

  it('refuses a missing subcommand with a one-line reason (exit 2)', async () => {
    const db = join(tempDir(), 'none.db');
    expect((await runCli(['feedback'], { env: { FINGERTIP_DB: db } })).stderr).toBe('fingertip feedback: no subcommand (use feedback export [--out FILE])\n');
    expect(await runCli(['feedback', 'import'], { env: { FINGERTIP_DB: db } })).toMatchObject({
      code: 2,
      stderr: 'fingertip feedback: unknown subcommand "import" (use feedback export [--out FILE])\n',
    });
    expect(await runCli(['feedback', 'export', 'now'], { env: { FINGERTIP_DB: db } })).toMatchObject({
      code: 2,
      stderr: 'fingertip feedback: unexpected argument "now" (use feedback export [--out FILE])\n',
    });
  });
});
