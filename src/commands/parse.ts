import type { Lang } from '../core/lang.js';

/** The chat commands, each with its English and Chinese words. */
export type CommandName = 'stats' | 'help' | 'why' | 'not-formalism' | 'missed' | 'config' | 'report' | 'optout' | 'optin' | 'forget';

const WORDS: [string, CommandName, Lang][] = [
  ['not formalism', 'not-formalism', 'en'],
  ['false positive', 'not-formalism', 'en'],
  ['forget me', 'forget', 'en'],
  ['删除我的数据', 'forget', 'zh'],
  ['退出统计', 'optout', 'zh'],
  ['加入统计', 'optin', 'zh'],
  ['为什么', 'why', 'zh'],
  ['统计', 'stats', 'zh'],
  ['帮助', 'help', 'zh'],
  ['误报', 'not-formalism', 'zh'],
  ['漏报', 'missed', 'zh'],
  ['设置', 'config', 'zh'],
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

// Mentions of the bot and a leading "/" or "!" are not part of the command.
const PREFIX = /^(?:\s*(?:@\S+|<@[A-Z0-9]+>)\s*)*[/!]?\s*/u;

/** What may follow a command word that stands alone: nothing, a space, or only a closing mark (为什么？). */
const STANDS_ALONE = /^(?:$|\s|[?？!！.。]+\s*$)/u;

/**
 * The command a message spells, or undefined. Only the first words count, so a demand that merely
 * contains "stats" is never taken for a command. Said to the bot, Chinese words need no space after
 * them (漏报打卡); `standalone` asks that they stand alone too, for a line nobody addressed to the bot,
 * where 统计表今天必须交上来 or 为什么又要填表 is chat and not a command.
 */
export function parseCommand(text: string, { standalone = false } = {}): ParsedCommand | undefined {
  const body = text.replace(PREFIX, '').trim();
  const lower = body.toLowerCase();
  for (const [word, name, lang] of WORDS) {
    if (!lower.startsWith(word)) continue;
    const rest = body.slice(word.length);
    // An English word needs a space after it ("Help-desk staff: …" and "Report: …" are not commands).
    if (standalone ? !STANDS_ALONE.test(rest) : lang === 'en' && rest !== '' && !/^\s/u.test(rest)) continue;
    return { name, args: rest.replace(/^[\s:：,，]+/u, '').trim(), lang };
  }
  return undefined;
}

/** The words of a command-shaped text that is not a known command, for the "unknown command" answer. */
export function firstWord(text: string): string {
  return text.replace(PREFIX, '').trim().split(/\s+/u)[0] ?? '';
}
