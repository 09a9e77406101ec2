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

/**
 * Whether the words typed are an English command word mistyped: one letter off (stat, hlep, forgot me)
 * in a word of four letters or more, any other word as written. A shorter word one letter off is
 * another word (who is not why, forget it is not forget me), and so is a Chinese one a character off
 * (设计, 估计 are not 统计; 周报 is not 误报), so none is taken for a command.
 */
function mistyped(typed: readonly string[], word: string): boolean {
  const parts = word.split(' ');
  let off = 0;
  for (const [i, part] of parts.entries()) {
    const said = typed[i];
    if (said === part) continue;
    if (said === undefined || said.length < 4 || part.length < 4) return false;
    off += DamerauLevenshteinDistance(said, part, { restricted: true });
  }
  return off === 1;
}

/** The commands a message nearly spells, and the language it is written in (not its mentions': @小助手 stat is English). */
export interface NearCommands {
  names: CommandName[];
  lang: Lang;
}

/**
 * The commands a message said to the bot that is no command nearly spells: a command word standing
 * apart before words it does not take (统计 本周, stats this week), else an English command word
 * mistyped (stat, hlep), else the plain words of what a command answers (我的负担吧). Undefined when
 * none, and for anything longer than a short phrase.
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
  const typos = new Set<CommandName>();
  for (const [word, name, lang] of COMMAND_WORDS) {
    // Standing apart, as a command word must: one glued to more is chat (这是误报的数据, helpdesk).
    if (body.startsWith(word) && /^(?:$|[\s:：])/u.test(body.slice(word.length))) leading.add(name);
    if (lang === 'en' && mistyped(words, word)) typos.add(name);
  }
  const names = leading.size ? [...leading] : typos.size ? [...typos] : TOPICS.filter(([topic]) => topic.test(body)).map(([, name]) => name);
  return names.length ? { names, lang: guessLang(body) } : undefined;
}
