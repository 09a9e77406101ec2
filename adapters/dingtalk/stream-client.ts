import { DWClient } from 'dingtalk-stream';
import { oneLine, WorkError } from '../../src/core/errors.js';
import { API_TIMEOUT_MS } from '../common/api-timeout.js';
import type { DingtalkSettings } from './settings.js';

/**
 * The SDK's Stream Mode client with its gateway at `apiUrl`: the SDK hard-codes api.dingtalk.com
 * for opening a connection, which a test's loopback stand-in could never answer. Everything else
 * (the socket, keep-alive, reconnects, which come back through getEndpoint) is the SDK's own.
 */
export class StreamClient extends DWClient {
  private readonly gatewayUrl: string;

  constructor(settings: DingtalkSettings) {
    super({ clientId: settings.clientId, clientSecret: settings.clientSecret, keepAlive: true, ua: 'fingertip' });
    this.gatewayUrl = `${settings.apiUrl}/v1.0/gateway/connections/open`;
  }

  override async getEndpoint(): Promise<this> {
    const { clientId, clientSecret, ua, subscriptions } = this.config;
    const res = await fetch(this.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ clientId, clientSecret, ua, subscriptions }),
      signal: AbortSignal.timeout(API_TIMEOUT_MS),
    }).catch((err: unknown) => {
      throw new WorkError(`dingtalk: cannot reach the stream gateway ${this.gatewayUrl}: ${oneLine(err)}`);
    });
    const text = await res.text();
    let body: { endpoint?: string; ticket?: string } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // Reported below with the status and the start of the answer.
    }
    if (!res.ok || !body.endpoint || !body.ticket) {
      throw new WorkError(
        `dingtalk: the stream gateway refused the connection (HTTP ${res.status}: ${text.slice(0, 200)}); check adapters.dingtalk.clientId/clientSecret`,
      );
    }
    // The SDK's connect() reads the socket URL from this private field.
    (this as unknown as { dw_url: string }).dw_url = `${body.endpoint}?ticket=${encodeURIComponent(body.ticket)}`;
    return this;
  }
}
