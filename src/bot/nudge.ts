import type { Rule } from '../engine/rule.js';
import type { Finding } from '../core/finding.js';
import { CATEGORY_LABELS } from '../core/category-labels.js';
import type { Lang } from '../core/lang.js';
import { MINUTE_MS } from '../core/time/units.js';
import { readPolicy } from '../commands/policy.js';

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

/**
 * One short, polite line in the group: the kind of demand and what the policy says of it. It says
 * "may", since about half the flags on real text are wrong, and names no rule id: the whole group reads
 * it, and whoever sent the notice often only passed it on. `why` gives the rule, privately.
 */
export function nudgeText(finding: Finding, rule: Rule, lang: Lang): string {
  const label = CATEGORY_LABELS[lang][finding.category];
  const policy = readPolicy(rule.references[0], lang);
  if (lang === 'zh') {
    const says = policy ? (policy.point ? `${policy.title}提出：${policy.point}。` : `可参考${policy.title}。`) : '';
    return `提示：这条消息可能属于“${label}”类要求。${says}如判断有误，引用这条消息回复“误报”即可。`;
  }
  const says = policy ? (policy.point ? `${policy.title}: ${policy.point}. ` : `See ${policy.title}. `) : '';
  return `A note: this may be a demand for ${label}. ${says}If that's wrong, reply to it with "not formalism".`;
}
