import { describe, expect, it } from 'vitest';
import { parseQuote } from '../../../adapters/wechaty/quote.js';

describe('parseQuote', () => {
  it('splits a wechat4u quote into who, what and the reply', () => {
    expect(parseQuote('「王主任：请今天下班前上报人数\n第二行」\n- - - - - - - - - - - - - - -\n收到')).toEqual({
      quotedName: '王主任',
      quotedText: '请今天下班前上报人数\n第二行',
      reply: '收到',
    });
  });

  it('leaves plain text and look-alikes alone', () => {
    expect(parseQuote('请今天下班前上报人数')).toBeUndefined();
    expect(parseQuote('「书名号」里的字\n收到')).toBeUndefined();
  });
});
