import { describe, expect, it } from 'vitest';
import { botHarness } from '../../support/bot-harness.js';
import { describeEngines } from '../../support/databases.js';
import { digestRecipients } from '../../../src/digest/recipients.js';
import { ruleDir, ruleYaml } from '../../support/rules.js';
import { plainText } from '../../../adapters/slack/slack-text.js';

const admin = { addressed: true, from: 'owner' } as const;

describeEngines('config on two instances sharing a database', (engine) => {
  it('keeps both of two settings changes made at once, each admin told it is saved', async () => {
    const db = await engine.fresh();
    const a = await botHarness((c) => (c.db = db));
    const b = await botHarness((c) => (c.db = db));
    // Neither admin is let through before both asked: each change starts before the other is stored.
    let release = () => {};
    const both = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    for (const { adapter } of [a, b]) {
      adapter.isGroupAdmin = async () => {
        if (++asked === 2) release();
        await both;
        return true;
      };
    }
    await Promise.all([
      b.adapter.say('设置 语言 英文', { ...admin, id: 'b1' }),
      a.adapter.say('设置 关闭规则 check-in/zh-deadline-clock-in', { ...admin, id: 'a1' }),
    ]);
    expect([a.adapter.last()!.text, b.adapter.last()!.text]).toEqual([expect.stringMatching(/^已保存/), expect.stringMatching(/^已保存/)]);
    expect(await a.store.groupSettings('test', 'g1')).toMatchObject({ language: 'en', disabledRules: ['check-in/zh-deadline-clock-in'] });
  });
});

describe('config of rules named in traditional characters', () => {
  const rules = () =>
    ruleDir({
      'check-in/統計表.yaml': ruleYaml('  any: [统计表]\n  all: [zh-audience]'),
      'check-in/晨读.yaml': ruleYaml('  any: [晨读]\n  all: [zh-audience]'),
    });

  it('disables and enables a rule by its id as written, and a simplified id written in traditional characters', async () => {
    const { adapter } = await botHarness((c) => (c.rules = [rules()]));
    adapter.admins.add('owner');
    await adapter.say('config disable check-in/統計表', admin);
    expect(adapter.last()!.text).toMatch(/^Saved: mode silent; disabled rules check-in\/統計表;/);
    await adapter.say('設置 關閉規則 check-in/晨讀', admin);
    expect(adapter.last()!.text).toMatch(/^已保存。模式：静默；已关闭的规则：check-in\/統計表、check-in\/晨读；/);
    await adapter.say('config enable check-in/統計表', admin);
    expect(adapter.last()!.text).toMatch(/^Saved: mode silent; disabled rules check-in\/晨读;/);
  });

  it('enables a rule an older build listed as disabled under its id as written', async () => {
    const { adapter, store } = await botHarness((c) => (c.rules = [rules()]));
    adapter.admins.add('owner');
    await adapter.say('hi');
    await store.updateGroupSettings('test', 'g1', (s) => ({ ...s, disabledRules: ['check-in/統計表', 'check-in/gone'] }));
    await adapter.say('config enable check-in/統計表', admin);
    expect(adapter.last()!.text).toMatch(/^Saved: mode silent; disabled rules check-in\/gone;/);
  });
});

