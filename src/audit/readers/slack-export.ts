import { fromMessageEvent, fromReaction, PLATFORM, saidByPerson, slackTime, type SlackMessageEvent } from '../../../adapters/slack/event-mapping.js';
import { counted } from '../../core/counted.js';
import type { ChatGroup, ChatMessage } from '../../core/chat-message.js';
import { InputError } from '../../core/errors.js';
import { Census } from '../census.js';
import type { OpenedExport, Person, ReadHooks } from '../export.js';
import { BadExportFile, type ExportFiles } from '../files/export-files.js';
import { folderFiles } from '../files/folder-files.js';
import { zipFiles } from '../files/zip-files.js';
import { JsonStructureError, streamJsonList } from '../json-stream.js';

type Obj = Record<string, unknown>;

interface SlackChannel {
  id: string;
  name: string;
  /** As the channel list states them; undefined when it does not, and the channel is sized by who took part. */
  members: string[] | undefined;
  direct: boolean;
}

// Channel lists of a Slack export: public channels, private channels, group DMs, DMs. DMs are no
// groups, and the bot does not count them either: their messages are only counted and dated.
const CHANNEL_LISTS = ['channels.json', 'groups.json', 'mpims.json', 'dms.json'];
const DIRECT = 'dms.json';

const DAY_FILE = /^(.+)\/(\d{4}-\d{2}-\d{2})\.json$/;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A message's time, if Slack could have written it: a DM left out dates a report that counts nothing else. */
function timeOf(m: Obj): number | undefined {
  try {
    return slackTime(m.ts, 'message');
  } catch {
    return undefined;
  }
}

/**
 * A stored message's reactions as the reaction events the bot would have seen. The export keeps no time
 * for a reaction, so each takes its message's ts, the nearest time known.
 */
function reactionsOf(m: Obj, channel: string): (ChatMessage | null)[] {
  if (!Array.isArray(m.reactions)) return [];
  return m.reactions
    .filter(isObj)
    .flatMap((r) =>
      (Array.isArray(r.users) ? r.users.map(String) : []).map((user) =>
        fromReaction(
          { type: 'reaction_added', user, reaction: String(r.name), item: { type: 'message', channel, ts: String(m.ts) }, event_ts: String(m.ts) },
          undefined,
        ),
      ),
    );
}

/**
 * The elements of one JSON list of the export (users, channels, a day's messages), one at a time: a
 * day file of any size is read in the memory of its largest message. `bad` hears of a broken element,
 * and reading goes on, or of where the file breaks off, as `name[index]` or `name`.
 */
async function* listItems(
  files: ExportFiles,
  name: string,
  hooks: ReadHooks,
  bad: (at: string, why: string) => void,
): AsyncGenerator<{ value: unknown; at: string }> {
  try {
    for await (const ev of streamJsonList(files.read(name), hooks.progress)) {
      if (ev.kind === 'value') continue; // a list has none
      const at = `${name}[${ev.index}]`;
      if (ev.kind === 'bad-item') bad(at, ev.reason);
      else yield { value: ev.value, at };
    }
  } catch (err) {
    if (err instanceof BadExportFile) bad(name, err.message);
    else if (err instanceof JsonStructureError) bad(err.where.startsWith('[') ? name + err.where : name, err.message);
    else throw err;
  }
}

/**
 * A Slack export, as a folder or a .zip: `users.json`, the channel lists with their members, and a
 * folder per channel holding a JSON file per day. Messages and reactions are mapped by the Slack adapter's
 * own mapping, so an audit and the bot see the same messages: thread replies point at their thread, an
 * acknowledging reaction is a 'reaction' message replying to its target. Ids are `<channel id>/<ts>`.
 */
export async function openSlackExport(path: string, zipped: boolean, hooks: ReadHooks): Promise<OpenedExport> {
  const files = zipped ? await zipFiles(path, 'channels.json') : await folderFiles(path, 'channels.json');
  try {
    return await openFiles(path, zipped, files, hooks);
  } catch (err) {
    files.close();
    throw err;
  }
}

