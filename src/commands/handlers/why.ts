import type { Cue } from '../../core/finding.js';
import { CATEGORY_LABELS } from '../../core/category-labels.js';
import { descriptionIn } from '../../engine/description.js';
import type { CommandHandler } from '../context.js';
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
 * and strongest cues.
 */
export const why: CommandHandler = async (ctx) => {
  const record = await targetMessage(ctx);
  if (record === 'unknown') return ctx.replyPrivately(TEXTS.quoteUnknown(ctx.lang));
  if (!record) return ctx.replyPrivately(TEXTS.needReply(ctx.lang));
  if (record.findings.length === 0) return ctx.replyPrivately(TEXTS.notFlagged(ctx.lang));
  const rules = new Map(ctx.engine.rules.map((r) => [r.id, r]));
  const lines = record.findings.map((f) => {
    const label = CATEGORY_LABELS[ctx.lang][f.category];
    if (f.cues) return modelLine(label, f.score ?? 0, f.cues, ctx.lang);
    const rule = rules.get(f.rule);
    const policy = rule?.references[0];
    const about = rule ? descriptionIn(rule.description, ctx.lang) : '';
    return ctx.lang === 'zh'
      ? `· ${label}（规则 ${f.rule}）：匹配"${f.match}"。${about}${policy ? ` 依据：${policy}` : ''}`
      : `· ${label} (rule ${f.rule}): matched "${f.match}". ${about}${policy ? ` Policy: ${policy}` : ''}`;
  });
  await ctx.replyPrivately(lines.join('\n'));
};
