import type { MessageRecord } from '../../../src/core/message-record.js';
import type { Category } from '../../../src/core/categories.js';
import type { Finding } from '../../../src/core/finding.js';
import { extractDeadline } from '../../../src/analysis/record/deadline.js';
import { textHash } from '../../../src/analysis/record/text-hash.js';
import { defaultConfig } from '../../../src/core/config-defaults.js';
import { localDay } from '../../../src/core/time/zone.js';

/** A MessageRecord for report tests: plain message by default, a demand when given categories (its deadline read in the default zone). */
export function record(over: Partial<MessageRecord> & { id: string; ts: number }): MessageRecord {
  const text = over.text ?? null;
  return {
    platform: 'test',
    groupId: 'G1',
    groupName: 'ops',
    senderId: 'u1',
    senderName: 'Li',
    length: text?.length ?? 4,
    hash: text ? textHash(text) : `plain-${over.id}`,
    replyTo: null,
    isAck: false,
    mentionsAll: false,
    recipients: 9,
    categories: [],
    findings: [],
    text,
    deadline: text && over.categories?.length ? extractDeadline(text, localDay(over.ts, defaultConfig().timezone)) : null,
    ...over,
  };
}

/** A demand whose findings mark `match` inside `text`. */
export function demand(over: Partial<MessageRecord> & { id: string; ts: number; text: string }, categories: Category[], match?: string): MessageRecord {
  const m = match ?? over.text;
  const start = over.text.indexOf(m);
  const findings: Finding[] = categories.map((c) => ({ rule: `${c}/test`, category: c, span: [start, start + m.length], match: m }));
  return record({ categories, findings, ...over });
}
