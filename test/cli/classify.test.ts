import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify } from '../../src/index.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { ruleDir, STEP_COUNT_FLAGS, stepCountRule } from '../support/rules.js';

const DEMAND = '请全体同事今晚十点前完成打卡';

describe('fingertip classify', () => {
  it('writes one result per JSONL line, in order, the same as the library', async () => {
    const input = [
      JSON.stringify({ id: 'm1', text: DEMAND }),
      JSON.stringify({ id: 'm2', text: 'Pizza in the kitchen' }),
      '',
      JSON.stringify({ text: '又要打卡，烦死了' }),
    ].join('\n');
    const { code, stdout } = await runCli(['classify'], { stdin: input });
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // The blank line gets its line too, so results pair with input lines by position.
    expect(lines.map((l) => l.id)).toEqual(['m1', 'm2', 3, 4]);
    expect(lines[2]).toEqual({ id: 3, categories: [], findings: [] });
    expect(lines[0]).toEqual({ id: 'm1', ...classify(DEMAND) });
    expect(lines[0].categories).toContain('check-in');
    expect(lines[1].categories).toEqual([]);
  });

  it('echoes every digit of a numeric id past 2^53, as a string', async () => {
    const { code, stdout } = await runCli(['classify'], { stdin: `{"id":7263849876543210987,"text":"${DEMAND}"}\n` });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).id).toBe('7263849876543210987');
  });

  it('reads plain text with --text, ids being line numbers', async () => {
    const { code, stdout } = await runCli(['classify', '--text'], { stdin: `${DEMAND}\n\nhello\n` });
    expect(code).toBe(0);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([1, 2, 3]);
  });

  it('reads a file and names it and the line of a malformed line, keeping earlier results', async () => {
    const dir = tempDir();
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'a', text: DEMAND })}\n{"id": "b", "text": 5}\n`);
    const r = await runCli(['classify', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`fingertip classify: ${file}:2: "text" must be a string\n`);
    expect(JSON.parse(r.stdout).id).toBe('a');
    const bad = await runCli(['classify'], { stdin: 'not json\n' });
    expect(bad.stderr).toBe('fingertip classify: <stdin>:1: not a JSON object (invalid JSON; for plain text, one message a line, use --text)\n');
  });

  it('gives the rule findings the learned stage vetoed, with their scores, only on a line that has any', async () => {
    const config = join(tempDir(), 'fingertip.yaml');
    writeFileSync(config, `rules: [${JSON.stringify(ruleDir(stepCountRule()))}]\n`);
    const r = await runCli(['classify', '--text', '--config', config], { stdin: `${STEP_COUNT_FLAGS[0]}\nhello\n` });
    expect(r.code).toBe(0);
    const [vetoed, plain] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(vetoed).toMatchObject({ id: 1, categories: [], findings: [] });
    expect(vetoed.vetoed).toEqual([expect.objectContaining({ rule: 'proof-demand/zh-step-count', category: 'proof-demand', score: expect.any(Number) })]);
    expect(plain).toEqual({ id: 2, categories: [], findings: [] });
  });

  it('refuses a missing file with exit 2', async () => {
    const r = await runCli(['classify', '/nonexistent.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fingertip classify: /nonexistent.jsonl: cannot read (ENOENT)\n');
  });

  it('refuses a line too long to be a message, naming it, keeping earlier results', async () => {
    const r = await runCli(['classify', '--text'], { stdin: `请大家看到后回复收到\n${'很长'.repeat(200_000)}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fingertip classify: <stdin>:2: longer than 1048576 bytes, not a chat message\n');
    expect(JSON.parse(r.stdout).categories).toEqual(['ack-demand']);
  });

  it('refuses text that is not UTF-8 (binary, or saved as GBK), naming its line, keeping earlier results', async () => {
    const r = await runCli(['classify', '--text'], {
      stdin: Buffer.concat([Buffer.from('请大家看到后回复收到\n'), Buffer.from('c7ebb4f3bcd2bdf1cded', 'hex'), Buffer.from('\n')]),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fingertip classify: <stdin>:2: not UTF-8 text (an export saved in another encoding, such as GBK: save it as UTF-8)\n');
    expect(JSON.parse(r.stdout).categories).toEqual(['ack-demand']);
    const binary = await runCli(['classify', '--text'], { stdin: Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)) });
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/^fingertip classify: <stdin>:\d+: not UTF-8 text [^\n]*\n$/);
  });
});

describe('fingertip (dispatch)', () => {
  it('answers an unknown command with exit 2 and the usage, in one line', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fingertip: unknown command "frobnicate"; usage: fingertip [^\n]*\n$/);
  });

  it('answers an unknown option with exit 2 naming it', async () => {
    const r = await runCli(['classify', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("fingertip classify: Unknown option '--bogus' (fingertip classify --help lists its options)\n");
  });

  it("prints a command's options with --help, and the version with --version (exit 0)", async () => {
    const help = await runCli(['audit', '--help']);
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^usage: fingertip audit EXPORT\.\.\. \[--format json\|md\|html\][^\n]*--skip-bad\]\n {4}report on exported chat history\n/);
    // The whole list does not send its reader to itself, and names what feedback export holds.
    const all = await runCli(['help']);
    expect(all.stdout).not.toContain('help for details');
    expect(all.stdout).toContain('messages marked "not formalism" or reported missed');
    const version = await runCli(['--version']);
    expect(version).toEqual({
      code: 0,
      stdout: `fingertip ${(JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version}\n`,
      stderr: '',
    });
  });
});
