import { MENTION_MARKS } from '../core/mention.js';

/**
 * The person a text opening with a mention names (@王主任 is 王主任, Slack's <@U0SUPER> is U0SUPER),
 * only the first (@赵主任 @fingertip), and how many characters name them; undefined when it opens
 * with none. A Chinese name holds no space, so it ends at one (@王主任 谢谢); a Latin one may (@Wang
 * Wei, @Lily 王) and runs to the next mention. Either ends at a mark (@王主任，谢谢, @Wang Wei, thanks).
 */
export function openingMention(text: string): { name: string; length: number } | undefined {
  const mention = new RegExp(`^(?:<@([A-Z0-9]+)>|[@＠]([^@＠${MENTION_MARKS}]+))`, 'u').exec(text);
  if (!mention) return undefined;
  if (mention[1]) return { name: mention[1], length: mention[0].length };
  if (/^\p{sc=Han}/u.test(mention[2])) {
    const name = mention[2].split(/\s/u)[0];
    return { name, length: 1 + name.length };
  }
  const name = mention[2].trim().replace(/\.+$/u, '');
  return name ? { name, length: mention[0].length } : undefined;
}
