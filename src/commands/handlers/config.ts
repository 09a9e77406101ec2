import { CATEGORIES } from '../../core/categories.js';
import { simplifiedChars } from '../../core/simplified.js';
import type { GroupSettings } from '../../store/store.js';
import type { CommandContext, CommandHandler } from '../context.js';
import { unknownInGroup } from '../known-member.js';
import { listedIds } from '../listed-ids.js';
import { bareMention, isCourtesy } from '../name-list.js';
import { offWord } from '../off-word.js';
import { TEXTS } from '../texts.js';

type Change = (s: GroupSettings, value: string, ctx: CommandContext) => string | undefined;

const MODES: Record<string, GroupSettings['mode']> = { silent: 'silent', nudge: 'nudge', 静默: 'silent', 提醒: 'nudge' };
// auto sets none, so the automatic choice applies again (the asker's or the message's language, the digest's from group names), as `设置 查看` shows: 自动.
const LANGUAGES: Record<string, 'zh' | 'en' | 'auto'> = {
  zh: 'zh',
  en: 'en',
  中文: 'zh',
  汉语: 'zh',
  英文: 'en',
  英语: 'en',
  english: 'en',
  chinese: 'zh',
  auto: 'auto',
  default: 'auto',
  自动: 'auto',
  默认: 'auto',
};

/** A rule id to show as an example, in the asker's language. */
const sampleRule = (ctx: CommandContext): string =>
  (ctx.engine.rules.find((r) => r.languages.includes(ctx.lang)) ?? ctx.engine.rules[0])?.id ?? 'check-in/zh-deadline-clock-in';

/** How to remove supervisors, told wherever an admin seems to want to. */
const REMOVING = {
  zh: '取消一位周报接收人请发“设置 取消周报接收人 王主任”，全部取消请发“设置 取消周报接收人 全部”。',
  en: 'config remove-supervisor U0SUPER removes one supervisor, config remove-supervisor all every one.',
};

/** A remove-supervisor value that removes every one. */
const ALL = ['全部', '所有', '所有人', 'all'];

/** What a value must be, said in the asker's language. */
const NEEDS = {
  mode: { zh: '模式只能是“静默”或“提醒”，例如：设置 模式 静默', en: 'mode is silent or nudge, e.g. config mode silent' },
  language: { zh: '语言只能设为“中文”（zh）、“英文”（en）或“自动”（auto）', en: 'language is zh, en or auto' },
  supervisor: {
    zh: '请写周报接收人的用户名，例如：设置 周报接收人 王主任（几位用顿号隔开：王主任、李校长）',
    en: 'name a user, e.g. config supervisor U0SUPER (several parted by commas: U0SUPER, U0OTHER)',
  },
  notAName: (word: string, ctx: CommandContext) =>
    ctx.lang === 'zh' ? `“${word}”不是用户名，没有保存。${REMOVING.zh}` : `"${word}" is no user name, so nothing is saved: ${REMOVING.en}`,
  noId: (who: string[], ctx: CommandContext) =>
    ctx.lang === 'zh'
      ? `不知道${who.map((w) => `“@${w}”`).join('、')}的用户 ID，没有保存。请一次只 @ 一位，或直接写用户 ID（钉钉的 userId，飞书的 open_id）；组织外的人收不到周报。`
      : `The user id of ${who.map((w) => `@${w}`).join(', ')} is not known, so nothing is saved: mention one person at a time, or write the user id (DingTalk userId, Feishu open_id); people outside the organisation cannot get the digest.`,
  bareMention: (mark: string, ctx: CommandContext) =>
    ctx.lang === 'zh'
      ? `“${mark}”后面没有名字，没有保存。请在${mark}之后选一位成员，或直接写名字，例如：设置 周报接收人 王主任`
      : `"${mark}" is followed by no name, so nothing is saved: pick someone after it, or write the name, e.g. config supervisor U0SUPER`,
  removal: { zh: `请写要取消的周报接收人。${REMOVING.zh}`, en: `Name whom to remove: ${REMOVING.en}` },
  notSupervisor: (absent: string[], subscribed: string[], ctx: CommandContext) =>
    ctx.lang === 'zh'
      ? `本群的周报接收人里没有${absent.map((n) => `“${n}”`).join('、')}，没有保存。现在的周报接收人：${subscribed.join('、') || '未设置'}`
      : `${absent.join(', ')} ${absent.length > 1 ? 'are' : 'is'} not among this group's supervisors (${subscribed.join(', ') || 'none'}), so nothing is saved.`,
  rule: (ctx: CommandContext) =>
    ctx.lang === 'zh'
      ? `请写规则编号，例如：设置 关闭规则 ${sampleRule(ctx)}（规则编号可在“为什么”的回复里看到）`
      : `name a rule id, e.g. config disable ${sampleRule(ctx)} (why shows a message's rule ids)`,
  noRule: (v: string, ctx: CommandContext) => (ctx.lang === 'zh' ? `没有这条规则：${v}` : `There is no rule ${v}.`),
  posting: (setting: string, ctx: CommandContext) =>
    ctx.lang === 'zh'
      ? `提醒模式需要我在群里发言，但配置项 ${setting} 是关闭的：我只私下回答提问的人，提醒发不出去。请先在配置文件里开启 ${setting}，再设置提醒模式。`
      : `Nudge mode needs me to post in the group, but ${setting} is off in the config: I answer only whoever asks, privately, so no nudge would be posted. Turn ${setting} on first.`,
};

