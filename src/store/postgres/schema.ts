import { randomBytes } from 'node:crypto';
import type { Sql } from '../sql/sql.js';

/**
 * The schema as SQLite's steps 1–6 leave it (see ../sqlite/migrations.ts), in PostgreSQL's types:
 * times are BIGINT epoch milliseconds. `rowid` columns stand in for SQLite's implicit ones, so the
 * queries that page or purge by rowid read the same on both. The salt opt-outs are hashed with is
 * made here, for this database.
 */
const SCHEMA = `
CREATE TABLE messages (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY,
  platform TEXT NOT NULL,
  id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  sender_id TEXT NOT NULL,
  ts BIGINT NOT NULL,
  length INTEGER NOT NULL,
  hash TEXT NOT NULL,
  reply_to TEXT,
  is_ack INTEGER NOT NULL,
  mentions_all INTEGER NOT NULL,
  recipients INTEGER NOT NULL,
  mask INTEGER NOT NULL,
  findings TEXT,
  text TEXT,
  deadline BIGINT,
  PRIMARY KEY (platform, id)
);
CREATE INDEX messages_ts ON messages (ts, platform, group_id, rowid);
CREATE INDEX demands_group ON messages (platform, group_id, ts, sender_id, mask) WHERE mask <> 0;

CREATE TABLE chat_groups (
  platform TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT,
  member_count INTEGER,
  first_seen BIGINT,
  last_seen BIGINT,
  settings TEXT,
  PRIMARY KEY (platform, id)
);

CREATE TABLE group_members (
  platform TEXT NOT NULL,
  group_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (platform, group_id, user_id),
  FOREIGN KEY (platform, group_id) REFERENCES chat_groups (platform, id) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX group_members_user ON group_members (platform, user_id);

CREATE TABLE chat_users (
  platform TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT,
  PRIMARY KEY (platform, id)
);

CREATE TABLE seen_events (
  platform TEXT NOT NULL,
  key TEXT NOT NULL,
  ts BIGINT NOT NULL,
  PRIMARY KEY (platform, key)
);
CREATE INDEX seen_events_ts ON seen_events (ts);

CREATE TABLE feedback (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY,
  platform TEXT NOT NULL,
  message_id TEXT NOT NULL,
  sender_id TEXT NOT NULL,
  rule TEXT,
  by_user TEXT NOT NULL,
  ts BIGINT NOT NULL,
  text TEXT,
  findings TEXT NOT NULL
);
CREATE INDEX feedback_ts ON feedback (ts);

CREATE TABLE leads (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY,
  platform TEXT NOT NULL,
  group_id TEXT,
  text TEXT NOT NULL,
  ts BIGINT NOT NULL
);
CREATE INDEX leads_ts ON leads (ts);

CREATE TABLE digest_deliveries (
  platform TEXT NOT NULL,
  user_id TEXT NOT NULL,
  week TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL,
  error TEXT,
  updated BIGINT NOT NULL,
  PRIMARY KEY (platform, user_id, week)
);

CREATE TABLE identities (
  platform TEXT NOT NULL,
  key TEXT NOT NULL,
  stable_id TEXT NOT NULL,
  PRIMARY KEY (platform, key)
);

CREATE TABLE privacy_salt (salt TEXT NOT NULL);
CREATE TABLE opt_outs (platform TEXT NOT NULL, id_hash TEXT NOT NULL, PRIMARY KEY (platform, id_hash));
CREATE TABLE privacy_epoch (epoch BIGINT NOT NULL);
INSERT INTO privacy_epoch (epoch) VALUES (0);
`;

/** PostgreSQL's step 1: the whole schema of its day. */
export async function createSchema(db: Sql): Promise<void> {
  await db.exec(SCHEMA);
  await db.run('INSERT INTO privacy_salt (salt) VALUES (?)', [randomBytes(32).toString('hex')]);
}
