import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODEL } from '../../src/engine/index.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const DEMAND = '请全体同事今晚十点前完成打卡并截图发群里';

/** `classify --text` of one demand with `model:` set in a configuration file beside the model. */
async function classifyWith(model: Buffer | undefined) {
  const dir = tempDir({ 'fingertip.yaml': 'model: ./my.model\n' });
  if (model) writeFileSync(join(dir, 'my.model'), model);
  return { dir, r: await runCli(['classify', '--text', '--config', join(dir, 'fingertip.yaml')], { stdin: `${DEMAND}\n` }) };
}

describe('the model file named in the configuration', () => {
  it("is read from the configuration file's folder and used", async () => {
    const dir = tempDir();
    copyFileSync(BUILTIN_MODEL, join(dir, 'copy.model'));
    writeFileSync(join(dir, 'fingertip.yaml'), 'model: ./copy.model\n');
    const r = await runCli(['classify', '--text', '--config', join(dir, 'fingertip.yaml')], { stdin: `${DEMAND}\n` });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).categories).toEqual(['check-in', 'proof-demand']);
  });

  it('stops with one line naming it when it is missing, cut or altered, never falling back to the rules alone', async () => {
    const good = readFileSync(BUILTIN_MODEL);
    const altered = Buffer.from(good);
    altered[altered.length - 100] ^= 0xff;
    for (const [what, bytes] of [
      ['missing', undefined],
      ['cut', good.subarray(0, good.length / 2)],
      ['altered', altered],
    ] as const) {
      const { dir, r } = await classifyWith(bytes);
      expect(r.code, what).toBe(2);
      expect(r.stdout, what).toBe('');
      expect(r.stderr.trim().split('\n'), what).toHaveLength(1);
      expect(r.stderr, what).toContain(join(dir, 'my.model'));
    }
  });
});
