import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR } from '../../src/engine/index.js';
import { runCli } from '../support/run-cli.js';
import { ruleDir, ruleYaml, STEP_COUNT_FLAGS, stepCountRule } from '../support/rules.js';
import { tempDir } from '../support/temp-dir.js';

const good = (any: string, flag: string[], pass: string[]) =>
  ruleYaml(`  any: [${any}]\n  all: [zh-audience]`, `examples:\n  flag: [${flag.join(', ')}]\n  pass: [${pass.join(', ')}]\n`);

describe('fingertip rules', () => {
  it('tests the built-in rules and passes', async () => {
    const r = await runCli(['rules', 'test']);
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(r.code).toBe(0);
  });

  it('lints and lists the built-in rules', async () => {
    const lint = await runCli(['rules', 'lint']);
    expect(lint.stdout).toMatch(/^\d+ rules, no problems$/m);
    expect(lint.code).toBe(0);
    const list = await runCli(['rules', 'list']);
    expect(list.stdout).toMatch(/^check-in\/\S+\thigh|medium|low\t/m);
    // The CLI speaks English: a Chinese rule is listed with its English description.
    expect(list.stdout).toMatch(/^check-in\/zh-deadline-clock-in\thigh\tzh\tThe group is told to clock in, sign in or sign out /m);
  });

  it('runs a custom folder on top of the shared contexts and reports failing examples', async () => {
    const dir = ruleDir({
      'like-quota/vote.yaml': good('投票', ['大家都去投票', '请全体投票', '各位投票'], ['我投票了', '投票结束了', '谁去投票？']),
      'like-quota/wrong.yaml': good('点赞', ['这个点赞', '点赞了', '好点赞'], ['大家点赞', '请全体点赞', '各位点赞']),
    });
    const r = await runCli(['rules', 'test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL like-quota/wrong: flag example 1 not flagged: "这个点赞"');
    expect(r.stdout).toContain('FAIL like-quota/wrong: pass example 1 flagged but should pass: "大家点赞"');
    expect(r.stdout).toMatch(/^1 passed, 1 failed$/m);
  });

  it('tests and lists the rules the configuration adds, beside the built-in ones', async () => {
    const dir = ruleDir({ 'like-quota/wrong.yaml': good('点赞', ['这个点赞', '点赞了', '好点赞'], ['大家点赞', '请全体点赞', '各位点赞']) });
    const config = join(tempDir(), 'fingertip.yaml');
    writeFileSync(config, `rules: [${JSON.stringify(dir)}]\n`);
    const r = await runCli(['rules', 'test', '--config', config]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL like-quota/wrong: flag example 1 not flagged');
    expect(r.stdout).toMatch(/^\d+ passed, 1 failed$/m);
    const list = await runCli(['rules', 'list'], { env: { FINGERTIP_CONFIG: config } });
    expect(list.stdout).toMatch(/^like-quota\/wrong\t/m);
    expect(list.stdout).toMatch(/^check-in\/zh-deadline-clock-in\t/m);
    const missing = await runCli(['rules', 'list', '--config', '/nonexistent.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^fingertip rules: .*nonexistent\.yaml.*\n$/);
  });

  it("fails a custom rule's flag example the learned stage vetoes, with the score, the threshold and the remedy", async () => {
    const config = join(tempDir(), 'fingertip.yaml');
    writeFileSync(config, `rules: [${JSON.stringify(ruleDir(stepCountRule()))}]\n`);
    const r = await runCli(['rules', 'test', '--config', config]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        `^FAIL proof-demand/zh-step-count: flag example 1 vetoed by the learned stage \\(proof-demand [\\d.]+ < confirm [\\d.]+\\): "${STEP_COUNT_FLAGS[0]}"$`,
        'm',
      ),
    );
    expect(r.stdout).toMatch(/^ {2}hint: .*add "veto: false" to the rule/m);
    // The shipped rules, tested beside it, pass: the veto fails only a deployment's own rules.
    expect(r.stdout).toMatch(/^\d+ passed, 1 failed$/m);
    const freed = await runCli(['rules', 'test', ruleDir(stepCountRule('veto: false\n'))]);
    expect(freed.stdout).toBe('1 passed, 0 failed\n');
    expect(freed.code).toBe(0);
  });

  it('still fails a pass example the rule matches though the learned stage vetoes it', async () => {
    const [file, yaml] = Object.entries(stepCountRule())[0];
    const r = await runCli(['rules', 'test', ruleDir({ [file]: yaml.replace('pass: [我今天步数一万了', `pass: [${STEP_COUNT_FLAGS[0]}`) })]);
    expect(r.stdout).toContain(`FAIL proof-demand/zh-step-count: pass example 1 flagged but should pass: "${STEP_COUNT_FLAGS[0]}"`);
    expect(r.code).toBe(1);
  });

  it('test names the first problem of a folder it cannot load, in one line with exit 2', async () => {
    const dir = ruleDir({ 'check-in/redos.yaml': ruleYaml('  any: [打卡]\n  all:\n    - {pattern: "(a+)+b"}') });
    const r = await runCli(['rules', 'test', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fingertip rules: .*redos\.yaml: match\.all\[0\]: unsafe pattern[^\n]*\n$/);
  });

  it('refuses a rule file saved as GBK in lint and test, naming its line, instead of passing its mangled examples', async () => {
    const dir = ruleDir({});
    mkdirSync(join(dir, 'check-in'));
    // `any: [打卡]` and `flag: [请打卡, 去打卡, 打卡了]` in GBK: read as U+FFFD, the examples passed and the rule never fired.
    const gbk = Buffer.from([0xb4, 0xf2, 0xbf, 0xa8]);
    const parts = ruleYaml('  any: [打卡]', 'examples:\n  flag: [请打卡, 去打卡, 打卡了]\n  pass: [d, e, f]\n').split('打卡');
    writeFileSync(join(dir, 'check-in/gbk.yaml'), Buffer.concat(parts.flatMap((part, i) => (i ? [gbk, Buffer.from(part)] : [Buffer.from(part)]))));
    const why = `${join(dir, 'check-in/gbk.yaml')}:5: not UTF-8 text (saved in another encoding, such as GBK: save it as UTF-8)`;
    const lint = await runCli(['rules', 'lint', dir]);
    expect(lint.stdout).toBe(`${why}\n1 problem(s)\n`);
    expect(lint.code).toBe(1);
    const test = await runCli(['rules', 'test', dir]);
    expect(test.stderr).toBe(`fingertip rules: ${why}\n`);
    expect(test.code).toBe(2);
  });

  it('lint reports every problem of a custom folder with exit 1', async () => {
    const dir = ruleDir({
      'check-in/redos.yaml': ruleYaml('  any: [打卡]\n  all:\n    - {pattern: "(a+)+b"}'),
      'check-in/few.yaml': ruleYaml('  any: [打卡]', 'examples:\n  flag: [a]\n  pass: [b, c, d]\n'),
      'check-in/fr.yaml': ruleYaml('  any: [打卡]').replace('description: test rule', 'description: {en: Clocking in., fr: Pointer.}'),
    });
    const r = await runCli(['rules', 'lint', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/few\.yaml: examples\.flag: needs at least 3/);
    expect(r.stdout).toMatch(/redos\.yaml: match\.all\[0\]: unsafe pattern/);
    expect(r.stdout).toMatch(/fr\.yaml: description: unknown key "fr" \(allowed: zh, en\)$/m);
    expect(r.stdout).toMatch(/^3 problem\(s\)$/m);
  });

  it('lint refuses a pattern that backtracks only after a long lead, naming file and condition', async () => {
    // It took 77 s to classify on 12,000 characters: the repetition comes after four others.
    const pattern = '请 *各位 *每天 *把 *步数(?:[，,]|\\p{P}){1,22}截图';
    const dir = ruleDir({ 'proof-demand/zh-steps.yaml': ruleYaml(`  any: [步数]\n  all:\n    - {pattern: ${JSON.stringify(pattern)}, within: 20}`) });
    const r = await runCli(['rules', 'lint', dir]);
    expect(r.stdout).toContain(`${dir}/proof-demand/zh-steps.yaml: match.all[0]: pattern /${pattern}/ ran past 5 s on a message of`);
    expect(r.code).toBe(1);
  }, 60_000);

  it('says on stderr, and only there, when no custom folder was given and only the built-in rules were read', async () => {
    const only = /^fingertip rules: no custom rule folder given, so only the built-in rules were read \(add DIR, or --config FILE with rules: \[\.\.\.\]\)\n$/;
    for (const action of ['lint', 'test', 'list']) {
      const builtin = await runCli(['rules', action]);
      expect(builtin.stderr).toMatch(only);
      // stdout is what scripts read, the same as when the built-in folder is named.
      const named = await runCli(['rules', action, BUILTIN_RULES_DIR]);
      expect([named.stderr, named.stdout]).toEqual(['', builtin.stdout]);
    }
    const dir = ruleDir(stepCountRule('veto: false\n'));
    const config = join(tempDir(), 'fingertip.yaml');
    writeFileSync(config, `rules: [${JSON.stringify(dir)}]\n`);
    expect((await runCli(['rules', 'lint', '--config', config])).stderr).toBe('');
    expect((await runCli(['rules', 'test', dir])).stderr).toBe('');
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await runCli(['rules', 'frob'])).code).toBe(2);
    const missing = await runCli(['rules', 'list', '/nonexistent/rules']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('fingertip rules: /nonexistent/rules: no such folder\n');
  });
});
