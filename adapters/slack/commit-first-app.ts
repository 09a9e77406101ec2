import { App, type ReceiverEvent } from '@slack/bolt';
import { BadEnvelope, envelopeProblem } from './envelope.js';

/**
 * Bolt's App, but an Events API envelope is acknowledged only once its listeners resolved, that is
 * once its message is committed: Bolt acks events before running them, and an event acked but not
 * yet stored is lost to a crash, as Slack never sends it again. A listener that fails leaves the
 * envelope unacknowledged, for the receiver to answer the failure (HTTP 503, or no Socket Mode ack)
 * and Slack to redeliver it. The same for both receivers, as both hand every request to processEvent.
 * Slash commands are acked by their listener, once their work is done. A request no listener acks
 * (app_rate_limited, a type Slack may add) is answered 200 at once rather than left open.
 */
export class CommitFirstApp extends App {
  override async processEvent(event: ReceiverEvent): Promise<void> {
    const problem = envelopeProblem(event.body);
    if (problem) throw new BadEnvelope(problem);
    if (event.body.type !== 'event_callback') {
      let acked = false;
      await super.processEvent({
        ...event,
        ack: async (body?: unknown) => {
          acked = true;
          await event.ack(body);
        },
      });
      if (!acked) await event.ack();
      return;
    }
    let response: unknown;
    await super.processEvent({
      ...event,
      ack: async (body?: unknown) => {
        response = body;
      },
    });
    await event.ack(response);
  }
}
