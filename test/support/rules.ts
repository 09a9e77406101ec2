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