/** The export in `files` opened: its users and channels read, its days listed for messages(). */
async function openFiles(path: string, zipped: boolean, files: ExportFiles, hooks: ReadHooks): Promise<OpenedExport> {
  const where = (name: string): string => `${path}: ${name}`;
  const broken = (at: string, why: string): void => hooks.bad(where(at), why);
  const present = new Set(files.names);
  if (!CHANNEL_LISTS.some((l) => present.has(l))) throw new InputError(`${path}: not a Slack export (no channels.json)`);
  for (const { name, reason } of files.refused) broken(name, reason);
  // Which of two unlike entries of one name is the export's cannot be told: the first is read, the other named.
  const twinned = async (name: string): Promise<void> => {
    const why = await files.unlike(name);
    if (why) broken(name, why);
  };

  const names = new Map<string, string>();
  const people: Person[] = [];
  if (present.has('users.json')) {
    await twinned('users.json');
    for await (const { value: u } of listItems(files, 'users.json', hooks, broken)) {
      if (!isObj(u)) continue;
      const id = str(u.id);
      if (!id) continue;
      const profile = isObj(u.profile) ? u.profile : {};
      const all = [str(profile.display_name), str(profile.real_name), str(u.real_name), str(u.name)].filter((n): n is string => !!n);
      if (all[0]) names.set(id, all[0]);
      people.push({ id, names: [...new Set(all)] });
    }
  }

  // The channel lists make the groups: a broken one stops the audit even with --skip-bad.
  const channels: SlackChannel[] = [];
  const brokenList = (at: string, why: string): never => {
    throw new InputError(`${where(at)}: ${why}`);
  };
  for (const list of CHANNEL_LISTS.filter((l) => present.has(l))) {
    await twinned(list);
    for await (const { value: c } of listItems(files, list, hooks, brokenList)) {
      if (!isObj(c)) continue;
      const id = str(c.id);
      if (!id) continue;
      channels.push({ id, name: str(c.name) ?? id, members: Array.isArray(c.members) ? c.members.map(String) : undefined, direct: list === DIRECT });
    }
  }

  // Day files by channel folder: public channels are foldered by name, DMs by id.
  const byFolder = new Map<string, { channel: SlackChannel; days: string[] }>();
  const channelOf = new Map<string, SlackChannel>();
  for (const c of channels) {
    channelOf.set(c.id, c);
    if (!channelOf.has(c.name)) channelOf.set(c.name, c);
  }
  const unlisted = new Set<string>();
  const directDays: string[] = [];
  for (const name of files.names) {
    const m = DAY_FILE.exec(name);
    if (!m) continue;
    const channel = channelOf.get(m[1]);
    if (!channel) {
      unlisted.add(m[1]);
      continue;
    }
    if (channel.direct) {
      directDays.push(name);
      continue;
    }
    let f = byFolder.get(m[1]);
    if (!f) byFolder.set(m[1], (f = { channel, days: [] }));
    f.days.push(name);
  }
  for (const folder of unlisted) broken(`${folder}/`, 'channel folder not listed in channels.json, groups.json, mpims.json or dms.json');

  const folders = [...byFolder].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, f]) => f);
  // A channel listed without its members is sized by everyone seen taking part, as the other formats are.
  const census = new Census();
  const chatGroups = new Map<string, ChatGroup>(
    folders.map(({ channel: c }) => {
      census.group(PLATFORM, c.id, c.name);
      if (c.members) census.listed(PLATFORM, c.id, c.members);
      return [c.id, c.members ? { id: c.id, name: c.name, memberCount: c.members.length, members: [...c.members].sort() } : { id: c.id, name: c.name }];
    }),
  );

  // A mention reads as the name users.json gives, which the evidence's pseudonyms replace; one of
  // someone it does not list reads as the id, made a person too so that the id is replaced as well.
  const unlistedMentioned = new Set<string>();
  const nameOf = (id: string): string | undefined => {
    const name = names.get(id);
    if (name === undefined) unlistedMentioned.add(id);
    return name;
  };

  /**
   * A stored message and its reactions, mapped exactly as the Slack adapter maps the live events, so
   * a message the adapter would refuse (no ts, a time Slack never writes) is a broken entry here.
   */
  function toMessages(m: Obj, group: ChatGroup): ChatMessage[] {
    const event = { ...(m as unknown as SlackMessageEvent), type: 'message', channel: group.id };
    const mapped = [fromMessageEvent(event, undefined, '', nameOf), ...reactionsOf(m, group.id)];
    // Bot and system messages, and DMs, which the bot does not count either, map to nothing.
    return mapped.filter((msg): msg is ChatMessage => !!msg?.group);
  }

  async function* messages(): AsyncGenerator<ChatMessage> {
    try {
      for (const { channel, days } of folders) {
        const group = chatGroups.get(channel.id)!;
        for (const day of days) {
          await twinned(day);
          for await (const { value: m, at } of listItems(files, day, hooks, broken)) {
            let msgs: ChatMessage[];
            try {
              if (!isObj(m)) throw new InputError('not a message');
              msgs = toMessages(m, group);
            } catch (e) {
              if (!(e instanceof InputError)) throw e;
              broken(at, e.message);
              continue;
            }
            for (const msg of msgs) {
              msg.group = group;
              msg.sender.name = names.get(msg.sender.id);
              census.seen(PLATFORM, group.id, msg.sender.id);
              yield msg;
            }
          }
        }
      }
      // A DM is left out, as a WeChat one-to-one chat is: its people's messages are counted and dated, their text not read.
      // A damaged DM file is no broken entry: nothing of it would be read anyway; it is only counted.
      let direct = 0;
      const damaged = new Set<string>();
      for (const day of directDays) {
        // A DM day zipped twice unlike is damaged, as an unreadable one is: neither entry is read, its text never would be.
        if (await files.unlike(day)) {
          hooks.note(`${where(day)}: a second entry of this DM day in the zip, unlike the first; left out as damaged`);
          damaged.add(day);
          continue;
        }
        for await (const { value: m } of listItems(files, day, hooks, () => damaged.add(day))) {
          if (!isObj(m) || !saidByPerson(m as unknown as SlackMessageEvent, '')) continue;
          direct++;
          const ts = timeOf(m);
          if (ts !== undefined) hooks.leftOut(ts);
        }
      }
      if (direct) hooks.note(`${path}: ${counted(direct, 'message')} of DMs (one-to-one chats) left out (not a group)`);
      if (damaged.size) hooks.note(`${path}: ${counted(damaged.size, 'DM day file')} damaged, left out too`);
      // A damaged day still dates a report of DMs alone, by its name: noon of that day, within it in any zone.
      for (const day of damaged) {
        const date = /(\d{4}-\d{2}-\d{2})\.json$/.exec(day)?.[1];
        const noon = date === undefined ? NaN : Date.parse(`${date}T12:00:00Z`);
        if (Number.isFinite(noon)) hooks.leftOut(noon);
      }
    } finally {
      files.close();
    }
  }

  // What is read: the lists above, each group's days, and the DMs' days.
  const read = ['users.json', ...CHANNEL_LISTS]
    .filter((n) => present.has(n))
    .concat(
      folders.flatMap((f) => f.days),
      directDays,
    );
  hooks.expect(read.reduce((sum, name) => sum + files.size(name), 0));
  return {
    path,
    format: zipped ? 'slack-zip' : 'slack-folder',
    messages,
    groups: () => census.groupList(),
    people: () => [...people, ...[...unlistedMentioned].map((id) => ({ id, names: [] }))],
  };
}
