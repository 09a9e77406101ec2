import type { BurstLog } from '../common/burst-log.js';
import { settledWithin } from '../common/settled-within.js';
import type { ChatMessage, MessageKind } from '../../src/core/chat-message.js';
import type { MessageChanges } from '../../src/core/adapter.js';
import type { SlackChange } from './message-change.js';
import { oneLine, WorkError } from '../../src/core/errors.js';
import type { SlackDirectory } from './directory.js';
import { lookUp, withDirectory } from './enrich.js';
import { RecentKeys } from '../../src/core/recent-keys.js';

type OnMessage = (msg: ChatMessage) => Promise<void>;

/**
 * How long an event waits for lookups the directory has not made yet: a Web API that answers in
 * time (in a few hundred ms, as it mostly does) fills the message in before it is stored, one that
 * does not (rate limited, down) cannot push the ack towards Slack's 3 s.
 */
const LOOKUP_WAIT_MS = 500;

/** Messages whose storing failed that are remembered until Slack delivers them again: far more than fail at once. */
const FAILURES_REMEMBERED = 1_000;

/** Events on their way to the bot, filled in from the directory, and the work still under way. */
export class Inbound {
  /** Events being handled and fill-ins under way: stop waits for them, so none writes to a closed store. */
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Events handed to the bot and not answered yet (fill-ins aside). */
  private readonly events = new Set<Promise<unknown>>();
  /** Messages handed over and not yet committed, by id: an edit of one waits for it. */
  private readonly arriving = new Map<string, Promise<void>>();
  /** Messages whose storing failed lately, by id, until Slack's redelivery stores them: an edit of one is refused meanwhile. */
  private readonly failed = new RecentKeys<string>(FAILURES_REMEMBERED);

  constructor(
    private readonly directory: SlackDirectory,
    private readonly log: (line: string) => void,
    private readonly failures: BurstLog,
    private readonly lookupFailures: BurstLog,
  ) {}

  /**
   * Reads an event and hands its message over; resolves once the bot is done with it (its record
   * committed), which is when CommitFirstApp acknowledges the event, and rejects when the bot
   * failed, leaving it to Slack to deliver again. An unreadable event is logged with its id and
   * acknowledged: it would come back as unreadable. What the directory does not know yet is looked
   * up meanwhile; a lookup too slow for the ack is not waited for, and once it has come the message
   * is handed over again with what it found (the bot stores a message once, and takes the group's
   * members from it).
   */
  receive(onMessage: OnMessage, eventId: string | undefined, read: () => ChatMessage | null): Promise<void> {
    const msg = this.readOrSkip(eventId, read);
    if (!msg) return Promise.resolve();
    const work = this.handOver(onMessage, msg, eventId);
    this.arriving.set(msg.id, work);
    const settled = (stored: boolean) => {
      if (stored) this.failed.delete(msg.id);
      else this.failed.add(msg.id);
      if (this.arriving.get(msg.id) === work) this.arriving.delete(msg.id);
    };
    work.then(
      () => settled(true),
      () => settled(false),
    );
    return this.track(work, this.events);
  }

  /**
   * Reads an event that removes or edits an earlier message and tells the bot; resolves once that is
   * committed, for CommitFirstApp to acknowledge the event then, as `receive` does a message. An
   * unreadable event is logged with its id and acknowledged.
   */
  change(changes: MessageChanges | undefined, eventId: string | undefined, read: () => SlackChange | null): Promise<void> {
    const change = this.readOrSkip(eventId, read);
    if (!change || !changes) return Promise.resolve();
    const [id, work] = 'removed' in change ? [change.removed, changes.removed(change.removed)] : [change.edited, this.edit(changes, change)];
    return this.track(
      work.catch((err: unknown) => {
        throw new WorkError(`change of message ${id} (event ${eventId ?? 'without an id'}) failed: ${oneLine(err)}`);
      }),
      this.events,
    );
  }

  /**
   * An edit, once its message is stored: one that comes while the message is still looked up or
   * stored waits for it, and one of a message whose storing here failed is refused until the
   * message is stored (Slack's redelivery, to this instance or another), so that Slack delivers the
   * edit again too. Taken as it came, it would find nothing stored to edit, be acknowledged, and the
   * old text be counted.
   */
  private async edit(changes: MessageChanges, change: { edited: string; text: string; editedAt?: number; kind?: MessageKind }): Promise<void> {
    const id = change.edited;
    await this.arriving.get(id)?.catch(() => {});
    // Stored meanwhile, by Slack's redelivery to this instance or to another: edited, nothing owed.
    if (await changes.edited(id, change.text, change.editedAt, change.kind)) return void this.failed.delete(id);
    if (this.failed.has(id)) throw new Error('it came before its message was stored (which failed, and Slack will deliver again)');
  }

  /** What `read` makes of an event, or null, logged with the event's id, when it cannot be read. */
  private readOrSkip<T>(eventId: string | undefined, read: () => T | null): T | null {
    try {
      return read();
    } catch (err) {
      this.log(`slack: event ${eventId ?? '(no id)'} skipped: ${oneLine(err)}`);
      return null;
    }
  }

  /** Events handed to the bot and not answered yet: what a stop that ran out of time waited for, unless the Web API. */
  get unanswered(): number {
    return this.events.size;
  }

  /** Resolves once every event and fill-in under way has settled. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled(this.inFlight);
  }

  private async handOver(onMessage: OnMessage, draft: ChatMessage, eventId: string | undefined): Promise<void> {
    const lookups = lookUp(draft, this.directory, this.lookupFailures);
    let known = withDirectory(draft, this.directory);
    if (known.missing > 0) {
      await settledWithin(lookups, LOOKUP_WAIT_MS);
      known = withDirectory(draft, this.directory);
    }
    await onMessage(known.msg).catch((err: unknown) => {
      throw new WorkError(`message ${draft.id} (event ${eventId ?? 'without an id'}) failed: ${oneLine(err)}`);
    });
    const missing = known.missing;
    if (missing > 0) this.track(lookups.then(() => this.fillIn(onMessage, draft, missing)));
  }

  /** Hands the message over again if the lookups that were missing found something since. */
  private async fillIn(onMessage: OnMessage, draft: ChatMessage, missing: number): Promise<void> {
    const filled = withDirectory(draft, this.directory);
    if (filled.missing >= missing) return;
    await onMessage(filled.msg).catch((err: unknown) => this.failures.report(`message ${draft.id} not filled in with its group and sender: ${oneLine(err)}`));
  }

  private track<T>(work: Promise<T>, events?: Set<Promise<unknown>>): Promise<T> {
    this.inFlight.add(work);
    events?.add(work);
    const done = () => {
      this.inFlight.delete(work);
      events?.delete(work);
    };
    work.then(done, done);
    return work;
  }
}
