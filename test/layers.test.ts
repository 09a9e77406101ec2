import { spawnSync } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir.js';

const ROOT = resolve(import.meta.dirname, '..');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const TREE = ['src', 'adapters', 'scripts', 'bench'];

/** dependency-cruiser with the project's rules over the tree in `cwd`, as `npm run layers` runs it. */
function cruise(cwd: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [DEPCRUISE, '--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...TREE], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('the layers (.dependency-cruiser.cjs)', () => {
  it('hold in the tree: no arrow upward, between adapters or in a circle', () => {
    const { status, out } = cruise(ROOT);
    expect(out).toContain('no dependency violations found');
    expect(status).toBe(0);
  });

  it('fail when a store file imports the digest, or an adapter another adapter', () => {
    const copy = tempDir({
      'src/store/digest-peek.ts': "import { buildDigest } from '../digest/build-digest.js';\nexport const peek = buildDigest;\n",
      'adapters/feishu/slack-peek.ts': "import { PLATFORM } from '../slack/event-mapping.js';\nexport const peek = PLATFORM;\n",
    });
    // bench/ imports test helpers: the copy has them too.
    for (const path of [...TREE, 'test', 'tsconfig.json', '.dependency-cruiser.cjs']) cpSync(join(ROOT, path), join(copy, path), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    const { status, out } = cruise(copy);
    expect(status).not.toBe(0);
    expect(out).toContain('layer-store: src/store/digest-peek.ts → src/digest/build-digest.ts');
    expect(out).toContain('adapters-apart: adapters/feishu/slack-peek.ts → adapters/slack/event-mapping.ts');
    expect(out).toMatch(/\b2 dependency violations \(2 errors/);
  });
});
