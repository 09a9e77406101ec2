/**
 * The schema step that indexes messages by sender: the retention purge asks, of each person named,
 * whether any message of theirs is kept, which without it scans every message once per person
 * (NOT IN past work_mem on PostgreSQL, NOT EXISTS on SQLite): minutes on a million messages, before
 * the bot starts.
 */
export const MESSAGES_SENDER_INDEX = 'CREATE INDEX messages_sender ON messages (platform, sender_id);';
