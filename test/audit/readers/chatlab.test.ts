import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../support/temp-dir.js';
import { openChatLab } from '../../../src/audit/readers/chatlab.js';
import { InputError } from '../../../src/core/errors.js';
import { fixture, hooks, readAll } from '../support/read-all.js';

describe('ChatLab reader', () => {
  it('reads the JSON form: members listed, replies kept, placeholders, system notices dropped', async () => {
    const h = hooks();
    const opened = await openChatLab(fixture('chatlab/年级组.json'), false, h);
    const msgs = await readAll(opened);
    expect(opened.groups()).toEqual([
      { platform: 'wechat', id: '38988428513@chatroom', name: '年级组', members: 4, memberIds: ['wxid_li', 'wxid_wang', 'wxid_zhang', 'wxid_zhao'] },
    ]);
    expect(msgs.map((m) => [m.id, m.kind, m.text, m.replyTo])).toEqual([
      ['m1', 'text', '@所有人 请全体同事今晚十点前完成打卡并截图发群里', null],
      ['m2', 'text', '收到', 'm1'],
      ['38988428513@chatroom/2', 'image', '[image]', null],
      ['m5', 'text', '收到 "已交" [1]', null],
    ]);
    expect(msgs[0]).toMatchObject({ platform: 'wechat', ts: 1795439100000, mentionsAll: true, sender: { id: 'wxid_zhang', name: '张主任' } });
    expect(msgs[0].group).toEqual({ id: '38988428513@chatroom', name: '年级组' });
    expect(opened.people()).toContainEqual({ id: 'wxid_wang', names: ['王老师', '小王'] });
    expect(h.bytes).toBe(h.expected);
  });

  it('gives the same messages and groups from JSONL, and from JSON whose members or meta come last', async () => {
    const json = await openChatLab(fixture('chatlab/年级组.json'), false, hooks());
    const expected = await readAll(json);
    // The same document with its keys in another order: `meta` after the messages.
    const { meta, ...rest } = JSON.parse(readFileSync(fixture('chatlab/年级组.json'), 'utf8')) as Record<string, unknown>;
    const metaLast = join(tempDir(), 'meta-last.json');
    writeFileSync(metaLast, JSON.stringify({ ...rest, meta }));
    for (const [path, jsonl] of [
      [fixture('chatlab/年级组.jsonl'), true],
      [fixture('chatlab/members-last.json'), false],
      [metaLast, false],
    ] as const) {
      const other = await openChatLab(path, jsonl, hooks());
      expect(await readAll(other)).toEqual(expected);
      expect(other.groups()).toEqual(json.groups());
    }
  });

  it('names a JSONL header after messages as broken, and with skip-bad keeps the chat in one group', async () => {
    const message = (i: number) =>
      JSON.stringify({ _type: 'message', sender: `u${i}`, timestamp: 1763341200 + i, type: 0, content: '请大家今天下午五点前填报统计表' });
    const header = JSON.stringify({
      _type: 'header',
      chatlab: { version: '0.0.2' },
      meta: { name: '街道网格群', platform: 'wechat', groupId: '999@chatroom' },
    });
    const path = join(tempDir(), 'late.jsonl');
    writeFileSync(path, [message(0), message(1), header, message(2)].join('\n'));
    const why = `${path}:3: a header after members or messages (ChatLab JSONL puts it first)`;
    await expect(readAll(await openChatLab(path, true, hooks()))).rejects.toThrow(new InputError(why));
    const h = hooks(true);
    const opened = await openChatLab(path, true, h);
    // Without the header's groupId, the chat is known by its file's name.
    expect((await readAll(opened)).map((m) => [m.platform, m.group?.id])).toEqual([
      ['chatlab', 'late'],
      ['chatlab', 'late'],
      ['chatlab', 'late'],
    ]);
    expect(opened.groups()).toEqual([{ platform: 'chatlab', id: 'late', name: 'late', members: 3 }]);
    expect(h.lines).toEqual([`skipped ${why}`]);
  });

  it('names the entry where a truncated JSON file ends, keeping what came before with skip-bad', async () => {
    const path = fixture('chatlab-broken/truncated.json');
    const err = await readAll(await openChatLab(path, false, hooks())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(`${path}: messages[4]: truncated: the file ends before the document does`);
    const h = hooks(true);
    expect((await readAll(await openChatLab(path, false, h))).map((m) => m.id)).toEqual(['m1', 'm2', '38988428513@chatroom/2']);
    expect(h.entries.count).toBe(1);
  });
});
