import type { Config } from '../core/config.js';
import type { CommandContext, CommandHandler } from '../commands/context.js';
import { HANDLERS } from '../commands/dispatch.js';
import { ANSWER_ONLY, firstWord, parseCommand } from '../commands/parse.js';
import { leadOf, thankForLead } from '../commands/handlers/report.js';
import { groupKey, type GroupKey } from '../core/group-key.js';
import { guessLang, textLang, type Lang } from '../core/lang.js';
import { TEXTS } from '../commands/texts.js';
import type { Engine } from '../engine/engine.js';
import type { GroupSettings, Store } from '../store/store.js';
import { toRecord } from '../analysis/record/to-record.js';
import type { Adapter } from '../core/adapter.js';
import { isGroupAdmin } from './admins.js';
import { commandMarks, leadMarks, type CommandMarks } from '../core/command-key.js';
import { classifyMessage } from '../analysis/record/classify-message.js';
import type { ChatMessage } from '../core/chat-message.js';
import { GroupRoster } from './group-roster.js';
import { NUDGE_COOLDOWN_MS, nudgeFinding, nudgeText } from './nudge.js';
import { RecentTexts } from '../commands/recent-texts.js';
import { RecentKeys } from '../core/recent-keys.js';
import { MessageChanges } from './message-changes.js';
import { nearCommands } from '../commands/near.js';
import { Cooldowns } from '../core/cooldowns.js';
import { MINUTE_MS } from '../core/time/units.js';

/**
 * How long a command's run may take before a delivery finding it unfinished takes it over: far longer
 * than any command takes, and shorter than the platforms' last retry (Slack's comes about 5 minutes on).
 */
const COMMAND_LEASE_MS = 2 * 60_000;
/** How long a delivery waits for another instance's run of the same command (Slack gives 3 s to answer). */
const COMMAND_WAIT_MS = 2_000;

/** Lead messages this process remembers having handled (see handle): far more than come within a platform's redelivery window. */
const LEADS_REMEMBERED = 5_000;

/** How long a group's settings are used before they are read again (see groupSettings). */
const SETTINGS_TTL_MS = 30_000;

/** At most one hint per member in this long (see hint): a member who mentions the bot in passing is not answered each time. */
const HINT_COOLDOWN_MS = 10 * MINUTE_MS;

/** Commands that store who sent them (a correction's `by_user`). */
const KEEPS_SENDER: ReadonlySet<keyof typeof HANDLERS> = new Set(['not-formalism', 'missed']);

/** A group's settings as the bot uses them: the disabled rules as a set for the engine. */
type LiveSettings = GroupSettings & { disabled: ReadonlySet<string> };

/** What the bot last stored of a group, to store it again only when it changes. */
export interface BotOptions {
  config: Config;
  store: Store;
  engine: Engine;
  adapters: Adapter[];
  now?: () => number;
  log?: (line: string) => void;
}

/**
 * The pipeline every adapter feeds: dedupe, commands, classify, store, reply policy. Quiet by
 * default: in a group it speaks only when addressed, or in `nudge` mode once per flagged demand.
 */
export class Bot {
  /** Group settings as read from the store, with the disabled rules as a set for the engine. */
  private readonly settings = new Map<GroupKey, LiveSettings & { readAt: number }>();
  private readonly roster: GroupRoster;
  private readonly settingsReads = new Map<GroupKey, Promise<LiveSettings>>();
  /** Groups nudged lately by this process, or by another as the store told. */
  private readonly nudged = new Cooldowns<GroupKey>(NUDGE_COOLDOWN_MS);
  private readonly recent = new RecentTexts();
  /** Commands being handled, by their seen-key: a redelivery meanwhile shares the outcome instead of finding the key seen. */
  private readonly running = new Map<GroupKey, Promise<boolean>>();
  /** The lead messages this process handled lately, by platform and id: never stored, as nothing of a lead's id is. */
  private readonly leadsHandled = new RecentKeys<GroupKey>(LEADS_REMEMBERED);
  private readonly changes: MessageChanges;
  /** Members hinted at lately, by platform and sender id. */
  private readonly hinted = new Cooldowns<GroupKey>(HINT_COOLDOWN_MS);
  private readonly now: () => number;
  private readonly log: (line: string) => void;

