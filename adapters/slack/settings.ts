import { settingsReader } from '../common/settings-reader.js';
import type { Config } from '../../src/core/config.js';

/** The Slack adapter's settings: `adapters.slack` of the config plus `admins.slack`. */
export interface SlackSettings {
  /** Bot token (xoxb-...). */
  token: string;
  /** Verifies the HTTP requests; not needed in Socket Mode. */
  signingSecret?: string;
  /** HTTP port for the Events API and the slash command; 0 picks a free one. */
  port: number;
  /** Base URL of the Web API, ending in a slash. */
  apiUrl: string;
  /** App-level token (xapp-...): Socket Mode instead of HTTP when set. */
  appToken?: string;
  /** Users treated as admins besides Slack's own admins and owners. */
  admins: string[];
}

export const SLACK_API_URL = 'https://slack.com/api/';
const DEFAULT_PORT = 3000;

/** Reads and checks the Slack settings; a missing or malformed key is an InputError naming it. */
export function slackSettings(config: Config): SlackSettings {
  const { raw, fail, optStr, url } = settingsReader(config, 'slack', ['token', 'appToken', 'signingSecret', 'port', 'apiUrl']);
  const token = optStr('token') ?? fail('token', 'the bot token (xoxb-...) is required');
  const appToken = optStr('appToken');
  const signingSecret = optStr('signingSecret');
  if (!appToken && !signingSecret) fail('signingSecret', 'required for the HTTP receiver (or set appToken for Socket Mode)');
  const port = raw.port === undefined ? DEFAULT_PORT : Number(raw.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('port', 'expected a port number 0-65535');
  const apiUrl = url('apiUrl', SLACK_API_URL);
  return {
    token,
    signingSecret,
    port,
    // The Web API client joins method names straight onto the base URL.
    apiUrl: `${apiUrl}/`,
    appToken,
    admins: config.admins.slack ?? [],
  };
}