describe('config supervisor', () => {
  it('takes a mention with spaces in the name whole, and not the words after it', async () => {
    const { adapter } = await botHarness();
    adapter.admins.add('owner');
    await adapter.say('设置 周报接收人 @Wang Wei', admin);
    // WeChat ends a mention with U+2005, then comes the bot's.
    await adapter.say('设置 周报接收人 @Lily 王\u2005@fingertip\u2005', admin);
    await adapter.say('设置 周报接收人 @赵主任 @fingertip', admin);
    await adapter.say('设置 周报接收人 @钱主任。', admin);
    expect(adapter.last()!.text).toMatch(/周报接收人：Wang Wei、Lily 王、赵主任、钱主任$/);
    // Words after a mention are not the name: the digest would go to no one.
    await adapter.say('设置 周报接收人 @孙主任 谢谢', admin);
    await adapter.say('设置 周报接收人 @吴主任 和 @郑主任', admin);
    expect(adapter.last()!.text).toMatch(/周报接收人：Wang Wei、Lily 王、赵主任、钱主任、孙主任、吴主任$/);
  });

  it('ends a mention at a full-width or ASCII mark typed without a space before it', async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    for (const said of ['@王主任，谢谢', '@周科长、@冯科长', '@陈处长！麻烦了', '@Wang Wei, thanks', '@Lily 王；谢谢', '<@U0SUPER>，谢谢'])
      await adapter.say(`设置 周报接收人 ${said}`, admin);
    expect((await store.groupSettings('test', 'g1')).supervisors).toEqual(['王主任', '周科长', '冯科长', '陈处长', 'Wang Wei', 'Lily 王', 'U0SUPER']);
  });

  it('adds each of a list, parted by list marks, or by spaces between mentions; a name with a space stays whole', async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    await adapter.say('设置 周报接收人 王主任，李校长', admin);
    expect(adapter.last()!.text).toMatch(/周报接收人：王主任、李校长$/);
    for (const said of [
      '赵局长、钱处长;孙科长；Wang Wei, Li Lei',
      '@周科长 @冯科长，谢谢',
      '@Lily 王 @陈处长; @Tom Lee, thanks',
      '<@U0SUPER> <@U0OTHER> @fingertip',
    ])
      await adapter.say(`设置 周报接收人 ${said}`, admin);
    expect((await store.groupSettings('test', 'g1')).supervisors).toEqual([
      ...['王主任', '李校长', '赵局长', '钱处长', '孙科长', 'Wang Wei', 'Li Lei'],
      ...['周科长', '冯科长', 'Lily 王', '陈处长', 'Tom Lee', 'U0SUPER', 'U0OTHER'],
    ]);
  });

  it('adds every one of a list mixing marks and spaces, the last mention too, but not the bot after it', async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    await adapter.say('设置 周报接收人 @周科长、@冯科长 @李校长', admin);
    expect(adapter.last()!.text).toMatch(/周报接收人：周科长、冯科长、李校长$/);
    await adapter.say('设置 周报接收人 @周科长，@冯科长 @钱局长 @fingertip', admin);
    expect(adapter.last()!.text).toMatch(/周报接收人：周科长、冯科长、李校长、钱局长$/);
    await adapter.say('config supervisor 王主任、@赵书记 @孙处长', admin);
    await adapter.say('设置 周报接收人 吴科长，@郑校长 @fingertip', admin);
    expect((await store.groupSettings('test', 'g1')).supervisors).toEqual([
      ...['周科长', '冯科长', '李校长', '钱局长'],
      ...['王主任', '赵书记', '孙处长', '吴科长', '郑校长'],
    ]);
  });

  it('saves every name of a list of mentions however marks and spaces part them, but not the bot', async () => {
    // A list mark then a space between mentions (@alice, @bob) took the mentions after it for the bot's.
    const lists: [string, string[]][] = [
      ['config supervisor @alice, @bob', ['alice', 'bob']],
      ['config supervisor @alice,@bob', ['alice', 'bob']],
      ['config supervisor @alice , @bob', ['alice', 'bob']],
      ['config supervisor @alice; @bob @carol', ['alice', 'bob', 'carol']],
      ['config supervisor @alice @bob, @carol.', ['alice', 'bob', 'carol']],
      ['config supervisor @alice, @bob, @carol!', ['alice', 'bob', 'carol']],
      ['config supervisor alice, @bob', ['alice', 'bob']],
      ['config supervisor @alice, @bob @fingertip', ['alice', 'bob']],
      ['config supervisor @alice, @fingertip', ['alice']],
      ['config supervisor alice @fingertip', ['alice']],
      ['config supervisor <@U0A>, <@U0B> <@U0C>', ['U0A', 'U0B', 'U0C']],
      ['config supervisor <@U0A>,<@U0B>; <@U0C>', ['U0A', 'U0B', 'U0C']],
      ['config supervisor <@U0A> <@U0B>, <@U0C>', ['U0A', 'U0B', 'U0C']],
      ['config supervisor U0A, <@U0B>', ['U0A', 'U0B']],
      ['config supervisor U0A <@U0BOT>', ['U0A']],
      ['设置 周报接收人 @周科长、 @冯科长 @李校长', ['周科长', '冯科长', '李校长']],
      ['设置 周报接收人 @周科长， @冯科长， @李校长', ['周科长', '冯科长', '李校长']],
      ['设置 周报接收人 @周科长；@冯科长 @李校长。', ['周科长', '冯科长', '李校长']],
      ['设置 周报接收人 ＠周科长、 ＠冯科长', ['周科长', '冯科长']],
      ['设置 周报接收人 @周科长\u2005@冯科长\u2005@李校长\u2005', ['周科长', '冯科长', '李校长']],
      ['设置 周报接收人 @周科长、 @冯科长、 @fingertip', ['周科长', '冯科长']],
      ['设置 周报接收人 王主任、 @李校长 @赵书记', ['王主任', '李校长', '赵书记']],
      ['设置 周报接收人 王主任， @fingertip', ['王主任']],
      ['设置 周报接收人 王主任 @fingertip', ['王主任']],
    ];
    for (const [said, names] of lists) {
      const { adapter, store } = await botHarness();
      adapter.admins.add('owner');
      await adapter.say(said, admin);
      expect((await store.groupSettings('test', 'g1')).supervisors, said).toEqual(names);
      expect(adapter.last()!.text, said).toMatch(new RegExp(`${names.join(said.startsWith('设置') ? '、' : ', ')}$`, 'u'));
    }
  });
});