  constructor(private readonly opts: BotOptions) {
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.roster = new GroupRoster(opts.store, (key) => this.settings.delete(key), this.now);
    this.changes = new MessageChanges({
      ...opts,
      recent: this.recent,
      disabledIn: async (platform, groupId) => (await this.groupSettings(platform, groupId)).disabled,
    });
  }

  async start(): Promise<void> {
    for (const adapter of this.opts.adapters)
      await adapter.start(
        (msg) => this.handle(adapter, msg),
        {
          removed: (id) => this.changes.removed(adapter.platform, id),
          edited: (id, text, editedAt, kind) => this.changes.edited(adapter.platform, id, text, editedAt, kind),
        },
        (groupId) => this.settings.get(groupKey(adapter.platform, groupId))?.language,
      );
  }

  /**
   * Applies the retention up to `beforeTs` (see ../store/retention.ts); returns how many messages went.
   * The purge may drop the name and member list of a group this process wrote long ago: the groups
   * written are forgotten, so each is written again when it next speaks, not left nameless and empty.
   */
  async purge(beforeTs: number): Promise<number> {
    const purged = await this.opts.store.purge(beforeTs);
    this.roster.forget();
    return purged;
  }

  async stop(): Promise<void> {
    for (const adapter of this.opts.adapters) await adapter.stop();
    await this.opts.store.flush();
  }

  /** One message from one adapter; resolves once it is stored or answered. */
  async handle(adapter: Adapter, msg: ChatMessage): Promise<void> {
    const { store } = this.opts;
    const groupWrite = msg.group && this.roster.remember(msg);
    if (groupWrite) await groupWrite;
    const group = msg.toBotOnly ? null : msg.group;
    const command = msg.addressed || !group ? parseCommand(msg.text, { lenient: !group }) : undefined;
    if (command || !group) {
      // A redelivery, or the same message as both a mention and a message event, is answered once.
      const lead = command?.name === 'report' ? leadOf(msg, command.args) : undefined;
      const marks = this.marksOf(adapter, msg, lead);
      const ran = await this.once(msg, marks, adapter.runsAlone ? 0 : COMMAND_LEASE_MS, async () => {
        if (lead) this.leadsHandled.add(groupKey(msg.platform, msg.id));
        if (command) return this.runCommand(adapter, msg, command.name, command.args, command.lang, marks);
        // Anything else said to the bot privately gets the commands it nearly spells, else a pointer to
        // them (where it was said, for a slash command): in its language, or for text that has none (a
        // bare /fingertip, 👍) in the one its group's admins chose, else in Chinese.
        const near = nearCommands(msg.text);
        const word = firstWord(msg.text);
        const lang = textLang(msg.text) ?? (msg.group && (await this.groupSettings(msg.platform, msg.group.id)).language) ?? 'zh';
        const text = near ? TEXTS.near(near.names, near.lang) : word ? TEXTS.unknown(word, lang) : TEXTS.help(lang);
        return adapter.sendPrivate(msg.sender.id, { text }, { groupId: msg.group?.id });
      });
      // A platform's retry is answered by the first delivery; a member asking again (the shell) is told why nothing happens.
      if (!ran && command && !lead && adapter.saysHandledBefore)
        return adapter.sendPrivate(msg.sender.id, { text: TEXTS.handledBefore(command.lang) }, { groupId: msg.group?.id });
      // A lead found done by a message this process did not handle is another member's identical lead
      // (its marks cannot tell senders apart): filed once, and they are thanked too. A redelivery to
      // another instance, or after a restart, is thanked again: better twice than not at all.
      if (command && lead && this.leadsHandled.add(groupKey(msg.platform, msg.id)))
        await this.runCommand(adapter, msg, command.name, command.args, command.lang, marks, thankForLead);
      return;
    }
    // In a group, a message that @-mentions the bot without a command is still group traffic: on
    // DingTalk every message the robot receives mentions it, demands included.
    const cached = this.groupSettings(msg.platform, group.id);
    const settings = cached instanceof Promise ? await cached : cached;
    const classification = classifyMessage(this.opts.engine, msg, { disabled: settings.disabled });
    const record = toRecord(msg, classification, this.opts.config.timezone);
    // Not stored anew: a redelivery, or a message the platform removed before it came (its tombstone,
    // left by any instance, at any time) or sent before its sender's `forget me`. Only a stored one is
    // nudged about or held; one removed after its commit, here, is known to this process's changes.
    if (!(await store.add(record)) && !(await store.message(msg.platform, msg.id))) return;
    if (this.changes.wasRemoved(msg.platform, msg.id)) return;
    if (!classification.findings.length) {
      // Held for a member's `missed` report; a bare "收到" or a picture is never one.
      if (!record.isAck && (msg.kind ?? 'text') === 'text')
        this.recent.remember(msg.platform, group.id, { id: msg.id, senderId: msg.sender.id, text: msg.text, ts: msg.ts });
      if (msg.addressed) await this.hint(adapter, msg);
      return;
    }
    adapter.showFlag?.(msg, { categories: classification.categories, rules: classification.findings.map((f) => f.rule) });
    // Where the bot may not post unasked, a nudge would be said to no one and spend the group's cooldown.
    if (settings.mode !== 'nudge' || adapter.silentInGroupsBy) return;
    const nudge = nudgeFinding(classification.findings, this.opts.engine.rules);
    if (nudge) await this.nudge(adapter, msg, nudge, settings);
  }

