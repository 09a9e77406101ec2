import { counted } from '../../core/counted.js';
import { basename } from 'node:path';
import { pipeline } from 'node:stream';
import { cutText } from '../../core/cut-text.js';
import { timeProblem } from '../../core/time/message-time.js';
import { InputError } from '../../core/errors.js';
import { MAX_LINE, NOT_UTF8 } from '../../core/read-lines.js';
import { utf8Checked } from '../../core/utf8-checked.js';
import { parse, type CsvError } from 'csv-parse';
import type { ChatGroup, ChatMessage, MessageKind } from '../../core/chat-message.js';
import { Census } from '../census.js';
import { csvOversized } from './csv-oversized.js';
import type { OpenedExport, ReadHooks } from '../export.js';
import { mentionsAll } from '../mentions-all.js';
import { fileSize, fileStream } from '../open-file.js';

type Row = Record<string, string>;

/** A row made into a message, or why it cannot be: not said, of a one-to-one chat, or broken. */
type Parsed = { msg: ChatMessage; names: string[] } | { skip: true } | { privateChat: true; ts?: number } | { bad: string };

// WeChat's message types (MSG.Type) as WeChatMsg exports them; others get a typed placeholder.
const PLACEHOLDER: Record<string, [MessageKind, string]> = {
  '3': ['image', '[image]'],
  '34': ['other', '[voice]'],
  '42': ['other', '[contact card]'],
  '43': ['other', '[video]'],
  '47': ['other', '[sticker]'],
  '48': ['other', '[location]'],
  '50': ['other', '[call]'],
};
// System notices and recalls: nobody said them.
const NOT_SAID = new Set(['10000', '10002']);
// App messages (Type 49) by SubType: their title is what the reader sees.
const APP_KIND: Record<string, MessageKind> = { '5': 'link', '6': 'file', '33': 'miniprogram', '36': 'miniprogram', '57': 'text' };

const title = (xml: string): string | undefined => /<title>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/title>/.exec(xml)?.[1]?.trim() || undefined;

/** No chat message is this long: refused as a JSONL line or a JSON entry of the size is. */
const TOO_LARGE = `row larger than ${MAX_LINE >> 20} MiB`;

function toMessage(r: Row, groupName: string): Parsed {
  const type = r.Type ?? '';
  if (NOT_SAID.has(type)) return { skip: true };
  const talker = r.TalkerId || groupName;
  // A one-to-one chat is no group, as a Slack DM is not, and the bot does not count it either. Its
  // export has no Sender column, or talks with a person's id (wxid_…); a group's may leave Sender
  // empty on the exporter's own rows, and newer exports give groups a numeric TalkerId.
  const ts = /^\d+$/.test(r.CreateTime ?? '') ? Number(r.CreateTime) * 1000 : undefined;
  const problem = ts === undefined ? undefined : timeProblem(ts);
  if (!talker.endsWith('@chatroom') && (!('Sender' in r) || talker.startsWith('wxid_'))) return { privateChat: true, ...(!problem && { ts }) };
  if (ts === undefined) return { bad: `CreateTime "${cutText(r.CreateTime ?? '', 20)}" is not Unix seconds` };
  if (problem) return { bad: `CreateTime ${r.CreateTime!.slice(0, 20)}: ${problem}` };
  // A numeric TalkerId numbers the chat in its exporter's own database only (two colleagues' exports
  // of two chats may both say 12); with the chat's name, which the file bears, the two stay apart, while
  // one member's two exports of a chat (the same number, name and localIds) still overlap.
  const groupId = /^\d+$/.test(talker) ? `${groupName}/${talker}` : talker;
  // A group row without a sender (an exporter's own message, say) says at least whether it was us.
  const senderId = r.Sender || (r.IsSender === '1' ? 'self' : `talker:${groupId}`);
  let text = r.StrContent ?? '';
  let kind: MessageKind = 'text';
  if (text.startsWith(`${senderId}:\n`)) text = text.slice(senderId.length + 2);
  if (type === '49') {
    kind = APP_KIND[r.SubType ?? ''] ?? 'link';
    text = title(text) ?? `[${kind}]`;
  } else if (type !== '1') {
    [kind, text] = PLACEHOLDER[type] ?? ['other', `[type ${type}]`];
  }
  const name = r.Remark || r.NickName || undefined;
  return {
    msg: {
      platform: 'wechat',
      id: `${groupId}/${r.localId}`,
      group: { id: groupId, name: groupName },
      sender: { id: senderId, name },
      text,
      ts,
      kind,
      mentionsAll: mentionsAll(text),
      replyTo: null,
    },
    names: [r.Remark, r.NickName].filter((n): n is string => !!n),
  };
}

