/**
 * One row per supervisor and week: the digest's delivery record, appended to the store's migrations.
 * `status` is 'sending' while a process holds the claim, then 'sent' or 'failed'; `attempts` counts
 * the runs that tried it, `error` keeps the last failure.
 */
export const DIGEST_DELIVERIES_SCHEMA = `
CREATE TABLE digest_deliveries (
  platform TEXT NOT NULL,
  user_id TEXT NOT NULL,
  week TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL,
  error TEXT,
  updated INTEGER NOT NULL,
  PRIMARY KEY (platform, user_id, week)
) WITHOUT ROWID;
`;
