import { CATEGORY_LABELS } from '../../taxonomy/labels.js';
import type { CommandHandler } from '../context.js';
import { targetMessage } from '../target.js';
import { TEXTS } from '../texts.js';

/** Explains each finding: the rule, what it matched, what the rule is about and the policy it reflects. */
export const why: CommandHandler = async (ctx) => {
  const record = await targetMessage(ctx);
  if (!record) return ctx.replyPrivately(TEXTS.needReply(ctx.lang));
  if (record.findings.length === 0) return ctx.replyPrivately(TEXTS.notFlagged(ctx.lang));
  const rules = new Map(ctx.engine.rules.map((r) => [r.id, r]));
  const lines = record.findings.map((f) => {
    const rule = rules.get(f.rule);
    const label = CATEGORY_LABELS[ctx.lang][f.category];
    const policy = rule?.references[0];
    return ctx.lang === 'zh'
      ? `· ${label}（规则 ${f.rule}）：匹配"${f.match}"。${rule?.description ?? ''}${policy ? ` 依据：${policy}` : ''}`
      : `· ${label} (rule ${f.rule}): matched "${f.match}". ${rule?.description ?? ''}${policy ? ` Policy: ${policy}` : ''}`;
  });
  await ctx.replyPrivately(lines.join('\n'));
};
