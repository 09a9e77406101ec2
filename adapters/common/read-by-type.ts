/**
 * A field of a platform's API answer that should be text, read by its type: nobody checks these
 * answers on arrival, and a name or id of another type (an object, a number) must not be stored as
 * its JSON nor crash the message. An empty string is none too.
 */
export const textField = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
