import type { Command } from '../context.js';
import { InputError } from '../../util/errors.js';

// Placeholder until the start command lands.
export const run: Command = async () => {
  throw new InputError('start: not implemented yet');
};
