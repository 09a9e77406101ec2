import { HIDDEN_NAMES_TABLE } from '../hidden-names.js';

/** Schema step 9: the names of those who opted out or were forgotten, as salted hashes (see ../hidden-names.ts). */
export const HIDDEN_NAMES_SCHEMA = HIDDEN_NAMES_TABLE;