// A rule of the packs, or the model's own flags of one category (model/<category>, as `why` names them).
const knownRule = (v: string, ctx: CommandContext) =>
  ctx.engine.rules.some((r) => r.id === v) || (v.startsWith('model/') && (CATEGORIES as readonly string[]).includes(v.slice('model/'.length)));

/**
 * The rule id a value names, or one of `listed`: as written (a custom rule's file may be named in
 * traditional characters, check-in/統計表), else in simplified characters when that names one.
 */
const ruleNamed = (v: string, ctx: CommandContext, listed: readonly string[] = []): string | undefined =>
  [v, simplifiedChars(v)].find((id) => knownRule(id, ctx) || listed.includes(id));

/** A mode or a language is read in simplified characters too (語言 英文); names and rule ids are kept as written. */
function simplifiedValue(setting: string, value: string): string {
  return setting === 'mode' || setting === 'language' ? simplifiedChars(value) : value;
}

/** Each setting: its words in both languages (the first Chinese one is shown) and how it changes the settings, or why it cannot. */
const SETTINGS: [string[], Change][] = [
  [
    ['mode', '模式'],
    (s, v, ctx) => {
      const mode = MODES[v.toLowerCase()];
      if (!mode) return NEEDS.mode[ctx.lang];
      // Refused rather than saved: a nudge mode that posts nothing would tell the admin it works.
      const silentBy = ctx.adapter.silentInGroupsBy;
      if (mode === 'nudge' && silentBy) return NEEDS.posting(silentBy, ctx);
      s.mode = mode;
      return undefined;
    },
  ],
  [
    ['disable', '关闭规则'],
    (s, v, ctx) => {
      if (!v) return NEEDS.rule(ctx);
      const rule = ruleNamed(v, ctx);
      if (!rule) return NEEDS.noRule(v, ctx);
      if (!s.disabledRules.includes(rule)) s.disabledRules.push(rule);
      return undefined;
    },
  ],
  [
    ['enable', '开启规则'],
    (s, v, ctx) => {
      if (!v) return NEEDS.rule(ctx);
      // A rule no longer shipped may still be listed as disabled: enabling it removes it from the list.
      const rule = ruleNamed(v, ctx, s.disabledRules);
      if (!rule) return NEEDS.noRule(v, ctx);
      s.disabledRules = s.disabledRules.filter((r) => r !== rule);
      return undefined;
    },
  ],
  [
    ['language', '语言'],
    (s, v, ctx) => {
      const lang = LANGUAGES[v.toLowerCase()];
      if (!lang) return NEEDS.language[ctx.lang];
      if (lang === 'auto') delete s.language;
      else s.language = lang;
      return undefined;
    },
  ],
  [
    ['supervisor', '周报接收人', '主管', '周报'],
    (s, v, ctx) => {
      // 设置 周报 关闭 means to stop the digest, not to send it to someone called 关闭.
      const off = offWord(v);
      if (off) return NEEDS.notAName(off, ctx);
      // A mention picker closed before anyone was picked: saving "@" would send the digest to no one.
      const mark = bareMention(v);
      if (mark) return NEEDS.bareMention(mark, ctx);
      const { ids: names, unknown } = listedIds(ctx.msg, v);
      if (unknown.length) return NEEDS.noId(unknown, ctx);
      if (!names.length) return NEEDS.supervisor[ctx.lang];
      s.supervisors = [...new Set([...(s.supervisors ?? []), ...names])];
      return undefined;
    },
  ],
  [
    ['remove-supervisor', '取消周报接收人', '删除周报接收人', '移除周报接收人'],
    (s, v, ctx) => {
      if (ALL.includes(v.toLowerCase())) {
        delete s.supervisors;
        return undefined;
      }
      const subscribed = s.supervisors ?? [];
      // Thanks after the names name no one (王主任，谢谢), unless an earlier release saved it as a supervisor.
      const { ids, unknown } = listedIds(ctx.msg, v, 'keep');
      const names = ids.filter((n) => !isCourtesy(n) || subscribed.includes(n));
      if (unknown.length) return NEEDS.noId(unknown, ctx);
      if (!names.length) return NEEDS.removal[ctx.lang];
      // Refused whole, naming who is not there: a misspelt name would otherwise leave the person subscribed, the admin told "saved".
      const absent = names.filter((n) => !subscribed.includes(n));
      if (absent.length) return NEEDS.notSupervisor(absent, subscribed, ctx);
      s.supervisors = subscribed.filter((n) => !names.includes(n));
      return undefined;
    },
  ],
];

