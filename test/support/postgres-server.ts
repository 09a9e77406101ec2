import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './free-port.js';

/** The folder holding initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<newest>/bin. */
export function findPgBin(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

export interface PgServer {
  /** The URL of database `name` (the server's own `postgres` database by default), as user fingertip. */
  url(name?: string): string;
  /** Shuts the server down (fast: open connections are cut), keeping its data, as an outage would. */
  halt(): void;
  /** Starts it again on the same port after halt(). */
  resume(): void;
  /** Stops it for good and removes its folder. */
  stop(): void;
}

export const PG_USER = 'fingertip';
export const PG_PASSWORD = 'test-password';

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` account Debian makes, else as nobody. */
function serverAccount(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string, user: string) => Number(spawnSync('id', [flag, user], { encoding: 'utf8' }).stdout.trim());
  const user = spawnSync('id', ['postgres']).status === 0 ? 'postgres' : 'nobody';
  return { uid: id('-u', user), gid: id('-g', user) };
}

/**
 * A real PostgreSQL server of the tests' own: initdb in a temporary folder, pg_ctl on a free
 * loopback port, password logins only (scram-sha-256), its socket in that folder. For tests
 * durability is off (fsync, full pages): they check behaviour, and a crash loses only a temporary
 * folder. The bench keeps it on (`durable`), as a deployment would.
 */
export async function startPgServer(bin: string, durable = false): Promise<PgServer> {
  const dir = mkdtempSync(join(tmpdir(), 'fingertip-pg-'));
  const account = serverAccount();
  if (account) chownSync(dir, account.uid, account.gid);
  chmodSync(dir, 0o700);
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${PG_PASSWORD}\n`);
  if (account) chownSync(pwfile, account.uid, account.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (cmd: string, args: string[]) => {
    const opts: SpawnSyncOptions = { encoding: 'utf8', timeout: 120_000, ...(account && { uid: account.uid, gid: account.gid }) };
    const r = spawnSync(join(bin, cmd), args, opts);
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status ?? r.signal}): ${String(r.stderr).trim() || String(r.stdout).trim()}`);
  };
  run('initdb', ['-D', data, '-U', PG_USER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const settings = [`-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${dir}`, '-c max_connections=300'];
  if (!durable) settings.push('-c fsync=off', '-c full_page_writes=off');
  const start = () => run('pg_ctl', ['-D', data, '-o', settings.join(' '), '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  start();
  return {
    url: (name = 'postgres') => `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${name}`,
    halt: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    resume: start,
    stop: () => {
      spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], { timeout: 60_000, ...(account && { uid: account.uid, gid: account.gid }) });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
