import { defaultHttpInstance, type HttpInstance, type HttpRequestOptions } from '@larksuiteoapi/node-sdk';

/**
 * The SDK's HTTP client with a time limit on each request: its axios waits for an answer for ever,
 * and a chat lookup that never came back would hold its chat's messages, and a stop, with it.
 */
export function timedHttp(timeoutMs: number): HttpInstance {
  // Typed as axios, but its response interceptor resolves to the data, as an HttpInstance does.
  const http = defaultHttpInstance as unknown as HttpInstance;
  const limited = <D>(opts?: HttpRequestOptions<D>): HttpRequestOptions<D> => ({ ...opts, timeout: timeoutMs });
  return {
    request: (opts) => http.request(limited(opts)),
    get: (url, opts) => http.get(url, limited(opts)),
    delete: (url, opts) => http.delete(url, limited(opts)),
    head: (url, opts) => http.head(url, limited(opts)),
    options: (url, opts) => http.options(url, limited(opts)),
    post: (url, data, opts) => http.post(url, data, limited(opts)),
    put: (url, data, opts) => http.put(url, data, limited(opts)),
    patch: (url, data, opts) => http.patch(url, data, limited(opts)),
  };
}
