import { loadRuleSet } from '../../src/engine/load-rules.js';
import { formatProblem } from '../../src/engine/problem.js';
import { tempDir } from './temp-dir.js';

const EXAMPLES = `examples:
  flag: [a, b, c]
  pass: [d, e, f]
`;

/** A rule file's YAML with the given match block (indented two spaces) and placeholder examples. */
export function ruleYaml(match: string, extra = EXAMPLES): string {
  return `description: test rule\nlevel: high\nlanguages: [zh]\nmatch:\n${match}\n${extra}`;
}

/** A temporary rule folder: relative path → YAML. */
export function ruleDir(files: Record<string, string>): string {
  return tempDir(files);
}

/** The problems loading a temporary rule folder (relative path → YAML) reports, each as one line. */
export function problemsOf(files: Record<string, string>): string[] {
  return loadRuleSet([ruleDir(files)]).problems.map(formatProblem);
}

/** A demand the corpus never held (steps from a fitness app, posted to the group): the shipped model scores it below `confirm`. */
export const STEP_COUNT_FLAGS = ['各位同事每天晚上八点前把微信运动步数发到群里', '全体员工本周内在工会小程序上传步数', '大家记得每天同步一下运动步数'];

/** A custom rule file for that demand, written as rules/README.md teaches; `extra` adds top-level keys (`veto: false`). */
export function stepCountRule(extra = ''): Record<string, string> {
  const match = '  any: [步数]\n  all: [{context: zh-demand, within: 15}]';
  const examples = `examples:\n  flag: [${STEP_COUNT_FLAGS.join(', ')}]\n  pass: [我今天步数一万了, 步数排行榜怎么看？, 昨天走了好多步数]\n`;
  return { 'proof-demand/zh-step-count.yaml': ruleYaml(match, examples) + extra };
}
