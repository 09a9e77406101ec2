import { simplifiedChars } from '../core/simplified.js';
import { openingMention } from './mention.js';

/** Words of switching off or of "no one", in both languages: no one is called so, and whoever writes one means to remove. */
const OFF = new Set([
  ...['关闭', '关', '无', '没有', '没', '取消', '删除', '删掉', '清空', '清除', '移除', '去掉', '不要', '停止', '停用', '撤销', '空'],
  ...['none', 'nobody', 'nothing', 'off', 'remove', 'delete', 'clear', 'cancel', 'stop', 'disable', 'unset', 'null', 'empty'],
]);

/**
 * How a Chinese word of switching off opens when more is glued to it: a word of removing of two or
 * more characters before whom (取消王主任, 删除李校长), or a word of no need (不用了, 不需要, 不必了,
 * 没必要, 无需). The one-character 关 and 无 stand for switching off only alone, as 关 is a surname.
 */
const OFF_OPENING = new RegExp(`^(?:${[...OFF].filter((w) => /^\p{sc=Han}{2,}$/u.test(w)).join('|')}|无需|无须|不用|不需|不必|没必要)`, 'u');

/**
 * Words of stopping or of "no one" said whole (停发, 停发周报, 停了, 没人, 不发了, 不再需要, 不再订阅): as a word's
 * opening alone they would refuse WeChat nicknames, by which the bot finds people (没头脑, 停云,
 * 不再犹豫, 不接电话).
 */
const OFF_WHOLE = /^(?:停(?:发|掉|止|用)?|没(?:有)?人|不再?(?:要|需要|发送?|收|接收|订阅|送|给))(?:周报)?[了啦]?$/u;

/** What parts the words of a value: spaces, list marks and closing marks. */
const BETWEEN_WORDS = /[\s，、,;；。.!！]+/u;

/**
 * The first word of switching off a setting's value holds (设置 周报接收人 关闭, 關閉, 不用了, 取消王主任,
 * 王主任 不需要, config supervisor none), or undefined. A value opening with a mention names someone,
 * whatever it says.
 */
export function offWord(value: string): string | undefined {
  if (openingMention(value)) return undefined;
  return value
    .trim()
    .split(BETWEEN_WORDS)
    .find((word) => {
      const simple = simplifiedChars(word).toLowerCase();
      return OFF.has(simple) || OFF_OPENING.test(simple) || OFF_WHOLE.test(simple);
    });
}
