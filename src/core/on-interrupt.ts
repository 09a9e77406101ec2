const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `cleanUp` (synchronous: the process is about to end) when the process is interrupted (Ctrl-C,
 * a kill, a closed terminal), then lets the signal end it as it would have; or when it exits before
 * the work is done (process.exit once standard output's reader went away). Returns the function that
 * stops listening, for when the work is done.
 */
export function onInterrupt(cleanUp: () => void): () => void {
  const stop = (): void => {
    for (const signal of SIGNALS) process.off(signal, handle);
    process.off('exit', exited);
  };
  function exited(): void {
    stop();
    cleanUp();
  }
  function handle(signal: NodeJS.Signals): void {
    stop();
    cleanUp();
    // Raised again with no listener of ours, it ends the process with the status a shell expects (130 for Ctrl-C).
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  }
  for (const signal of SIGNALS) process.once(signal, handle);
  process.once('exit', exited);
  return stop;
}