describe('config supervisor mentioning the whole group', () => {
  it("leaves @所有人, @all and Slack's <!channel>, <!here>, <!everyone> out of the list, and names no one by them alone", async () => {
    // Slack's markup as its adapter passes it on: <!channel> reads @channel.
    const slack = (raw: string) => plainText(raw, 'U0BOT');
    const lists: [string, string[]][] = [
      ['设置 周报接收人 @周科长、 @冯科长 @所有人', ['周科长', '冯科长']],
      ['设置 周报接收人 @所有人 @周科长', ['周科长']],
      ['设置 周报接收人 ＠所有人\u2005@周科长\u2005@fingertip\u2005', ['周科长']],
      ['设置 周报接收人 王主任、@所有人', ['王主任']],
      ['config supervisor @alice, @all', ['alice']],
      ['config supervisor @ALL @bob', ['bob']],
      [slack('config supervisor <@U0A> <!channel>'), ['U0A']],
      [slack('config supervisor <!here>, <@U0A|alice>'), ['U0A']],
      [slack('config supervisor <!everyone> <@U0A> <@U0BOT>'), ['U0A']],
    ];
    for (const [said, names] of lists) {
      const { adapter, store } = await botHarness();
      adapter.admins.add('owner');
      await adapter.say(said, admin);
      expect((await store.groupSettings('test', 'g1')).supervisors, said).toEqual(names);
    }
    // Nothing else named: answered as a value naming no one, in the language asked, and nothing saved.
    const nameAUser = {
      zh: '请写周报接收人的用户名，例如：设置 周报接收人 王主任（几位用顿号隔开：王主任、李校长）',
      en: 'name a user, e.g. config supervisor U0SUPER (several parted by commas: U0SUPER, U0OTHER)',
    };
    const alone: [string, keyof typeof nameAUser][] = [
      ['设置 周报接收人 @所有人', 'zh'],
      ['设置 周报接收人 ＠所有人 @fingertip', 'zh'],
      ['config supervisor @all', 'en'],
      [slack('config supervisor <!channel>'), 'en'],
      [slack('config supervisor <!here> <!everyone|everyone>'), 'en'],
      [slack('config supervisor <!everyone>, <@U0BOT>'), 'en'],
    ];
    for (const [said, lang] of alone) {
      const { adapter, store } = await botHarness();
      adapter.admins.add('owner');
      await adapter.say(said, admin);
      expect(adapter.last()!.text, said).toBe(nameAUser[lang]);
      expect((await store.groupSettings('test', 'g1')).supervisors, said).toBeUndefined();
    }
  });
});

