/** Schema step 6: the mark every change of opt-outs moves, read by every ingest batch (see privacy.ts). */
export const PRIVACY_EPOCH_SCHEMA = `
CREATE TABLE privacy_epoch (epoch INTEGER NOT NULL);
INSERT INTO privacy_epoch (epoch) VALUES (0);
`;
