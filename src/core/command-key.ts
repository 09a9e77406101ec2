import { createHash } from 'node:crypto';
import { leadTime } from './lead-time.js';

/** A command's marks, kept so a redelivery does not run it again: `begun` while a run goes on, `done` once it finished. */
export interface CommandMarks {
  readonly begun: string;
  readonly done: string;
}

const hashed = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/**
 * The mark that a command message was handled. It holds a hash of the message's id, not the id: an
 * id names its channel (a Slack DM's is its one member's). A lead's marks hold no function of the id
 * at all (leadMarks).
 */
export function commandKey(messageId: string): string {
  return `command:${hashed(messageId)}`;
}

/** The mark that a command message's command finished. */
export function doneKey(messageId: string): string {
  return `${commandKey(messageId)}:done`;
}

/** The marks of a command that files no lead: of its message's id. */
export function commandMarks(messageId: string): CommandMarks {
  return { begun: commandKey(messageId), done: doneKey(messageId) };
}

/**
 * An anonymous lead's marks (`report …`), made of its platform, group and words, as its row holds them,
 * and the quarter hour its message was sent in, which a redelivery repeats (none with `ts` undefined,
 * where a redelivery comes with a new time; the row keeps the quarter hour it was handled in). A hash
 * of the message id would not do: given a member's DM channel and the quarter hour, the ids left to
 * try are few, and the mark would name the lead's sender. So identical leads about one group in one
 * quarter hour have the same marks, and count once.
 */
export function leadMarks(platform: string, groupId: string | null, text: string, ts: number | undefined): CommandMarks {
  const begun = `lead:${hashed(JSON.stringify([platform, groupId, text, ts === undefined ? null : leadTime(ts)]))}`;
  return { begun, done: `${begun}:done` };
}
