import { describe, expect, it } from 'vitest';
import { extractDeadline } from '../../../src/analysis/record/deadline.js';
import { DAY_MS } from '../../../src/core/time/units.js';

const at = (dayOffset: number, h: number, m = 0) => dayOffset * 1440 + h * 60 + m;
/** The local day number of a date, as toRecord passes it. */
const on = (date: string) => Date.parse(date) / DAY_MS;
const THU = on('2026-12-10'); // Thursday 10 December 2026: the 12th is a Saturday

// The day and period words come from rules/lists/deadline-*.yaml; these cases were pinned before they moved there.
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
    ['请大家今晚10点钟前完成打卡', at(0, 22)],
    ['明早8点整之前交表', at(1, 8)],
    ['All staff: fill in the form by 11pm', at(0, 23)],
    ['submit before 7am tomorrow', at(1, 7)],
    ['by 5pm today', at(0, 17)],
    ['by 10 tonight', at(0, 22)],
    ['upload by 18:30', at(0, 18, 30)],
    ['by midnight', at(1, 0)],
    ['by tomorrow at 8 am', at(1, 8)],
    ['due by noon', at(0, 12)],
    ['今天10点前', at(0, 10)],
    ['今日十点前', at(0, 10)],
    ['今早8点前', at(0, 8)],
    ['今夜11点前', at(0, 23)],
    ['明天上午9点前', at(1, 9)],
    ['明日下午2点前', at(1, 14)],
    ['明晚8点前', at(1, 20)],
    ['明晨6点前', at(1, 6)],
    ['后天9点前', at(2, 9)],
    ['早上７点前', at(0, 7)],
    ['早晨7点30前', at(0, 7, 30)],
    ['上午１０：３０前', at(0, 10, 30)],
    ['傍晚6点前', at(0, 18)],
    ['夜里11点前', at(0, 23)],
    ['夜间十一点前', at(0, 23)],
    ['晚8点前', at(0, 20)],
    ['早8点前', at(0, 8)],
    ['今晚８点前', at(0, 20)],
    ['明天９：１５前', at(1, 9, 15)],
    ['下午3点一刻前', at(0, 15, 15)],
    ['下午3点15分前', at(0, 15, 15)],
    ['下午三点二十分以前', at(0, 15, 20)],
    ['两点前', at(0, 2)],
    ['二十三点为止', at(0, 23)],
    ['十点為止', at(0, 10)],
    ['截至今晚10点', at(0, 22)],
    ['截止时间：明天上午10点', at(1, 10)],
    ['最晚明早9点', at(1, 9)],
    ['最迟下午5点', at(0, 17)],
    ['不晚于今天18:00', at(0, 18)],
    ['截止于22:00', at(0, 22)],
    ['今晚十点半之前', at(0, 22, 30)],
    ['今天24点前', at(1, 0)],
    ['中午12点前', at(0, 12)],
    ['晚上12点前', at(1, 0)], // the midnight that ends the evening
    ['今晚零点前', at(1, 0)],
    ['零点前', at(0, 0)],
    ['〇点前', at(0, 0)],
    ['by 9 a.m.', at(0, 9)],
    ['before 6 P.M.', at(0, 18)],
    ['until 10pm tonight', at(0, 22)],
    ['till 3pm', at(0, 15)],
    ['no later than 4:30 pm', at(0, 16, 30)],
    ['due at 17:00', at(0, 17)],
    ['due 5pm', at(0, 17)],
    ['by tomorrow morning 9am', at(1, 9)],
    ['by tomorrow evening 7', at(1, 19)],
    ['by tomorrow night 11', at(1, 23)],
    ['by 11:59pm tonight', at(0, 23, 59)],
    ['by noon tomorrow', at(1, 12)],
    ['before midnight tonight', at(1, 0)],
    ['by ７ｐｍ', at(0, 19)],
    ['BY 8PM', at(0, 20)],
    ['by 12am', at(0, 0)],
    ['by 12pm', at(0, 12)],
    ['by 0:30', at(0, 0, 30)],
  ])('%s', (text, expected) => {
    expect(extractDeadline(text, THU)).toEqual(expected);
  });

  it.each([
    '今天25点前',
    'by 25:00',
    'by 9:75',
    '本周五前完成',
    'by 5 people',
    '我们10点开会',
    'before the meeting',
    '请大家填表',
    '3点',
    '前天',
    '截止',
    'before 2020',
    'by tomorrow',
  ])('finds no time in %s', (text) => {
    expect(extractDeadline(text, THU)).toBeNull();
  });

  it.each([
    ['2026-12-10', '周六上午10点前交表', at(2, 10)],
    ['2026-12-10', '本周日晚8点前', at(3, 20)],
    ['2026-12-10', '星期六9点前', at(2, 9)],
    ['2026-12-10', '礼拜天下午3点前', at(3, 15)],
    ['2026-12-10', '下周一早上8点前', at(4, 8)],
    ['2026-12-10', '下周六上午10点前', at(9, 10)],
    ['2026-12-10', '周四下午5点前', at(7, 17)], // today's weekday is next week's
    ['2026-12-10', '截止到周六上午10点', at(2, 10)],
    ['2026-12-10', '12月12日（周六）上午9点前', at(2, 9)],
    ['2026-12-10', '12月12日周六上午9点前', at(2, 9)],
    ['2026-12-10', '12月13日18:00前', at(3, 18)],
    ['2026-12-10', '十二月十三日上午十点前', at(3, 10)],
    ['2026-12-10', '12月10日18:00前', at(0, 18)], // today's date is today
    ['2026-12-10', '12号晚上10点前', at(2, 22)],
    ['2026-12-10', '8号晚上10点前', at(29, 22)], // past this month: 8 January
    ['2026-12-10', 'by Saturday 10am', at(2, 10)],
    ['2026-12-10', 'by 9am on Sunday', at(3, 9)],
    ['2026-12-10', 'before Dec 12 at 5pm', at(2, 17)],
    ['2026-12-10', 'by Saturday, December 12 at 5pm', at(2, 17)],
    ['2026-12-10', 'by 12th Dec 9am', at(2, 9)],
    ['2026-12-10', 'by next Monday 10am', at(4, 10)],
    ['2026-12-10', 'by this Friday 6:30pm', at(1, 18, 30)],
    ['2026-12-10', 'by midnight on Friday', at(2, 0)],
    ['2026-12-12', '周六上午10点前', at(7, 10)], // said on a Saturday
    ['2026-12-12', '周日晚8点前', at(1, 20)],
    ['2026-12-13', '周六上午10点前', at(6, 10)], // said on a Sunday
    ['2026-12-13', '下周六上午10点前', at(6, 10)], // next week starts tomorrow
    ['2026-12-13', '下周一早上8点前', at(1, 8)],
    ['2026-12-13', 'by Saturday 10am', at(6, 10)],
    ['2026-12-14', '下周一早上8点前', at(7, 8)], // said on a Monday
    ['2026-12-30', '1月2日上午9点前', at(3, 9)], // next year's
    ['2026-12-30', '1月2日（周六）上午9点前', at(3, 9)],
    ['2026-12-30', '2号上午9点前', at(3, 9)],
    ['2026-12-30', '周六上午10点前', at(3, 10)],
    ['2026-12-30', 'by Jan 2 9am', at(3, 9)],
    ['2026-12-30', '2027年1月2日上午9点前', at(3, 9)],
    ['2026-12-10', 'by 5pm on Friday 11 December', at(1, 17)],
    ['2026-12-10', '下下周一早上8点前', at(11, 8)], // the week after next, not next week
    ['2026-12-01', '下个月5号18点前', at(35, 18)], // 5 January, not this month's 5th
    ['2026-12-01', '下月5日18:00前', at(35, 18)],
    ['2026-12-01', '下个月3号上午9点前', at(33, 9)], // next year's January
    ['2026-12-30', '下个月3号上午9点前', at(4, 9)],
    ['2026-12-20', '下下个月5号18点前', at(47, 18)],
    ['2026-12-01', '本月5号18点前', at(4, 18)],
    ['2026-12-01', '这个月5日下午6点前', at(4, 18)],
  ])('on %s reads %s', (sent, text, expected) => {
    expect(extractDeadline(text, on(sent))).toEqual(expected);
  });

  it.each([
    ['2026-12-10', '周六前交表'], // a day without a time
    ['2026-12-10', 'by Friday'],
    ['2026-12-10', '12月12日前'],
    ['2026-12-10', 'by Dec 12'],
    ['2026-12-10', '12月12日（周日）上午9点前'], // the 12th is a Saturday
    ['2026-12-10', 'by Sunday, Dec 12 at 5pm'],
    ['2026-12-10', 'by 5pm on Thursday 11 December'], // the 11th is a Friday
    ['2026-12-30', '2026年1月2日上午9点前'], // a year past
    ['2026-12-10', '12月1日上午9点前'], // a year on
    ['2026-12-10', '3月1日上午9点前'], // more than 60 days on
    ['2026-12-10', '2月30日上午9点前'],
    ['2026-11-10', '31号上午9点前'], // November has no 31st
    ['2026-12-10', '本月5号18点前'], // past, and said as this month's
    ['2026-10-10', '下个月31号18点前'], // November has no 31st
    ['2026-12-01', '下下个月5号18点前'], // more than 60 days on
  ])('on %s reads no deadline in %s', (sent, text) => {
    expect(extractDeadline(text, on(sent))).toBeNull();
  });
});
