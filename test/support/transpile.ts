import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/** The package root: where src/, rules/ and node_modules/ are. */
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * `entry` and every module it imports relatively (statically, by import() or as a worker's `new URL`), as plain JS under `out`,
 * with the package's node_modules linked in: runnable by a bare `node` in a child process.
 */
export function transpile(entry: string, out: string): void {
  const todo = [entry];
  const done = new Set<string>();
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (done.has(file)) continue;
    done.add(file);
    const js = ts.transpileModule(readFileSync(join(ROOT, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const target = join(out, file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
    for (const [, spec] of js.matchAll(/(?:from |import\(|new URL\()'(\.{1,2}\/[^']+)\.js'/g)) todo.push(join(dirname(file), `${spec}.ts`));
  }
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'));
}
