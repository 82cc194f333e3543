import { pause, send, type Delivery, type Flow, type HttpRequest, type HttpResponse } from './transport';

/** How often and how long to retry timeouts, 429 and 5xx. */
export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

// Two retries with doubling backoff: enough for a brief rate limit, short enough for a 6-minute Apps Script run.
export const defaultRetryPolicy: RetryPolicy = { retries: 2, baseDelayMs: 1000, maxDelayMs: 30_000 };

/** A header's value, whatever its case. */
function header(response: HttpResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(response.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** The wait a server asks for: `retry-after-ms`, or `Retry-After` in seconds (RFC 9110 §10.2.3). */
export function retryAfterMs(response: HttpResponse): number | undefined {
  // A missing header reads as NaN, which is not finite.
  const ms = Number(header(response, 'retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const seconds = header(response, 'retry-after');
  if (seconds !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(seconds)) return Number(seconds) * 1000;
  return undefined;
}

function retryable(delivery: Delivery): boolean {
  if (!delivery.ok) return !delivery.refused;
  return delivery.response.status === 429 || delivery.response.status >= 500;
}

/** The last delivery and how many requests it took. */
export interface Sent {
  delivery: Delivery;
  requests: number;
}

/** Sends a request, retrying network failures (not a host's refusal), 429 and 5xx with bounded backoff that honours Retry-After. */
export function* sendWithRetry(request: HttpRequest, policy: RetryPolicy = defaultRetryPolicy): Flow<Sent> {
  let requests = 0;
  for (;;) {
    const delivery = yield* send(request);
    requests++;
    if (!retryable(delivery) || requests > policy.retries) return { delivery, requests };
    const asked = delivery.ok ? retryAfterMs(delivery.response) : undefined;
    const backoff = policy.baseDelayMs * 2 ** (requests - 1);
    yield* pause(Math.min(asked ?? backoff, policy.maxDelayMs));
  }
}

/**
 * A retry policy that fits in the time left: its waits add up to at most a quarter of it, and
 * with under a minute left there is no retry at all, so a model call does not sleep through the
 * end of an Apps Script execution.
 */
export function retryPolicyWithin(remainingMs: number, policy: RetryPolicy = defaultRetryPolicy): RetryPolicy {
  const budget = Math.max(0, remainingMs) / 4;
  if (remainingMs < 60_000 || budget < policy.baseDelayMs) return { ...policy, retries: 0 };
  let retries = 0;
  let waited = 0;
  while (retries < policy.retries) {
    const next = Math.min(policy.baseDelayMs * 2 ** retries, policy.maxDelayMs);
    if (waited + next > budget) break;
    waited += next;
    retries++;
  }
  // A server's Retry-After can ask for longer than the backoff; no one wait may exceed its share.
  return { retries, baseDelayMs: policy.baseDelayMs, maxDelayMs: Math.min(policy.maxDelayMs, Math.floor(budget / Math.max(1, retries))) };
}
