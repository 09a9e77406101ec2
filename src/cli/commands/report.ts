import type { Command } from '../context.js';
import { InputError } from '../../util/errors.js';

// Placeholder until the report command lands.
export const run: Command = async () => {
  throw new InputError('report: not implemented yet');
};
