import { FORGOTTEN_MEMBERS_COLUMN } from '../forgotten-members.js';

/** Schema step 17: how many members each group's list lost to `forget me` (see ../forgotten-members.ts). */
export const FORGOTTEN_MEMBERS_SCHEMA = FORGOTTEN_MEMBERS_COLUMN;
