/**
 * "cannot reach WeChat (login.wx.qq.com): getaddrinfo ENOTFOUND" when a puppet's error is a network
 * failure, undefined for any other error. Node words a network failure as the system call, the
 * error code and, when known, the host.
 */
export function unreachable(err: unknown): string | undefined {
  const text = err instanceof Error ? err.message : String(err);
  const m = /\b(getaddrinfo|connect|read|write) (E[A-Z_]+)(?: (\S+))?/.exec(text);
  return m ? `cannot reach WeChat${m[3] ? ` (${m[3]})` : ''}: ${m[1]} ${m[2]}` : undefined;
}
