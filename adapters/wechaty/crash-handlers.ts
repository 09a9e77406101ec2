const CRASH_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

/**
 * Runs `work` (loading or starting a puppet), then removes the process-wide handlers of uncaught
 * errors that it added. wechat4u installs one on import that logs and swallows every uncaught
 * exception in the process: fingertip's own crashes would leave a bot running in a broken state
 * instead of ending it, to be restarted by whatever supervises it.
 */
export async function withoutTheirCrashHandlers<T>(work: () => Promise<T>): Promise<T> {
  // As a plain emitter: process's typed overloads take one event name at a time.
  const emitter: NodeJS.EventEmitter = process;
  const before = CRASH_EVENTS.map((event) => ({ event, had: new Set(emitter.listeners(event)) }));
  try {
    return await work();
  } finally {
    for (const { event, had } of before) {
      for (const listener of emitter.listeners(event)) if (!had.has(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
    }
  }
}
