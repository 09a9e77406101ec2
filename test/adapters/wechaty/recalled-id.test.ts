import { describe, expect, it } from 'vitest';
import { recalledId } from '../../../adapters/wechaty/recalled-id.js';

const notice = (inner: string) =>
  `<sysmsg type="revokemsg"><revokemsg><session>12345678@chatroom</session>${inner}<replacemsg><![CDATA["李雷" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>`;

describe('recalledId', () => {
  it("reads wechat4u's web XML: <msgid> is the recalled message's MsgId, not <oldmsgid>", () => {
    expect(recalledId(notice('<oldmsgid>1012345678</oldmsgid><msgid>4567890123456789012</msgid>'))).toBe('4567890123456789012');
  });

  it('reads <newmsgid> where a pad protocol gives it beside the short <msgid>', () => {
    expect(recalledId(notice('<msgid>1012345678</msgid><newmsgid>4567890123456789012</newmsgid>'))).toBe('4567890123456789012');
  });

  it('reads the XML still escaped, and a bare id as other puppets give it', () => {
    expect(recalledId(notice('<msgid>4567890123456789012</msgid>').replace(/</g, '&lt;').replace(/>/g, '&gt;'))).toBe('4567890123456789012');
    expect(recalledId('wrong-1')).toBe('wrong-1');
  });

  it('finds none in a notice naming no id, or in plain text (never the text itself)', () => {
    expect(recalledId(notice(''))).toBeUndefined();
    expect(recalledId('"李雷" 撤回了一条消息')).toBeUndefined();
    expect(recalledId('<sysmsg type="pat"><msgid>1</msgid></sysmsg>')).toBeUndefined();
    expect(recalledId('')).toBeUndefined();
  });
});
