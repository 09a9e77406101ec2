import type { ChatMessage } from '../core/chat-message.js';

/** The export formats `fingertip audit` reads, chosen from a file's content by detect.ts. */
export type ExportFormat = 'jsonl' | 'slack-folder' | 'slack-zip' | 'wechatmsg-csv' | 'chatlab-json' | 'chatlab-jsonl';

/** A group as the report needs it: how many members (the recipients of a demand) and who they are (sprawl). */
export interface AuditGroup {
  platform: string;
  id: string;
  name: string;
  members: number;
  /** The members the export lists; none where only those seen taking part are known (no roster for sprawl). */
  memberIds?: string[];
}

import type { Person } from '../core/person.js';

export type { Person };

/**
 * An export opened for reading: its messages stream once, one at a time. A message carries its group's
 * member count only where the export states it at that time (Slack's channel lists, JSONL `members`);
 * otherwise the report costs it with the group's size as finally known, like the bot's store does.
 * Groups and people are complete once the messages have been read to the end.
 */
export interface OpenedExport {
  path: string;
  format: ExportFormat;
  messages(): AsyncIterable<ChatMessage>;
  groups(): AuditGroup[];
  people(): Person[];
}

/** What a reader reports to while it reads. */
export interface ReadHooks {
  /** A broken entry: throws an InputError unless bad entries are skipped. `where` names file and line/entry. */
  bad(where: string, reason: string): void;
  /** Messages left out that are not broken (a one-to-one chat, not a group), said in one line. */
  note(line: string): void;
  /** The time of a message so left out: the export's own dates, for a report that counts none of its messages. */
  leftOut(ts: number): void;
  /** How many bytes the reader will read, said once before it reads them. */
  expect(bytes: number): void;
  /** Bytes just read, for the progress bar. */
  progress(bytes: number): void;
}
