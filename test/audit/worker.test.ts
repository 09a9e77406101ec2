import { readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { runAudit as RunAudit, AuditResult } from '../../src/audit/run-audit.js';
import type { startClassifier as StartClassifier } from '../../src/audit/classify/start-classifier.js';
import type { ChatMessage, MessageKind } from '../../src/core/chat-message.js';
import { MAX_TEXT } from '../../src/engine/text-limit.js';
import { defaultConfig } from '../../src/core/config-defaults.js';
import type { Config } from '../../src/core/config.js';
import { renderReport } from '../../src/render/render.js';
import { ruleYaml } from '../support/rules.js';
import { tempDir } from '../support/temp-dir.js';
import { type ChildCli, childCli, runChild } from './support/child-cli.js';
import { fixture } from './support/read-all.js';

// A worker thread runs JavaScript only, so the audit is loaded from the sources transpiled for the
// child CLI (the worker's file among them): here each audit runs with and without the worker thread.
let cli: ChildCli;
let runAudit: typeof RunAudit;
let startClassifier: typeof StartClassifier;
beforeAll(async () => {
  cli = childCli();
  const load = (path: string): Promise<unknown> => import(pathToFileURL(join(dirname(cli.bin), path)).href);
  ({ runAudit } = (await load('src/audit/run-audit.js')) as { runAudit: typeof RunAudit });
  ({ startClassifier } = (await load('src/audit/classify/start-classifier.js')) as { startClassifier: typeof StartClassifier });
});
afterAll(() => cli?.remove());

const EXPORTS = ['slack', 'wechatmsg/教务通知群_utf8.csv', 'chatlab/年级组.json', 'chatlab/年级组.jsonl', 'chatlab/members-last.json', 'contract.jsonl'].map(
  fixture,
);
const HANG_MS = 60_000;

/** The JSON report (as `audit --format json` prints it), the details and the evidence CSV of one audit. */
async function audit(worker: boolean, rules: string[] = []): Promise<{ result: AuditResult; json: unknown; evidence: string }> {
  const evidencePath = join(tempDir(), 'evidence.csv');
  const result = await runAudit(EXPORTS, { config: { ...defaultConfig(), rules }, worker, evidencePath });
  return { result, json: JSON.parse(renderReport('json', result.report, result.details, 'en')), evidence: readFileSync(evidencePath, 'utf8') };
}

/** The error an audit with these rules or this model refuses with, as name and message. */
async function refusal(worker: boolean, engine: Pick<Config, 'rules' | 'model'>, paths: string[]): Promise<{ name: string; message: string }> {
  const err = (await runAudit(paths, { config: { ...defaultConfig(), ...engine }, worker }).then(
    () => undefined,
    (e: unknown) => e,
  )) as Error | undefined;
  expect(err).toBeInstanceOf(Error);
  return { name: err!.name, message: err!.message };
}

describe('the audit classifying on a worker thread', () => {
  it('answers each message with the classification given here: vetoed findings, placeholders and the text limit alike', async () => {
    // The model overrules this custom rule on a bare "收到 已交".
    const rules = [tempDir({ 'data-request/handed-in.yaml': ruleYaml('  any: [已交]') })];
    const demand = '请全体同事今晚十点前完成打卡并截图发群里';
    const texts: [string, MessageKind?][] = [
      ['收到 "已交" [1]'],
      [demand],
      [demand, 'image'],
      [demand, 'text'],
      ['ok'],
      [`${demand}${'。'.repeat(2 * MAX_TEXT)}`],
      [`${'。'.repeat(MAX_TEXT)}${demand}`],
    ];
    const msgs = texts.map(([text, kind], i): ChatMessage => ({ platform: 't', id: `m${i}`, group: null, sender: { id: 'u' }, text, ts: 0, kind }));
    const onWorker = await startClassifier({ rules, options: {} }, true);
    const here = await startClassifier({ rules, options: {} }, false);
    try {
      expect([onWorker.onWorker, here.onWorker]).toEqual([true, false]);
      const answers = await onWorker.classify(msgs);
      expect(answers).toStrictEqual(await here.classify(msgs));
      expect(answers.map((c) => [c.categories.length > 0, c.vetoed !== undefined])).toEqual([
        [false, true],
        [true, false],
        [false, false],
        [true, false],
        [false, false],
        [true, false],
        [false, false],
      ]);
    } finally {
      await onWorker.close();
      await here.close();
    }
  });

  it('loads the model it is told to: none, the rules alone', async () => {
    const rules = [tempDir({ 'data-request/handed-in.yaml': ruleYaml('  any: [已交]') })];
    const rulesAlone = await startClassifier({ rules, options: { model: null } }, true);
    try {
      expect(rulesAlone.onWorker).toBe(true);
      const [vetoedByModel] = await rulesAlone.classify([{ platform: 't', id: 'm', group: null, sender: { id: 'u' }, text: '收到 "已交" [1]', ts: 0 }]);
      expect(vetoedByModel.categories).toEqual(['data-request']);
    } finally {
      await rulesAlone.close();
    }
  });

  it('gives the JSON report, details and evidence of the single-threaded audit', async () => {
    const onWorker = await audit(true);
    const here = await audit(false);
    expect([onWorker.result.classifiedOnWorker, here.result.classifiedOnWorker]).toEqual([true, false]);
    expect(onWorker.json).toEqual(here.json);
    expect(onWorker.result.details).toEqual(here.result.details);
    expect(onWorker.evidence).toBe(here.evidence);
    expect(onWorker.result.report.demands).toBeGreaterThan(3);
  });

  it('runs a custom rules folder there too', async () => {
    // A category the model agrees with on these messages, so that the rule's own findings stand whatever the thresholds.
    const rules = tempDir({ 'proof-demand/screenshots.yaml': ruleYaml('  any: [截图发群]') });
    const onWorker = await audit(true, [rules]);
    const here = await audit(false, [rules]);
    expect(onWorker.result.classifiedOnWorker).toBe(true);
    expect(onWorker.json).toEqual(here.json);
    expect(onWorker.evidence).toBe(here.evidence);
    expect(onWorker.evidence).toContain('proof-demand/screenshots');
    const without = (await audit(true)).evidence;
    expect(without).not.toContain('proof-demand/screenshots');
    // The rule's own findings are rows of the evidence beside the built-in rules' ones.
    expect(onWorker.evidence.trim().split('\n').length).toBeGreaterThan(without.trim().split('\n').length);
  });

  it('refuses a bad custom rule or model file as the main thread does, before any export is opened', async () => {
    const rules = [tempDir({ 'check-in/redos.yaml': ruleYaml('  any: [打卡]\n  all:\n    - {pattern: "(a+)+b"}') })];
    // The export does not exist: the engine's error, not the path's, says the engine was loaded first.
    const missing = [join(tempDir(), 'missing.jsonl')];
    const badRule = await refusal(false, { rules }, missing);
    expect(badRule.name).toBe('InputError');
    expect(badRule.message).toMatch(/redos\.yaml: match\.all\[0\]: unsafe pattern/);
    expect(await refusal(true, { rules }, missing)).toEqual(badRule);
    const model = join(tempDir(), 'none.model');
    const badModel = await refusal(false, { rules: [], model }, missing);
    expect(badModel).toEqual({ name: 'InputError', message: expect.stringContaining(`${model}: cannot read the model file`) });
    expect(await refusal(true, { rules: [], model }, missing)).toEqual(badModel);
  });

  it('the CLI says the same one line and exits 2', { timeout: 2 * HANG_MS }, async () => {
    const folder = tempDir({
      'fingertip.yaml': 'rules: [./my-rules]\n',
      'my-rules/check-in/redos.yaml': ruleYaml('  any: [打卡]\n  all:\n    - {pattern: "(a+)+b"}'),
    });
    const { message } = await refusal(false, { rules: [join(folder, 'my-rules')] }, EXPORTS);
    const run = await runChild(cli.bin, ['audit', '--config', join(folder, 'fingertip.yaml'), ...EXPORTS], 256, HANG_MS);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `fingertip audit: ${message}\n`]);
  });

  it('classifies on the main thread, with the same report, where no worker can start', async () => {
    const workerFile = join(dirname(cli.bin), 'src/audit/classify/classify-worker.js');
    renameSync(workerFile, `${workerFile}.away`);
    try {
      const fallback = await audit(true);
      expect(fallback.result.classifiedOnWorker).toBe(false);
      expect(fallback.json).toEqual((await audit(false)).json);
    } finally {
      renameSync(`${workerFile}.away`, workerFile);
    }
  });
});
