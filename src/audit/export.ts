import type { ChatMessage } from '../bot/chat-message.js';

/** The export formats `fingertip audit` reads, chosen from a file's content by detect.ts. */
export type ExportFormat = 'jsonl' | 'slack-folder' | 'slack-zip' | 'wechatmsg-csv' | 'chatlab-json' | 'chatlab-jsonl';

/** A group as the report needs it: how many members (the recipients of a demand) and who they are (sprawl). */
export interface AuditGroup {
  id: string;
  name: string;
  members: number;
  memberIds: string[];
}

/** Someone an export names: the names a pseudonym must hide in evidence text. */
export interface Person {
  id: string;
  names: string[];
}

/**
 * An export opened for reading: its groups and people are known up front (readers whose format lacks
 * member lists take a first, cheap census pass), and its messages then stream one at a time.
 */
export interface OpenedExport {
  path: string;
  format: ExportFormat;
  groups: AuditGroup[];
  people: Person[];
  messages(): AsyncIterable<ChatMessage>;
}

/** What a reader reports to while it reads. */
export interface ReadHooks {
  /** A broken entry: throws an InputError unless bad entries are skipped. `where` names file and line/entry. */
  bad(where: string, reason: string): void;
  /** How many bytes the reader will read over all its passes, said once before it reads them. */
  expect(bytes: number): void;
  /** Bytes just read, for the progress bar. */
  progress(bytes: number): void;
}
