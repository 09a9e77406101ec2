import type { Command } from '../context.js';
import { InputError } from '../../util/errors.js';

// Placeholder until the audit command lands.
export const run: Command = async () => {
  throw new InputError('audit: not implemented yet');
};
