/** Whose week `stats` answers for when told: the whole group's instead of the asker's. */
const GROUP = 'this group|group|本群|全群|群';
/** The asker's own week, as `stats` answers anyway. */
const MINE = 'my week|mine|me|我的|我|个人';
/** This week, the one `stats` answers for. */
const THIS_WEEK = '\\bthis week\\b|本周|这周|本星期|这个?星期|本礼拜|这个?礼拜';
/** Another week or a month, of which `stats` keeps no answer. */
const OTHER_PERIOD =
  '\\b(?:last|previous|next) (?:week|month)\\b|\\bthis month\\b|上+周|上+个?(?:星期|礼拜)|下+周|下个?(?:星期|礼拜)|本月|这个?月|上+个?月|下个?月';
/** One of them, then a space, a comma or 的 (本群的, 上周的) or the end. */
const PHRASE = new RegExp(`^(?:(${GROUP})|${MINE}|${THIS_WEEK}|${OTHER_PERIOD})(?:[\\s,，、的]+|$)`, 'iu');
/** A verb's measure before what `stats` takes (统计下本群, 统计一下 本周), not 下 of 下周; 统计一下 alone is chat. */
const MEASURE = /^(?:一下|下(?![周个星礼月]))\s*/u;

/**
 * What the words after `stats` ask for, or undefined when they are not what it takes: nothing, whose
 * week (本群, group, me) and which week or month (本周, 上周, last week), in any order (本群 本周, 统计下本群).
 */
export function statsWords(words: string): { group: boolean } | undefined {
  let rest = words.trim();
  if (rest === '') return { group: false };
  rest = rest.replace(MEASURE, '');
  if (rest === '') return undefined;
  let group = false;
  while (rest !== '') {
    const m = PHRASE.exec(rest);
    if (!m) return undefined;
    group ||= m[1] !== undefined;
    rest = rest.slice(m[0].length);
  }
  return { group };
}

/** The week or month other than this week that words ask `stats` for (上周, last week), or undefined. */
export function otherPeriod(words: string): string | undefined {
  return new RegExp(OTHER_PERIOD, 'iu').exec(words)?.[0];
}
