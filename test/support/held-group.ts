import pg from 'pg';
import { PG_PASSWORD } from './postgres-server.js';
import { waitFor } from './wait-for.js';

/**
 * Another instance's transaction on a PostgreSQL store's database, as a `config` there runs: it
 * locks one group's row and may change its settings, committed when the test says, so a test can
 * see what a write of this instance does while the row is held.
 */
export async function holdGroup(url: string, platform: string, id: string) {
  const where = new URL(url);
  where.password ||= PG_PASSWORD;
  const client = new pg.Client(where.toString());
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM chat_groups WHERE platform = $1 AND id = $2 FOR UPDATE', [platform, id]);
  return {
    setSettings: (settings: object) =>
      client.query('UPDATE chat_groups SET settings = $1 WHERE platform = $2 AND id = $3', [JSON.stringify(settings), platform, id]),
    /** Until `n` other sessions on the database wait for a lock (this one's row, as it must be). */
    waiters: (n: number) =>
      waitFor(
        async () =>
          Number(
            (
              await client.query<{ n: string }>(
                "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
              )
            ).rows[0].n,
          ) >= n,
        `${n} sessions waiting for the group's row`,
      ),
    commit: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
}
