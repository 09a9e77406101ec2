import type { Config } from '../core/config.js';
import { storedReport, type ReportStore } from '../analysis/report/from-store.js';
import type { Report } from '../analysis/report/report.js';
import type { ReportBuilder } from '../analysis/report/builder.js';
import { groupKey, type GroupKey } from '../core/group-key.js';
import { withoutGroups } from './without-groups.js';
import type { GroupRef } from '../analysis/report/details.js';
import type { FeedbackCounts, Store } from '../store/store.js';
import { isAnonymousId } from '../core/anonymous-id.js';
import { CATEGORIES } from '../core/categories.js';
import { weekRange } from '../core/time/iso-week.js';
import type { Digest } from './digest.js';
import { digestLanguage } from './language.js';
import { evidenceTexts } from '../render/report-language.js';
import { KnownPeople } from './known-people.js';
import { heaviestFirst, leftOut, shownGroup, shownGroups, tooSmall, withoutFigures } from './privacy.js';
import { Pseudonyms, PSEUDONYM_PREFIX } from '../core/pseudonyms.js';
import { quote } from './quote.js';
import { rate } from './rating.js';
import type { Recipient } from './recipients.js';
import { weeksEndingWith } from './weeks.js';

export type DigestStore = ReportStore & Pick<Store, 'groupSettings' | 'leads' | 'isOptedOut' | 'feedbackCounts' | 'groupPeople' | 'hiddenNames'>;

/** The trend covers this many weeks, the digest's own included. */
export const TREND_WEEKS = 5;
export const MAX_EXAMPLES = 3;
export const MAX_SENDERS = 10;

/**
 * One supervisor's digest of one week, from the one ReportBuilder: the report of each trend week as
 * `fingertip report` reads it from the store, so the week's figures are exactly the report's.
 * `knownPeople`: who the groups know, shared by the digests of one run (./known-people.ts).
 */
