/** The report's top-level keys, in the contract's order (docs/interface.md): tests check both builder and JSON against it. */
export const REPORT_KEYS = [
  'period',
  'messages',
  'demands',
  'by_category',
  'person_minutes',
  'after_hours',
  'groups',
  'senders',
  'duplicates',
  'ack_storms',
  'sprawl',
];
