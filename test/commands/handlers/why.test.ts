import { describe, expect, it } from 'vitest';
import { botHarness } from '../../support/bot-harness.js';
import { ruleDir, ruleYaml } from '../../support/rules.js';

const cmd = { addressed: true } as const;

describe('why, on a finding of the model alone', () => {
  it('names it as config disable takes it, and says no cue tells anything when each is a lone character', async () => {
    const { adapter, store } = await botHarness();
    // No rule matches this; the model flags it alone on 晒, 每 and 各.
    await adapter.say('各位会员每天晒咕咚运动记录，周五统计', { id: 'd1', from: 'boss' });
    await store.flush();
    const [finding] = (await store.message('test', 'd1'))!.findings;
    expect(finding.rule).toBe('model/ranking-pressure');
    expect(finding.cues!.every((c) => [...c.match].length === 1)).toBe(true);
    await adapter.say('为什么', { ...cmd, replyTo: 'd1' });
    expect(adapter.last()!.text.split('\n')[1]).toMatch(/^· \S+（模型 model\/ranking-pressure，得分 0\.\d\d，未匹配任何规则）：没有两个字以上的线索词$/);
    await adapter.say('why', { ...cmd, replyTo: 'd1' });
    expect(adapter.last()!.text.split('\n')[1]).toMatch(
      /^· .+ \(model model\/ranking-pressure, score 0\.\d\d, no rule matched\): no cue of two characters or more$/,
    );
  });
});

describe('why, on a custom rule', () => {
  it('ends a description written without a closing mark before the policy, in either language', async () => {
    const yaml = ruleYaml('  any: [晨读]\n  all: [zh-audience]')
      .replace('description: test rule', 'description: {zh: 要求每天在群里晨读打卡, en: Members are told to read aloud daily}')
      .concat('references: [单位晨读活动通知]\n');
    const { adapter, store } = await botHarness((c) => (c.rules = [ruleDir({ 'check-in/morning-reading.yaml': yaml })]));
    await adapter.say('各位家长：请孩子每天晨读并在群里发语音', { id: 'd1', from: 'boss' });
    await store.flush();
    await adapter.say('为什么', { ...cmd, replyTo: 'd1' });
    expect(adapter.last()!.text.split('\n')[1]).toBe(
      '· 打卡签到（规则 check-in/morning-reading）：匹配“晨读”。要求每天在群里晨读打卡。依据：单位晨读活动通知。',
    );
    await adapter.say('why', { ...cmd, replyTo: 'd1' });
    expect(adapter.last()!.text.split('\n')[1]).toBe(
      '· check-ins (rule check-in/morning-reading): matched "晨读". Members are told to read aloud daily. Policy: 单位晨读活动通知.',
    );
  });

  it('ends a description in its own script, not after a closing quote that follows an end mark, and not after a clause mark', async () => {
    const said = async (description: string, ask: string) => {
      const yaml = ruleYaml('  any: [晨读]\n  all: [zh-audience]')
        .replace('description: test rule', `description: '${description}'`)
        .concat('references: [晨读通知]\n');
      const { adapter, store } = await botHarness((c) => (c.rules = [ruleDir({ 'check-in/morning-reading.yaml': yaml })]));
      await adapter.say('各位家长：请孩子每天晨读并在群里发语音', { id: 'd1', from: 'boss' });
      await store.flush();
      await adapter.say(ask, { ...cmd, replyTo: 'd1' });
      return adapter.last()!.text.split('\n')[1];
    };
    expect(await said('老师要求“每天晨读打卡。”', '为什么')).toMatch(/要求“每天晨读打卡。”依据：晨读通知。$/);
    expect(await said('要求每天晨读打卡；', '为什么')).toMatch(/要求每天晨读打卡。依据：晨读通知。$/);
    expect(await said('Told to "read aloud daily."', '为什么')).toMatch(/Told to "read aloud daily\."依据：晨读通知。$/);
    expect(await said('Told to read aloud daily', '为什么')).toMatch(/Told to read aloud daily\.依据：晨读通知。$/);
    expect(await said('要求每天晨读打卡', 'why')).toMatch(/要求每天晨读打卡。 Policy: 晨读通知\.$/);
    expect(await said('要求转发《学习强国》', '为什么')).toMatch(/要求转发《学习强国》。依据：晨读通知。$/);
    expect(await said('要求上传截图到 App', '为什么')).toMatch(/要求上传截图到 App。依据：晨读通知。$/);
    expect(await said('Asks members to reply "收到"', 'why')).toMatch(/Asks members to reply "收到"\. Policy: 晨读通知\.$/);
  });
});