export async function buildDigest(
  config: Config,
  store: DigestStore,
  recipient: Recipient,
  week: string,
  knownPeople = new KnownPeople(store, [recipient]),
): Promise<Digest> {
  const tz = config.timezone;
  const { platform, groupIds } = recipient.scope;
  const wanted = groupIds && new Set(groupIds);
  // Its own groups only, read once for every week's report: not every member of the platform's groups.
  const groups = await store.groups(platform, groupIds);
  const ranges = weeksEndingWith(week, TREND_WEEKS, tz).map((w) => ({ week: w, ...weekRange(w, tz) }));
  const current = ranges.length - 1;
  const storedSize = (g: (typeof groups)[number]): number => g.members || g.memberIds.length + g.unlisted;
  const weekBuilder = (r: { from: number; to: number }, out: ReadonlySet<GroupKey>, hide?: Pseudonyms) =>
    out.size === 0
      ? storedReport(store, config, r, { platform, groupIds }, hide, groups)
      : storedReport(
          withoutGroups(store, out),
          config,
          r,
          { platform, groupIds },
          hide,
          groups.filter((g) => !out.has(groupKey(g.platform, g.id))),
        );
  // Each week's figures leave out the small groups (privacy.ts leftOut), each by its platform and id:
  // the week is read again without them, so that no figure, total or line, holds theirs. A group's
  // size is the report's, by platform and id too (a 3-person Slack "g1" is no 40-person WeChat "g1"):
  // the store's, else what its messages show; in an earlier week, no more than its messages of that week
  // showed, as the store keeps only today's size (a group of 3 in an earlier week that has 6 today was
  // small then). This week's are today's: on DingTalk, whoever has spoken so far.
  // `seen`: the sizes of all the weeks' groups; `names`: the week's groups' names, by platform and id.
  const seen: number[] = [];
  type Counted = { builder: ReportBuilder; out: ReadonlySet<GroupKey>; outIds: ReadonlySet<string>; names: ReadonlyMap<GroupKey, string> };
  const counted = async (r: { from: number; to: number }, earlier: boolean): Promise<Counted> => {
    const all = await weekBuilder(r, new Set());
    const sizes = all.groupSizes().map((g) => ({ ...g, members: earlier && g.seen > 0 ? Math.min(g.members, g.seen) : g.members }));
    seen.push(...sizes.map((g) => g.members));
    const places = new Map<GroupKey, { id: string; members: number }>();
    // An earlier week's group of no known size and no messages then has nothing to leave out of it.
    for (const g of groups) if (!earlier || storedSize(g) > 0) places.set(groupKey(g.platform, g.id), { id: g.id, members: storedSize(g) });
    for (const g of sizes) places.set(g.key, { id: g.id, members: g.members });
    const out = leftOut([...places].map(([key, g]) => ({ key, members: g.members })));
    const outIds = new Set([...out].map((key) => places.get(key)!.id));
    const names = new Map(sizes.map((g) => [g.key, g.name]));
    return { builder: out.size === 0 ? all : await weekBuilder(r, out), out, outIds, names };
  };
  // Each earlier week's builder goes once its report is built: it holds a few numbers for every demand.
  const reports: Report[] = [];
  let anyLeftOut = false;
  for (const r of ranges.slice(0, current)) {
    const c = await counted(r, true);
    reports.push(c.builder.build());
    anyLeftOut ||= c.out.size > 0;
  }
  const now = await counted(ranges[current], false);
  anyLeftOut ||= now.out.size > 0;
  const report = now.builder.build();
  let details = now.builder.details();
  reports.push(report);
  const platforms = [...new Set(groups.map((g) => g.platform))];
  // The groups it covers, stored or only seen in its weeks' messages: when all are small, every figure is theirs alone.
  // A stored group not seen in its weeks (kept past the retention for its size and settings) has no
  // figure here, so it hides none.
  const since = ranges[0].from;
  const active = groups.filter((g) => g.lastSeen === null || g.lastSeen >= since);
  const sizes = [...active.map(storedSize), ...seen];
  const allSmall = sizes.length > 0 && sizes.every(tooSmall);

  const settings = await Promise.all(groups.map((g) => store.groupSettings(g.platform, g.id)));
  const lang = digestLanguage(
    recipient.lang,
    settings.map((s) => s.language),
    groups.map((g) => g.name),
    evidenceTexts(details),
  );

  // Members a quote or a lead names ("李四上周没打卡") are not named in the digest, whichever of its
  // groups knows them, by name or by id, nor those who opted out or were forgotten, whose names the
  // store keeps only as hashes: each becomes 成员N / Member N, the same one throughout (the latter
  // in group names too, see shownGroup). Its groups know who wrote in them in any week, as `stats
  // group` reads them: where the platform lists no members, last week's 李四 is known only so.
  const hidden = await store.hiddenNames();
  const people = await knownPeople.of(recipient.scope);
  const pseudonyms = new Pseudonyms(people, PSEUDONYM_PREFIX[lang], hidden);
  // A long message's evidence is its start and the words around its findings, cut where a hidden name
  // is not split only when the cut knows them: half of 欧阳小明 is no name the quote's scrub can find.
  // The week is read again for that once the language, and so the pseudonyms, are known, as `report` does.
  if (hidden.names.length) details = (await weekBuilder(ranges[current], now.out, pseudonyms)).details();

  // A group is named where its figures are counted, by platform and id: groups without messages this
  // week (sprawl) by the store's name, the rest by the report's.
  const names = new Map<GroupKey, string>(groups.map((g) => [groupKey(g.platform, g.id), g.name]));
  for (const [key, name] of now.names) names.set(key, name);
  const shownOn = (platform: string, id: string): string | null => {
    const key = groupKey(platform, id);
    const name = names.get(key);
    return name === undefined || now.out.has(key) ? null : pseudonyms.hide(name);
  };
  // Members' feedback is counted by group id alone: an id any group left out has is not counted, though
  // another platform's group has it too, so that no count is a left-out group's.
  const feedbackOf = async (outIds: ReadonlySet<string>): Promise<FeedbackCounts> => {
    if (outIds.size === 0) return store.feedbackCounts({ ...ranges[current], platform, groupIds });
    const ids = [...new Set([...groups.map((g) => g.id), ...report.groups.map((g) => g.id)])].filter((id) => !outIds.has(id));
    return ids.length ? store.feedbackCounts({ ...ranges[current], platform, groupIds: ids }) : { corrected: 0, missed: 0, correctedBySender: 0 };
  };
  // Messages sent while opted out, or before `forget me`, carry an anonymous id instead of the sender's.
  const optedOut = async (user: string): Promise<boolean> => {
    if (isAnonymousId(user)) return true;
    for (const p of platforms) if (await store.isOptedOut(p, user)) return true;
    return false;
  };

  const digest: Digest = {
    week,
    timezone: tz,
    lang,
    demands: report.demands,
    personMinutes: report.person_minutes,
    afterHours: report.after_hours,
    categories: CATEGORIES.filter((c) => report.by_category[c] > 0)
      .map((category) => ({ category, demands: report.by_category[category], personMinutes: details.minutesByCategory[category] }))
      .sort(heaviestFirst),
    groups: [],
    trend: reports.map((r, i) => ({ week: ranges[i].week, demands: r.demands, personMinutes: r.person_minutes })),
    duplicates: [],
    ackStorms: [],
    sprawl: [],
    leads: (await store.leads(ranges[current]))
      .filter((l) => (!platform || l.platform === platform) && (l.groupId === null ? !wanted : !wanted || wanted.has(l.groupId)))
      .map((l) => quote(l.text, pseudonyms)),
    examples: [],
    feedback: await feedbackOf(now.outIds),
    ...(anyLeftOut ? { smallGroupsLeftOut: true as const } : {}),
  };

  for (const g of report.groups) {
    if (g.demands === 0) continue;
    const name = shownGroup(g.name, g.members, pseudonyms);
    if (name !== null)
      digest.groups.push({ name, demands: g.demands, personMinutes: g.person_minutes, rating: rate(g.person_minutes, config.digest.thresholds) });
  }
  // A finding names no small group, as the week's figures leave it out; a duplicate or overlap left
  // with one group is none. Each group is judged by its platform and id, as the report's JSON names
  // it by id alone.
  const found = details.findingGroups;
  const shownRef = (g: GroupRef) => shownOn(g.platform, g.id);
  const shownRefs = (refs: readonly GroupRef[]) => shownGroups(refs.map(shownRef));
  digest.duplicates = found.duplicates.map(shownRefs).filter((groups) => groups.length > 1);
  digest.ackStorms = report.ack_storms.flatMap((a, i) => {
    const group = shownRef(found.ackStorms[i]);
    return group === null ? [] : [{ group, acks: a.acks }];
  });
  digest.sprawl = report.sprawl.map((s, i) => ({ groups: shownRefs(found.sprawl[i]), overlap: s.overlap })).filter((s) => s.groups.length > 1);
  for (const e of details.evidence) {
    if (digest.examples.length === MAX_EXAMPLES) break;
    // A small group is not quoted from: its figures are not shown, nor its words.
    const group = shownOn(e.platform, e.groupId);
    if (e.text === null || group === null || (await optedOut(e.senderId))) continue;
    const rules = [...new Set(e.findings.map((f) => f.rule))];
    digest.examples.push({ text: quote(e.text, pseudonyms), group, ts: e.ts, rules, personMinutes: e.personMinutes });
  }
  if (config.digest.detail === 'senders') {
    digest.senders = [];
    // Only demands in groups shown by name count: naming who sent those of a small group would point at it.
    const counted = details.senders
      .map((s) => ({ ...s, demands: s.byGroup.reduce((n, g) => n + (shownOn(s.platform, g.groupId) === null ? 0 : g.demands), 0) }))
      .filter((s) => s.demands > 0)
      .sort((a, b) => b.demands - a.demands);
    for (const s of counted) {
      if (digest.senders.length === MAX_SENDERS) break;
      if (!(await optedOut(s.id))) digest.senders.push({ name: s.name, demands: s.demands });
    }
  }
  return allSmall ? withoutFigures(digest, 'all-small') : digest;
}
