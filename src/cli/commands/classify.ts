import type { Command } from '../context.js';
import { InputError } from '../../util/errors.js';

// Placeholder until the classify command lands.
export const run: Command = async () => {
  throw new InputError('classify: not implemented yet');
};
