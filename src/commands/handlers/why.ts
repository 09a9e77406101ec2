import type { Cue, Finding } from '../../core/finding.js';
import { CATEGORY_LABELS } from '../../core/category-labels.js';
import { descriptionIn } from '../../engine/description.js';
import type { CommandContext, CommandHandler } from '../context.js';
import { targetMessage } from '../target.js';
import { TEXTS } from '../texts.js';
import type { Lang } from '../../core/lang.js';

/** A finding of the learned stage: its probability and the words that weighed most, with their weights. */
function modelLine(label: string, score: number, cues: Cue[], lang: Lang): string {
  const list = cues.map((c) => `"${c.match}" (+${c.weight.toFixed(2)})`).join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh'
    ? `· ${label}（模型判断，概率 ${score.toFixed(2)}，没有规则命中）：最有分量的词 ${list}`
    : `· ${label} (the model, probability ${score.toFixed(2)}, no rule matched): strongest cues ${list}`;
}

/**
 * Explains each finding: the rule, what it matched, what the rule is about (in the asker's language
 * when the rule has it) and the policy it reflects; or, for the model's own findings, its probability
 * and strongest cues. A quote of a message the bot never flagged is read now, as the group's rules
 * stand, and said to be so.
 */
export const why: CommandHandler = async (ctx) => {
  const record = await targetMessage(ctx);
  if (record === 'unknown') return ctx.replyPrivately(TEXTS.quoteUnknown(ctx.lang));
  if (!record) return ctx.replyPrivately(TEXTS.needReply(ctx.lang));
  if ('unheld' in record) {
    const findings = await readNow(ctx, record.unheld.text);
    if (findings.length === 0) return ctx.replyPrivately(TEXTS.unheldNotFlagged(ctx.lang));
    return ctx.replyPrivately([TEXTS.whyUnheld(ctx.lang), ...explain(ctx, findings)].join('\n'));
  }
  if (record.findings.length === 0) return ctx.replyPrivately(TEXTS.notFlagged(ctx.lang));
  await ctx.replyPrivately(explain(ctx, record.findings).join('\n'));
};

async function readNow(ctx: CommandContext, text: string): Promise<Finding[]> {
  const group = ctx.msg.group;
  const disabled = group ? (await ctx.store.groupSettings(ctx.msg.platform, group.id)).disabledRules : [];
  return ctx.engine.classify(text, { disabled: new Set(disabled) }).findings;
}

function explain(ctx: CommandContext, findings: readonly Finding[]): string[] {
  const rules = new Map(ctx.engine.rules.map((r) => [r.id, r]));
  return findings.map((f) => {
    const label = CATEGORY_LABELS[ctx.lang][f.category];
    if (f.cues) return modelLine(label, f.score ?? 0, f.cues, ctx.lang);
    const rule = rules.get(f.rule);
    const policy = rule?.references[0];
    const about = rule ? descriptionIn(rule.description, ctx.lang) : '';
    return ctx.lang === 'zh'
      ? `· ${label}（规则 ${f.rule}）：匹配"${f.match}"。${about}${policy ? ` 依据：${policy}` : ''}`
      : `· ${label} (rule ${f.rule}): matched "${f.match}". ${about}${policy ? ` Policy: ${policy}` : ''}`;
  });
}
