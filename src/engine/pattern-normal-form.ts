import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import { normalize } from './normalize.js';
import { REFERENCE } from './pattern-lists.js';

/** What a character becomes in the normalised text patterns run on: white space and controls one space. */
const folded = (ch: string): string => (/^[\s\p{Cc}]$/u.test(ch) ? ' ' : normalize(ch));

/** Which step of normalisation changes `ch`, as rules/README.md names them. */
function step(ch: string): string {
  if (ch.normalize('NFKC') !== ch) return 'NFKC';
  if (ch.toLowerCase() !== ch) return 'lower case';
  if (folded(ch) === ' ') return 'white space as one space';
  return folded(ch) === '' ? 'invisible characters removed' : 'simplified Chinese';
}

/** Control characters escaped (\t, \n), so the problem stays one line. */
const escaped = (s: string): string => s.replace(/\p{Cc}/gu, (c) => JSON.stringify(c).slice(1, -1));
const quoted = (s: string): string => `'${escaped(s)}'`;

/**
 * Why a pattern can never match where it writes a literal that normalisation changes (`截图：`,
 * `KEEP`, `截圖`): the text it runs on never holds one. A member of a class (`[，,]`) is only dead
 * weight beside the others, so it passes. Undefined when every literal is as text holds it, or when
 * the pattern is not valid (said where it is compiled).
 */
export function unnormalisedLiterals(pattern: string): string | undefined {
  const source = pattern.replace(REFERENCE, '');
  let ast;
  try {
    ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return undefined;
  }
  const changed = new Set<string>();
  visitRegExpAST(ast, {
    onCharacterEnter(node) {
      const ch = String.fromCodePoint(node.value);
      const inClass = node.parent.type === 'CharacterClass' || node.parent.type === 'CharacterClassRange';
      if (!inClass && folded(ch) !== ch) changed.add(ch);
    },
  });
  if (changed.size === 0) return undefined;
  const chars = [...changed];
  const steps = [...new Set(chars.map(step))].join(', ');
  const fixes = chars.map((ch) => (folded(ch) === '' ? `nothing for ${quoted(ch)}` : quoted(folded(ch))));
  return `pattern /${escaped(pattern)}/ contains ${chars.map(quoted).join(', ')}, which text never holds after normalisation (${steps}): write ${fixes.join(', ')}`;
}
