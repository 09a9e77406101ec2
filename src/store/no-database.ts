import { InputError } from '../core/errors.js';

/** What a command that only reads says of a database fingertip has not made yet (`where` names it), instead of making one. */
export const noDatabaseYet = (where: string): InputError => new InputError(`${where}: no database yet (run fingertip start first, or set db / FINGERTIP_DB)`);
