import { OPTED_OUT_MEMBERS_TABLE } from '../opted-out-members.js';

/** Schema step 14: opted-out members' places in member lists, by hash, for `optin` (see ../opted-out-members.ts). */
export const OPTED_OUT_MEMBERS_SCHEMA = OPTED_OUT_MEMBERS_TABLE;
