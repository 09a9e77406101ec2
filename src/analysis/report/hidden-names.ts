import type { Finding } from '../../core/finding.js';
import type { Pseudonyms } from '../../core/pseudonyms.js';
import { remapSpan } from '../../core/replaced-spans.js';

/** What hides, in what a report shows, the names of members who opted out or were forgotten: the report's Pseudonyms. */
export type NameHider = Pick<Pseudonyms, 'hide' | 'hideTracked'>;

/**
 * A message's text and findings as a report shows them: hidden names replaced by pseudonyms, and
 * each finding's span (and what it matched, and its cues') moved along, so the marks stay on the
 * rules' words when a pseudonym is longer or shorter than the name.
 */
export function hiddenMessage(text: string, findings: Finding[], hider: NameHider): { text: string; findings: Finding[] } {
  const { text: shown, replacements } = hider.hideTracked(text);
  if (replacements.length === 0) return { text, findings };
  const move = <T extends Pick<Finding, 'span' | 'match'>>(x: T): T => {
    const span = remapSpan(x.span, replacements);
    return { ...x, span, match: shown.slice(...span) };
  };
  return { text: shown, findings: findings.map((f) => (f.cues ? { ...move(f), cues: f.cues.map(move) } : move(f))) };
}
