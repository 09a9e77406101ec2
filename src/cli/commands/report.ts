import { loadConfig } from '../config/load.js';
import { storedReport } from '../../analysis/report/from-store.js';
import { chosenFormat, renderReport } from '../../render/render.js';
import { renderJson } from '../../render/render-json.js';
import { evidenceTexts, languageOption } from '../../render/report-language.js';
import { digestLanguage } from '../../digest/language.js';
import type { Lang } from '../../core/lang.js';
import { Pseudonyms, PSEUDONYM_PREFIX } from '../../core/pseudonyms.js';
import type { Store } from '../../store/store.js';
import { openExistingStore } from '../existing-store.js';
import { weekOf, weekRange } from '../../core/time/iso-week.js';
import { InputError } from '../../core/errors.js';
import { parseCommandArgs } from '../args.js';
import { writeOut } from '../../core/write-out.js';
import { outFormatNote } from '../out-format-note.js';
import { outPath } from '../out-path.js';
import type { Command } from '../context.js';

/**
 * The language of a report from the bot's database when none is chosen: the one the digest of the
 * same groups speaks (their `config language`, else their names, else the week's flagged messages),
 * even for a week with no messages.
 */
async function storedLanguage(store: Store, texts: readonly string[]): Promise<Lang> {
  const groups = await store.groups();
  const settings = await Promise.all(groups.map((g) => store.groupSettings(g.platform, g.id)));
  return digestLanguage(
    undefined,
    settings.map((s) => s.language),
    groups.map((g) => g.name),
    texts,
  );
}

/**
 * `fingertip report [--week YYYY-Www] [--format json|md|html] [--lang zh|en] [--out FILE]`: the audit's report,
 * read from the bot's database; the week defaults to the current one. Records stream from SQLite
 * into the same builder.
 */
export const run: Command = async (argv, ctx) => {
  const { values, positionals } = parseCommandArgs('report', argv, {
    week: { type: 'string' },
    format: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length) throw new InputError(`report: unexpected argument "${positionals[0]}"`);
  const config = loadConfig(values.config as string | undefined, ctx.env);
  const out = outPath(values.out);
  const format = chosenFormat(values.format as string | undefined, out);
  const lang = languageOption(values.lang as string | undefined) ?? config.language;
  const week = (values.week as string | undefined) ?? weekOf(Date.now(), config.timezone);
  const { from, to } = weekRange(week, config.timezone);
  const store = await openExistingStore(config.db, config.timezone);
  let text: string;
  try {
    // Group names and the texts quoted show no member who opted out or was forgotten ("王小明的工作群"
    // reads 成员1的工作群, "@张三 请填表" reads "@成员2 请填表"), as the digest's, in the report's
    // language; where only the evidence's texts can tell that, names are hidden once they have. The
    // senders stored under an anonymous id take the next pseudonyms of the same set, so 成员1 is one
    // person throughout. The week's members, as the digest's, are named as they are, so that with 张三
    // hidden 张三丰 does not read 成员1丰.
    const hidden = await store.hiddenNames();
    const people = hidden.names.length ? await store.peopleOf({ from, to }) : [];
    const pseudonymsIn = (shown: Lang) => new Pseudonyms(people, PSEUDONYM_PREFIX[shown], hidden);
    const hiding = (pseudonyms: Pseudonyms) => (hidden.names.length ? pseudonyms : undefined);
    let pseudonyms = lang && pseudonymsIn(lang);
    const builder = await storedReport(store, config, { from, to }, {}, pseudonyms && hiding(pseudonyms));
    const shownLang = lang ?? (await storedLanguage(store, evidenceTexts(builder.details())));
    if (!pseudonyms) {
      pseudonyms = pseudonymsIn(shownLang);
      const hide = hiding(pseudonyms);
      if (hide) builder.hideNames(hide);
    }
    // JSON quotes no text, so it asks for no details: hiding names in their texts costs a hash a character.
    const report = builder.build();
    text = format === 'json' ? renderJson(report) : renderReport(format, report, builder.details(), shownLang, pseudonyms);
  } finally {
    await store.close();
  }
  if (out) {
    await writeOut(out, text);
    const note = outFormatNote(out, format, 'fingertip audit EXPORT... --evidence FILE');
    if (note) ctx.stderr.write(`fingertip report: ${note}\n`);
  } else ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
};
