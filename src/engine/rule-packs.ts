import type { Description } from './description.js';
import type { Condition, Rule } from './rule.js';

/**
 * `<dir>/<lang>.pack.yaml`: the `none` conditions every rule of that folder written in that language
 * inherits, so that the usual exclusions (first person, talk about, questions) are said once.
 */
export interface Pack {
  lang: string;
  description: Description;
  none: Condition[];
  file: string;
  /** Its file could not be read (bad YAML, no list of conditions): what it offers is unknown. */
  unread?: true;
}

export const PACK_SUFFIX = '.pack.yaml';

/** The language a pack file is for, or undefined for any other file. */
export function packLang(fileName: string): string | undefined {
  return fileName.endsWith(PACK_SUFFIX) ? fileName.slice(0, -PACK_SUFFIX.length) : undefined;
}

const same = (a: Condition, b: Condition) => JSON.stringify(a) === JSON.stringify(b);
const names = (c: Condition, except: string[]) => c.kind === 'context' && except.includes(c.context);

/**
 * The `none` conditions a rule takes from the packs of its languages, less those it opts out of
 * (`inherit: false`, `inherit: {except: [...]}`), each with its pack; and what is wrong: an exception
 * no pack offers, or a condition the rule repeats although it inherits it.
 */
export function inheritedNone(rule: Rule, packs: ReadonlyMap<string, Pack>): { inherited: { condition: Condition; pack: Pack }[]; problems: string[] } {
  if (rule.inherit === false) return { inherited: [], problems: [] };
  const mine = rule.languages.map((lang) => packs.get(lang)).filter((p) => p !== undefined);
  const except = rule.inherit === true ? [] : rule.inherit.except;
  const offered = mine.flatMap((pack) => pack.none.map((condition) => ({ condition, pack })));
  const where = mine.length ? mine.map((p) => `${p.lang}${PACK_SUFFIX}`).join(', ') : `a pack of ${rule.languages.join(', ')}`;
  // What an unread pack offers is unknown: an exception is not called missing from it.
  const problems = except
    .filter((name) => !mine.some((p) => p.unread) && !offered.some((o) => names(o.condition, [name])))
    .map((name) => `inherit.except: "${name}" is not a none condition of ${where}`);
  const inherited = offered.filter((o, i) => !names(o.condition, except) && offered.findIndex((p) => same(p.condition, o.condition)) === i);
  rule.match.none.forEach((c, i) => {
    const from = inherited.find((o) => same(o.condition, c));
    if (from) problems.push(`match.none[${i}]: already inherited from ${from.pack.lang}${PACK_SUFFIX}; remove it here`);
  });
  return { inherited, problems };
}
