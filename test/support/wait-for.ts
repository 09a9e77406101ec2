/** Polls until `get` gives a value: adapters hand messages over asynchronously, after the HTTP ack. */
export async function waitFor<T>(get: () => T | undefined | null | false, what = 'a condition', ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = get();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
