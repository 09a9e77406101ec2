type Falsy = undefined | null | false;

/**
 * Polls until `get` gives a value: adapters hand messages over asynchronously, after the HTTP ack.
 * `get` may be async (a read of the store): its promise is awaited, never taken for a value.
 */
export async function waitFor<T>(get: () => T | Falsy | Promise<T | Falsy>, what = 'a condition', ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await get();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
