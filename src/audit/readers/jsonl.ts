import { basename } from 'node:path';
import type { ChatGroup, ChatMessage } from '../../bot/chat-message.js';
import { Census } from '../census.js';
import type { OpenedExport, ReadHooks } from '../export.js';
import { readLines } from '../lines.js';
import { mentionsAll } from '../mentions-all.js';
import { fileSize, fileStream } from '../open-file.js';

/** One line of the contract's JSONL, as far as it is valid. */
interface Line {
  msg: ChatMessage;
  members: string[] | null;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `ts` of the contract: ISO 8601 with an offset, or Unix seconds (a number or a numeric string); epoch ms. */
export function parseTs(value: unknown): number | string {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  if (typeof value === 'string') {
    if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
    if (ISO_WITH_OFFSET.test(value)) {
      const ms = Date.parse(value);
      if (!Number.isNaN(ms)) return ms;
    }
    return `ts "${value.slice(0, 40)}" is neither ISO 8601 with an offset nor Unix seconds`;
  }
  return value === undefined ? 'missing ts' : 'ts must be ISO 8601 with an offset or Unix seconds';
}

const optStr = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** Parses one line; a string is the reason it is broken. Groups are filled in by the caller. */
function parseLine(text: string, no: number, fallbackGroup: string): Line | string {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch (err) {
    return `invalid JSON (${(err as Error).message.split('\n')[0]})`;
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return 'expected a JSON object';
  const r = o as Record<string, unknown>;
  if (typeof r.text !== 'string') return 'missing "text" (a string)';
  const ts = parseTs(r.ts);
  if (typeof ts === 'string') return ts;
  const groupId = optStr(r.group_id) ?? fallbackGroup;
  const senderId = optStr(r.sender_id) ?? 'unknown';
  let members: string[] | null = null;
  if (r.members !== undefined && r.members !== null) {
    if (!Array.isArray(r.members)) return '"members" must be a list of member ids';
    members = r.members.map(String);
  }
  const msg: ChatMessage = {
    platform: optStr(r.platform) ?? 'jsonl',
    id: optStr(r.id) ?? `${fallbackGroup}:${no}`,
    group: { id: groupId, name: optStr(r.group_name) },
    sender: { id: senderId, name: optStr(r.sender_name) },
    text: r.text,
    ts,
    kind: 'text',
    mentionsAll: mentionsAll(r.text),
    replyTo: optStr(r.reply_to) ?? null,
  };
  return { msg, members };
}

/**
 * The contract's JSONL (../shared/interface.md): one message a line. A first pass takes the census of
 * groups (names, `members`, else everyone seen) so that every message knows its recipients; the second
 * streams the messages.
 */
export async function openJsonl(path: string, hooks: ReadHooks): Promise<OpenedExport> {
  hooks.expect((await fileSize(path)) * 2); // a census pass, then the messages
  const fallbackGroup = basename(path).replace(/\.jsonl?$/i, '');
  const census = new Census();
  for await (const line of readLines(fileStream(path), hooks.progress)) {
    if (line.tooLong || line.text.trim() === '') continue;
    const parsed = parseLine(line.text, line.no, fallbackGroup);
    if (typeof parsed === 'string') continue; // reported by the second pass
    const { msg, members } = parsed;
    const gid = msg.group!.id;
    census.group(gid, msg.group!.name);
    if (members) census.listed(gid, members);
    census.seen(gid, msg.sender.id);
    census.person(msg.sender.id, msg.sender.name);
  }
  const { groups, people } = census.result();
  const chatGroups = new Map<string, ChatGroup>(groups.map((g) => [g.id, { id: g.id, name: g.name, memberCount: g.members, members: g.memberIds }]));

  async function* messages(): AsyncGenerator<ChatMessage> {
    for await (const line of readLines(fileStream(path), hooks.progress)) {
      if (line.tooLong) {
        hooks.bad(`${path}:${line.no}`, 'line longer than 1 MiB');
        continue;
      }
      if (line.text.trim() === '') continue;
      const parsed = parseLine(line.text, line.no, fallbackGroup);
      if (typeof parsed === 'string') {
        hooks.bad(`${path}:${line.no}`, parsed);
        continue;
      }
      parsed.msg.group = chatGroups.get(parsed.msg.group!.id)!;
      yield parsed.msg;
    }
  }
  return { path, format: 'jsonl', groups, people, messages };
}
