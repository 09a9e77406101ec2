import { RegExpParser, type AST } from '@eslint-community/regexpp';
import type { Attack } from './regex-safety.js';

/** What chat messages are made of (digits, letters, spaces, Chinese): runs of them are tried on every pattern. */
const CHAT_UNITS = ['1', 'a', 'A', ' ', 'a1', 'a ', '。', '中'];

/**
 * Characters that stand for what a \w, \s, \p{…}, [^…] or . matches: ASCII, the punctuation and
 * spaces of Chinese text, and a few letters of other scripts. A pattern's own literals come first.
 */
const ALPHABET = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...'\t\n\u00a0\u3000，。、；：！？…—～·“”‘’「」『』（）《》【】',
  ...'中文ａＡ１éαя😀',
];

/** Tried in turn as the character after each run: the first that nothing in the pattern matches makes every match attempt fail. */
const FAILING = ['\u0000', '\n', '\uffff'];

/** More unled runs of a pattern's own units than this add time more than cover: those two elements share come first. */
const MAX_OWN_UNITS = 8;

/**
 * How many units follow each lead when the two are repeated whole: past the 22 at which
 * (?:[，,]|\p{P}){1,22} tries 2^22 ways, and short enough that a message holds it thousands of times.
 */
const RUN = 40;

/** What matches one character: a literal, a class, or an escape such as \d or \p{P}. */
type Leaf = AST.Character | AST.CharacterClass | AST.CharacterSet;

/** A pattern's leaves, those under a repetition (where backtracking multiplies), and its repeated groups' alternatives. */
interface Parts {
  all: Leaf[];
  repeated: Leaf[];
  groups: AST.Alternative[][];
}

/** A repetition the text reaches, and the text that leads up to it. */
interface Reached {
  lead: string;
  repetition: AST.Quantifier;
}

function collect(node: AST.Node, repeated: boolean, parts: Parts): void {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      node.alternatives.forEach((a) => collect(a, repeated, parts));
      break;
    case 'Assertion':
      if (node.kind === 'lookahead' || node.kind === 'lookbehind') node.alternatives.forEach((a) => collect(a, repeated, parts));
      break;
    case 'Alternative':
      node.elements.forEach((e) => collect(e, repeated, parts));
      break;
    case 'Quantifier': {
      const { element } = node;
      if (node.max > 1 && (element.type === 'Group' || element.type === 'CapturingGroup')) parts.groups.push(element.alternatives);
      collect(element, repeated || node.max > 1, parts);
      break;
    }
    case 'Character':
    case 'CharacterClass':
    case 'CharacterSet':
      parts.all.push(node);
      if (repeated) parts.repeated.push(node);
      break;
  }
}

/** The characters a leaf names itself: a literal, a class's members and its ranges' ends (where two ranges overlap, one end is in both). */
function ownChars(leaf: Leaf): string[] {
  if (leaf.type === 'Character') return [String.fromCodePoint(leaf.value)];
  if (leaf.type === 'CharacterSet' || leaf.negate) return [];
  return leaf.elements.flatMap((e) => {
    if (e.type === 'Character') return [String.fromCodePoint(e.value)];
    if (e.type === 'CharacterClassRange') return [String.fromCodePoint(e.min.value), String.fromCodePoint(e.max.value)];
    return [];
  });
}

/** Whether a leaf matches a character: a literal is compared, a class compiled (a long pattern has thousands of literals). */
function matcher(leaf: Leaf): (c: string) => boolean {
  if (leaf.type === 'Character') {
    const own = String.fromCodePoint(leaf.value);
    return (c) => c === own;
  }
  const re = new RegExp(`^(?:${leaf.raw})$`, 'u');
  return (c) => re.test(c);
}

/**
 * The text that leads the pattern up to each of its repetitions: a sample of every element before it,
 * and of a lookbehind, which the text must hold. A run of units alone never gets past `请填报` to its
 * repetition.
 */
