import type { Finding } from '../../core/finding.js';
import { remapSpan, type Replacement } from '../../core/replaced-spans.js';
import { hiddenParts, type HiddenPart, type NameHider } from './hidden-names.js';
import { graphemeStart } from '../../core/cut-text.js';
import { SHOWN_MAX, snippetParts } from './snippet.js';

/**
 * A message's text and findings as the Markdown and HTML reports show them: a long one by its start
 * and the words around its findings (snippetParts), … where text is left out; hidden names replaced
 * by pseudonyms (`hider`), read only in what is shown, since each unit read costs a hash per name
 * length. Each finding's span (and what it matched, and its cues') moves along, so the marks stay on
 * the rules' words; one wholly left out keeps its rule but marks nothing, rather than a ….
 */
export function shownMessage(text: string, findings: Finding[], hider?: NameHider): { text: string; findings: Finding[] } {
  const spans = findings.flatMap((f) => [f.span, ...(f.cues ?? []).map((c) => c.span)]);
  const parts = snippetParts(text, spans, hider ? 2 * hider.reach : 0);
  const pieces: HiddenPart[] = hider
    ? withinBudget(text, hiddenParts(text, parts, hider), hider)
    : parts.map(([start, end]) => ({ start, end, text: text.slice(start, end), replacements: [] }));
  // What is left out becomes …, a replacement like a pseudonym: the spans move through both at once.
  const replacements: Replacement[] = [];
  let shown = '';
  let at = 0;
  for (const p of [...pieces, { start: text.length, end: text.length, text: '', replacements: [] }]) {
    if (p.start > at) {
      replacements.push({ start: at, end: p.start, length: 1 });
      shown += '…';
    }
    replacements.push(...p.replacements);
    shown += p.text;
    at = p.end;
  }
  if (replacements.length === 0) return { text, findings };
  const move = <T extends Pick<Finding, 'span' | 'match'>>(x: T): T => {
    const kept = pieces.some((p) => x.span[0] < p.end && x.span[1] > p.start);
    const moved = remapSpan(x.span, replacements);
    const span: [number, number] = kept ? moved : [moved[0], moved[0]];
    return { ...x, span, match: shown.slice(...span) };
  };
  return { text: shown, findings: findings.map((f) => (f.cues ? { ...move(f), cues: f.cues.map(move) } : move(f))) };
}

/**
 * The parts whose shown text fits SHOWN_MAX, the one that runs over cut to fit before a pseudonym
 * rather than inside one: snippetParts counts the text's units, and a pseudonym may be several times
 * the name it replaces (Member 1 for 张三), so a text dense with hidden names showed three times as much.
 */
function withinBudget(text: string, pieces: HiddenPart[], hider: NameHider): HiddenPart[] {
  const kept: HiddenPart[] = [];
  let left = SHOWN_MAX;
  for (const p of pieces) {
    if (p.text.length <= left) {
      kept.push(p);
      left -= p.text.length;
      continue;
    }
    // Walk the part's text and pseudonyms in turn until the next would not fit.
    let end = p.start;
    for (const r of [...p.replacements, { start: p.end, end: p.end, length: 0 }]) {
      if (r.start - end >= left) {
        end += left;
        break;
      }
      left -= r.start - end;
      end = r.start;
      if (r.length > left) break;
      left -= r.length;
      end = r.end;
    }
    const cut = graphemeStart(text, end);
    if (cut > p.start) kept.push(...hiddenParts(text, [[p.start, cut]], hider));
    break;
  }
  return kept;
}
