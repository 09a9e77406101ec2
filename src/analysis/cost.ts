import type { Config } from '../core/config.js';
import type { Category } from '../core/categories.js';

/** Minutes one recipient spends on a message: the sum of its categories' costs (0 when unflagged). */
export function minutesPerRecipient(categories: readonly Category[], costs: Config['costs']): number {
  let sum = 0;
  for (const c of categories) sum += costs[c];
  return sum;
}

/**
 * Whom a message reaches: its recorded recipients, or, when those are unknown (0), every member of
 * its group but the sender, and at least one: a group message is read by someone besides its sender,
 * and a group whose size no one can tell (a DingTalk robot's) would otherwise show no burden at all.
 */
export function effectiveRecipients(recipients: number, groupMembers: number): number {
  return recipients > 0 ? recipients : Math.max(1, groupMembers - 1);
}

/** The burden of one message in person-minutes: recipients × Σ cost(category). */
export function personMinutes(record: { categories: readonly Category[]; recipients: number }, costs: Config['costs'], groupMembers: number): number {
  return effectiveRecipients(record.recipients, groupMembers) * minutesPerRecipient(record.categories, costs);
}
