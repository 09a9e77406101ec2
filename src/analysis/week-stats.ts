import type { Config } from '../core/config.js';
import type { CategoryTotals, Store } from '../store/store.js';
import { CATEGORIES, zeroByCategory, type Category } from '../core/categories.js';
import { weekOf, weekRange } from '../core/time/iso-week.js';
import { WEEK_MS } from '../core/time/units.js';
import { exactMinutes } from '../core/figures.js';
import { dayString, localDay } from '../core/time/zone.js';

export interface WeekFigures {
  demands: number;
  personMinutes: number;
  byCategory: Record<Category, number>;
}

/** This week's figures beside last week's, for the trend. */
export interface WeekStats {
  week: string;
  /** The week's first and last local days, "YYYY-MM-DD": people read dates, not ISO week numbers. */
  days: { first: string; last: string };
  current: WeekFigures;
  previous: WeekFigures;
}

function weeks(now: number, tz: string) {
  const week = weekOf(now, tz);
  const current = weekRange(week, tz);
  const days = { first: dayString(localDay(current.from, tz)), last: dayString(localDay(current.to, tz) - 1) };
  return { week, days, current, previous: weekRange(weekOf(now - WEEK_MS, tz), tz) };
}

/** A group's figures: person-minutes = Σ over categories of cost × recipients reached. */
function fromTotals(totals: CategoryTotals, costs: Config['costs'], demands: number): WeekFigures {
  const byCategory = zeroByCategory();
  let personMinutes = 0;
  for (const c of CATEGORIES) {
    byCategory[c] = totals[c].count;
    personMinutes += costs[c] * totals[c].recipients;
  }
  // Summed in binary, 0.35 × 180 is 62.999…: cleaned, as reports clean theirs, so a half rounds up in hours().
  return { demands, personMinutes: exactMinutes(personMinutes), byCategory };
}

export async function groupWeekStats(store: Store, config: Config, platform: string, groupId: string, now: number): Promise<WeekStats> {
  const { week, days, current, previous } = weeks(now, config.timezone);
  const figures = async (period: { from: number; to: number }) => {
    const scope = { ...period, platform, groupIds: [groupId] };
    const [totals, demands] = await Promise.all([store.categoryTotals(scope), store.demandCount(scope)]);
    return fromTotals(totals, config.costs, demands);
  };
  return { week, days, current: await figures(current), previous: await figures(previous) };
}

/** A member's own burden: the other people's demands in their groups, one person each. */
export async function memberWeekStats(store: Store, config: Config, platform: string, userId: string, now: number): Promise<WeekStats> {
  const { week, days, current, previous } = weeks(now, config.timezone);
  const figures = async (period: { from: number; to: number }): Promise<WeekFigures> => {
    const view = await store.memberView(platform, userId, { ...period, limit: 0 });
    const personMinutes = exactMinutes(CATEGORIES.reduce((a, c) => a + view.byCategory[c] * config.costs[c], 0));
    return { demands: view.demands, personMinutes, byCategory: { ...zeroByCategory(), ...view.byCategory } };
  };
  return { week, days, current: await figures(current), previous: await figures(previous) };
}
