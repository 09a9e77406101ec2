import { createHash } from 'node:crypto';

/**
 * The mark that a command message was handled, kept so a redelivery does not run it again. It holds
 * a hash of the message's id, not the id: an id names its channel (a Slack DM's is its one member's),
 * and the mark would tie an anonymous lead (`report …`) to who sent it.
 */
export function commandKey(messageId: string): string {
  return `command:${createHash('sha256').update(messageId).digest('base64url').slice(0, 22)}`;
}

/** The mark that a command message's command finished. */
export function doneKey(messageId: string): string {
  return `${commandKey(messageId)}:done`;
}
