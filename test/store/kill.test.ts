import { spawn } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Db } from '../../src/store/sqlite/db.js';
import { ROOT, transpile } from '../support/transpile.js';
import { tempDir, tempStore } from './fixtures.js';

// Ingests without end, every tenth record twice (a redelivery), printing each id once add() resolved:
// the ids a bot would have acknowledged to its platform.
const CHILD = `
import { openStore } from './src/analysis/open-store.js';
const store = await openStore(process.argv[2], 'Asia/Shanghai', { batchSize: 300, maxDelayMs: 5 });
const record = (i) => ({ platform: 'slack', id: 'm' + i, groupId: 'C' + (i % 7), senderId: 'U' + (i % 13), ts: 1e12 + i,
  length: 5, hash: 'h' + i, replyTo: null, isAck: false, mentionsAll: false, recipients: 3,
  categories: i % 3 ? [] : ['check-in'], findings: i % 3 ? [] : [{ rule: 'r', category: 'check-in', span: [0, 1], match: 'x' }],
  text: i % 3 ? null : 'text ' + i });
const inFlight = new Set();
for (let i = 0; ; i++) {
  const p = store.add(record(i)).then(() => process.stdout.write('m' + i + '\\n'));
  inFlight.add(p);
  p.finally(() => inFlight.delete(p));
  if (i % 10 === 0) store.add(record(i));
  if (inFlight.size >= 1000) await Promise.race(inFlight);
}
`;

describe('durability', () => {
  it('keeps every acknowledged record, once, when the process is killed with SIGKILL mid-ingest', async () => {
    const dir = tempDir();
    transpile('src/analysis/open-store.ts', join(dir, 'child'));
    // The deadline extractor reads its words from rules/lists/ as it loads.
    symlinkSync(join(ROOT, 'rules'), join(dir, 'child', 'rules'));
    writeFileSync(join(dir, 'child', 'ingest.mjs'), CHILD);
    const path = join(dir, 'kill.db');
    const child = spawn(process.execPath, [join(dir, 'child', 'ingest.mjs'), path], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acked = new Set<string>();
    let buffer = '';
    await new Promise<void>((done, fail) => {
      child.on('error', fail);
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`child exited early: ${code} ${signal}`))));
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        buffer += chunk;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const id of lines) acked.add(id);
        if (acked.size >= 20_000 && !child.killed) child.kill('SIGKILL'); // mid-ingest: batches are in flight
      });
    });
    expect(acked.size).toBeGreaterThanOrEqual(20_000);

    const raw = await Db.open(path, 1000);
    expect(await raw.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const stored = await raw.all<{ id: string; n: number }>("SELECT id, count(*) AS n FROM messages WHERE platform = 'slack' GROUP BY id");
    await raw.close();
    const counts = new Map(stored.map((r) => [r.id, r.n]));
    const missing = [...acked].filter((id) => counts.get(id) !== 1);
    expect(missing).toEqual([]);
    // The store opens and reads normally after the crash.
    const store = await tempStore({}, path);
    expect((await store.message('slack', 'm3'))?.text).toBe('text 3');
  }, 60_000);
});