describeEngines('config supervisor not known in the group', (engine) => {
  it('says so, in the language asked, only where the bot knows the name of every member; a member or a speaker is saved plainly', async () => {
    const db = await engine.fresh();
    const { adapter } = await botHarness((c) => (c.db = db));
    adapter.admins.add('owner');
    // Members listed by id only, as WeChat lists them: a silent member may go by any name, so no note.
    const group = { id: 'g1', name: 'ops', memberCount: 3, members: ['owner', 'u1', 'U0SUPER'] };
    await adapter.say('设置 周报接收人 @王主任，谢谢', { ...admin, group });
    expect(adapter.last()!.text).toMatch(/周报接收人：王主任$/);
    // Once every member has written, the store knows their names, and a name none of them goes by is noted.
    for (const [id, name] of [
      ['owner', '张组长'],
      ['u1', '刘老师'],
      ['U0SUPER', '周处长'],
    ])
      await adapter.say('今天的会改到三点', { sender: { id, name }, group });
    // Known by the name the store keeps of someone who wrote in the group, a member or not.
    await adapter.say('今天的会改到三点', { sender: { id: 'u7', name: '李科长' }, group });
    await adapter.say('设置 周报接收人 @李科长 @周处长', { ...admin, group });
    expect(adapter.last()!.text).toMatch(/周报接收人：王主任、李科长、周处长$/);
    await adapter.say('设置 周报接收人 @孙主任，谢谢', { ...admin, group });
    expect(adapter.last()!.text).toMatch(/周报接收人：王主任、李科长、周处长、孙主任\n注意：本群的成员和发言人里没有我认识的“孙主任”，周报可能发不到。/);
    await adapter.say('config supervisor @Wang Wei', { ...admin, group });
    expect(adapter.last()!.text).toMatch(
      /supervisors 王主任, 李科长, 周处长, 孙主任, Wang Wei\nNote: Wang Wei is not among the members or speakers of this group I know of/,
    );
    await adapter.say('设置 周报接收人 <@U0SUPER>', { ...admin, group });
    expect(adapter.last()!.text).toMatch(/、Wang Wei、U0SUPER$/);
    // Where the platform lists no members (a DingTalk robot), the bot cannot tell, and says nothing of it.
    await adapter.say('设置 周报接收人 @赵主任', admin);
    expect(adapter.last()!.text).toMatch(/、U0SUPER、赵主任$/);
    // Of a list, the note names those it does not know, together.
    await adapter.say('设置 周报接收人 李科长、钱主任、吴主任', { ...admin, group });
    expect(adapter.last()!.text).toMatch(/、钱主任、吴主任\n注意：本群的成员和发言人里没有我认识的“钱主任”、“吴主任”，周报可能发不到。/);
  });
});

