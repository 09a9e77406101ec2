/**
 * A field of a platform's API answer that should be text, read by its type: nobody checks these
 * answers on arrival, and a name or id of another type (an object, a number) must not be stored as
 * its JSON nor crash the message. An empty string is none too.
 */
export const textField = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * A field that should be a count, read by its type as textField is: a whole number of at least 0, or
 * one written out in digits (Feishu gives user_count as a string). Anything else (true, "", a list)
 * is none, not the 1 or 0 that Number() would make of it.
 */
export function countField(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
