import type { Rule } from '../engine/rule.js';
import type { Finding } from '../core/finding.js';
import { CATEGORY_LABELS } from '../core/category-labels.js';
import type { Lang } from '../core/lang.js';
import { MINUTE_MS } from '../core/time/units.js';

/** At most one nudge per group in this long: a bot that nags would be formalism itself. */
export const NUDGE_COOLDOWN_MS = 10 * MINUTE_MS;

/**
 * The finding a group is nudged about: the first from a `high` rule. Lower levels, and the learned
 * stage's own flags, are counted but never said aloud: a nudge on a doubtful hit costs the bot its standing.
 */
export function nudgeFinding(findings: readonly Finding[], rules: readonly Rule[]): { finding: Finding; rule: Rule } | undefined {
  for (const finding of findings) {
    const rule = rules.find((r) => r.id === finding.rule);
    if (rule?.level === 'high') return { finding, rule };
  }
  return undefined;
}

/** One short, polite line naming the rule and the policy it runs against. */
export function nudgeText(finding: Finding, rule: Rule, lang: Lang): string {
  const label = CATEGORY_LABELS[lang][finding.category];
  const policy = rule.references[0];
  if (lang === 'zh') {
    return `温馨提示：这条消息像是"${label}"类要求（规则 ${finding.rule}）${policy ? `，与${policy}的精神不符` : ''}。如果判断有误，回复"误报"即可。`;
  }
  return `A gentle note: this reads like a ${label} demand (rule ${finding.rule})${policy ? `, which ${policy} discourages` : ''}. If that's wrong, reply "not formalism".`;
}
