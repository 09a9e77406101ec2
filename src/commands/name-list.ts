import { simplifiedChars } from '../core/simplified.js';
import { openingMention } from './mention.js';

/** What parts the names of a list: Chinese and English commas, the enumeration comma, semicolons. */
const BETWEEN_NAMES = /[，、,;；]/u;
const AFTER_A_MENTION = /^[\s，、,;；]*/u;
const LIST_MARK_AT_END = /[，、,;；]$/u;
/** A space between Chinese characters: a Chinese name holds none, so it parts two (王主任 李校长). */
const BETWEEN_CHINESE_NAMES = /(?<=\p{sc=Han})\s+(?=\p{sc=Han})/u;
const THANKS = '(?:(?:谢谢|多谢|感谢|辛苦|麻烦|拜托)+(?:你|您|大家|了)?[了啦哈呀啊]?|thanks?(?: you)?|thx|ty)';
// Not 好, 嗯 or okk alone, which nicknames are made of (好好, 嗯嗯, 好呀, Okk).
const OKS = '(?:(?:好的|好嘞|好滴|好哒|ok(?:ay)?)[了啦哈呀啊呢]?\\s*)+';
/** Thanks, a polite word or an ok closing a list (王主任，谢谢; 王主任，好的好的; 王主任，謝謝; alice, ok thanks): no one is called so. */
const COURTESY = new RegExp(`^(?:${OKS}${THANKS}?|${THANKS}|please|pls|cheers)$`, 'iu');
/** A mention mark with no name after it, as left when the mention picker closed (设置 周报接收人 @). */
const BARE_MENTION = /(?:^|[\s，、,;；])([@＠])(?=$|[\s，、,;；])/u;
/**
 * The bot's own name, as the README and the shell address it: Slack and Feishu leave a mention of
 * the bot after the command (设置 周报接收人 @王主任 @fingertip), and it names no one to add.
 */
const BOT = 'fingertip';
/**
 * A mention of the whole group, as the adapters pass it on: WeChat's and Feishu's @所有人, @all, and
 * Slack's <!channel>, <!here>, <!everyone> read as @channel, @here, @everyone. It names no one a
 * digest could go to, so a list leaves it out (设置 周报接收人 @周科长 @所有人).
 */
const WHOLE_GROUP = new Set(['所有人', 'all', 'everyone', 'channel', 'here']);

/** A name a setting's value gives, and whether it was @-mentioned (a platform may know the person by an id instead). */
export interface Listed {
  name: string;
  mentioned: boolean;
}

/**
 * The names a run of mentions gives, parted by spaces or list marks, up to the first word that is no
 * mention; a mention of the whole group gives none.
 */
function mentionRun(text: string): Listed[] {
  const names: Listed[] = [];
  let rest = text;
  for (let m = openingMention(rest); m; m = openingMention(rest)) {
    if (!WHOLE_GROUP.has(m.name.toLowerCase())) names.push({ name: m.name, mentioned: true });
    rest = rest.slice(m.length).replace(AFTER_A_MENTION, '');
  }
  return names;
}

/**
 * The people a setting's value names, in order. A value opening with mentions names each of them,
 * parted by spaces or list marks (@王主任 @李校长, @周科长、@冯科长), not the words after them
 * (@王主任，谢谢), the bot nor the whole group (@所有人). Plain names are parted by list marks alone
 * (王主任，李校长), since a plain Latin name holds spaces (Wang Wei); a part opening with a mention
 * names its run of mentions (王主任、@李校长 @赵书记). Chinese names are parted by a space too (王主任 李校长),
 * and thanks after them name no one (王主任，谢谢), unless `courtesy` keeps them: an earlier release
 * saved such words as names, and removing one must be able to name it (设置 取消周报接收人 好的).
 */
export function peopleListed(value: string, courtesy: 'drop' | 'keep' = 'drop'): Listed[] {
  const rest = value.trim();
  const people = openingMention(rest)
    ? mentionRun(rest)
    : rest
        .split(BETWEEN_NAMES)
        .flatMap((part) => part.trim().split(BETWEEN_CHINESE_NAMES))
        .filter((part) => part && (courtesy === 'keep' || !isCourtesy(part)))
        .flatMap((part) => (openingMention(part) ? mentionRun(part) : [{ name: part, mentioned: false }]));
  return people.filter((p) => p.name.toLowerCase() !== BOT);
}

/** Whether a name is a closing word of thanks or an ok (谢谢, 好的, ok thanks), which adding leaves out. */
export const isCourtesy = (name: string): boolean => COURTESY.test(simplifiedChars(name));

/** The mark of a mention that names no one in a setting's value (@, ＠), or undefined. */
export function bareMention(value: string): string | undefined {
  return BARE_MENTION.exec(value)?.[1];
}

/**
 * Whether a mention after a setting's value is one more of its names: the value names no one yet
 * (config supervisor @王主任), ends in a list mark (王主任，@李校长; @alice, @bob), or its last name is
 * a mention (@周科长、@冯科长 @李校长).
 */
export function mentionContinues(value: string): boolean {
  const rest = value.trim();
  return rest === '' || LIST_MARK_AT_END.test(rest) || !!openingMention(rest.split(BETWEEN_NAMES).at(-1)!.trim());
}
