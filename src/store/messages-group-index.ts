/**
 * The schema step that indexes messages by group: the retention purge asks, of each group not seen
 * since, whether any message of it is kept, which without it scans every message once per group on
 * PostgreSQL (minutes on a million messages, before the bot starts). With the time, a query of one
 * group's span that the planner sends here reads only that span.
 */
export const MESSAGES_GROUP_INDEX = 'CREATE INDEX messages_group ON messages (platform, group_id, ts);';
