import { describe, expect, it } from 'vitest';
import { botHarness } from '../../support/bot-harness.js';

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
