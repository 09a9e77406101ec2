import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** UTF-16 units one code point may take: a class could match a character outside the BMP. */
const CODE_POINT = 2;

function unitsOf(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}

function characterUnits(node: AST.Node): number {
  if (node.type === 'Character') return unitsOf(node.value);
  if (node.type === 'CharacterClassRange') return unitsOf(node.max.value);
  if (node.type === 'CharacterSet' && node.kind !== 'any' && node.kind !== 'property') return 1; // \d \s \w
  if (node.type === 'CharacterClass' && !node.negate) return Math.max(0, ...node.elements.map(characterUnits));
  return CODE_POINT;
}

function alternatives(list: AST.Alternative[]): number {
  return Math.max(0, ...list.map((a) => a.elements.reduce((sum, e) => sum + extent(e), 0)));
}

function extent(node: AST.Element): number {
  switch (node.type) {
    case 'Quantifier': {
      if (node.max === 0) return 0;
      const one = extent(node.element);
      return node.max === Infinity ? (one === 0 ? 0 : Infinity) : one * node.max;
    }
    case 'Group':
    case 'CapturingGroup':
      return alternatives(node.alternatives);
    case 'Assertion':
      // A lookaround reads text it does not consume; \b, ^ and $ read one unit beside the match.
      return node.kind === 'lookahead' || node.kind === 'lookbehind' ? alternatives(node.alternatives) : 1;
    case 'Backreference':
      return Infinity; // repeats a group's text, however long that was
    default:
      return characterUnits(node);
  }
}

/**
 * The most UTF-16 units of text one match of the pattern can span or look at (its lookarounds and
 * boundaries included), or Infinity when a repetition is unbounded. A window of text this much wider
 * than the window a match must start or end in holds every such match whole.
 */
export function patternExtent(source: string): number {
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
  return alternatives(ast.alternatives);
}
