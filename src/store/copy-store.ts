import { InputError } from '../core/errors.js';
import { COPY_TABLES, type CopyTable } from './copy-tables.js';
import type { Param, Sql } from './sql/sql.js';

/** What a copy did to one table. */
export interface TableCopy {
  table: string;
  /** Rows read from the source. */
  read: number;
  /** Rows the target did not have, now added. */
  copied: number;
}

const PAGE = 5000;

/**
 * Copies every row of the source store into the target store (both at the newest schema), leaving
 * what the target already holds as it is: a row is there already when its primary key is, or for
 * feedback and leads, when a row equal in `match` is. So a second run copies nothing, and a run cut
 * short is finished by the next. Opt-outs are hashes under each database's own salt: the target takes
 * the source's salt while it has no opt-outs of its own, and a copy between two databases that both
 * hold opt-outs under different salts is refused, as their hashes could not be compared.
 */
export async function copyStore(from: Sql, to: Sql, where: { from: string; to: string }): Promise<TableCopy[]> {
  await adoptSalt(from, to, where);
  const done: TableCopy[] = [];
  for (const table of COPY_TABLES) done.push(await copyTable(from, to, table));
  return done;
}

/**
 * Opt-outs, notes of who was forgotten and hidden names are kept as hashes under the database's salt: the target
 * takes the source's salt when it holds no such hash, and a source without any leaves the target's.
 */
async function adoptSalt(from: Sql, to: Sql, where: { from: string; to: string }): Promise<void> {
  const salt = async (db: Sql) => (await db.get<{ salt: string }>('SELECT salt FROM privacy_salt'))?.salt;
  const hashed = async (db: Sql) =>
    Number(
      (
        await db.get<{ n: number }>(
          'SELECT (SELECT count(*) FROM opt_outs) + (SELECT count(*) FROM forgotten_users) + (SELECT count(*) FROM hidden_names) AS n',
        )
      )?.n ?? 0,
    );
  const [source, target] = [await salt(from), await salt(to)];
  if (source === target) return;
  if ((await hashed(to)) === 0) {
    await to.run('UPDATE privacy_salt SET salt = ?', [source ?? null]);
    return;
  }
  if ((await hashed(from)) > 0) {
    throw new InputError(`${where.to}: holds opt-outs or erasures of its own, hashed unlike those of ${where.from}; copy into an empty database`);
  }
}

async function copyTable(from: Sql, to: Sql, t: CopyTable): Promise<TableCopy> {
  const cols = t.columns.join(', ');
  const order = t.order.join(', ');
  const d = to.dialect;
  const present = t.unique
    ? `ON CONFLICT (${t.unique.join(', ')}) DO NOTHING`
    : `AND NOT EXISTS (SELECT 1 FROM ${t.name} o WHERE ${(t.match ?? []).map((c) => `o.${c} IS NOT DISTINCT FROM r.${c}`).join(' AND ')})`;
  const insert = `INSERT INTO ${t.name} (${cols}) SELECT ${t.columns.map((c) => `r.${c}`).join(', ')}
    FROM (${d.rowsFrom(t.name, t.columns)}) AS r WHERE true ${present}`;
  let read = 0;
  let copied = 0;
  let cursor: Param[] | undefined;
  for (;;) {
    const after = cursor ? `WHERE (${order}) > (${cursor.map(() => '?').join(', ')})` : '';
    const rows = await from.all<Record<string, Param>>(`SELECT ${order}, ${cols} FROM ${t.name} ${after} ORDER BY ${order} LIMIT ${PAGE}`, cursor ?? []);
    if (rows.length === 0) break;
    read += rows.length;
    copied += await to.run(insert, [
      d.encodeRows(
        t.columns,
        rows.map((row) => t.columns.map((c) => row[c])),
      ),
    ]);
    const last = rows[rows.length - 1];
    cursor = t.order.map((c) => last[c]);
  }
  return { table: t.name, read, copied };
}