  /**
   * Tells a member who addressed the bot in a group with what is almost a command (统计 本周, stat,
   * 我的负担吧) the commands it nearly spells, privately: the bot stays quiet in groups. Once per member
   * per HINT_COOLDOWN_MS. A hint lost is logged, not thrown: the message is stored, and the
   * platform's redelivery would find the cooldown taken.
   */
  private async hint(adapter: Adapter, msg: ChatMessage): Promise<void> {
    const near = nearCommands(msg.text);
    if (!near || !this.hinted.take(groupKey(msg.platform, msg.sender.id), this.now())) return;
    await adapter
      .sendPrivate(msg.sender.id, { text: TEXTS.near(near.names, near.lang) }, { groupId: msg.group!.id })
      .catch((err: unknown) =>
        this.log(`${msg.platform}: the hint answering message ${msg.id} was not delivered: ${err instanceof Error ? err.message : String(err)}`),
      );
  }

  /**
   * A command's marks: a lead's are made of the lead and the quarter hour it was sent in
   * (../core/command-key.ts leadMarks), for its message's id would name its sender; any other
   * command's, of its message's id.
   */
  private marksOf(adapter: Adapter, msg: ChatMessage, lead: ReturnType<typeof leadOf>): CommandMarks {
    if (!lead) return commandMarks(msg.id);
    return leadMarks(msg.platform, lead.groupId, lead.text, adapter.redeliversWithNewTime ? undefined : msg.ts);
  }