function leads(node: AST.Node, lead: string, candidates: readonly string[], found: Reached[]): void {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      node.alternatives.forEach((a) => leads(a, lead, candidates, found));
      break;
    case 'Alternative':
      node.elements.reduce((before, e) => {
        leads(e, before, candidates, found);
        return before + sample(e, candidates);
      }, lead);
      break;
    case 'Quantifier':
      if (node.max > 1 && lead !== '') found.push({ lead, repetition: node });
      leads(node.element, lead, candidates, found);
      break;
  }
}

/** One short string an alternative matches: each element's first character, a repetition at its least. */
function sample(node: AST.Node, candidates: readonly string[]): string {
  switch (node.type) {
    case 'Alternative':
      return node.elements.map((e) => sample(e, candidates)).join('');
    case 'Group':
    case 'CapturingGroup':
      return sample(node.alternatives[0], candidates);
    case 'Quantifier':
      return sample(node.element, candidates).repeat(node.min);
    case 'Character':
    case 'CharacterClass':
    case 'CharacterSet':
      return [...ownChars(node), ...candidates].find(matcher(node)) ?? '';
    case 'Assertion':
      return node.kind === 'lookbehind' && !node.negate ? sample(node.alternatives[0], candidates) : '';
    default:
      return '';
  }
}

/**
 * The units runs of which make repetitions backtrack: one character for each set of repeated elements
 * that match it (where two share one, each repetition can go either way), those shared first, and
 * each alternative of a repeated group.
 */
function unitsOf(parts: Parts, candidates: readonly string[]): string[] {
  const repeated = parts.repeated.map(matcher);
  const bySet = new Map<string, { unit: string; shared: number }>();
  for (const c of candidates) {
    const matched = repeated.map((matches) => matches(c));
    const shared = matched.filter(Boolean).length;
    const set = matched.map(Number).join('');
    if (shared > 0 && !bySet.has(set)) bySet.set(set, { unit: c, shared });
  }
  const chars = [...bySet.values()];
  const strings = parts.groups.flatMap((alts) => alts.map((a) => sample(a, candidates)).filter((s) => s.length > 1));
  return [...new Set([...chars.filter((c) => c.shared > 1).map((c) => c.unit), ...strings, ...chars.filter((c) => c.shared === 1).map((c) => c.unit)])];
}

/**
 * Texts that make this pattern backtrack, built from the pattern itself: runs of each kind of
 * character its repetitions match (one character for each set of elements that match it, so one two
 * alternatives share is tried), and of each alternative of a repeated group, besides the chat units;
 * and after the text that leads up to each repetition (leads), runs of that repetition's units.
 * recheck rates `(?:[，,]|\p{P}){1,22}x` linear, yet a run of "，" tries 2^22 ways at each place.
 */
export function patternAttack(pattern: string): Attack {
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(pattern, 0, pattern.length, { unicode: true });
  const parts: Parts = { all: [], repeated: [], groups: [] };
  collect(ast, false, parts);
  const candidates = [...new Set([...parts.repeated.flatMap(ownChars), ...ALPHABET])];
  const distinct = unitsOf(parts, candidates);
  const units = distinct.filter((u) => !CHAT_UNITS.includes(u)).slice(0, MAX_OWN_UNITS);
  const everywhere = parts.all.map(matcher);
  const suffix = FAILING.find((c) => !everywhere.some((matches) => matches(c))) ?? FAILING[0];
  const reached: Reached[] = [];
  leads(ast, '', candidates, reached);
  // After each lead, runs of every unit of the repetition it reaches (a pattern's first few missed
  // `请各位每天把步数(?:[，,]|\p{P}){1,22}`): once, and the two repeated whole, as a message may hold
  // the trigger many times and each one tries every way again.
  const led = new Map<string, { prefix: string; pump: string }[]>();
  for (const { lead, repetition } of reached) {
    const own: Parts = { all: [], repeated: [], groups: [] };
    collect(repetition, false, own);
    for (const unit of unitsOf(own, candidates)) {
      led.set(`${lead}\u0000${unit}`, [
        { prefix: lead, pump: unit },
        { prefix: '', pump: lead + unit.repeat(RUN) + suffix },
      ]);
    }
  }
  return { pumps: [...[...units, ...CHAT_UNITS].map((pump) => ({ prefix: '', pump })), ...[...led.values()].flat()], suffix };
}
