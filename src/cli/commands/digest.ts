import type { Command } from '../context.js';
import { InputError } from '../../util/errors.js';

// Placeholder until the digest command lands.
export const run: Command = async () => {
  throw new InputError('digest: not implemented yet');
};
