import { oneLine, WorkError } from '../../src/core/errors.js';
import { API_TIMEOUT_MS } from '../common/api-timeout.js';
import type { DingtalkSettings } from './settings.js';

/** Refresh the access token this long before DingTalk says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;

/**
 * DingTalk's HTTP APIs the adapter sends through: a conversation's session webhook, and the
 * proactive robot send API (with the app's access token) for when no webhook is left.
 */
export class DingtalkOpenApi {
  private token?: { value: string; expires: number };

  constructor(
    private readonly settings: DingtalkSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Posts text through a session webhook; rejects when DingTalk refuses it (errcode not 0). */
  async postSessionWebhook(url: string, text: string): Promise<void> {
    const body = await postJson(url, { msgtype: 'text', text: { content: text } }, {});
    const errcode = (body as { errcode?: number }).errcode ?? 0;
    if (errcode !== 0) throw new WorkError(`session webhook refused: ${errcode} ${(body as { errmsg?: string }).errmsg ?? ''}`.trim());
  }

  /** The robot's message to a group, by its openConversationId. */
  async sendToGroup(openConversationId: string, text: string): Promise<void> {
    await this.send('/v1.0/robot/groupMessages/send', { openConversationId, ...sampleText(text), robotCode: this.settings.robotCode });
  }

  /**
   * The robot's message in single chats with the given users (the organisation's userIds); rejects
   * when DingTalk's answer, a 200 all the same, lists any of them as not reached.
   */
  async sendToUsers(userIds: string[], text: string): Promise<void> {
    const body = (await this.send('/v1.0/robot/oToMessages/batchSend', { userIds, ...sampleText(text), robotCode: this.settings.robotCode })) as {
      invalidStaffIdList?: unknown;
      flowControlledStaffIdList?: unknown;
    } | null;
    const named = (list: unknown) => userIds.filter((id) => Array.isArray(list) && list.includes(id));
    const invalid = named(body?.invalidStaffIdList);
    const limited = named(body?.flowControlledStaffIdList);
    if (invalid.length) throw new WorkError(`batchSend did not reach ${invalid.join(', ')}: not a staff id of the organisation (invalidStaffIdList)`);
    if (limited.length) throw new WorkError(`batchSend did not reach ${limited.join(', ')}: over DingTalk's rate limit (flowControlledStaffIdList)`);
  }

  /** Posts `payload` to the robot API `path` with the access token; DingTalk's answer. */
  private async send(path: string, payload: Record<string, unknown>): Promise<unknown> {
    const token = await this.accessToken();
    return postJson(`${this.settings.apiUrl}${path}`, payload, { 'x-acs-dingtalk-access-token': token }).catch((err: unknown) => {
      // A revoked token is not known to be bad until used: the next send fetches a new one.
      if (err instanceof HttpError && err.status === 401) this.token = undefined;
      throw err;
    });
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expires > this.now()) return this.token.value;
    const body = (await postJson(
      `${this.settings.apiUrl}/v1.0/oauth2/accessToken`,
      {
        appKey: this.settings.clientId,
        appSecret: this.settings.clientSecret,
      },
      {},
    ).catch((err: unknown) => {
      throw new WorkError(`dingtalk: no access token, check adapters.dingtalk.clientId/clientSecret: ${oneLine(err)}`);
    })) as { accessToken?: string; expireIn?: number };
    if (!body.accessToken) throw new WorkError('dingtalk: the access token answer holds no accessToken');
    this.token = { value: body.accessToken, expires: this.now() + (body.expireIn ?? 7200) * 1000 - TOKEN_MARGIN_MS };
    return body.accessToken;
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The proactive API's plain-text template: msgParam is itself a JSON string. */
function sampleText(text: string): { msgKey: string; msgParam: string } {
  return { msgKey: 'sampleText', msgParam: JSON.stringify({ content: text }) };
}

async function postJson(url: string, payload: unknown, headers: Record<string, string>): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(API_TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new HttpError(res.status, `HTTP ${res.status} from ${new URL(url).pathname}: ${text.slice(0, 200)}`);
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new HttpError(res.status, `not JSON from ${new URL(url).pathname}: ${text.slice(0, 200)}`);
  }
}
