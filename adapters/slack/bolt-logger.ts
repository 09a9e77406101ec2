import { LogLevel, type Logger } from '@slack/bolt';

/** Bolt's and the Web API's logs as one-line warnings and errors through the adapter's `log`. */
export function boltLogger(log: (line: string) => void): Logger {
  let level = LogLevel.WARN;
  const line = (tag: string, msg: unknown[]) =>
    log(
      `slack ${tag}: ${msg
        .map((m) => (m instanceof Error ? m.message : String(m)))
        .join(' ')
        .replace(/\s*\n\s*/g, ' ')}`,
    );
  return {
    debug: () => {},
    info: () => {},
    warn: (...msg) => {
      if (level !== LogLevel.ERROR) line('warning', msg);
    },
    error: (...msg) => line('error', msg),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
