import type { Message } from 'wechaty';
import type { RecentMessages } from './recent-messages.js';

/** Clock skew allowed between WeChat's servers and this machine before a message counts as old. */
export const STALE_TOLERANCE_MS = 10_000;

/**
 * Why a message is not passed on, if it is not: the bot's own; one already passed on (puppets
 * redeliver); or one sent before this login, which puppets replay after a re-login.
 */
export function ignoreReason(msg: Message, loginAt: number, recent: RecentMessages): 'own' | 'duplicate' | 'stale' | undefined {
  if (msg.self()) return 'own';
  if (recent.has(msg.id)) return 'duplicate';
  if (msg.date().getTime() < loginAt - STALE_TOLERANCE_MS) return 'stale';
  return undefined;
}
