import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT } from '../../src/engine/text-limit.js';
import { openStore } from '../../src/analysis/open-store.js';
import { runCli } from '../support/run-cli.js';
import { storedRecords } from '../support/stored-records.js';
import { tempDir } from '../support/temp-dir.js';

describe('one huge message', () => {
  it('a flagged 300,000-character shell line is stored cut to the limit, saying so, and the bot goes on', async () => {
    const db = join(tempDir(), 'huge.db');
    // A notice that goes on repeating its demand: flagged whatever part of it the engine reads. Under
    // the 1 MiB a piped line may hold (900,000 bytes of UTF-8), over the 65,536 units a message keeps.
    const huge = '请全体同事今晚十点前完成打卡。'.padEnd(300_000, '请各位今晚十点前完成打卡，');
    const r = await runCli(['start'], { stdin: `${huge}\n请大家今晚十点前完成打卡\n`, env: { FINGERTIP_DB: db } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^flagged: .*check-in/gm)).toHaveLength(2);
    const store = await openStore(db, 'Asia/Shanghai');
    try {
      const [big, next] = (await storedRecords(store)).sort((a, b) => b.length - a.length);
      expect(big.length).toBe(huge.length);
      expect(big.text).toBe(`${huge.slice(0, MAX_TEXT)}\n[… ${huge.length - MAX_TEXT} more characters not kept]`);
      expect(big.findings[0].span[1]).toBeLessThanOrEqual(MAX_TEXT);
      expect(next.text).toBe('请大家今晚十点前完成打卡');
    } finally {
      await store.close();
    }
  }, 60_000);
});
