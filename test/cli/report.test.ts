import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { describeEngines } from '../support/databases.js';
import { digestStore, seedNamedGroups, w47 } from '../digest/fixture.js';
import { demand, record } from '../analysis/report/records.js';

describeEngines('fingertip report', (engine) => {
  it('shows no name of a member who opted out or was forgotten in the name of a group, in any format', async () => {
    const { config, store } = await digestStore(undefined, engine);
    await seedNamedGroups(store);
    const file = join(tempDir({ 'fingertip.yaml': `db: ${config.db}\n` }), 'fingertip.yaml');
    const report = (...args: string[]) => runCli(['report', '--week', '2026-W47', '--config', file, ...args]);

    const json = await report('--lang', 'zh');
    expect(json.code).toBe(0);
    // The groups keep their ids; only the names lose the member, as a quote does, 成员N in Chinese.
    expect(JSON.parse(json.stdout).groups.map((g: { id: string; name: string }) => [g.id, g.name])).toEqual([
      ['G1', '成员1的工作群'],
      ['G2', "成员2's team"],
    ]);
    const en = await report('--format', 'md', '--lang', 'en');
    expect(en.stdout).toContain("Member 2's team");
    for (const shown of [json, en, await report(), await report('--format', 'html'), await report('--format', 'md', '--lang', 'zh')]) {
      expect(shown.code).toBe(0);
      expect(shown.stdout).not.toMatch(/王小明|Alice|Chen/);
    }
  });

  it('says on stderr, exiting 0, when --out is named for another format than the report it holds', async () => {
    const { config, store } = await digestStore(undefined, engine);
    await seedNamedGroups(store);
    const dir = tempDir({ 'fingertip.yaml': `db: ${config.db}\n` });
    const out = join(dir, 'r.csv');
    const r = await runCli(['report', '--week', '2026-W47', '--config', join(dir, 'fingertip.yaml'), '--out', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('groups');
    expect(r.stderr).toBe(
      `fingertip report: ${out}: written as JSON, not CSV (--format json|md|html chooses); for CSV evidence use fingertip audit EXPORT... --evidence FILE\n`,
    );
  });

  it("gives a hidden name in a group's name and a sender stored without id different pseudonyms", async () => {
    const { config, store } = await digestStore(undefined, engine);
    await store.upsertGroup({ platform: 'test', id: 'G1', name: '王小明的工作群', memberCount: 20, memberIds: ['W1', 'A1', 'W2'] });
    const g1 = { platform: 'test', groupId: 'G1', groupName: '王小明的工作群', recipients: 19 };
    await store.add(
      demand({ ...g1, senderId: 'A1', senderName: 'Alice Chen', id: 'd1', ts: w47(1, 10), text: '请各位今天下班前填写统计表并上报' }, ['data-request']),
    );
    await store.add(
      demand({ ...g1, senderId: 'W1', senderName: '王小明', id: 'd2', ts: w47(1, 11), text: '请各位明天下班前填写统计表并上报' }, ['data-request']),
    );
    await store.flush();
    await store.forgetUser('test', 'A1');
    await store.setOptOut('test', 'W1', true);
    const file = join(tempDir({ 'fingertip.yaml': `db: ${config.db}\n` }), 'fingertip.yaml');
    for (const lang of [['--lang', 'zh'], []]) {
      const md = await runCli(['report', '--week', '2026-W47', '--config', file, '--format', 'md', ...lang]);
      expect(md.code).toBe(0);
      // 成员1 is 王小明, in the group's name; Alice, forgotten, is a sender under another number.
      expect(md.stdout).toContain('成员1的工作群');
      expect(md.stdout).toMatch(/\| 成员2 \|/);
      expect(md.stdout).not.toMatch(/\| 成员1 \|/);
    }
  });

  it("hides a member's name in a group's id as in its name, where the id is the name (the shell adapter's)", async () => {
    const { config, store } = await digestStore(undefined, engine);
    const name = '王小明的工作群';
    await store.upsertGroup({ platform: 'shell', id: name, name, memberCount: 20, memberIds: ['王小明', 'li'] });
    const g = { platform: 'shell', groupId: name, groupName: name, recipients: 19 };
    await store.add(demand({ ...g, senderId: 'li', senderName: 'li', id: 'd1', ts: w47(1, 10), text: '请各位今天下班前填写统计表并上报' }, ['data-request']));
    await store.flush();
    await store.setOptOut('shell', '王小明', true);
    const file = join(tempDir({ 'fingertip.yaml': `db: ${config.db}\n` }), 'fingertip.yaml');
    const report = (format: string) => runCli(['report', '--week', '2026-W47', '--config', file, '--format', format, '--lang', 'zh']);
    const md = await report('md');
    // Before, the id beside the hidden name: 成员1的工作群 (王小明的工作群).
    expect(md.stdout).toMatch(/\| 成员1的工作群 \| 20 \|/);
    const html = await report('html');
    expect(html.stdout).toContain('<td>成员1的工作群</td>');
    for (const shown of [md, html]) {
      expect(shown.code).toBe(0);
      expect(shown.stdout).not.toContain('王小明');
    }
  });

  it('shows members named in demands who were forgotten or opted out as their pseudonyms, the marks on the same words', async () => {
    const { config, store } = await digestStore(undefined, engine);
    const members = ['Z1', 'L1', 'W5', ...Array.from({ length: 7 }, (_, i) => `M${i}`)];
    // G2's name holds 张三 too: the report's one pseudonym for them, in the name and in the texts.
    const names: Record<string, string> = { G1: '一组', G2: '张三的小组' };
    for (const [id, name] of Object.entries(names)) await store.upsertGroup({ platform: 'test', id, name, memberCount: 10, memberIds: members });
    const by = (over: { id: string; groupId: string; ts: number; text: string }, match: string) =>
      demand({ platform: 'test', groupName: names[over.groupId], senderId: 'L1', senderName: '李四', recipients: 9, ...over }, ['data-request'], match);
    const g1 = { platform: 'test', groupId: 'G1', groupName: names.G1 };
    await store.add(record({ ...g1, senderId: 'Z1', senderName: '张三', id: 'm1', ts: w47(0, 9) }));
    await store.add(record({ ...g1, senderId: 'W5', senderName: '王五', id: 'm2', ts: w47(0, 9) }));
    // The rules mark words after the names: a pseudonym is longer than a name, so the marks must move with the text.
    await store.add(by({ id: 'd1', groupId: 'G1', ts: w47(1, 10), text: '@张三 请今晚前把表填好' }, '把表填好'));
    // The same request in another group: a duplicate request, whose quote names 张三 too.
    await store.add(by({ id: 'd2', groupId: 'G2', ts: w47(1, 11), text: '@张三 请今晚前把表填好' }, '把表填好'));
    await store.add(by({ id: 'd3', groupId: 'G1', ts: w47(2, 10), text: '请王五和@张三 今天把截图发群里' }, '截图'));
    await store.flush();
    await store.forgetUser('test', 'Z1');
    await store.setOptOut('test', 'W5', true);
    const file = join(tempDir({ 'fingertip.yaml': `db: ${config.db}\n` }), 'fingertip.yaml');
    const report = (...args: string[]) => runCli(['report', '--week', '2026-W47', '--config', file, ...args]);

    const md = await report('--format', 'md', '--lang', 'zh');
    expect(md.stdout).toContain('成员1的小组');
    expect(md.stdout).toContain('> @成员1 请今晚前**把表填好**');
    expect(md.stdout).toContain('“@成员1 请今晚前把表填好”');
    expect(md.stdout).toContain('> 请成员2和@成员1 今天把**截图**发群里');
    const html = await report('--format', 'html', '--lang', 'en');
    expect(html.stdout).toContain('@Member 1 请今晚前<mark title="data-request/test">把表填好</mark>');
    expect(html.stdout).toContain('请Member 2和@Member 1 今天把<mark title="data-request/test">截图</mark>发群里');
    expect(html.stdout).toContain('“@Member 1 请今晚前把表填好”');
    // Without --lang the language is read from the report itself, then names are hidden in it: the same
    // report as with that language chosen, pseudonyms numbered alike, in every format.
    const unchosen = await report('--format', 'md');
    expect(unchosen.stdout).toBe(md.stdout);
    expect((await report('--format', 'html')).stdout).toBe((await report('--format', 'html', '--lang', 'zh')).stdout);
    expect((await report('--format', 'json')).stdout).toBe((await report('--format', 'json', '--lang', 'zh')).stdout);
    const json = await report('--format', 'json');
    expect(JSON.parse(json.stdout).duplicates).toHaveLength(1);
    for (const shown of [md, html, unchosen, json]) {
      expect(shown.code).toBe(0);
      expect(shown.stdout).not.toMatch(/张三|王五/);
    }
  });

  it("keeps a known member's name that holds a hidden one, as the digest does: with 张三 forgotten, 张三丰 is not 成员1丰", async () => {
    const { config, store } = await digestStore(undefined, engine);
    const members = ['Z1', 'Z2', 'L1', ...Array.from({ length: 7 }, (_, i) => `M${i}`)];
    await store.upsertGroup({ platform: 'test', id: 'G1', name: '张三丰的小组', memberCount: 10, memberIds: members });
    const g1 = { platform: 'test', groupId: 'G1', groupName: '张三丰的小组' };
    await store.add(record({ ...g1, senderId: 'Z1', senderName: '张三', id: 'm1', ts: w47(0, 9) }));
    await store.add(record({ ...g1, senderId: 'Z2', senderName: '张三丰', id: 'm2', ts: w47(0, 9) }));
    const text = '@张三丰 和 @张三 请今晚前把表填好';
    await store.add(demand({ ...g1, senderId: 'L1', senderName: '李四', recipients: 9, id: 'd1', ts: w47(1, 10), text }, ['data-request'], '把表填好'));
    await store.flush();
    await store.forgetUser('test', 'Z1');
    const file = join(tempDir({ 'fingertip.yaml': `db: ${config.db}\n` }), 'fingertip.yaml');
    const report = (...args: string[]) => runCli(['report', '--week', '2026-W47', '--config', file, ...args]);

    const md = await report('--format', 'md', '--lang', 'zh');
    expect(md.stdout).toContain('> @张三丰 和 @成员1 请今晚前**把表填好**');
    expect(md.stdout).toContain('| 张三丰的小组 (G1) |');
    const html = await report('--format', 'html', '--lang', 'en');
    expect(html.stdout).toContain('@张三丰 和 @Member 1 请今晚前<mark title="data-request/test">把表填好</mark>');
    // The digest names every member, the known one by a pseudonym of their own, and keeps group names as the report does.
    const digest = await runCli(['digest', '--print', '--week', '2026-W47', '--config', file]);
    expect(digest.stdout).toMatch(/「@成员\d 和 @成员\d 请今晚前把表填好」（张三丰的小组，/);
    for (const shown of [md, html, digest]) {
      expect(shown.code).toBe(0);
      expect(shown.stdout).not.toMatch(/(成员|Member )\d丰/);
    }
  });
});

it('shows a long message by its start and the words around its finding, reading only those for hidden names', async () => {
  const { config, store } = await digestStore();
  const members = ['Z1', 'Z2', 'Z3', 'Z4', 'L1'];
  await store.upsertGroup({ platform: 'test', id: 'G1', name: '一组', memberCount: 50, memberIds: members });
  const g1 = { platform: 'test', groupId: 'G1', groupName: '一组' };
  // Four lengths of hidden name: each is a hash per code unit read.
  const people = [
    ['Z1', '张三'],
    ['Z2', '欧阳小明'],
    ['Z3', 'Alice Chen'],
    ['Z4', '司马相如君'],
  ];
  for (const [id, name] of people) await store.add(record({ ...g1, senderId: id, senderName: name, id: `hi-${id}`, ts: w47(0, 9) }));
  // A notice pasted whole: 200 of them, 20,000 characters each, took a minute to hide in full.
  const body = '请各位老师于今天下午五点前把表格填好发到群里，'.repeat(440);
  const adds = [];
  for (let i = 0; i < 200; i++) {
    const text = `@张三 ${i} ${body}请Alice Chen和司马相如君今天把截图发群里${body}欧阳小明`;
    adds.push(
      store.add(demand({ ...g1, senderId: 'L1', senderName: '李雷', recipients: 49, id: `d${i}`, ts: w47(1, 10, i % 60), text }, ['data-request'], '截图')),
    );
  }
  await Promise.all(adds);
  await store.flush();
  for (const [id] of people) await store.forgetUser('test', id);
  const file = join(tempDir({ 'fingertip.yaml': `db: ${config.db}\n` }), 'fingertip.yaml');
  const started = Date.now();
  const md = await runCli(['report', '--week', '2026-W47', '--config', file, '--format', 'md', '--lang', 'zh']);
  // A generous bound that catches reading every text whole (a minute), not a timing target.
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(md.code).toBe(0);
  const quoted = md.stdout.split('\n').filter((l) => l.startsWith('  > '));
  expect(quoted).toHaveLength(200);
  expect(quoted[0]).toMatch(/^ {2}> @成员\d 0 请各位老师/);
  expect(quoted[0]).toMatch(/…[^…]*请成员\d和成员\d今天把\*\*截图\*\*发群里[^…]*…$/);
  expect(quoted[0].length).toBeLessThan(1000);
  expect(md.stdout).not.toMatch(/张三|欧阳小明|Alice|Chen|司马相如/);
}, 120_000);
