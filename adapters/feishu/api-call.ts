import { oneLine } from '../../src/core/errors.js';

/** What every Feishu open API answers: code 0 on success, else a code and a message. */
export interface ApiAnswer {
  code?: number;
  msg?: string;
}

/**
 * Runs one SDK call and returns its answer when its code is 0; otherwise throws an Error that
 * says which call failed and Feishu's own code and message, whether it came as an HTTP error
 * (the SDK's axios rejects 4xx/5xx) or as a non-zero code in a 200 answer.
 */
export async function apiCall<T extends ApiAnswer>(what: string, call: () => Promise<T>): Promise<T> {
  let answer: T;
  try {
    answer = await call();
  } catch (err) {
    const body = (err as { response?: { status?: number; data?: ApiAnswer } }).response;
    if (body?.data?.code !== undefined) throw new Error(`${what}: HTTP ${body.status}, code ${body.data.code} ${body.data.msg ?? ''}`.trim(), { cause: err });
    throw new Error(`${what}: ${oneLine(err)}`, { cause: err });
  }
  if (answer?.code !== 0 && answer?.code !== undefined) throw new Error(`${what}: code ${answer.code} ${answer.msg ?? ''}`.trim());
  return answer;
}
