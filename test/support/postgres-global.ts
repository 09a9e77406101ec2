import type { TestProject } from 'vitest/node';
import { findPgBin, startPgServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The tests' PostgreSQL server (its `postgres` database), or why there is none. */
    postgres: { url: string } | { missing: string };
  }
}

/**
 * Starts one PostgreSQL server for the whole run (each test makes its own database on it, see
 * test/support/databases.ts) and stops it at the end. Without PostgreSQL installed the tests that
 * need it say why they are skipped; under CI=true they fail instead (.ci/run installs it).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const bin = findPgBin();
  if (!bin) {
    project.provide('postgres', { missing: 'PostgreSQL is not installed (no initdb or pg_ctl on PATH or in /usr/lib/postgresql); apt-get install postgresql' });
    return () => {};
  }
  const server = await startPgServer(bin);
  project.provide('postgres', { url: server.url() });
  return () => server.stop();
}
