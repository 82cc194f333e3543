/** The message Apps Script gives when it stops an execution at its time limit. */
export const executionTimeMessage = 'Exceeded maximum execution time';

/** Apps Script's limits on one execution: 6 minutes for a script, 30 seconds for a custom function. */
export const scriptTimeLimitMs = 360_000;
export const customFunctionTimeLimitMs = 30_000;

/**
 * Simulated time for a script. Nothing in the fake takes real time, so the script's `Date` reads
 * this clock, and what would take time on the host advances it: Utilities.sleep, a fetch's
 * latency, or a test. Once a run's limit passes, the run is over: the advance that crossed it
 * throws the host's message and so does every later service call, as Apps Script stops the
 * execution however the script catches errors.
 */
export class FakeClock {
  private stopAt: number | null = null;
  /** True once the current run passed its limit; cleared when the next run starts. */
  expired = false;

  /** Starts at the machine's time, so the preview shows today's dates; tests may move it on from there. */
  constructor(private nowMs = Date.now()) {}

  now(): number {
    return this.nowMs;
  }

  /** Moves time on; throws the host's message when that passes the running execution's limit. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`Time only moves forward: cannot advance the clock by ${ms} ms.`);
    this.nowMs += ms;
    if (this.stopAt !== null && this.nowMs >= this.stopAt) {
      this.nowMs = Math.max(this.nowMs, this.stopAt);
      this.expired = true;
    }
    this.check();
  }

  /** Throws the host's message when the running execution is past its limit. */
  check(): void {
    if (this.expired) throw new Error(executionTimeMessage);
  }

  /** Starts an execution that may run for `limitMs` of simulated time. */
  startRun(limitMs: number): void {
    this.expired = false;
    this.stopAt = this.nowMs + limitMs;
  }

  endRun(): void {
    this.stopAt = null;
  }

  /** Simulated milliseconds left in the running execution; Infinity outside one. */
  remainingMs(): number {
    return this.stopAt === null ? Infinity : Math.max(0, this.stopAt - this.nowMs);
  }
}
