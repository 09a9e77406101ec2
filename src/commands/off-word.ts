import { simplifiedChars } from '../core/simplified.js';
import { openingMention } from './mention.js';

/** Words of switching off or of "no one", in both languages: no one is called so, and whoever writes one means to remove. */
const OFF = new Set([
  ...['关闭', '关', '无', '没有', '没', '取消', '删除', '删掉', '清空', '清除', '移除', '去掉', '不要', '停止', '停用', '撤销', '空'],
  ...['none', 'nobody', 'nothing', 'off', 'remove', 'delete', 'clear', 'cancel', 'stop', 'disable', 'unset', 'null', 'empty'],
]);

/**
 * The word of switching off a setting's value opens with (设置 周报接收人 关闭, 關閉, config supervisor
 * none), or undefined. A mention names someone, whatever it says.
 */
export function offWord(value: string): string | undefined {
  if (openingMention(value)) return undefined;
  const first = value.trim().split(/[\s，、,;；。.!！]+/u)[0];
  return OFF.has(simplifiedChars(first).toLowerCase()) ? first : undefined;
}
