import { describe, expect, it } from 'vitest';
import { mentionsAll, mentionsUser, plainText, slackTsToMs } from '../../../adapters/slack/slack-text.js';

describe('Slack markup', () => {
  it('counts <!channel>, <!here> and <!everyone> as mentions-all, and nothing else', () => {
    expect(['<!channel> 打卡', 'hi <!here>', '<!everyone|everyone> form', '<!here|@here> x'].map(mentionsAll)).toEqual([true, true, true, true]);
    expect(['<@U1> 打卡', 'channel here everyone', '<!subteam^S1|@ops> form', '&lt;!channel&gt;'].map(mentionsAll)).toEqual([false, false, false, false]);
  });

  it('finds a mention of a given user', () => {
    expect(mentionsUser('hey <@UBOT> stats', 'UBOT')).toBe(true);
    expect(mentionsUser('hey <@UBOT|fingertip> stats', 'UBOT')).toBe(true);
    expect(mentionsUser('hey <@UBOTX> stats', 'UBOT')).toBe(false);
  });

  it('reads markup as people see it and drops the leading bot mention', () => {
    expect(plainText('<@UBOT>  stats', 'UBOT')).toBe('stats');
    expect(plainText('<@UBOT|fingertip>: help', 'UBOT')).toBe('help');
    expect(plainText('<!channel> 请 <@U2|li> 在 <#C1|ops> 填 <https://forms.example/x|表格> &amp; 截图 &lt;今天&gt;')).toBe(
      '@channel 请 @U2 在 #ops 填 https://forms.example/x & 截图 <今天>',
    );
    expect(plainText('<!subteam^S1|@leads> by <!date^1800000000^{date}|Jan 15>')).toBe('@leads by Jan 15');
    // A mention of the bot later in the text is content, not an address.
    expect(plainText('ask <@UBOT> please', 'UBOT')).toBe('ask @fingertip please');
    expect(plainText('config supervisor <@UALICE> <@UBOT|fingertip>', 'UBOT')).toBe('config supervisor @UALICE @fingertip');
  });

  it('reads a user mention as who it means, never by the label frozen into it when sent', () => {
    // Live: by id, which the supervisor list DMs and the digest's pseudonyms know.
    expect(plainText('<@U4|davey> and <@U2> fill in the form', 'UBOT')).toBe('@U4 and @U2 fill in the form');
    // An export: by its users' names, an unlisted one by id.
    const names = new Map([['U4', 'dave']]);
    expect(plainText('<@U4|davey> and <@U2> fill in the form', '', (id) => names.get(id))).toBe('@dave and @U2 fill in the form');
  });

  it('turns Slack ts into epoch milliseconds', () => {
    expect(slackTsToMs('1700000000.000100')).toBe(1_700_000_000_000);
    expect(slackTsToMs('1700000000.123456')).toBe(1_700_000_000_123);
    expect(slackTsToMs('1700000000')).toBe(1_700_000_000_000);
  });
});
