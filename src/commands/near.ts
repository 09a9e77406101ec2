import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/index.js';
import { guessLang, type Lang } from '../core/lang.js';
import { simplifiedChars } from '../core/simplified.js';
import { COMMAND_WORDS, commandBody, PARTICLE_END, TRAILING_MENTIONS, type CommandName } from './parse.js';

/**
 * Words of what a command answers, said without its word (我的负担吧, my burden?): a member who asks
 * the bot so means that command. Few and plain, as a hint on a passing word would be noise.
 */
const TOPICS: [RegExp, CommandName][] = [
  [/负担|耗时|burden|statistics/u, 'stats'],
  [/命令|指令|怎么用|用法|菜单|commands|menu|usage/u, 'help'],
  [/原因|为啥|为何|reason/u, 'why'],
  [/标错|误判|mistake/u, 'not-formalism'],
];

/** Marks and spaces closing a message, which say nothing of the command. */
const CLOSING_MARKS = /[\s?？!！.。~～…]+$/u;
/** A mark inside a message makes it a sentence, said to someone, not a command mistyped. */
const SENTENCE_MARK = /[。.!！?？,，;；]/u;

/** Chinese runs its words together: more characters than this in a row make a sentence (统计表今天必须交上来). */
const HAN_RUN = /\p{Script=Han}{9}/u;

/**
 * Whether a message is short enough to be a command mistyped or half-remembered: up to three words
 * and sixteen characters, no sentence. On DingTalk every message mentions the bot, demands included,
 * and those are sentences.
 */
function short(body: string): boolean {
  return body !== '' && body.length <= 16 && body.split(/\s+/u).length <= 3 && !SENTENCE_MARK.test(body) && !HAN_RUN.test(body);
}

/** How many typed letters a command word may be off by and still be recognised: one in a short word, two in a long one; none in a Latin word of three letters (who, way are not why). */
function typosAllowed(word: string): number {
  if (/\p{Script=Han}/u.test(word)) return 1;
  return word.length < 4 ? 0 : word.length < 7 ? 1 : 2;
}

/** The commands a message nearly spells, and the language it is written in (not its mentions': @小助手 stat is English). */
export interface NearCommands {
  names: CommandName[];
  lang: Lang;
}

/**
 * The commands a message said to the bot that is no command nearly spells, the nearest alike: a
 * command word before words it does not take (统计 本周, stats this week), else a command word
 * mistyped (stat, hlep, 统记, 设制 查看), else the words of what a command answers (我的负担吧).
 * Undefined when none, and for anything longer than a short phrase.
 */
export function nearCommands(text: string): NearCommands | undefined {
  const body = simplifiedChars(commandBody(text))
    .normalize('NFKC')
    .toLowerCase()
    .replace(TRAILING_MENTIONS, '')
    .replace(CLOSING_MARKS, '')
    .replace(PARTICLE_END, '')
    .trim();
  if (!short(body)) return undefined;
  const words = body.split(/\s+/u);
  const leading = new Set<CommandName>();
  const typos = new Map<CommandName, number>();
  for (const [word, name] of COMMAND_WORDS) {
    // Standing apart, as a command word must: one glued to more is chat (这是误报的数据, helpdesk).
    if (body.startsWith(word) && /^(?:$|[\s:：])/u.test(body.slice(word.length))) leading.add(name);
    const typed = words.slice(0, word.split(' ').length).join(' ');
    const distance = DamerauLevenshteinDistance(typed, word, { restricted: true });
    if (distance > 0 && distance <= typosAllowed(word)) typos.set(name, Math.min(distance, typos.get(name) ?? Infinity));
  }
  const least = Math.min(...typos.values());
  const names = leading.size
    ? [...leading]
    : typos.size
      ? [...typos].filter(([, d]) => d === least).map(([name]) => name)
      : TOPICS.filter(([topic]) => topic.test(body)).map(([, name]) => name);
  return names.length ? { names, lang: guessLang(body) } : undefined;
}
