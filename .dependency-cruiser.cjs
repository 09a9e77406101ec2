// The arrows between fingertip's layers; `npm test` runs this (test/layers.test.ts).
// Each folder of src/ may import itself and the folders listed for it, nothing else of ours.
const LAYERS = {
  core: [],
  eval: ['core'],
  // The learned stage's thresholds are chosen with the eval metrics (training only).
  engine: ['core', 'eval'],
  store: ['core'],
  analysis: ['core', 'engine', 'store'],
  render: ['core', 'analysis'],
  commands: ['core', 'engine', 'store', 'analysis'],
  bot: ['core', 'engine', 'store', 'analysis', 'commands'],
  digest: ['core', 'engine', 'store', 'analysis', 'render'],
  audit: ['core', 'engine', 'store', 'analysis', 'render'],
};

// A Slack export holds the events the Slack adapter maps: the audit maps them the same way.
const EXCEPTIONS = { audit: ['^adapters/slack/event-mapping\\.ts$'] };

const layerRules = Object.entries(LAYERS).map(([layer, below]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only ${below.length ? below.map((l) => `src/${l}`).join(', ') : 'itself'}`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: {
    path: '^(src|adapters)/',
    pathNot: [`^src/(${[layer, ...below].join('|')})/`, ...(EXCEPTIONS[layer] ?? [])],
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'No module reaches itself again through its imports: folders stay in layers.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'nothing-imports-cli',
      comment: 'The CLI wires everything together; nothing else depends on it.',
      severity: 'error',
      from: { pathNot: ['^src/cli/', '^scripts/'] },
      to: { path: '^src/cli/' },
    },
    {
      name: 'scripts-read-config-only',
      comment: 'The scripts (npm run eval) are entry points too: of the CLI they read only the configuration, as its commands do.',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^src/cli/', pathNot: '^src/cli/config/load\\.ts$' },
    },
    {
      name: 'adapters-apart',
      comment: 'An adapter does not import another adapter; what several share lives in adapters/common.',
      severity: 'error',
      from: { path: '^adapters/([^/]+)/' },
      to: { path: '^adapters/', pathNot: '^adapters/($1|common)/' },
    },
    {
      name: 'adapters-see-core-and-bot',
      comment: "Adapters see only src/core and the bot's public entry (src/bot/index.ts).",
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^src/', pathNot: ['^src/core/', '^src/bot/index\\.ts$'] },
    },
    {
      name: 'common-is-shared',
      comment: 'adapters/common serves every adapter: it imports only src/core.',
      severity: 'error',
      from: { path: '^adapters/common/' },
      to: { path: '^(src|adapters)/', pathNot: '^(src/core|adapters/common)/' },
    },
    {
      name: 'runtime-without-dev-deps',
      comment: 'What runs in production needs no devDependency (npm ci --omit=dev).',
      severity: 'error',
      from: { path: '^(src|adapters)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'resolvable',
      comment: 'Every import resolves to a file or a package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are arrows too: a layer that needs another's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
