import { describe, expect, it } from 'vitest';
import type { ChatMessage, MentionedPerson } from '../../src/core/chat-message.js';
import { listedIds } from '../../src/commands/listed-ids.js';

const message = (mentioned?: MentionedPerson[]): ChatMessage => ({
  platform: 'p',
  id: 'm1',
  group: { id: 'g1' },
  sender: { id: 'u1' },
  text: '',
  ts: 0,
  mentioned,
});

describe('listedIds', () => {
  it('keeps names as written where the platform gives no mentions apart from the text (Slack, WeChat, the shell)', () => {
    expect(listedIds(message(), '<@U0SUPER> @王主任')).toEqual({ ids: ['U0SUPER', '王主任'], unknown: [] });
  });

  it('takes a mention for the id the platform pairs with its name, and a plain name as written', () => {
    const feishu = message([
      { name: '王主任', id: 'ou_wang' },
      { name: 'Wang Wei', id: 'ou_ww' },
    ]);
    expect(listedIds(feishu, '@王主任 @Wang Wei')).toEqual({ ids: ['ou_wang', 'ou_ww'], unknown: [] });
    expect(listedIds(feishu, 'ou_li、@王主任')).toEqual({ ids: ['ou_li', 'ou_wang'], unknown: [] });
  });

  it('refuses a mention whose person the message does not single out, or gives no id of', () => {
    // Two people going by one name.
    expect(
      listedIds(
        message([
          { name: '王老师', id: 'ou_a' },
          { name: '王老师', id: 'ou_b' },
        ]),
        '@王老师',
      ).unknown,
    ).toEqual(['王老师']);
    // Ids without names (DingTalk): one mention takes the one id, two cannot tell whose is whose.
    const dingtalk = message([{ id: 'staff-zhao' }, { id: 'staff-li' }]);
    expect(listedIds(message([{ id: 'staff-wang' }]), '@王主任')).toEqual({ ids: ['staff-wang'], unknown: [] });
    expect(listedIds(dingtalk, '@赵书记 @李校长')).toEqual({ ids: [], unknown: ['赵书记', '李校长'] });
    // Someone outside the organisation, and a name typed after @ rather than picked (no mention at all).
    expect(listedIds(message([{}]), '@外聘专家').unknown).toEqual(['外聘专家']);
    expect(listedIds(message([]), '@王主任').unknown).toEqual(['王主任']);
  });
});