describe('config supervisor given words that name no one', () => {
  const howToRemove = '取消一位周报接收人请发“设置 取消周报接收人 王主任”，全部取消请发“设置 取消周报接收人 全部”。';

  it('refuses a removal glued to a name, a negation or a stop, wherever it stands, saying how to remove', async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    for (const [said, word] of [
      ['设置 周报接收人 取消王主任', '取消王主任'],
      ['设置 周报接收人 删除李校长、赵局长', '删除李校长'],
      ['设置 周报接收人 不用了', '不用了'],
      ['设置 周报接收人 不需要', '不需要'],
      ['設置 周報接收人 不需要了', '不需要了'],
      ['设置 周报 停发', '停发'],
      ['设置 周报接收人 王主任 没必要', '没必要'],
      ['设置 周报接收人 不发了', '不发了'],
      ['设置 周报接收人 没人', '没人'],
      ['设置 周报接收人 停了', '停了'],
      ['设置 周报接收人 不再发送', '不再发送'],
      ['设置 周报接收人 不订阅', '不订阅'],
      ['设置 周报接收人 不再需要', '不再需要'],
      ['设置 周报接收人 不发送了', '不发送了'],
      ['设置 周报 停发周报', '停发周报'],
      ['设置 周报接收人 王主任，不再接收', '不再接收'],
    ]) {
      await adapter.say(said, admin);
      expect(adapter.last()!.text, said).toBe(`“${word}”不是用户名，没有保存。${howToRemove}`);
    }
    expect((await store.groupSettings('test', 'g1')).supervisors).toBeUndefined();
    // A name opening with a one-character word of switching off is a name: 关 is a surname; so is a
    // nickname opening with a negation or a stop that is no word of no need (WeChat finds people by nickname).
    const names = ['关主任', '不吃香菜', '没头脑', '停云', '不再犹豫', '不接电话', '好好', '嗯嗯', 'Okk'];
    for (const name of names) await adapter.say(`设置 周报接收人 ${name}`, admin);
    expect((await store.groupSettings('test', 'g1')).supervisors).toEqual(names);
  });

  it('parts Chinese names at a space and leaves thanks out, keeping a Latin name with a space whole', async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    for (const said of [
      '王主任，谢谢',
      '王主任 李校长',
      '赵局长 钱处长，多谢了',
      'Wang Wei, thanks',
      '孙科长、麻烦您',
      '王主任，拜托了',
      '李校长，好的谢谢',
      '王主任，好的，谢谢',
      '赵局长，拜托拜托',
    ])
      await adapter.say(`设置 周报接收人 ${said}`, admin);
    expect((await store.groupSettings('test', 'g1')).supervisors).toEqual(['王主任', '李校长', '赵局长', '钱处长', 'Wang Wei', '孙科长']);
    await adapter.say('设置 取消周报接收人 王主任 李校长', admin);
    expect(adapter.last()!.text).toMatch(/周报接收人：赵局长、钱处长、Wang Wei、孙科长$/);
  });

  it('refuses a mention mark with no name after it, naming the mark, in the language asked', async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    for (const mark of ['@', '＠']) {
      await adapter.say(`设置 周报接收人 ${mark}`, admin);
      expect(adapter.last()!.text).toBe(`“${mark}”后面没有名字，没有保存。请在${mark}之后选一位成员，或直接写名字，例如：设置 周报接收人 王主任`);
    }
    await adapter.say('设置 周报接收人 王主任、@', admin);
    expect(adapter.last()!.text).toMatch(/^“@”后面没有名字，没有保存。/);
    await adapter.say('config supervisor alice, @', admin);
    expect(adapter.last()!.text).toBe(
      '"@" is followed by no name, so nothing is saved: pick someone after it, or write the name, e.g. config supervisor U0SUPER',
    );
    expect((await store.groupSettings('test', 'g1')).supervisors).toBeUndefined();
  });
});

describe('config language back to automatic', () => {
  it("takes 自动, 默认, auto and default, and the group then speaks the asker's language again", async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    for (const auto of ['自动', '默认', 'auto', 'Default']) {
      await adapter.say('设置 语言 英文', admin);
      await adapter.say(`设置 语言 ${auto}`, admin);
      expect(adapter.last()!.text).toBe('已保存。模式：静默；已关闭的规则：无；语言：自动；周报接收人：未设置');
      expect((await store.groupSettings('test', 'g1')).language).toBeUndefined();
    }
    // No language set: `stats group`, posted in the group, follows whoever asks.
    await adapter.say('统计 本群', { addressed: true });
    expect(adapter.last()!.text).toMatch(/^「ops」本周/);
  });
});

