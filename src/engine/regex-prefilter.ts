import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** Literal sets larger than this are not worth indexing. */
const MAX_SET = 32;

/** Strings of which every match contains at least one, or null when none is known. */
type Factors = string[] | null;

function score(f: string[]): number {
  // Longer literals are rarer in text; fewer alternatives are cheaper to index.
  return Math.min(...f.map((s) => s.length)) * 100 - f.length;
}

function better(a: Factors, b: Factors): Factors {
  if (!a) return b;
  if (!b) return a;
  return score(b) > score(a) ? b : a;
}

function union(list: Factors[]): Factors {
  const out = new Set<string>();
  for (const f of list) {
    if (!f) return null;
    for (const s of f) out.add(s);
  }
  return out.size <= MAX_SET ? [...out] : null;
}

/** The characters one element can match, when it is a small literal choice. */
function literalChars(node: AST.Element): string[] | null {
  if (node.type === 'Character') return [String.fromCodePoint(node.value)];
  if (node.type !== 'CharacterClass' || node.negate || node.unicodeSets) return null;
  const out: string[] = [];
  for (const e of node.elements) {
    if (e.type === 'Character') out.push(String.fromCodePoint(e.value));
    else if (e.type === 'CharacterClassRange' && e.max.value - e.min.value < MAX_SET) {
      for (let c = e.min.value; c <= e.max.value; c++) out.push(String.fromCodePoint(c));
    } else return null;
  }
  return out.length && out.length <= MAX_SET ? out : null;
}

/** The best factor set of a sequence: a run of adjacent literals, or a required group's own factors. */
function sequence(alt: AST.Alternative): Factors {
  let best: Factors = null;
  let run: string[] | null = null;
  const endRun = () => {
    best = better(best, run);
    run = null;
  };
  for (const e of alt.elements) {
    const chars = literalChars(e);
    if (chars) {
      const next: string[] = run ? run.flatMap((r) => chars.map((c) => r + c)) : chars;
      if (next.length > MAX_SET) endRun();
      run = next.length > MAX_SET ? chars : next;
      continue;
    }
    endRun();
    if (e.type === 'Quantifier' && e.min >= 1) best = better(best, element(e.element));
    else best = better(best, element(e));
  }
  endRun();
  return best;
}

function element(node: AST.Element): Factors {
  const chars = literalChars(node);
  if (chars) return chars;
  if (node.type === 'Group' || node.type === 'CapturingGroup') return union(node.alternatives.map(sequence));
  if (node.type === 'Quantifier' && node.min >= 1) return element(node.element);
  return null; // assertions, backreferences, wide classes: nothing required
}

/**
 * Literal strings of which every match of the pattern contains one, or null. The engine puts them in
 * its automaton and runs a regex only on messages where one occurred, which spares most exclusion
 * patterns on most messages.
 */
export function requiredLiterals(source: string): string[] | null {
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
  return union(ast.alternatives.map(sequence));
}
