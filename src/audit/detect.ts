import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { isMacMetadata } from './files/export-files.js';
import { cannotRead } from './open-file.js';
import type { ExportFormat, OpenedExport, ReadHooks } from './export.js';
import { openChatLab } from './readers/chatlab.js';
import { openJsonl } from './readers/jsonl.js';
import { openSlackExport } from './readers/slack-export.js';
import { openWeChatMsgCsv } from './readers/wechatmsg-csv.js';

const PEEK = 64 * 1024;
const WECHATMSG_COLUMNS = ['localId', 'TalkerId', 'Type', 'IsSender', 'CreateTime', 'StrContent'];
const KNOWN = 'a Slack export (folder or .zip), contract JSONL, a WeChatMsg CSV, or ChatLab JSON/JSONL';

async function isSlackFolder(path: string): Promise<boolean> {
  return (await exists(join(path, 'channels.json'))) || (await exists(join(path, 'users.json')));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function tryParse(line: string): Record<string, unknown> | undefined {
  try {
    const o: unknown = JSON.parse(line);
    return typeof o === 'object' && o !== null && !Array.isArray(o) ? (o as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The format of the first lines of a text file, if they tell. */
function textFormat(head: string): ExportFormat | undefined {
  const text = head.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0];
  if (
    WECHATMSG_COLUMNS.every((c) =>
      firstLine
        .split(',')
        .map((s) => s.trim().replace(/^"|"$/g, ''))
        .includes(c),
    )
  )
    return 'wechatmsg-csv';
  if (!text.trimStart().startsWith('{')) return undefined;
  // ChatLab says so in its first entry; the first lines that parse tell (the first may be the broken one).
  for (const line of text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 5)) {
    const o = tryParse(line);
    if (o?._type === 'header' && 'chatlab' in o) return 'chatlab-jsonl';
    if (o && 'chatlab' in o && 'messages' in o) return 'chatlab-json';
  }
  // A JSON document over many lines (or longer than the peek) that opens with ChatLab's header.
  if (/^\s*\{\s*"(chatlab|meta|members|messages)"\s*:/.test(text) && /"chatlab"\s*:\s*\{/.test(text)) return 'chatlab-json';
  // Any other text of JSON objects is the contract's JSONL, whose reader names each broken line.
  return 'jsonl';
}

/**
 * The format of an export, chosen by its content: a folder holding `channels.json` is a Slack export,
 * a zip is one zipped, and a text file is told by its first lines (a CSV header, a JSON line's keys).
 */
export async function detectFormat(path: string): Promise<ExportFormat> {
  let s;
  try {
    s = await stat(path);
  } catch (err) {
    throw cannotRead(path, err);
  }
  if (s.isDirectory()) {
    if (await isSlackFolder(path)) return 'slack-folder';
    // Unpacked from a zip, an export often sits in a folder of its own (export/channels.json), as a zip may.
    const inner = (
      await readdir(path, { withFileTypes: true }).catch((err: unknown) => {
        throw cannotRead(path, err);
      })
    ).filter((e) => !isMacMetadata(e.isDirectory() ? `${e.name}/` : e.name));
    if (inner.length === 1 && inner[0].isDirectory() && (await isSlackFolder(join(path, inner[0].name)))) return 'slack-folder';
    throw new InputError(`${path}: a folder without channels.json is not a Slack export; expected ${KNOWN}`);
  }
  // A pipe or device (/dev/stdin) reads once; an export may be read twice (told by its start, then read).
  if (!s.isFile()) throw new InputError(`${path}: not a file (a pipe or device); save the export to a file and name that`);
  if (s.size === 0) throw new InputError(`${path}: empty file`);
  const fh = await open(path, 'r').catch((err: unknown) => {
    throw cannotRead(path, err);
  });
  const buf = Buffer.alloc(Math.min(PEEK, s.size));
  try {
    await fh.read(buf, 0, buf.length, 0);
  } finally {
    await fh.close();
  }
  // "PK\3\4" starts a zip; "PK\5\6" is an empty one.
  if (buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5)) return 'slack-zip';
  const format = buf.includes(0) ? undefined : textFormat(buf.toString('utf8'));
  if (!format) throw new InputError(`${path}: unknown export format; expected ${KNOWN}`);
  return format;
}

/** Detects the format and opens the export with its reader. */
export async function openExport(path: string, hooks: ReadHooks): Promise<OpenedExport> {
  const format = await detectFormat(path);
  switch (format) {
    case 'jsonl':
      return openJsonl(path, hooks);
    case 'slack-folder':
    case 'slack-zip':
      return openSlackExport(path, format === 'slack-zip', hooks);
    case 'wechatmsg-csv':
      return openWeChatMsgCsv(path, hooks);
    case 'chatlab-json':
    case 'chatlab-jsonl':
      return openChatLab(path, format === 'chatlab-jsonl', hooks);
  }
}
