import { describe, expect, it } from 'vitest';
import { NameMatcher, replaceFound } from '../../src/core/name-matcher.js';

const mark = (m: NameMatcher, text: string) =>
  replaceFound(
    text,
    (i) => m.lengthAt(text, i),
    (start, end) => `[${text.slice(start, end)}]`,
  );

describe('NameMatcher', () => {
  it('finds Latin names as whole words in any case, Chinese names anywhere, the longest first', () => {
    const m = new NameMatcher(['Li', 'Li Wei', '王小明', '王小', 'A', '我', 'U0BOB']);
    expect(mark(m, 'li wei and Li like LIKE <@U0BOB>')).toBe('[li wei] and [Li] like LIKE <@[U0BOB]>');
    expect(mark(m, '王小明说王小二也没交，我知道')).toBe('[王小明]说[王小]二也没交，我知道');
    expect(mark(m, 'A plan')).toBe('A plan');
    expect(mark(m, '')).toBe('');
    // İ lower-cases to two characters: the match must still cover the whole name.
    const turkish = new NameMatcher(['İbrahim Yılmaz', 'Ali İnce']);
    expect(mark(turkish, 'send İbrahim Yılmaz and ALI İNCE a photo')).toBe('send [İbrahim Yılmaz] and [ALI İNCE] a photo');
  });

  it('takes ten thousand members at little cost a text', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `U${i}X${i * 7}`);
    const m = new NameMatcher([...names, ...names.map((_, i) => `name${i}`)]);
    expect(mark(m, 'send it to U42X294 and name9999 by Friday')).toBe('send it to [U42X294] and [name9999] by Friday');
  });

  it('takes ten thousand ids that all begin alike (Feishu ou_…) at little cost a text', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `ou_${i.toString(16).padStart(32, '0')}`);
    const m = new NameMatcher(ids);
    const text = `${'Everyone, please route your hours through our form, you know the one about our output. '.repeat(6)} ${ids[42]}`;
    expect(mark(m, text)).toBe(text.replace(ids[42], `[${ids[42]}]`));
    const start = performance.now();
    for (let i = 0; i < 20; i++) mark(m, text);
    // A generous bound that catches the list scan (about 300 ms a text), not a timing target.
    expect((performance.now() - start) / 20).toBeLessThan(30);
  });

  it('finds a name of one character only where it is mentioned, before no further letter', () => {
    const m = new NameMatcher(['静', '🌸', 'A', 'Amy']);
    expect(mark(m, '@静 @Amy @🌸 请各位家长尽快填报统计表，安静一点')).toBe('@[静] @[Amy] @[🌸] 请各位家长尽快填报统计表，安静一点');
    expect(mark(m, '@静怡 你好，＠静：A plan, @A')).toBe('@静怡 你好，＠[静]：A plan, @[A]');
  });

  it('never finds an id of digits inside a number or beside Chinese, where it is a date or a time', () => {
    const m = new NameMatcher(['10', '20', '88', 'U2']);
    expect(mark(m, '请各位老师于10月20日前上报，U2今天交，88 号也交，1088 不算')).toBe('请各位老师于10月20日前上报，[U2]今天交，[88] 号也交，1088 不算');
  });

  it('finds a Latin name glued to Chinese text, and a Greek name with a final sigma in capitals', () => {
    const m = new NameMatcher(['Tom', 'Σοφίας']);
    expect(mark(m, '请Tom今天把大家的打卡截图汇总，Tomorrow 再说')).toBe('请[Tom]今天把大家的打卡截图汇总，Tomorrow 再说');
    expect(mark(m, 'ΣΟΦΊΑΣ here')).toBe('[ΣΟΦΊΑΣ] here');
  });

  it('finds a name whichever script, simplified or traditional, it and the text are written in, keeping the text around it', () => {
    const simplified = new NameMatcher(['张三', '李四', '静']);
    expect(mark(simplified, '請各位今天下班前填報統計表，張三、李四還沒交的明天通報，@靜 也是')).toBe(
      '請各位今天下班前填報統計表，[張三]、[李四]還沒交的明天通報，@[靜] 也是',
    );
    const traditional = new NameMatcher(['王書記', '張三']);
    expect(mark(traditional, '反映：王书记每天让张三和李四晚上打卡')).toBe('反映：[王书记]每天让[张三]和李四晚上打卡');
  });
});
