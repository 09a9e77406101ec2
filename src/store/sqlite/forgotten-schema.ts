import { forgottenUsersTable } from '../forgotten.js';

/** Schema step 8: who said `forget me`, and when, so that no later `missed` report keeps their text (see ../forgotten.ts). */
export const FORGOTTEN_SCHEMA = forgottenUsersTable('INTEGER');
