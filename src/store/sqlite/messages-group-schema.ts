import { MESSAGES_GROUP_INDEX } from '../messages-group-index.js';

/** Schema step 16: messages indexed by group, for the retention purge (see ../messages-group-index.ts). */
export const MESSAGES_GROUP_SCHEMA = MESSAGES_GROUP_INDEX;
