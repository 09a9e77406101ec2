import type { Category } from '../../core/categories.js';

/** The report of docs/interface.md, shared by `audit` and `report`; field names are the contract's. */
export interface GroupSummary {
  id: string;
  name: string;
  members: number;
  messages: number;
  demands: number;
  by_category: Record<Category, number>;
  person_minutes: number;
}

export interface Report {
  period: { from: string; to: string };
  messages: number;
  demands: number;
  by_category: Record<Category, number>;
  person_minutes: number;
  after_hours: number;
  groups: GroupSummary[];
  /** `platform` tells apart one id or name on two platforms, two people (an addition to the contract). */
  senders: { id: string; name: string; demands: number; platform: string }[];
  duplicates: { message_ids: string[]; groups: string[] }[];
  ack_storms: { message_id: string; acks: number }[];
  sprawl: { groups: string[]; overlap: number }[];
}
