const { checkSync } = require('recheck');
const { spawnSync } = require('node:child_process');
const PROBE = `
const [pattern, strings] = JSON.parse(process.argv[1]);
const re = new RegExp(pattern, 'gu');
for (const s of strings) { re.lastIndex = 0; while (re.exec(s) !== null) if (re.lastIndex === 0) break; }
`;
function probe(pattern, degree, attack) {
  const L = Math.floor(Math.pow(1e8, 1 / degree));
  const strings = [];
  for (const p of attack.pumps) strings.push((p.prefix + p.pump.repeat(Math.ceil(L / Math.max(1, p.pump.length)))).slice(0, L) + attack.suffix);
  for (const unit of ['1', 'a', 'A', ' ', 'a1', 'a ', '。', '中']) strings.push(unit.repeat(Math.ceil(L / unit.length)).slice(0, L) + '\u0000');
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['-e', PROBE, JSON.stringify([pattern, strings])], { timeout: 3000 });
  return { ok: r.status === 0, ms: Date.now() - t0, L };
}
const c=require('./node_modules/.cache/fingertip/regex-safety-v2-recheck-4.5.0.json');
const pats = [...Object.entries(c).filter(([k,v])=>v.safety==='polynomial').map(([k])=>k), String.raw`(?:\w|\d){1,40}z`];
for (const k of pats) {
  const r = checkSync(k, 'u', {timeout: 10000});
  if (r.status !== 'vulnerable' || r.complexity.type !== 'polynomial') continue;
  console.log(JSON.stringify(probe(k, r.complexity.degree, r.attack)), r.complexity.isFuzz, k.slice(0,40));
}
