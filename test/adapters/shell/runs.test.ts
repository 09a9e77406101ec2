import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Db } from '../../../src/store/sqlite/db.js';
import { commandKey, doneKey } from '../../../src/core/command-key.js';
import { LineIds } from '../../../adapters/shell/line-ids.js';
import { runCli } from '../../support/run-cli.js';
import { tempDir } from '../../support/temp-dir.js';

/** Pipes `lines` to `fingertip start` on `db`, a run of its own; its printed lines. */
async function run(db: string, ...lines: string[]): Promise<string[]> {
  const r = await runCli(['start'], { stdin: `${lines.join('\n')}\n`, env: { FINGERTIP_DB: db } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

/** The id piped input gives its line `no` (1-based), as the shell's LineIds does. */
function lineId(lines: string[], no: number): string {
  const ids = new LineIds();
  return lines.slice(0, no).map((l) => ids.next(l))[no - 1]!;
}

async function execute(db: string, sql: string): Promise<void> {
  const raw = await Db.open(db, 5000);
  try {
    await raw.run(sql);
  } finally {
    await raw.close();
  }
}

async function query<T>(db: string, sql: string): Promise<T[]> {
  const raw = await Db.open(db, 5000);
  try {
    return await raw.all<T>(sql);
  } finally {
    await raw.close();
  }
}

describe('shell commands across runs on one SQLite file', () => {
  it('does a command again when a later run pipes it again: out, in, out leaves the member opted out', async () => {
    const db = join(tempDir(), 'runs.db');
    expect(await run(db, '/as 张三', '退出统计')).toContain('fingertip (to 张三)> 已退出统计，不再为你生成个人统计。');
    expect(await run(db, '/as 张三', '加入统计')).toContain('fingertip (to 张三)> 已重新加入统计，将继续为你生成个人统计。');
    // Before, this run began as the first did, so its 退出统计 had the first run's id and was found done, unanswered.
    const third = await run(db, '/as 张三', '退出统计', '统计');
    expect(third).toContain('fingertip (to 张三)> 已退出统计，不再为你生成个人统计。');
    expect(third).toContain('fingertip (to 张三)> 你已退出统计；发送“加入统计”可恢复。');
    expect(await query(db, "SELECT count(*) AS n FROM opt_outs WHERE platform = 'shell'")).toEqual([{ n: 1 }]);
  });

  it('sets a group setting again when a later run pipes it again', async () => {
    const db = join(tempDir(), 'runs.db');
    for (const mode of ['提醒', '静默', '提醒']) {
      const [answer] = await run(db, `设置 模式 ${mode}`);
      expect(answer).toMatch(new RegExp(`^fingertip \\(to me\\)> 已保存。模式：${mode}；`));
    }
    const [group] = await query<{ settings: string }>(db, "SELECT settings FROM chat_groups WHERE platform = 'shell' AND id = 'local'");
    expect(JSON.parse(group!.settings)).toMatchObject({ mode: 'nudge' });
  });

  it('tells a `误报` fed again that an earlier run handled it, and clears no other message', async () => {
    const db = join(tempDir(), 'runs.db');
    const input = ['统计表今天下班前必须全部填好交上来', '请全体同事今晚十点前完成打卡并截图发群里', '误报'];
    expect((await run(db, ...input)).at(-1)).toMatch(/^fingertip \(to me\)> 已将「请全体同事.*」记为误报/);
    // Run again, `误报` would find the form demand the latest flagged now, and clear it too.
    expect((await run(db, ...input)).at(-1)).toBe('fingertip (to me)> 这条命令在之前的一次运行中已处理过，这次不再执行。');
    expect(await query(db, "SELECT message_id FROM feedback WHERE platform = 'shell'")).toHaveLength(1);
    expect(await query(db, "SELECT text FROM messages WHERE platform = 'shell' AND mask <> 0")).toEqual([{ text: '统计表今天下班前必须全部填好交上来' }]);
  });

  it('does not erase again, when an input is fed again after a crash, what the member sent after `删除我的数据`', async () => {
    const db = join(tempDir(), 'runs.db');
    const input = ['/as 张三', '请大家今天下班前必须把打卡截图发到群里', '删除我的数据', '请大家今天下班前必须把健康码截图发到群里，没交的点名'];
    await run(db, ...input);
    // Run again, the erasure would take the message the first run stored after it.
    expect(await run(db, ...input)).toContain('fingertip (to 张三)> 这条命令在之前的一次运行中已处理过，这次不再执行。');
    expect(await query(db, "SELECT text FROM messages WHERE platform = 'shell' AND text IS NOT NULL AND text <> ''")).toEqual([
      { text: '请大家今天下班前必须把健康码截图发到群里，没交的点名' },
    ]);
  });

  it('takes over at once a command a killed run left begun, as one shell runs at a time, and clears the message before it', async () => {
    const db = join(tempDir(), 'runs.db');
    const input = ['请全体同事今晚十点前完成打卡并截图发群里', '误报', '/as 李四', '统计表今天下班前必须全部填好交上来'];
    // The killed run: the line before the command stored, the command begun (its process died mid-run).
    await run(db, input[0]!);
    await execute(db, `INSERT INTO seen_events (platform, key, ts) VALUES ('shell', '${commandKey(lineId(input, 2))}', ${Date.now()})`);
    // Before, this failed the line for 2 minutes ("begun 0 s ago and has not finished"), exit 1, and took it over only later.
    const out = await run(db, ...input);
    expect(out).toContainEqual(expect.stringMatching(/^fingertip \(to me\)> 已将「请全体同事.*」记为误报/));
    expect(await query(db, "SELECT text FROM messages WHERE platform = 'shell' AND mask <> 0")).toEqual([{ text: '统计表今天下班前必须全部填好交上来' }]);
  });

  it('a `误报` run late, after later lines were stored, clears the message before it, not the latest', async () => {
    const db = join(tempDir(), 'runs.db');
    const input = ['请全体同事今晚十点前完成打卡并截图发群里', '误报', '/as 李四', '统计表今天下班前必须全部填好交上来'];
    // A first run stored every message line but never ran the command (found done here, the mark then removed).
    const done = doneKey(lineId(input, 2));
    await run(db, '/as me'); // makes the database
    await execute(db, `INSERT INTO seen_events (platform, key, ts) VALUES ('shell', '${done}', ${Date.now()})`);
    expect(await run(db, ...input)).toContain('fingertip (to me)> 这条命令在之前的一次运行中已处理过，这次不再执行。');
    await execute(db, `DELETE FROM seen_events WHERE key = '${done}'`);
    // Before, the command took the group's latest flagged message: 李四's, stored after it.
    const out = await run(db, ...input);
    expect(out).toContainEqual(expect.stringMatching(/^fingertip \(to me\)> 已将「请全体同事.*」记为误报/));
    expect(await query(db, "SELECT text FROM messages WHERE platform = 'shell' AND mask <> 0")).toEqual([{ text: '统计表今天下班前必须全部填好交上来' }]);
    expect(await query(db, "SELECT count(*) AS n FROM feedback WHERE platform = 'shell'")).toEqual([{ n: 1 }]);
  });
});
