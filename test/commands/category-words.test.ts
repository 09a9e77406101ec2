import { describe, expect, it } from 'vitest';
import { categoryWords } from '../../src/commands/category-words.js';

describe('categoryWords', () => {
  it('reads ids, labels in either language, and a word of one label', () => {
    expect(categoryWords('check-in, 截图 rankings').categories).toEqual(['check-in', 'proof-demand', 'ranking-pressure']);
    expect(categoryWords('点赞转发和回复收到').categories).toEqual(['ack-demand', 'like-quota']);
    expect(categoryWords('forms and data').categories).toEqual(['data-request']);
    expect(categoryWords('screenshot app install').categories).toEqual(['app-install', 'proof-demand']);
  });

  it("reads the everyday words for a category's chores", () => {
    expect(categoryWords('接龙').categories).toEqual(['ack-demand']);
    expect(categoryWords('投票 拍照').categories).toEqual(['like-quota', 'proof-demand']);
    expect(categoryWords('填报、上报').categories).toEqual(['data-request']);
    expect(categoryWords('vote leaderboard').categories).toEqual(['like-quota', 'ranking-pressure']);
  });

  it('returns words that name no category, or a word of no single one, apart', () => {
    expect(categoryWords('likes 摸鱼 please')).toEqual({ categories: ['like-quota'], unknown: ['摸鱼', 'please'] });
    expect(categoryWords('')).toEqual({ categories: [], unknown: [] });
  });
});
