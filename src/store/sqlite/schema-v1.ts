/**
 * The first schema. Messages keep what counts need; text and findings only for flagged ones.
 * Indexes serve the reads: `messages_ts` streams a period in time order and counts messages per
 * group without reading the table; the partial `demands_group` index holds flagged messages only
 * (a few percent) so that a group's or a member's figures never touch the unflagged bulk. Every
 * index costs each insert, so there is none that only a whole-database total would use. Feedback copies the text and sender
 * of its message: it is kept for tuning rules after the message itself is purged.
 */
export const SCHEMA_V1 = `
CREATE TABLE messages (
  platform TEXT NOT NULL,
  id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  sender_id TEXT NOT NULL,
  ts INTEGER NOT NULL,
  length INTEGER NOT NULL,
  hash TEXT NOT NULL,
  reply_to TEXT,
  is_ack INTEGER NOT NULL,
  mentions_all INTEGER NOT NULL,
  recipients INTEGER NOT NULL,
  mask INTEGER NOT NULL,
  findings TEXT,
  text TEXT,
  PRIMARY KEY (platform, id)
);
CREATE INDEX messages_ts ON messages (ts, platform, group_id);
CREATE INDEX demands_group ON messages (platform, group_id, ts, sender_id, mask) WHERE mask <> 0;

CREATE TABLE chat_groups (
  platform TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT,
  member_count INTEGER,
  first_seen INTEGER,
  last_seen INTEGER,
  settings TEXT,
  PRIMARY KEY (platform, id)
) WITHOUT ROWID;

CREATE TABLE group_members (
  platform TEXT NOT NULL,
  group_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (platform, group_id, user_id),
  FOREIGN KEY (platform, group_id) REFERENCES chat_groups (platform, id) ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;
CREATE INDEX group_members_user ON group_members (platform, user_id);

CREATE TABLE chat_users (
  platform TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT,
  opted_out INTEGER NOT NULL DEFAULT 0,
  anon TEXT,
  PRIMARY KEY (platform, id)
) WITHOUT ROWID;

CREATE TABLE seen_events (
  platform TEXT NOT NULL,
  key TEXT NOT NULL,
  ts INTEGER NOT NULL,
  PRIMARY KEY (platform, key)
) WITHOUT ROWID;
CREATE INDEX seen_events_ts ON seen_events (ts);

CREATE TABLE feedback (
  platform TEXT NOT NULL,
  message_id TEXT NOT NULL,
  sender_id TEXT NOT NULL,
  rule TEXT,
  by_user TEXT NOT NULL,
  ts INTEGER NOT NULL,
  text TEXT,
  findings TEXT NOT NULL
);
CREATE INDEX feedback_ts ON feedback (ts);

CREATE TABLE leads (
  platform TEXT NOT NULL,
  group_id TEXT,
  text TEXT NOT NULL,
  ts INTEGER NOT NULL
);
CREATE INDEX leads_ts ON leads (ts);
`;
