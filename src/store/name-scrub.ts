import { NameMatcher } from '../core/name-matcher.js';
import type { Sql } from './sql/sql.js';

/** The stored texts other people wrote, which may name a member: messages, corrections, missed reports, leads. */
const TEXT_TABLES = ['messages', 'feedback', 'missed_demands', 'leads'] as const;

const HAN = /\p{Script=Han}/u;
const likeEscape = (s: string): string => s.replace(/[\\%_]/g, '\\$&');

/**
 * Takes a member's name and id out of the texts others wrote about them ("王小明说的那个表大家填一下"),
 * as 某成员 or "a member". Once their name leaves chat_users (opt-out, `forget me`), nothing would
 * know to hide it where a digest or report quotes such a text. Run inside the erasure's transaction,
 * before the name is deleted.
 */
export async function scrubName(db: Sql, platform: string, user: string): Promise<void> {
  const name = (await db.get<{ name: string | null }>('SELECT name FROM chat_users WHERE platform = ? AND id = ?', [platform, user]))?.name;
  // An id is hidden too where it reads as one (U0BOB, wxid_…), not where it is a word: the shell's "me".
  const names = [name, /\d/.test(user) ? user : null].filter((t): t is string => !!t && [...t].length >= 2);
  if (names.length === 0) return;
  const matcher = new NameMatcher(names);
  for (const table of TEXT_TABLES) {
    for (const name of names) {
      const rows = await db.all<{ text: string }>(`SELECT DISTINCT text FROM ${table} WHERE platform = ? AND lower(text) LIKE ? ESCAPE '\\'`, [
        platform,
        `%${likeEscape(name.toLowerCase())}%`,
      ]);
      for (const { text } of rows) {
        const scrubbed = matcher.replace(text, (m) => (HAN.test(m) ? '某成员' : 'a member'));
        if (scrubbed !== text) await db.run(`UPDATE ${table} SET text = ? WHERE platform = ? AND text = ?`, [scrubbed, platform, text]);
      }
    }
  }
}
