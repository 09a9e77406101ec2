import type { Command } from '../context.js';
import { InputError } from '../../util/errors.js';

// Placeholder until the rules command lands.
export const run: Command = async () => {
  throw new InputError('rules: not implemented yet');
};
