import type { Lang } from '../core/lang.js';
import { simplifiedChars } from '../core/simplified.js';
import { categoryWords } from './category-words.js';
import { MENTION, MENTION_MARKS } from '../core/mention.js';
import { mentionContinues } from './name-list.js';
import { isWordList } from './word-list.js';

/** The chat commands, each with its English and Chinese words. */
export type CommandName = 'stats' | 'help' | 'why' | 'not-formalism' | 'missed' | 'config' | 'report' | 'optout' | 'optin' | 'forget';

/** Each command's words, a longer one before the word it starts with. */
export const COMMAND_WORDS: readonly [string, CommandName, Lang][] = [
  ['not formalism', 'not-formalism', 'en'],
  ['false positive', 'not-formalism', 'en'],
  ['forget me', 'forget', 'en'],
  ['删除我的数据', 'forget', 'zh'],
  ['删除我的资料', 'forget', 'zh'], // 资料, as many say of their data
  ['退出统计', 'optout', 'zh'],
  ['加入统计', 'optin', 'zh'],
  ['为什么', 'why', 'zh'],
  ['为甚么', 'why', 'zh'], // 為甚麼, as Hong Kong writes it
  ['统计', 'stats', 'zh'],
  ['帮助', 'help', 'zh'],
  ['误报了', 'not-formalism', 'zh'],
  ['这是误报', 'not-formalism', 'zh'],
  ['不是形式主义', 'not-formalism', 'zh'], // "not formalism", word for word
  ['误报', 'not-formalism', 'zh'],
  ['漏报', 'missed', 'zh'],
  ['设置', 'config', 'zh'],
  ['设定', 'config', 'zh'], // 設定, as Taiwan and Hong Kong say it
  ['反映', 'report', 'zh'],
  ['stats', 'stats', 'en'],
  ['help', 'help', 'en'],
  ['why', 'why', 'en'],
  ['missed', 'missed', 'en'],
  ['config', 'config', 'en'],
  ['report', 'report', 'en'],
  ['optout', 'optout', 'en'],
  ['opt-out', 'optout', 'en'],
  ['optin', 'optin', 'en'],
  ['opt-in', 'optin', 'en'],
];

export interface ParsedCommand {
  name: CommandName;
  args: string;
  lang: Lang;
}

/** A command word followed only by a closing mark (为什么？, why?, help!). */
const CLOSING = /^[?？!！.。]+\s*$/u;
/** A question particle ending a Chinese command (删除我的数据吗, 退出统计嘛？, 为什么呢); 么 but in 什么, 怎么, 这么, 那么, 多么. */
const QUESTION_END = /(?:[吗嘛呢]|(?<![什怎这那多])么)[?？!！.。]*\s*$/u;
/** A modal particle ending a Chinese command, read as a closing mark is (删除我的数据吧, 统计本群啊, 漏报 打卡呀！), a question's too. */
export const PARTICLE_END = new RegExp(`[吧啊呀哦][?？!！.。]*\\s*$|${QUESTION_END.source}`, 'u');

/**
 * Whether `rest` is what may follow a command word: nothing, a space or a closing mark; in Chinese
 * also a colon (反映：…), or a word the command takes glued to it (漏报打卡截图, 统计本群), or in a
 * direct message (`lenient`) any words after a command that only answers. A word
 * glued to anything else is chat (统计表今天必须交上来, 反映情况的材料周五前报送), and so is an English
 * word followed by anything but a space ("Report: all staff must…", "Help-desk staff…"). This holds
 * for messages addressed to the bot too: on DingTalk every message mentions it, demands included.
 */
function separated(rest: string, name: CommandName, lang: Lang, lenient: boolean): boolean {
  if (rest === '' || /^\s/u.test(rest) || CLOSING.test(rest)) return true;
  if (lang === 'en') return false;
  // Said privately, where nothing else is said to the bot, Chinese glues words to an answer's command (统计一下, 为什么这条被标了).
  if (lenient && ANSWER_ONLY.has(name)) return true;
  if (/^[:：]/u.test(rest)) return true;
  // A glued word may end a sentence as the command alone may (统计本群。漏报接龙！), a particle too (删除我的数据吧),
  // before a mention of the bot (删除我的数据吗 @fingertip, 统计本群 @fingertip，).
  const glued = withoutTrailing(rest, name).replace(PARTICLE_END, '').trim();
  if (glued === '') return true;
  if (name === 'missed') {
    const named = categoryWords(glued);
    return named.unknown.length === 0 && named.categories.length > 0;
  }
  return name === 'stats' && STATS_GROUP.test(glued);
}

/** What `stats` takes to answer for the whole group instead of the asker. */
export const STATS_GROUP = /^(?:group|this group|群|本群|全群)$/iu;

/**
 * Whether a command takes these words after it. One that takes none is chat when words follow
 * ("forget me not, the flower", "why is the server down?", "help me with this printer?"), one that
 * takes a setting or categories is chat when none is named ("stats are due Friday", "missed the
 * meeting, sorry"). A lead and a setting take free words (a wrong setting gets its own answer).
 * `missed` in Chinese takes a short list of words it does not know (漏报 摸鱼) too, to be asked which
 * categories they mean: read as an ordinary message, a member's correction would be flagged and
 * counted as a demand. In English, where everyday words name categories too ("missed your reply,
 * sorry", "missed lunch"), it takes words only when it knows one, and the rest are known or a list.
 */
