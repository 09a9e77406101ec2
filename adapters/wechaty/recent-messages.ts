/** What is remembered of a message the adapter passed on. */
export interface RecentMessage {
  id: string;
  /** Stable room id; null for a private message. */
  room: string | null;
  /** Stable id of the sender. */
  senderId: string;
  /** The message was addressed to the bot (a command). */
  addressed: boolean;
  /** The names a quote may show for the sender (room alias, name). */
  senderNames: string[];
  /** The texts a quote of this message may show (its text, a title, a label such as 图片). */
  quotable: string[];
}

/**
 * The last messages seen, bounded: to drop redeliveries, to turn a quote (which carries no message
 * id) back into the id it replies to, and to know who asked when an answer goes out privately.
 */
export class RecentMessages {
  private readonly byId = new Map<string, RecentMessage>();
  private readonly byRoom = new Map<string, RecentMessage[]>();

  constructor(
    private readonly perRoom = 300,
    private readonly total = 10_000,
  ) {}

  add(msg: RecentMessage): void {
    this.byId.set(msg.id, msg);
    // Maps iterate in insertion order, so the first key is the oldest.
    if (this.byId.size > this.total) this.byId.delete(this.byId.keys().next().value as string);
    if (msg.room === null) return;
    const list = this.byRoom.get(msg.room) ?? [];
    list.push(msg);
    if (list.length > this.perRoom) list.shift();
    this.byRoom.set(msg.room, list);
  }

  /** Drops message `id`, whose handling failed: a redelivery of it is then no duplicate. */
  forget(id: string): void {
    const msg = this.byId.get(id);
    if (!msg) return;
    this.byId.delete(id);
    const list = msg.room === null ? undefined : this.byRoom.get(msg.room);
    const at = list?.indexOf(msg) ?? -1;
    if (at >= 0) list!.splice(at, 1);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Who sent message `id`, if it was addressed to the bot: the one an answer to it is for. */
  askerOf(id: string): string | undefined {
    const msg = this.byId.get(id);
    return msg?.addressed ? msg.senderId : undefined;
  }

  /** The id of the latest message in `room` by `name` that a quote showing `text` refers to. */
  findQuoted(room: string, name: string, text: string): string | undefined {
    const list = this.byRoom.get(room) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i];
      if (m.senderNames.includes(name) && m.quotable.includes(text)) return m.id;
    }
    return undefined;
  }
}
