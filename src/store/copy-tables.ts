import { MESSAGE_COLUMNS } from './record-row.js';

/**
 * A table as a copy between databases needs it: its columns, the order to page through it in, and
 * how a row already in the target is told: by its primary key (`unique`), or for the tables
 * without one (feedback, leads, forgotten_users), by all of `match`.
 */
export interface CopyTable {
  name: string;
  columns: readonly string[];
  /** Keyset order in the source: its primary key, or SQLite's rowid. */
  order: readonly string[];
  unique?: readonly string[];
  match?: readonly string[];
  /** Who opted out or was forgotten: each page moves the privacy mark, so an instance running on the target reads them before its next write. */
  privacy?: true;
}

/** Every table of the store, parents before children (group_members refers to chat_groups). */
export const COPY_TABLES: readonly CopyTable[] = [
  {
    name: 'chat_groups',
    columns: ['platform', 'id', 'name', 'member_count', 'first_seen', 'last_seen', 'settings', 'forgotten_members'],
    order: ['platform', 'id'],
    unique: ['platform', 'id'],
  },
  {
    name: 'group_members',
    columns: ['platform', 'group_id', 'user_id'],
    order: ['platform', 'group_id', 'user_id'],
    unique: ['platform', 'group_id', 'user_id'],
  },
  {
    name: 'opted_out_members',
    columns: ['platform', 'group_id', 'id_hash'],
    order: ['platform', 'group_id', 'id_hash'],
    unique: ['platform', 'group_id', 'id_hash'],
  },
  { name: 'chat_users', columns: ['platform', 'id', 'name'], order: ['platform', 'id'], unique: ['platform', 'id'] },
  { name: 'messages', columns: MESSAGE_COLUMNS, order: ['rowid'], unique: ['platform', 'id'] },
  { name: 'seen_events', columns: ['platform', 'key', 'ts'], order: ['platform', 'key'], unique: ['platform', 'key'] },
  { name: 'removed_messages', columns: ['platform', 'id', 'ts', 'group_id', 'sent'], order: ['platform', 'id'], unique: ['platform', 'id'] },
  {
    name: 'feedback',
    columns: ['platform', 'message_id', 'sender_id', 'rule', 'by_user', 'ts', 'text', 'findings'],
    order: ['rowid'],
    match: ['platform', 'message_id', 'rule', 'by_user', 'ts'],
  },
  {
    name: 'missed_demands',
    columns: ['platform', 'message_id', 'sender_id', 'by_user', 'ts', 'text', 'mask'],
    order: ['platform', 'message_id', 'by_user'],
    unique: ['platform', 'message_id', 'by_user'],
  },
  { name: 'leads', columns: ['platform', 'group_id', 'text', 'ts'], order: ['rowid'], match: ['platform', 'group_id', 'text', 'ts'] },
  {
    name: 'digest_deliveries',
    columns: ['platform', 'user_id', 'week', 'status', 'attempts', 'error', 'updated'],
    order: ['platform', 'user_id', 'week'],
    unique: ['platform', 'user_id', 'week'],
  },
  { name: 'identities', columns: ['platform', 'key', 'stable_id'], order: ['platform', 'key'], unique: ['platform', 'key'] },
  { name: 'opt_outs', columns: ['platform', 'id_hash'], order: ['platform', 'id_hash'], unique: ['platform', 'id_hash'], privacy: true },
  { name: 'forgotten_users', columns: ['platform', 'id_hash', 'ts'], order: ['rowid'], match: ['platform', 'id_hash', 'ts'], privacy: true },
  {
    name: 'hidden_names',
    columns: ['platform', 'id_hash', 'name_hash', 'length'],
    order: ['platform', 'id_hash', 'name_hash'],
    unique: ['platform', 'id_hash', 'name_hash'],
  },
];
