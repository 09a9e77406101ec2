import { COPY_TABLES, type CopyTable } from './copy-tables.js';
import { bumpPrivacyEpoch } from './privacy.js';
import type { SerialWriter } from './serial-writer.js';
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
 * feedback and leads, when a row equal in `match` is. So a run cut short is finished by the next,
 * into the target it began (see claimCopyTarget, which also gives the target the source's salt).
 */
export async function copyStore(from: Sql, to: SerialWriter): Promise<TableCopy[]> {
  const done: TableCopy[] = [];
  for (const table of COPY_TABLES) done.push(await copyTable(from, to, table));
  return done;
}

async function copyTable(from: Sql, to: SerialWriter, t: CopyTable): Promise<TableCopy> {
  const cols = t.columns.join(', ');
  const order = t.order.join(', ');
  const d = to.db.dialect;
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
    const page = d.encodeRows(
      t.columns,
      rows.map((row) => t.columns.map((c) => row[c])),
    );
    copied += await to.transaction(async (db) => {
      if (t.privacy) await bumpPrivacyEpoch(db);
      return db.run(insert, [page]);
    }, 'long');
    const last = rows[rows.length - 1];
    cursor = t.order.map((c) => last[c]);
  }
  return { table: t.name, read, copied };
}
