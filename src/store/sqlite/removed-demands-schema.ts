import { removedDemandColumns } from '../removed-demands.js';

/** Schema step 13: a removed demand's tombstone keeps its group and send time (see ../removed-demands.ts). */
export const REMOVED_DEMANDS_SCHEMA = removedDemandColumns('INTEGER');