/**
 * The rows of the CSV, each with the line it ends on. csv-parse handles what WeChat messages hold
 * (quoted commas and line breaks, XML, the BOM of utf-8-sig) and streams; a broken row goes to `bad`.
 */
async function* rows(path: string, hooks: ReadHooks): AsyncGenerator<{ row: Row; line: number }> {
  const input = fileStream(path);
  input.on('data', (chunk: Buffer | string) => hooks.progress(chunk.length));
  // A CSV saved as GBK (Excel's default on Chinese Windows) stops at its first broken line, whatever
  // --skip-bad says: every row after it would be as broken.
  const parser = pipeline(
    input,
    utf8Checked((line) => new InputError(`${path}:${line}: ${NOT_UTF8}`)),
    // Left out before csv-parse, which would hold it whole, whatever its size.
    csvOversized(
      MAX_LINE,
      (line) => hooks.bad(`${path}:${line}`, TOO_LARGE),
      (line) => new InputError(`${path}:${line}: header ${TOO_LARGE}`),
    ),
    parse({
      columns: true,
      bom: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err: CsvError | undefined) => {
        if (err) hooks.bad(`${path}:${String(err.lines ?? '?')}`, err.message.replace(/ on line \d+$/, ''));
        return undefined;
      },
    }),
    () => {}, // an error reaches the loop below through the parser, which pipeline destroys with it
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) yield { row: record, line: info.lines };
  } finally {
    input.destroy();
  }
}

/**
 * A WeChatMsg (留痕) CSV export of one chat: `localId, TalkerId, Type, SubType, IsSender, CreateTime,
 * Status, StrContent, StrTime`, plus `Remark, NickName, Sender` for groups. The file names the chat
 * ("<name>_utf8.csv"). It has no member list: the group is everyone seen taking part. A one-to-one
 * chat's rows are left out, and counted in one note.
 */
export async function openWeChatMsgCsv(path: string, hooks: ReadHooks): Promise<OpenedExport> {
  hooks.expect(await fileSize(path));
  const groupName = basename(path).replace(/(_utf8)?\.csv$/i, '');
  const census = new Census();
  const groups = new Map<string, ChatGroup>();

  async function* messages(): AsyncGenerator<ChatMessage> {
    let privately = 0;
    for await (const { row, line } of rows(path, hooks)) {
      const p = toMessage(row, groupName);
      if ('bad' in p) hooks.bad(`${path}:${line}`, p.bad);
      if ('privateChat' in p) {
        privately++;
        if (p.ts !== undefined) hooks.leftOut(p.ts);
      }
      if (!('msg' in p)) continue;
      const { msg } = p;
      const gid = msg.group!.id;
      let group = groups.get(gid);
      if (!group) groups.set(gid, (group = msg.group!));
      msg.group = group;
      census.group(msg.platform, gid, groupName);
      census.seen(msg.platform, gid, msg.sender.id);
      for (const name of p.names) census.person(msg.sender.id, name);
      yield msg;
    }
    if (privately) hooks.note(`${path}: ${counted(privately, 'message')} of a one-to-one chat left out (not a group)`);
  }
  return { path, format: 'wechatmsg-csv', messages, groups: () => census.groupList(), people: () => census.personList() };
}
