import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, retryPolicyWithin, runFlowSync } from '../../../shared/src/generate';
import { sendWithRetry } from '../../../shared/src/generate/retry';

const request = { url: 'https://api.example.com', method: 'POST' as const, headers: {}, body: '{}' };

/** Total time slept by a call that always meets a busy server asking for a long wait. */
function sleptWith(remainingMs: number): number {
  let slept = 0;
  runFlowSync(sendWithRetry(request, retryPolicyWithin(remainingMs)), () => ({ status: 429, headers: { 'retry-after': '120' }, body: '' }), (ms) => (slept += ms));
  return slept;
}

describe('a retry policy within the time left', () => {
  it('keeps the usual policy when there is plenty of time', () => {
    expect(retryPolicyWithin(300_000)).toEqual(defaultRetryPolicy);
  });

  it('waits at most a quarter of the time left, even when the server asks for more', () => {
    for (const remaining of [300_000, 120_000, 61_000]) expect(sleptWith(remaining)).toBeLessThanOrEqual(remaining / 4);
  });

  it('does not retry with under a minute left', () => {
    expect(retryPolicyWithin(59_000).retries).toBe(0);
    expect(sleptWith(59_000)).toBe(0);
  });
});