function describe(s: GroupSettings, lang: CommandContext['lang']): string {
  if (lang === 'zh') {
    const rules = s.disabledRules.length ? s.disabledRules.join('、') : '无';
    const sups = s.supervisors?.length ? s.supervisors.join('、') : '未设置';
    const language = s.language === 'zh' ? '中文' : s.language === 'en' ? '英文' : '自动';
    return `模式：${s.mode === 'silent' ? '静默' : '提醒'}；已关闭的规则：${rules}；语言：${language}；周报接收人：${sups}`;
  }
  const rules = s.disabledRules.length ? s.disabledRules.join(', ') : '-';
  const sups = s.supervisors?.length ? s.supervisors.join(', ') : '-';
  return `mode ${s.mode}; disabled rules ${rules}; language ${s.language ?? 'auto'}; supervisors ${sups}`;
}

/** What a change to nudge mode will do, so an admin is not surprised by the bot speaking up. */
function nudgeNote(lang: CommandContext['lang']): string {
  return lang === 'zh'
    ? '已开启提醒模式：遇到明显的形式主义要求时，我会在群里简短提示（每群每 10 分钟最多一次）。'
    : 'Nudge mode is on: on a clear formalism demand I will post one short note in the group (at most once every 10 minutes).';
}

/** Supervisors the group does not know of: the digest may reach no one, so the admin is told rather than only "saved". */
function strangerNote(who: string[], lang: CommandContext['lang']): string {
  return lang === 'zh'
    ? `注意：本群的成员和发言人里没有我认识的${who.map((w) => `“${w}”`).join('、')}，周报可能发不到。请确认名字写对了。`
    : `Note: ${who.join(', ')} ${who.length > 1 ? 'are' : 'is'} not among the members or speakers of this group I know of, so the digest may reach no one; check the name.`;
}

/** `config <setting> <value>` / `设置 <项> <值>`: group admins only; `config show` for anyone. */
export const config: CommandHandler = async (ctx) => {
  const { msg, store, lang } = ctx;
  if (!msg.group) return ctx.replyPrivately(TEXTS.groupOnly(lang));
  // A setting and its value stand apart by a space, or by a colon as Chinese input methods type it (模式：静默).
  const [word = 'show', ...rest] = ctx.args
    .replace(/^([^\s:：]+)[:：]/u, '$1 ')
    .split(/\s+/u)
    .filter(Boolean);
  if (word.toLowerCase() === 'show' || word === '查看') return ctx.replyPrivately(describe(await store.groupSettings(msg.platform, msg.group.id), lang));
  // 設置 周報接收人 陳主任: the setting's word read in simplified characters, its value as written.
  const entry = SETTINGS.find(([words]) => words.includes(simplifiedChars(word).toLowerCase()));
  if (!entry) {
    const names = SETTINGS.map(([w]) => w[lang === 'zh' ? 1 : 0]);
    return ctx.replyPrivately(
      lang === 'zh'
        ? `没有“${word}”这个设置项。可用的设置项：${[...names, '查看'].join('、')}`
        : `Unknown setting "${word}"; try ${[...names, 'show'].join(' | ')}`,
    );
  }
  if (!(await ctx.isAdmin())) return ctx.replyPrivately(TEXTS.adminOnly(lang));
  // Changed as stored when the group's row is locked: an admin's change on another instance sharing the database is kept.
  const outcome = { problem: '', wasNudge: false };
  const value = simplifiedValue(entry[0][0], rest.join(' '));
  const settings = await store.updateGroupSettings(msg.platform, msg.group.id, (s) => {
    outcome.wasNudge = s.mode === 'nudge';
    outcome.problem = entry[1](s, value, ctx) ?? '';
    return outcome.problem ? undefined : s;
  });
  if (!settings) return ctx.replyPrivately(outcome.problem);
  ctx.settingsChanged(msg.group.id);
  const added = entry[0][0] === 'supervisor' ? listedIds(msg, value).ids : [];
  const strangers = [];
  for (const who of added) if (await unknownInGroup(ctx, who)) strangers.push(who);
  const notes = [settings.mode === 'nudge' && !outcome.wasNudge ? nudgeNote(lang) : '', strangers.length ? strangerNote(strangers, lang) : ''];
  await ctx.replyPrivately([(lang === 'zh' ? '已保存。' : 'Saved: ') + describe(settings, lang), ...notes.filter(Boolean)].join('\n'));
};
