/** A signed request or Socket Mode envelope that is not one Slack sends: bad input, never retried to success. */
export class BadEnvelope extends Error {
  override name = 'BadEnvelope';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What is wrong with a request's parsed body, if anything, before Bolt reads it: Bolt takes any body
 * for an object, and fails on `null` (HTTP: an unhandled rejection) or an event_callback whose
 * `event` is not one (a 500 and an error with its stack).
 */
export function envelopeProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'the body is not a JSON object';
  if (body.type !== 'event_callback') return undefined;
  const id = typeof body.event_id === 'string' ? `event_callback ${body.event_id}` : 'an event_callback';
  if (!isObject(body.event) || typeof body.event.type !== 'string') return `${id} without an event object`;
  // Bolt reads a reaction's item before any listener: one that is no object fails there, every delivery.
  if (body.event.type.startsWith('reaction_') && !isObject(body.event.item)) return `${id}: ${body.event.type} without an item object`;
  return undefined;
}
