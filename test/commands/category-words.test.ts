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

  it("reads the typical wordings of docs/taxonomy.md's table, in either language, as the category they are listed under", () => {
    const typical: Record<string, string[]> = {
      'check-in': ['签到', '报平安', '健康打卡', '定位打卡', '在线时长', '日报接龙', 'check in', 'sign in', 'daily status', 'online'],
      'data-request': ['问卷', '台账', '统计表', '信息采集', '填写问卷', '报送材料', 'sheet', 'survey', 'fill in', 'questionnaire'],
      'like-quota': ['拉票', '转发', '评论', '在看', '关注公众号', '观看直播', '刷阅读量', '转发朋友圈', 'upvote', 'vote for', 'comment', 'watch', 'stream'],
      'app-install': ['下载', '注册', '实名', '小程序', '实名认证', '激活账号', '下载安装', 'download', 'sign up', 'account', 'log in', 'portal'],
      'ranking-pressure': ['排名', '通报', '挂钩考核', '任务数', '完成率', 'quota', 'completion rate', 'score'],
      'proof-demand': ['截屏', '上传', '拍照上传', '上传凭证', 'upload', 'evidence', 'picture'],
      'ack-demand': ['扣1', '回复1', '回1', '已读回复', 'reply', 'received', 'confirm', 'read receipts', 'thumbs up'],
    };
    for (const [category, words] of Object.entries(typical))
      for (const word of words) expect(categoryWords(word), word).toEqual({ categories: [category], unknown: [] });
  });

  it('reads words written apart by / 、 ， , as by spaces', () => {
    expect(categoryWords('报平安/扣1')).toEqual({ categories: ['ack-demand', 'check-in'], unknown: [] });
    expect(categoryWords('拉票，截屏、台账')).toEqual({ categories: ['data-request', 'like-quota', 'proof-demand'], unknown: [] });
    expect(categoryWords('sign in, upload／vote for')).toEqual({ categories: ['check-in', 'like-quota', 'proof-demand'], unknown: [] });
  });

  it('returns words that name no category, or a word of no single one, apart', () => {
    expect(categoryWords('likes 摸鱼 please')).toEqual({ categories: ['like-quota'], unknown: ['摸鱼', 'please'] });
    expect(categoryWords('')).toEqual({ categories: [], unknown: [] });
  });
});
