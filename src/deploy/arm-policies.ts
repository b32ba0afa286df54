/**
 * Pipeline policies added to both SDK clients: request pacing, retries of throttled requests the
 * SDK gives up on, and debug logging with the Authorization header redacted.
 */
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';
import { operationClassOf, type RequestBudget } from './request-budget';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** retry-after-ms, x-ms-retry-after-ms, or Retry-After (seconds or an HTTP date), in ms. */
export function retryAfterMs(response: PipelineResponse): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const v = Number(response.headers.get(name));
    if (response.headers.get(name) !== undefined && Number.isFinite(v) && v >= 0) return v;
  }
  const raw = response.headers.get('retry-after');
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export interface ThrottleRetryOptions {
  /** Extra attempts after the SDK's own retries gave up on a 429 (default 8). */
  readonly maxRetries?: number;
  /** First backoff when the 429 has no Retry-After (default 1000 ms), doubled each time. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

/**
 * The SDK does not retry a 429 without Retry-After, and gives up after three honoured ones.
 * This policy (per call, outside the SDK's retry policy) waits and sends the request again:
 * Retry-After when given, else exponential backoff with jitter.
 */
export function throttleRetryPolicy(options: ThrottleRetryOptions = {}): PipelinePolicy {
  const maxRetries = options.maxRetries ?? 8;
  const base = options.baseDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 60_000;
  return {
    name: 'sentinelCacThrottleRetry',
    async sendRequest(request, next) {
      for (let attempt = 0; ; attempt++) {
        let throttled: PipelineResponse;
        try {
          const response = await next(request);
          if (response.status !== 429 || attempt >= maxRetries) return response;
          throttled = response;
        } catch (error) {
          // The SDK's deserialization policy turns the 429 into a RestError before it reaches us.
          const e = error as { statusCode?: number; response?: PipelineResponse };
          if (e.statusCode !== 429 || !e.response || attempt >= maxRetries) throw error;
          throttled = e.response;
        }
        const backoff = Math.min(max, base * 2 ** attempt);
        await sleep(retryAfterMs(throttled) ?? backoff / 2 + Math.random() * (backoff / 2));
      }
    },
  };
}

/** Per attempt: a slot among the requests in flight, then a token of the operation's bucket. */
export function budgetPolicy(budget: RequestBudget, pauseWithoutRetryAfterMs = 1000): PipelinePolicy {
  return {
    name: 'sentinelCacRequestBudget',
    sendRequest(request, next) {
      const operation = operationClassOf(request.method);
      const bucket = budget.buckets[operation];
      return budget.inFlight.run(async () => {
        await bucket.take();
        const response = await next(request);
        const remaining = response.headers.get(`x-ms-ratelimit-remaining-subscription-${operation}`);
        if (remaining !== undefined) bucket.observeRemaining(Number(remaining));
        if (response.status === 429) bucket.pauseFor(retryAfterMs(response) ?? pauseWithoutRetryAfterMs);
        return response;
      });
    },
  };
}

/** Logs each attempt: method, URL, headers (Authorization redacted), status and time. Never the token. */
export function debugLogPolicy(log: (line: string) => void): PipelinePolicy {
  return {
    name: 'sentinelCacDebugLog',
    async sendRequest(request, next) {
      const headers = Object.fromEntries([...request.headers].map(([k, v]) => [k, /^authorization$/i.test(k) ? 'REDACTED' : v]));
      log(`[debug] → ${request.method} ${request.url} ${JSON.stringify(headers)}`);
      const started = Date.now();
      try {
        const response = await next(request);
        log(`[debug] ← ${response.status} ${request.method} ${request.url} (${Date.now() - started} ms, x-ms-request-id ${response.headers.get('x-ms-request-id') ?? '-'})`);
        return response;
      } catch (e) {
        log(`[debug] ✗ ${request.method} ${request.url} (${Date.now() - started} ms): ${(e as Error).message}`);
        throw e;
      }
    },
  };
}
