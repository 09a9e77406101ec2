import { join } from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { tempDir } from './temp-dir.js';

/** Where a test's store lives: a fresh SQLite file, or a fresh database on the tests' PostgreSQL server. */
export interface Engine {
  name: 'sqlite' | 'postgres';
  /** A new empty database: its path or URL. */
  fresh(): Promise<string>;
}

let created = 0;

/** A new database on the tests' server; its URL. */
export async function freshPostgres(): Promise<string> {
  const server = inject('postgres');
  if ('missing' in server) throw new Error(server.missing);
  const name = `t${process.pid}_${++created}`;
  const admin = new pg.Client(server.url);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return server.url.replace(/\/postgres$/, `/${name}`);
}

export const SQLITE: Engine = { name: 'sqlite', fresh: async () => join(tempDir(), 'test.db') };
export const POSTGRES: Engine = { name: 'postgres', fresh: freshPostgres };

/**
 * The engines a store suite runs on: both, where PostgreSQL is installed. Where it is not, the
 * PostgreSQL half is left out saying why, unless under CI=true, where its tests then fail.
 */
export function engines(): Engine[] {
  const server = inject('postgres');
  if ('missing' in server && process.env.CI !== 'true') {
    console.warn(`PostgreSQL store tests skipped: ${server.missing}`);
    return [SQLITE];
  }
  return [SQLITE, POSTGRES];
}

/** `body` once per engine, its describe named for it. */
export function describeEngines(name: string, body: (engine: Engine) => void): void {
  for (const engine of engines()) describe(`${name} (${engine.name})`, () => body(engine));
}