describe('config remove-supervisor', () => {
  it('refuses a word of switching off as a supervisor, saying how to remove one', async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    for (const word of ['关闭', '无', '没有', '取消', '删除', '清空', '關閉'])
      for (const setting of ['周报接收人', '周报']) {
        await adapter.say(`设置 ${setting} ${word}`, admin);
        expect(adapter.last()!.text).toBe(
          `“${word}”不是用户名，没有保存。取消一位周报接收人请发“设置 取消周报接收人 王主任”，全部取消请发“设置 取消周报接收人 全部”。`,
        );
      }
    await adapter.say('设置 周报接收人 删除 王主任', admin);
    expect(adapter.last()!.text).toMatch(/^“删除”不是用户名/);
    for (const word of ['none', 'OFF', 'remove']) await adapter.say(`config supervisor ${word}`, admin);
    expect(adapter.last()!.text).toBe(
      '"remove" is no user name, so nothing is saved: config remove-supervisor U0SUPER removes one supervisor, config remove-supervisor all every one.',
    );
    expect((await store.groupSettings('test', 'g1')).supervisors).toBeUndefined();
  });

  it('removes one supervisor or a list, refuses one not subscribed, and removes all; the digest goes to those left', async () => {
    const { adapter, store, config } = await botHarness();
    adapter.admins.add('owner');
    await adapter.say('设置 周报接收人 王主任、李校长、赵局长、Wang Wei', admin);
    await adapter.say('设置 取消周报接收人 @王主任', admin);
    expect(adapter.last()!.text).toMatch(/周报接收人：李校长、赵局长、Wang Wei$/);
    await adapter.say('config remove-supervisor Wang Wei', admin);
    expect(adapter.last()!.text).toMatch(/supervisors 李校长, 赵局长$/);
    expect((await digestRecipients(config, store)).map((r) => r.user)).toEqual(['李校长', '赵局长']);
    await adapter.say('设置 取消周报接收人 赵局长，钱主任', admin);
    expect(adapter.last()!.text).toBe('本群的周报接收人里没有“钱主任”，没有保存。现在的周报接收人：李校长、赵局长');
    await adapter.say('设置 取消周报接收人', admin);
    expect(adapter.last()!.text).toMatch(/^请写要取消的周报接收人。取消一位/);
    await adapter.say('设置 取消周报接收人 全部', admin);
    expect(adapter.last()!.text).toMatch(/周报接收人：未设置$/);
    expect(await digestRecipients(config, store)).toEqual([]);
  });

  it('removes a supervisor an earlier build saved under a word of switching off', async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    await adapter.say('hi');
    await store.updateGroupSettings('test', 'g1', (s) => ({ ...s, supervisors: ['关闭', '无', '王主任'] }));
    await adapter.say('设置 删除周报接收人 关闭、无', admin);
    expect(adapter.last()!.text).toMatch(/周报接收人：王主任$/);
  });

  it('removes a supervisor an earlier build saved under thanks or an ok', async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    await adapter.say('hi');
    await store.updateGroupSettings('test', 'g1', (s) => ({ ...s, supervisors: ['王主任', '好的', '拜托拜托'] }));
    await adapter.say('设置 取消周报接收人 好的', admin);
    await adapter.say('设置 取消周报接收人 拜托拜托', admin);
    expect(adapter.last()!.text).toMatch(/周报接收人：王主任$/);
  });

  it('removes a supervisor named before thanks, as adding reads them', async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    await adapter.say('设置 周报接收人 王主任、李校长、Alice', admin);
    await adapter.say('设置 取消周报接收人 王主任，谢谢', admin);
    await adapter.say('config remove-supervisor Alice, thanks', admin);
    expect((await store.groupSettings('test', 'g1')).supervisors).toEqual(['李校长']);
  });
});
