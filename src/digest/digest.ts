import type { Category } from '../core/categories.js';
import type { Rating } from './rating.js';
import type { Lang } from '../core/lang.js';
import type { FeedbackCounts } from '../store/store.js';

/** A group's name as the digest shows it: never a small group's (privacy.ts), nor a hidden member's name. */
export type ShownGroup = string;

/** Why a digest shows no figures: see Digest.heldBack. */
export type HeldBack = 'all-small';

export interface DigestGroupRow {
  name: string;
  demands: number;
  personMinutes: number;
  rating: Rating;
}

export interface DigestCategoryLine {
  category: Category;
  demands: number;
  personMinutes: number;
}

/** What one supervisor's digest says of one week; texts and charts are rendered from it. */
export interface Digest {
  week: string;
  timezone: string;
  lang: Lang;
  /** It holds no figures, only leads (privacy.ts): 'all-small', every group of its scope is too small to show. */
  heldBack?: HeldBack;
  /** Its figures leave out groups under 5 people, in this week or one of the trend (privacy.ts leftOut). */
  smallGroupsLeftOut?: true;
  demands: number;
  personMinutes: number;
  afterHours: number;
  /** Categories with demands this week, heaviest first. */
  categories: DigestCategoryLine[];
  /** Groups of 5 people or more, heaviest first. */
  groups: DigestGroupRow[];
  /** The four weeks before and this one, oldest first. */
  trend: { week: string; demands: number; personMinutes: number }[];
  duplicates: ShownGroup[][];
  ackStorms: { group: ShownGroup; acks: number }[];
  sprawl: { groups: ShownGroup[]; overlap: number }[];
  /** Anonymous leads members sent with `report`, quoted (./quote.ts). */
  leads: string[];
  /** At most three of the heaviest demands, quoted (./quote.ts), with the rules that flagged them. */
  examples: { text: string; group: ShownGroup; ts: number; rules: string[]; personMinutes: number }[];
  /** The week's messages members marked "not formalism" and reported missed: how far the flags were disputed. */
  feedback: FeedbackCounts;
  /** Senders of demands and how many they sent in the groups it names, only when `digest.detail` is 'senders'. */
  senders?: { name: string; demands: number }[];
}
