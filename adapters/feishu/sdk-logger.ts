import type { Logger } from '@larksuiteoapi/node-sdk';

/** One short phrase per logged item: the SDK logs nested arrays of strings, errors and whole HTTP exchanges. */
function phrases(item: unknown): string[] {
  if (Array.isArray(item)) return item.flatMap(phrases);
  if (typeof item === 'string') return [item];
  if (item && typeof item === 'object') {
    const o = item as { message?: unknown; code?: unknown; msg?: unknown };
    if (typeof o.message === 'string') return [o.message];
    if (typeof o.msg === 'string') return [`code ${String(o.code)} ${o.msg}`];
  }
  return [(JSON.stringify(item) ?? String(item)).slice(0, 200)];
}

/** The long connection's line for each event whose handler rejected: the adapter logs those itself, once per burst. */
const HANDLER_FAILED = /^\[ws\] invoke event failed\b/;

/** The SDK's warnings and errors as one line each through the adapter's `log`; its chatter dropped. */
export function sdkLogger(log: (line: string) => void): Logger {
  const line =
    (tag: string) =>
    (...msg: unknown[]) => {
      const text = phrases(msg)
        .join(' ')
        .replace(/\s*\n\s*/g, ' ');
      if (!HANDLER_FAILED.test(text)) log(`feishu ${tag}: ${text}`);
    };
  return { error: line('error'), warn: line('warning'), info: () => {}, debug: () => {}, trace: () => {} };
}
