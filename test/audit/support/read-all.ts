import { fileURLToPath } from 'node:url';
import type { ChatMessage } from '../../../src/core/chat-message.js';
import { BadEntries } from '../../../src/audit/bad-entries.js';
import type { OpenedExport, ReadHooks } from '../../../src/audit/export.js';

/** The path of a committed fixture export. */
export const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/exports/${name}`, import.meta.url));

/** Hooks that throw on the first broken entry, or (skip) collect every report line; notes are collected apart. */
export function hooks(skip = false): ReadHooks & { lines: string[]; notes: string[]; bytes: number; expected: number; entries: BadEntries } {
  const lines: string[] = [];
  const notes: string[] = [];
  const entries = new BadEntries(skip, (l) => lines.push(l));
  const h = {
    lines,
    notes,
    entries,
    bytes: 0,
    expected: 0,
    expect: (n: number) => {
      h.expected += n;
    },
    bad: (where: string, why: string) => entries.bad(where, why),
    note: (line: string) => notes.push(line),
    leftOut: () => {},
    progress: (n: number) => {
      h.bytes += n;
    },
  };
  return h;
}

export async function readAll(opened: OpenedExport): Promise<ChatMessage[]> {
  const out: ChatMessage[] = [];
  for await (const m of opened.messages()) out.push(m);
  return out;
}
