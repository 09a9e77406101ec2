import { describe, expect, it } from 'vitest';
import { readContent } from '../../../adapters/feishu/content.js';
import { InputError } from '../../../src/core/errors.js';

const bot = { key: '@_user_1', id: { open_id: 'ou_bot' }, name: 'fingertip' };
const wang = { key: '@_user_2', id: { open_id: 'ou_wang' }, name: '王' };

describe('readContent', () => {
  it('drops only a leading mention of the bot and names the others', () => {
    expect(readContent('text', JSON.stringify({ text: '@_user_1 stats' }), [bot], 'ou_bot')).toEqual({
      kind: 'text',
      text: 'stats',
      mentioned: ['ou_bot'],
      people: [],
      mentionsAll: false,
    });
    expect(readContent('text', JSON.stringify({ text: '@_user_2 问一下 @_user_1' }), [wang, bot], 'ou_bot').text).toBe('@王 问一下 @fingertip');
  });

  it("keeps each person's open id beside the name the text shows, which a command naming them needs", () => {
    const read = readContent('text', JSON.stringify({ text: '@_user_1 设置 周报接收人 @_user_2' }), [bot, { ...wang, name: '王主任' }], 'ou_bot');
    expect(read).toMatchObject({ text: '设置 周报接收人 @王主任', people: [{ name: '王主任', id: 'ou_wang' }] });
  });

  it('names the bot @fingertip wherever it is mentioned, whatever the app is called, so a list of supervisors leaves it out', () => {
    const named = { ...bot, name: '减负助手' };
    const text = '设置 周报接收人 @_user_2 @_user_1';
    expect(readContent('text', JSON.stringify({ text }), [wang, named], 'ou_bot').text).toBe('设置 周报接收人 @王 @fingertip');
    const post = {
      zh_cn: {
        content: [
          [
            { tag: 'text', text: '问一下 ' },
            { tag: 'at', user_id: '@_user_1' },
          ],
        ],
      },
    };
    expect(readContent('post', JSON.stringify(post), [named], 'ou_bot').text).toBe('问一下 @fingertip');
  });

  it('reads a post wrapped in a locale, as a post is sent', () => {
    const post = {
      zh_cn: {
        title: '通知',
        content: [
          [
            { tag: 'text', text: '请点赞' },
            { tag: 'at', user_id: '@_all' },
          ],
        ],
      },
    };
    expect(readContent('post', JSON.stringify(post), [])).toMatchObject({ text: '通知\n请点赞@所有人', mentionsAll: true });
  });

  it('reads a post with words as text whatever it carries, and one of pictures or a video alone as those', () => {
    const post = (...content: object[][]) => JSON.stringify({ content });
    const picture = { tag: 'img', image_key: 'img_1' };
    const video = { tag: 'media', file_key: 'file_1' };
    expect(readContent('post', post([{ tag: 'text', text: '请填表并截图' }, picture]), [])).toMatchObject({ kind: 'text', text: '请填表并截图[image]' });
    expect(readContent('post', post([picture], [{ tag: 'text', text: ' ' }, picture]), [])).toMatchObject({ kind: 'image', text: '[image]\n [image]' });
    expect(readContent('post', post([picture, video]), [])).toMatchObject({ kind: 'other', text: '[image][video]' });
  });

  it.each([
    ['sticker', 'reaction', '[sticker]'],
    ['audio', 'other', '[voice]'],
    ['media', 'other', '[video]'],
    ['merge_forward', 'other', '[chat history]'],
    ['todo', 'other', '[other]'],
  ])('reads a %s message as %s %s', (type, kind, text) => {
    expect(readContent(type, '{}', [])).toMatchObject({ kind, text });
  });

  it.each([
    ['{oops', 'content is not JSON'],
    ['"text"', 'content is not a JSON object'],
  ])('refuses content %s', (content, message) => {
    const attempt = () => readContent('text', content, []);
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(message);
  });
});
