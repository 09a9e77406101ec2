import type { StubChannel, StubUser } from '../../support/slack-api-stub.js';
import { eventEnvelope } from './signed-request.js';

/** Five members in three channels: the workspace the event-stream tests send from. */
export const WORKSPACE: { users: StubUser[]; channels: Record<string, StubChannel> } = {
  users: [0, 1, 2, 3, 4].map((u) => ({ id: `U${u}`, name: `user ${u}` })),
  channels: Object.fromEntries([0, 1, 2].map((c) => [`C0${c}`, { name: `group ${c}`, members: ['U0', 'U1', 'U2', 'U3', 'U4'] }])),
};

/**
 * Event i of a stream sent at second `ts`, its event id `${prefix}${i}`: a message in channel C0<i%3>
 * from U<i%5>, every third one a demand. Its message id is `C0<i%3>/<ts>.<i, six digits>`.
 */
export function streamEvent(i: number, ts: number, prefix: string): string {
  return eventEnvelope(
    {
      type: 'message',
      channel: `C0${i % 3}`,
      channel_type: 'channel',
      user: `U${i % 5}`,
      ts: `${ts}.${String(i).padStart(6, '0')}`,
      text: i % 3 ? `ok #${i}` : `请全体同事今晚十点前完成打卡并截图发群里 #${i}`,
    },
    `${prefix}${i}`,
  );
}