function takes(name: CommandName, words: string, lang: Lang): boolean {
  if (name === 'report' || name === 'config' || words === '') return true;
  if (name === 'stats') return STATS_GROUP.test(words) || /^(?:me|mine|my week|我|我的|个人)$/iu.test(words);
  if (name === 'missed') {
    const { categories, unknown } = categoryWords(words);
    if (lang === 'zh') return categories.length > 0 || isWordList(words);
    return categories.length > 0 && (unknown.length === 0 || isWordList(words));
  }
  return false;
}

// Mentions of the bot and a leading "/" or "!" (or the full-width ones a Chinese input method types) are not part of the command.
// A mention ends at a mark as at a space (@fingertip，统计, @fingertip、统计), and the mark goes with it.
const PREFIX = new RegExp(`^(?:\\s*(?:${MENTION})[\\s${MENTION_MARKS}]*)*[/!／！]?\\s*`, 'u');
// Nor a polite 请 or 帮我 before it (请删除我的数据, 请帮我统计): a member asks the bot as they would ask anyone.
const POLITE = /^(?:[请請](?:[帮幫]我)?|[帮幫]我)\s*/u;
// Nor a mention after it ("why @fingertip": Slack and Feishu strip only a leading one), nor a closing
// mark or one that ends a mention (统计 @fingertip，).
export const TRAILING_MENTIONS = new RegExp(`(?:(?:^|\\s+)(?:${MENTION}))+\\s*$`, 'u');
// One mention at a time, so that a setting can tell whether each is one more name of its value.
const TRAILING = new RegExp(`(?:^|\\s+)(?:${MENTION})\\s*$|[.${MENTION_MARKS}]+\\s*$`, 'u');
/** A command asked as a question: a question mark among its closing marks. */
const ASKED = /[?？][?？!！.。]*\s*$/u;

/**
 * The words without a trailing mention or mark. A mention that is a setting's value (config
 * supervisor @王主任, as WeChat and DingTalk admins name someone), or one more name of a list in it
 * (@周科长、@冯科长 @李校长, @alice, @bob), is the value, not the bot: the bot's own reads @fingertip
 * on every platform, and the list leaves it out.
 */
function withoutTrailing(args: string, name: CommandName): string {
  for (;;) {
    const next = args.replace(TRAILING, '').trim();
    if (next === args) return args;
    // A setting's first word names it, the rest is its value.
    if (name === 'config' && /[@＠]/u.test(args.slice(next.length)) && mentionContinues(next.replace(/^\S+/u, ''))) return args;
    args = next;
  }
}

/**
 * Commands that change nothing: their answer is all they do. In a direct message they may take other
 * words; one that changes something never does ("forget me if I leave?").
 */
export const ANSWER_ONLY: ReadonlySet<CommandName> = new Set(['help', 'stats', 'why']);

/**
 * Whether a command that changes something is asked about rather than given, and gets the help that
 * says what it does: one ending in a question mark or particle (误报？, 漏报 接龙？, 删除我的数据吗,
 * forget me?). Un-counting a colleague's demand or reporting one is not done on a question, any more
 * than an erasure: a member who means it does not ask. A command that only answers answers a question
 * too (统计吗); a lead and a setting keep their words as written.
 */
function asked(name: CommandName, lang: Lang, said: string): boolean {
  if (ANSWER_ONLY.has(name) || name === 'report' || name === 'config') return false;
  return (lang === 'zh' && QUESTION_END.test(said)) || ASKED.test(said);
}

/**
 * The command a message spells, or undefined. Only the first words count, so a demand that merely
 * contains "stats" is never taken for a command; the word must stand apart from what follows it, and
 * what follows must be what the command takes. In a direct message (`lenient`) nothing else is said
 * to the bot, so a command that only answers is still taken with other words after it ("help me",
 * "stats please").
 */
export function parseCommand(text: string, { lenient = false } = {}): ParsedCommand | undefined {
  const body = commandBody(text);
  // Traditional characters (統計 本群, 漏報 填報) read as the simplified ones; the words of a lead or a
  // setting are kept as written (a name in a setting is someone's name).
  const simple = simplifiedChars(body);
  for (const [word, name, lang] of COMMAND_WORDS) {
    // Full-width letters and spaces (ｓｔａｔｓ, a U+3000 space) read as the words they look like.
    if (simple.slice(0, word.length).normalize('NFKC').toLowerCase() !== word) continue;
    const rest = (name === 'report' || name === 'config' ? body : simple).slice(word.length);
    if (!separated(rest, name, lang, lenient)) continue;
    let args = rest.replace(/^[\s:：,，]+/u, '').trim();
    // A lead keeps its words as written; other commands read theirs without a trailing mention or mark,
    // and in Chinese without a closing particle, but for a setting's value, which may be a name (糖糖呀).
    if (name !== 'report') args = withoutTrailing(args, name);
    if (lang === 'zh' && name !== 'report' && name !== 'config') args = args.replace(PARTICLE_END, '').trim();
    if (!(lenient && ANSWER_ONLY.has(name)) && !takes(name, args, lang)) continue;
    // An erasure cannot be undone, nor a colleague's demand un-counted by a question: asked, a command gets the help.
    if (asked(name, lang, simple.replace(TRAILING_MENTIONS, ''))) return { name: 'help', args: '', lang };
    return { name, args, lang };
  }
  return undefined;
}

/** The text without the mentions, slash and polite words before a command. */
export function commandBody(text: string): string {
  return text.replace(PREFIX, '').replace(POLITE, '').trim();
}

/** The words of a command-shaped text that is not a known command, for the "unknown command" answer. */
export function firstWord(text: string): string {
  return text.replace(PREFIX, '').trim().split(/\s+/u)[0] ?? '';
}
