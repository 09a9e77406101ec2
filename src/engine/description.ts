import { LANGS, type Lang } from '../core/lang.js';

/**
 * What a rule or context is about, for people: one text per language (`{zh, en}`, at least one), or a
 * plain string, which custom rule packs written before there were two languages keep using.
 */
export type Description = string | Partial<Record<Lang, string>>;

/** The description in `lang`, else in the other language; a plain string whatever the language. */
export function descriptionIn(description: Description, lang: Lang): string {
  if (typeof description === 'string') return description;
  return description[lang] ?? LANGS.map((l) => description[l]).find((text) => text !== undefined) ?? '';
}
