import { removedMessagesTable } from '../removed.js';

/** Schema step 12: the tombstones of messages the platform removed (see ../removed.ts). */
export const REMOVED_SCHEMA = removedMessagesTable('INTEGER');
