import type { Cue, Finding } from '../../core/finding.js';
import { CATEGORY_LABELS } from '../../core/category-labels.js';
import { descriptionIn } from '../../engine/description.js';
import type { CommandContext, CommandHandler } from '../context.js';
import { noTargetText, targetMessage } from '../target.js';
import { excerpt } from '../../core/excerpt.js';
import { TEXTS } from '../texts.js';
import { readPolicy } from '../policy.js';
import type { Lang } from '../../core/lang.js';

/** Cues of two characters or more: a lone 们 or 给 says little to a reader (rules/README.md). */
const telling = (cues: Cue[]): Cue[] => cues.filter((c) => [...c.match.trim()].length >= 2);

/** The words behind a finding of the learned stage that weighed most, with their weights, as far as they tell anything. */
function cueList(all: Cue[], lang: Lang): string {
  if (!all.some((c) => c.match !== '')) return NOT_KEPT[lang];
  const cues = telling(all);
  if (cues.length === 0) return NO_TELLING_CUE[lang];
  if (lang === 'zh') return `主要线索词 ${cues.map((c) => `“${c.match}”（+${c.weight.toFixed(2)}）`).join('、')}`;
  return `strongest cues ${cues.map((c) => `"${c.match}" (+${c.weight.toFixed(2)})`).join(', ')}`;
}

/** Said when every cue is a lone character: the score stands alone rather than 们 or 各 misleading. */
const NO_TELLING_CUE: Record<Lang, string> = { zh: '没有两个字以上的线索词', en: 'no cue of two characters or more' };

/** A finding of the learned stage: its id (what `config disable` takes, as a rule's), its score and its cues. */
function modelLine(label: string, id: string, score: number, all: Cue[], lang: Lang): string {
  if (lang === 'zh') return `· ${label}（模型 ${id}，得分 ${score.toFixed(2)}，未匹配任何规则）：${cueList(all, lang)}`;
  return `· ${label} (model ${id}, score ${score.toFixed(2)}, no rule matched): ${cueList(all, lang)}`;
}

/**
 * Said where a finding's words are blank: its sender opted out or was forgotten (privacy.ts). It does
 * not say which, or that the sender chose it: any member could ask, and learn who opted out.
 */
const NOT_KEPT: Record<Lang, string> = { zh: '所依据的文字没有保存', en: 'the words it read are not kept' };

/** Which message an answer is about: the platform may not show what it replied to (the shell has no replies). */
function about(text: string | null | undefined, lang: Lang): string[] {
  if (!text) return [];
  return [lang === 'zh' ? `关于「${excerpt(text)}」：` : `About "${excerpt(text)}":`];
}

/** A rule's policy line in the asker's language: the document, then the point the rule reflects. */
function policyLine(reference: string | undefined, lang: Lang): string {
  const policy = readPolicy(reference, lang);
  if (policy === undefined) return '';
  const { source, point } = policy;
  if (lang === 'zh') return `依据：${source}${point ? `，要点：${point}` : ''}。`;
  return ` Policy: ${source}${point ? `: ${point}` : ''}.`;
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
  if (!record) return ctx.replyPrivately(noTargetText(ctx));
  if ('unheld' in record) {
    const findings = await readNow(ctx, record.unheld.text);
    if (findings.length === 0) return ctx.replyPrivately(TEXTS.unheldNotFlagged(ctx.lang));
    return ctx.replyPrivately([TEXTS.whyUnheld(ctx.lang), ...explain(ctx, findings)].join('\n'));
  }
  if (record.findings.length === 0) return ctx.replyPrivately(TEXTS.notFlagged(ctx.lang));
  await ctx.replyPrivately([...about(record.text, ctx.lang), ...explain(ctx, record.findings)].join('\n'));
};

async function readNow(ctx: CommandContext, text: string): Promise<Finding[]> {
  const group = ctx.msg.group;
  const disabled = group ? (await ctx.store.groupSettings(ctx.msg.platform, group.id)).disabledRules : [];
  return ctx.engine.classify(text, { disabled: new Set(disabled) }).findings;
}

/** An end mark, maybe inside closing quotes or brackets (“…打卡。”, 《…。》). */
const ENDED = /[。！？.!?…][”’"')）」』》】〉»\]]*$/u;

/**
 * A description that does not end its sentence is ended before the policy, which would run on from it:
 * an end mark may stand inside closing quotes or brackets, and a clause mark (；:) ends too little, so
 * it is replaced. The mark is the description's own language's, whatever the asker's: Chinese where it
 * holds at least as many ideographs as Latin words, as a message's language is told.
 */
function ended(said: string): string {
  const text = said.trimEnd();
  if (ENDED.test(text)) return text;
  const bare = text.replace(/[;；:：,，、]+$/u, '');
  const ideographs = bare.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = bare.match(/[A-Za-z]+/g)?.length ?? 0;
  return `${bare}${ideographs >= words ? '。' : '.'}`;
}

function explain(ctx: CommandContext, findings: readonly Finding[]): string[] {
  const rules = new Map(ctx.engine.rules.map((r) => [r.id, r]));
  return findings.map((f) => {
    const label = CATEGORY_LABELS[ctx.lang][f.category];
    if (f.cues) return modelLine(label, f.rule, f.score ?? 0, f.cues, ctx.lang);
    const rule = rules.get(f.rule);
    const said = rule ? descriptionIn(rule.description, ctx.lang) : '';
    const policy = policyLine(rule?.references[0], ctx.lang);
    const described = policy && said ? ended(said) : said;
    // An opted-out or forgotten sender's findings keep their rule but not the words: say so, not “”.
    if (ctx.lang === 'zh') return `· ${label}（规则 ${f.rule}）：${f.match ? `匹配“${f.match}”` : NOT_KEPT.zh}。${described}${policy}`;
    return `· ${label} (rule ${f.rule}): ${f.match ? `matched "${f.match}"` : NOT_KEPT.en}. ${described}${policy}`;
  });
}
