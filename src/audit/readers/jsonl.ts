import { basename } from 'node:path';
import type { ChatGroup, ChatMessage } from '../../core/chat-message.js';
import { Census } from '../census.js';
import type { OpenedExport, ReadHooks } from '../export.js';
import { readLines, NOT_UTF8, TOO_LONG } from '../../core/read-lines.js';
import { mentionsAll } from '../mentions-all.js';
import { fileSize, fileStream } from '../open-file.js';
import { groupKey, type GroupKey } from '../../core/group-key.js';
import { cutText } from '../../core/cut-text.js';
import { timeProblem } from '../../core/time/message-time.js';
import { realPath } from '../../core/real-path.js';
import { parseJsonLine } from '../../core/json-line.js';

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether month `m` (1–12) of year `y` has a day `d`. */
const isDay = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `ts` of the contract: ISO 8601 with an offset, or Unix seconds (a number or a numeric string); epoch ms, or why not. */
export function parseTs(value: unknown): number | string {
  const ms = tsOf(value);
  if (typeof ms === 'string') return ms;
  const problem = timeProblem(ms);
  return problem ? `ts ${String(value).slice(0, 40)}: ${problem}` : ms;
}

function tsOf(value: unknown): number | string {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  if (typeof value === 'string') {
    if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
    const iso = ISO_WITH_OFFSET.exec(value);
    if (iso) {
      // Date.parse rolls a day the month has not over into the next (30 February is 2 March).
      if (!isDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return `ts "${cutText(value, 40)}": no such day`;
      const ms = Date.parse(value);
      if (!Number.isNaN(ms)) return ms;
    }
    return `ts "${cutText(value, 40)}" is neither ISO 8601 with an offset nor Unix seconds`;
  }
  return value === undefined ? 'missing ts' : 'ts must be ISO 8601 with an offset or Unix seconds';
}

const optStr = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/**
 * The contract's JSONL (docs/interface.md): one message a line, read in one streaming pass. A
 * line's `members` is its group at that time, so it gives the message's recipients; groups without
 * any are sized by everyone seen in them.
 */
export async function openJsonl(path: string, hooks: ReadHooks): Promise<OpenedExport> {
  hooks.expect(await fileSize(path));
  const census = new Census();
  // A line without a group_id is in the group named after the file (its real one: a link is read as
  // what it points to), and one without an id is named by that name and its line: by name, as nothing
  // else in it tells a chat, so the file given twice (by another path, a link, a copy in another
  // folder) counts once, no folder shows in a report, and two chats must be exported under two names.
  const fileName = basename(realPath(path)).replace(/\.jsonl?$/i, '');
  // One group object per group for lines without members: no allocation per message.
  const shared = new Map<GroupKey, ChatGroup>();

  /** A line as a message, or the reason it is broken. */
  function parseLine(text: string, no: number): ChatMessage | string {
    let o: unknown;
    try {
      o = parseJsonLine(text);
    } catch (err) {
      return `invalid JSON (${(err as Error).message.split('\n')[0]})`;
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return 'expected a JSON object';
    const r = o as Record<string, unknown>;
    if (typeof r.text !== 'string') return 'missing "text" (a string)';
    const ts = parseTs(r.ts);
    if (typeof ts === 'string') return ts;
    if (r.members != null && !Array.isArray(r.members)) return '"members" must be a list of member ids';
    const givenId = optStr(r.group_id);
    const groupId = givenId ?? fileName;
    const groupName = optStr(r.group_name) ?? (givenId === undefined ? fileName : undefined);
    const senderName = optStr(r.sender_name);
    // Without an id, a sender is known by their name: pooled under one id, they would all take one name.
    const senderId = optStr(r.sender_id) ?? (senderName !== undefined ? `name:${senderName}` : 'unknown');
    const platform = optStr(r.platform) ?? 'jsonl';
    census.group(platform, groupId, groupName);
    census.seen(platform, groupId, senderId);
    census.person(senderId, senderName);
    let group: ChatGroup;
    if (Array.isArray(r.members)) {
      // A list may repeat an id or leave out the sender, who is in the group all the same.
      const members = new Set(r.members.map(String)).add(senderId);
      census.listed(platform, groupId, members);
      group = { id: groupId, name: groupName, memberCount: members.size };
    } else {
      const key = groupKey(platform, groupId);
      group = shared.get(key) ?? { id: groupId, name: groupName };
      shared.set(key, group);
    }
    return {
      platform,
      id: optStr(r.id) ?? `${fileName}:${no}`,
      group,
      sender: { id: senderId, name: senderName },
      text: r.text,
      ts,
      kind: 'text',
      mentionsAll: mentionsAll(r.text),
      replyTo: optStr(r.reply_to) ?? null,
    };
  }

  async function* messages(): AsyncGenerator<ChatMessage> {
    for await (const line of readLines(fileStream(path), hooks.progress)) {
      if (line.tooLong || line.notUtf8) {
        hooks.bad(`${path}:${line.no}`, line.tooLong ? TOO_LONG : NOT_UTF8);
        continue;
      }
      if (line.text.trim() === '') continue;
      const msg = parseLine(line.text, line.no);
      if (typeof msg === 'string') hooks.bad(`${path}:${line.no}`, msg);
      else yield msg;
    }
  }
  return { path, format: 'jsonl', messages, groups: () => census.groupList(), people: () => census.personList() };
}
