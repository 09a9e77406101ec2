/**
 * Schema step 7: demands members reported the bot missed, with the categories they named (a mask,
 * as messages keep theirs) and the text, so `feedback export` can teach the model its groups' demands.
 * One row per reporter and message: reporting again adds categories.
 */
export const MISSED_SCHEMA = `
CREATE TABLE missed_demands (
  platform TEXT NOT NULL,
  message_id TEXT NOT NULL,
  sender_id TEXT NOT NULL,
  by_user TEXT NOT NULL,
  ts INTEGER NOT NULL,
  text TEXT,
  mask INTEGER NOT NULL,
  PRIMARY KEY (platform, message_id, by_user)
);
CREATE INDEX missed_demands_ts ON missed_demands (ts);
`;
