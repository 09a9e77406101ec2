import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../../src/analysis/record/classify-message.js';
import type { ChatMessage } from '../../../src/core/chat-message.js';
import { defaultEngine } from '../../../src/engine/index.js';

const DEMAND = '请全体同事今晚十点前完成打卡并截图发群里';
const msg = (kind: ChatMessage['kind'], text: string): ChatMessage => ({ platform: 't', id: 'm', group: null, sender: { id: 'u' }, text, ts: 0, kind });

describe('classifyMessage', () => {
  it('classifies text, with or without a kind given', () => {
    expect(classifyMessage(defaultEngine(), msg('text', DEMAND)).categories).toContain('check-in');
    expect(classifyMessage(defaultEngine(), msg(undefined, DEMAND)).categories).toContain('check-in');
  });

  it('never flags the placeholder of a link, file or image, whatever its title says', () => {
    for (const kind of ['link', 'file', 'image', 'miniprogram', 'reaction'] as const) {
      expect(classifyMessage(defaultEngine(), msg(kind, `[${kind}] ${DEMAND}`))).toEqual({ categories: [], findings: [] });
    }
  });

  it('honours rules a group switched off', () => {
    const all = classifyMessage(defaultEngine(), msg('text', DEMAND));
    const off = new Set(all.findings.map((f) => f.rule));
    expect(classifyMessage(defaultEngine(), msg('text', DEMAND), { disabled: off }).categories).toEqual([]);
  });
});
