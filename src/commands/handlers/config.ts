import type { GroupSettings } from '../../store/store.js';
import type { CommandContext, CommandHandler } from '../context.js';
import { TEXTS } from '../texts.js';

type Change = (s: GroupSettings, value: string, ctx: CommandContext) => string | undefined;

const MODES: Record<string, GroupSettings['mode']> = { silent: 'silent', nudge: 'nudge', 静默: 'silent', 提醒: 'nudge' };

/** Each setting: its words in both languages and how it changes the settings (or why it cannot). */
const SETTINGS: [string[], Change][] = [
  [['mode', '模式'], (s, v) => (MODES[v] ? ((s.mode = MODES[v]), undefined) : 'silent | nudge')],
  [
    ['disable', '关闭规则'],
    (s, v, ctx) => {
      if (!ctx.engine.rules.some((r) => r.id === v)) return `a rule id such as ${ctx.engine.rules[0]?.id ?? 'check-in/x'}`;
      if (!s.disabledRules.includes(v)) s.disabledRules.push(v);
      return undefined;
    },
  ],
  [['enable', '开启规则'], (s, v) => ((s.disabledRules = s.disabledRules.filter((r) => r !== v)), undefined)],
  [['language', '语言'], (s, v) => (v === 'zh' || v === 'en' ? ((s.language = v), undefined) : 'zh | en')],
  [
    ['supervisor', '主管'],
    (s, v) => {
      if (!v) return 'a user id';
      s.supervisors = [...new Set([...(s.supervisors ?? []), v])];
      return undefined;
    },
  ],
];

function describe(s: GroupSettings, lang: CommandContext['lang']): string {
  const rules = s.disabledRules.length ? s.disabledRules.join(', ') : '-';
  const sups = s.supervisors?.length ? s.supervisors.join(', ') : '-';
  return lang === 'zh'
    ? `模式 ${s.mode === 'silent' ? '静默' : '提醒'}；关闭的规则 ${rules}；语言 ${s.language ?? '自动'}；主管 ${sups}`
    : `mode ${s.mode}; disabled rules ${rules}; language ${s.language ?? 'auto'}; supervisors ${sups}`;
}

/** `config <setting> <value>` / `设置 <项> <值>`: group admins only; `config show` for anyone. */
export const config: CommandHandler = async (ctx) => {
  const { msg, store, lang } = ctx;
  if (!msg.group) return ctx.replyPrivately(TEXTS.groupOnly(lang));
  const [word = 'show', ...rest] = ctx.args.split(/\s+/u).filter(Boolean);
  const settings = await store.groupSettings(msg.platform, msg.group.id);
  if (word === 'show' || word === '查看') return ctx.replyPrivately(describe(settings, lang));
  const entry = SETTINGS.find(([words]) => words.includes(word.toLowerCase()));
  if (!entry) {
    const names = SETTINGS.map(([w]) => w[lang === 'zh' ? 1 : 0]).join(' | ');
    return ctx.replyPrivately(lang === 'zh' ? `不认识的设置"${word}"，可用：${names}、查看` : `Unknown setting "${word}"; try ${names} | show`);
  }
  if (!(await ctx.isAdmin())) return ctx.replyPrivately(TEXTS.adminOnly(lang));
  const problem = entry[1](settings, rest.join(' '), ctx);
  if (problem) return ctx.replyPrivately(lang === 'zh' ? `"${word}" 需要：${problem}` : `"${word}" needs: ${problem}`);
  await store.setGroupSettings(msg.platform, msg.group.id, settings);
  ctx.settingsChanged(msg.group.id);
  await ctx.replyPrivately((lang === 'zh' ? '已保存：' : 'Saved: ') + describe(settings, lang));
};
