import type { CommandHandler } from './context.js';
import { config } from './handlers/config.js';
import { help } from './handlers/help.js';
import { missed } from './handlers/missed.js';
import { notFormalism } from './handlers/not-formalism.js';
import { forget, optin, optout } from './handlers/privacy.js';
import { report } from './handlers/report.js';
import { stats } from './handlers/stats.js';
import { why } from './handlers/why.js';
import type { CommandName } from './parse.js';

export const HANDLERS: Record<CommandName, CommandHandler> = {
  stats,
  help,
  why,
  'not-formalism': notFormalism,
  missed,
  config,
  report,
  optout,
  optin,
  forget,
};
