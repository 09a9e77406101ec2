import { MESSAGES_SENDER_INDEX } from '../messages-sender-index.js';

/** Schema step 18: messages indexed by sender, for the retention purge (see ../messages-sender-index.ts). */
export const MESSAGES_SENDER_SCHEMA = MESSAGES_SENDER_INDEX;