  /**
   * Runs a command once per message (a lead once per lead, see marksOf), however often the platform
   * delivers it. A delivery while the first is still running waits for it and shares its outcome (the
   * platform retries after 3 s, and an erasure may take longer). When the command fails, its mark is
   * forgotten, so the next redelivery runs it again rather than finding it done. A second mark says it
   * finished (see claimCommand, which takes over a run begun longer than `lease` ago). Resolves to false
   * when it was found done.
   */
  private once(msg: ChatMessage, marks: CommandMarks, lease: number, work: () => Promise<void>): Promise<boolean> {
    const key = marks.begun;
    const runKey = groupKey(msg.platform, key);
    const pending = this.running.get(runKey);
    if (pending) return pending;
    const { store } = this.opts;
    const run = (async () => {
      const begunAt = await this.claimCommand(msg, marks, lease);
      if (begunAt === 'done') return false;
      try {
        await work();
      } catch (err) {
        // Only this delivery's own mark: not one another delivery took the command over with.
        await store.unmarkSeen(msg.platform, key, begunAt).catch(() => {});
        throw err;
      }
      await store.markSeen(msg.platform, marks.done, this.now());
      // The begun mark holds the exact time the command came, which a lead keeps only to the quarter
      // hour; the done mark (at that quarter hour, for a lead) is all a redelivery needs. The work
      // is done: a mark left by a failed removal only waits for the retention purge.
      await store.unmarkSeen(msg.platform, key, begunAt).catch(() => {});
      return true;
    })().finally(() => this.running.delete(runKey));
    this.running.set(runKey, run);
    return run;
  }

