import { missedDemandsTable } from '../missed.js';

/** Schema step 7: demands members reported the bot missed, with their text for `feedback export` (see ../missed.ts). */
export const MISSED_SCHEMA = missedDemandsTable('INTEGER');
