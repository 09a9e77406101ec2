import { describe, expect, it } from 'vitest';
import { extractDeadline } from '../../../src/analysis/record/deadline.js';

const at = (dayOffset: number, h: number, m = 0) => dayOffset * 1440 + h * 60 + m;

describe('extractDeadline', () => {
  it.each([
    ['请全体同事今晚十点前完成打卡并截图发群里', at(0, 22)],
    ['各位晚上9点前上报', at(0, 21)],
    ['明早7点前提交材料', at(1, 7)],
    ['22：00前填好表格', at(0, 22)],
    ['截止到晚上9点半', at(0, 21, 30)],
    ['下午五点前', at(0, 17)],
    ['今天下午3点半之前报送', at(0, 15, 30)],
    ['明天十二点前', at(1, 12)],
    ['凌晨1点前', at(0, 1)],
    ['中午1点前', at(0, 13)],
    ['後天早上8點前', at(2, 8)],
    ['All staff: fill in the form by 11pm', at(0, 23)],
    ['submit before 7am tomorrow', at(1, 7)],
    ['by 5pm today', at(0, 17)],
    ['by 10 tonight', at(0, 22)],
    ['upload by 18:30', at(0, 18, 30)],
    ['by midnight', at(1, 0)],
    ['by tomorrow at 8 am', at(1, 8)],
    ['due by noon', at(0, 12)],
  ])('%s', (text, expected) => {
    expect(extractDeadline(text)).toEqual(expected);
  });

  it.each(['本周五前完成', 'by 5 people', '我们10点开会', 'before the meeting', '请大家填表', '3点'])('finds no time in %s', (text) => {
    expect(extractDeadline(text)).toBeNull();
  });
});