  /**
   * Marks a command begun by this delivery (resolving to the mark's time), or finds it done. Instances
   * sharing one PostgreSQL store see each other's marks but not each other's runs: a delivery that finds
   * the command begun elsewhere waits up to COMMAND_WAIT_MS for it to finish, then fails, so the
   * platform delivers it again later instead of being told it was handled while that run may still fail.
   * A run that let go of its mark (it failed) is taken, and so is one begun longer ago than `lease`
   * (COMMAND_LEASE_MS; none for an adapter that runs alone, whose every such run is a dead process's),
   * taken to have died with its process or its database connection. (Earlier
   * releases' marks are made this release's at upgrade: ../store/command-marks-migration.ts and
   * ../store/lead-marks-migration.ts.)
   */
  private async claimCommand(msg: ChatMessage, { begun: key, done }: CommandMarks, lease: number): Promise<number | 'done'> {
    const { store } = this.opts;
    const giveUp = Date.now() + COMMAND_WAIT_MS;
    for (;;) {
      // Done first: a finished command keeps no begun mark to find.
      if (await store.seen(msg.platform, done)) return 'done';
      const begunAt = this.now();
      if (await store.markSeen(msg.platform, key, begunAt)) {
        // Finished elsewhere between the two looks (and its begun mark gone): done, not run again.
        if (!(await store.seen(msg.platform, done))) return begunAt;
        await store.unmarkSeen(msg.platform, key, begunAt);
        return 'done';
      }
      const begun = await store.seenAt(msg.platform, key);
      if (begun === undefined && Date.now() < giveUp) continue; // let go meanwhile: try to take it
      if (begun !== undefined && Math.abs(this.now() - begun) >= lease && Date.now() < giveUp) {
        // Only the stale mark is removed: of two deliveries taking over at once, the new mark decides.
        await store.unmarkSeen(msg.platform, key, begun);
        continue;
      }
      if (Date.now() >= giveUp)
        throw new Error(
          `command ${msg.id} was begun ${Math.max(0, Math.round((this.now() - (begun ?? this.now())) / 1000))} s ago and has not finished; a later delivery will find it done or take it over`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async nudge(
    adapter: Adapter,
    msg: ChatMessage,
    { finding, rule }: NonNullable<ReturnType<typeof nudgeFinding>>,
    settings: GroupSettings,
  ): Promise<void> {
    if (!(await this.claimNudge(msg.platform, msg.group!.id))) return;
    if (!(await this.opts.store.markSeen(msg.platform, `nudge:${msg.id}`, msg.ts))) return;
    const lang = settings.language ?? guessLang(msg.text);
    await adapter.sendToGroup(msg.group!.id, { text: nudgeText(finding, rule, lang) }, { replyTo: msg.id });
  }

  /**
   * Whether this group may be nudged now, claiming its cooldown if so. This process's last nudge is
   * checked first and claimed before any await (demands of one group handled at once would all pass);
   * then the store's mark of the group's last nudge, which instances sharing a database all see: an
   * expired mark is replaced only as it was read, so of two instances claiming at once one wins.
   */
  private async claimNudge(platform: string, groupId: string): Promise<boolean> {
    const key = groupKey(platform, groupId);
    const now = this.now();
    if (!this.nudged.take(key, now)) return false;
    const { store } = this.opts;
    const mark = `nudge-last:${groupId}`;
    const last = await store.seenAt(platform, mark);
    // A mark dated ahead of this clock by more than a cooldown came from a clock that is wrong: not obeyed.
    if (last !== undefined && now - last < NUDGE_COOLDOWN_MS && last - now < NUDGE_COOLDOWN_MS) {
      this.nudged.note(key, last);
      return false;
    }
    if (last !== undefined) await store.unmarkSeen(platform, mark, last);
    return store.markSeen(platform, mark, now);
  }

  private async runCommand(
    adapter: Adapter,
    msg: ChatMessage,
    name: keyof typeof HANDLERS,
    args: string,
    lang: Lang,
    marks: CommandMarks,
    handler: CommandHandler = HANDLERS[name],
  ): Promise<void> {
    const { store, engine, config } = this.opts;
    const groupId = msg.group?.id;
    // A command that only answers has done nothing until its answer arrives: a failed answer fails it,
    // and the platform's redelivery asks again. One that changes something has done its work first.
    const answerOnly = ANSWER_ONLY.has(name);
    // Sent before its sender's `forget me` and run only after it (late, or redelivered): run now, a
    // correction would store the id the erasure took. Taken as handled, so the platform stops delivering it.
    if (KEEPS_SENDER.has(name) && (await store.forgottenSince(msg.platform, msg.sender.id, msg.ts))) {
      this.log(`${msg.platform}: command ${msg.id} was sent before its sender was forgotten; not run`);
      return;
    }
    const delivered = (sent: Promise<void>): Promise<void> => (answerOnly ? sent : sent.catch((err: unknown) => this.replyFailed(msg, err)));
    const ctx: CommandContext = {
      msg,
      args,
      lang,
      adapter,
      store,
      engine,
      config,
      recent: this.recent,
      now: this.now(),
      isAdmin: () => isGroupAdmin(msg, adapter, config),
      // Otherwise a reply that fails is logged, not thrown: the work is done, and running it again on a
      // redelivery would do it twice (a second anonymous lead).
      replyPrivately: (text) => delivered(adapter.sendPrivate(msg.sender.id, { text }, { groupId })),
      replyInGroup: (text) => delivered(groupId ? adapter.sendToGroup(groupId, { text }, { replyTo: msg.id }) : adapter.sendPrivate(msg.sender.id, { text })),
      settingsChanged: (id) => {
        this.settings.delete(groupKey(msg.platform, id));
        this.settingsReads.delete(groupKey(msg.platform, id));
      },
      doneKey: marks.done,
    };
    await handler(ctx);
  }

  private replyFailed(msg: ChatMessage, err: unknown): void {
    this.log(`${msg.platform}: the answer to command ${msg.id} was not delivered: ${err instanceof Error ? err.message : String(err)}`);
  }

  /**
   * A group's settings, read again from the store once SETTINGS_TTL_MS old: an admin's `config` on
   * another instance sharing the database reaches this one within that time (on this one, at once).
   */
  private groupSettings(platform: string, groupId: string): LiveSettings | Promise<LiveSettings> {
    const key = groupKey(platform, groupId);
    const s = this.settings.get(key);
    if (s && this.now() - s.readAt < SETTINGS_TTL_MS) return s;
    let read = this.settingsReads.get(key);
    if (!read) {
      read = this.opts.store
        .groupSettings(platform, groupId)
        .then((stored) => {
          const fresh = { ...stored, disabled: new Set(stored.disabledRules), readAt: this.now() };
          // Not when a `config` changed them meanwhile: the next message reads them again.
          if (this.settingsReads.get(key) === read) this.settings.set(key, fresh);
          return fresh;
        })
        .finally(() => {
          if (this.settingsReads.get(key) === read) this.settingsReads.delete(key);
        });
      this.settingsReads.set(key, read);
    }
    return read;
  }
}
