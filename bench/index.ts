// `npm run bench`: every part prints its own figures against its target.
const parts: [string, () => Promise<{ run: (print: (line: string) => void) => Promise<void> }>][] = [
  ['classify', () => import('./classify.js')],
];

for (const [name, load] of parts) {
  console.log(`\n== ${name}`);
  const { run } = await load();
  await run((line) => console.log(line));
}
