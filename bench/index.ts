// `npm run bench`: each part runs in a process of its own, so each peak RSS is that part's alone,
// and prints its own figures against its target.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Part = { run: (print: (line: string) => void) => Promise<void> };

const PARTS: Record<string, () => Promise<Part>> = {
  classify: () => import('./classify.js'),
  ingest: () => import('./ingest.js'),
  pipeline: () => import('./pipeline.js'),
  report: () => import('./report.js'),
  audit: () => import('./audit.js'),
  shell: () => import('./shell.js'),
  'slack-ack': () => import('./slack-ack.js'),
  postgres: () => import('./postgres.js'),
};

const [part] = process.argv.slice(2);
if (part) {
  const load = PARTS[part];
  if (!load) throw new Error(`bench: unknown part "${part}" (known: ${Object.keys(PARTS).join(', ')})`);
  await (await load()).run((line) => console.log(line));
} else {
  for (const name of Object.keys(PARTS)) {
    console.log(`\n== ${name}`);
    const child = fork(fileURLToPath(import.meta.url), [name], { execArgv: ['--expose-gc'], stdio: 'inherit' });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) console.log(`bench ${name} exited with ${code}`);
  }
}
