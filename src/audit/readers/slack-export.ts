import { fromMessageEvent, fromReaction, type SlackMessageEvent } from '../../../adapters/slack/event-mapping.js';
import type { ChatGroup, ChatMessage } from '../../bot/chat-message.js';
import { InputError } from '../../util/errors.js';
import type { AuditGroup, OpenedExport, Person, ReadHooks } from '../export.js';
import { BadExportFile, type ExportFiles } from '../files/export-files.js';
import { folderFiles } from '../files/folder-files.js';
import { zipFiles } from '../files/zip-files.js';

type Obj = Record<string, unknown>;

interface SlackChannel {
  id: string;
  name: string;
  members: string[];
  direct: boolean;
}

// Channel lists of a Slack export: public channels, private channels, group DMs, DMs. DMs are listed
// only so that their folders are known; they are not groups, and the bot does not count them either.
const CHANNEL_LISTS = ['channels.json', 'groups.json', 'mpims.json', 'dms.json'];
const DIRECT = 'dms.json';

const DAY_FILE = /^(.+)\/(\d{4}-\d{2}-\d{2})\.json$/;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * A stored message's reactions as the reaction events the bot would have seen. The export keeps no time
 * for a reaction, so each takes its message's ts, the nearest time known.
 */
function reactionsOf(m: Obj, channel: string): (ChatMessage | null)[] {
  if (!Array.isArray(m.reactions)) return [];
  return m.reactions.filter(isObj).flatMap((r) =>
    (Array.isArray(r.users) ? r.users.map(String) : []).map((user) =>
      fromReaction({ type: 'reaction_added', user, reaction: String(r.name), item: { type: 'message', channel, ts: String(m.ts) }, event_ts: String(m.ts) }, undefined),
    ),
  );
}

/** Reads one JSON file of the export; a string is the reason it is broken. */
async function readJson(files: ExportFiles, name: string, hooks: ReadHooks): Promise<unknown> {
  let buf: Buffer;
  try {
    buf = await files.read(name, hooks.progress);
  } catch (err) {
    if (err instanceof BadExportFile) return err.message;
    throw err;
  }
  try {
    return JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    return `invalid JSON (${(err as Error).message.split('\n')[0]})`;
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
  const where = (name: string): string => `${path}: ${name}`;
  const present = new Set(files.names);
  if (!CHANNEL_LISTS.some((l) => present.has(l))) {
    files.close();
    throw new InputError(`${path}: not a Slack export (no channels.json)`);
  }

  const names = new Map<string, string>();
  const people: Person[] = [];
  if (present.has('users.json')) {
    const users = await readJson(files, 'users.json', hooks);
    if (!Array.isArray(users)) hooks.bad(where('users.json'), typeof users === 'string' ? users : 'expected a list of users');
    else {
      for (const u of users.filter(isObj)) {
        const id = str(u.id);
        if (!id) continue;
        const profile = isObj(u.profile) ? u.profile : {};
        const all = [str(profile.display_name), str(profile.real_name), str(u.real_name), str(u.name)].filter((n): n is string => !!n);
        if (all[0]) names.set(id, all[0]);
        people.push({ id, names: [...new Set(all)] });
      }
    }
  }

  const channels: SlackChannel[] = [];
  for (const list of CHANNEL_LISTS.filter((l) => present.has(l))) {
    const data = await readJson(files, list, hooks);
    if (!Array.isArray(data)) throw new InputError(`${where(list)}: ${typeof data === 'string' ? data : 'expected a list of channels'}`);
    for (const c of data.filter(isObj)) {
      const id = str(c.id);
      if (!id) continue;
      channels.push({ id, name: str(c.name) ?? id, members: Array.isArray(c.members) ? c.members.map(String) : [], direct: list === DIRECT });
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
  for (const name of files.names) {
    const m = DAY_FILE.exec(name);
    if (!m) continue;
    const channel = channelOf.get(m[1]);
    if (!channel) {
      unlisted.add(m[1]);
      continue;
    }
    if (channel.direct) continue;
    let f = byFolder.get(m[1]);
    if (!f) byFolder.set(m[1], (f = { channel, days: [] }));
    f.days.push(name);
  }
  for (const folder of unlisted) hooks.bad(where(`${folder}/`), 'channel folder not listed in channels.json, groups.json, mpims.json or dms.json');

  const folders = [...byFolder].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, f]) => f);
  const groups: AuditGroup[] = folders.map(({ channel: c }) => ({ id: c.id, name: c.name, members: c.members.length, memberIds: [...c.members].sort() }));
  const chatGroups = new Map<string, ChatGroup>(groups.map((g) => [g.id, { id: g.id, name: g.name, memberCount: g.members, members: g.memberIds }]));

  /** A stored message and its reactions, mapped exactly as the Slack adapter maps the live events. */
  function* toMessages(m: Obj, group: ChatGroup): Generator<ChatMessage> {
    const event = { ...(m as unknown as SlackMessageEvent), type: 'message', channel: group.id };
    for (const msg of [fromMessageEvent(event, undefined, ''), ...reactionsOf(m, group.id)]) {
      if (!msg || !msg.group) continue; // bot and system messages; DMs, which the bot does not count either
      msg.group = group;
      msg.sender.name = names.get(msg.sender.id);
      yield msg;
    }
  }

  async function* messages(): AsyncGenerator<ChatMessage> {
    try {
      for (const { channel, days } of folders) {
        const group = chatGroups.get(channel.id)!;
        for (const day of days) {
          const data = await readJson(files, day, hooks);
          if (!Array.isArray(data)) {
            hooks.bad(where(day), typeof data === 'string' ? data : 'expected a list of messages');
            continue;
          }
          for (let i = 0; i < data.length; i++) {
            const m = data[i] as unknown;
            if (!isObj(m) || !str(m.ts) || !Number.isFinite(Number(m.ts))) {
              hooks.bad(where(`${day}[${i}]`), 'not a message with a "ts"');
              continue;
            }
            yield* toMessages(m, group);
          }
        }
      }
    } finally {
      files.close();
    }
  }

  // What is read: the lists above, and each group's days (DM folders are left unread).
  const read = ['users.json', ...CHANNEL_LISTS].filter((n) => present.has(n)).concat(folders.flatMap((f) => f.days));
  hooks.expect(read.reduce((sum, name) => sum + files.size(name), 0));
  return { path, format: zipped ? 'slack-zip' : 'slack-folder', messages, groups: () => groups, people: () => people };
}
