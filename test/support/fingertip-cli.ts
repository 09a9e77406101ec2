// The CLI run from the sources, as bin/fingertip.js runs it from the build: the entry of child
// processes that tests kill (node --import ./test/support/ts-loader.mjs test/support/fingertip-cli.ts ...).
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
