// Figma's main thread blocks the whole editor while it runs, so long batches work in slices and
// yield to the event loop between them; the UI shows progress and may cancel between items.

/**
 * How long one slice may run before yielding, in ms: one frame at 60 Hz. The step that crosses it
 * (a layer, or hashing a version) and a garbage collection come on top, and the whole stretch must
 * stay under the 50 ms at which an editor starts to feel stuck.
 */
export const sliceMs = 16;

export interface Clock {
  now(): number;
  /** Gives the event loop a turn (setTimeout 0 in Figma). */
  yieldNow(): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  yieldNow: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
};

/** One running operation: progress reports, cancellation, and the longest stretch without yielding. */
export class Batch {
  cancelled = false;
  longestStretchMs = 0;
  private sliceStart: number;

  constructor(
    readonly operation: string,
    /** Items in the batch; set once known (reading comes first). */
    public total: number,
    private readonly clock: Clock,
    private readonly report: (done: number, total: number) => void,
  ) {
    this.sliceStart = clock.now();
  }

  /** Call between items: yields when the slice is used up (and after the last item), and says whether to go on. */
  async next(done: number): Promise<boolean> {
    await this.pause(done, done === this.total);
    return !this.cancelled;
  }

  /** Call inside a long item too: yields when the slice is used up, reporting progress so far. */
  async pause(done: number, force = false): Promise<void> {
    const elapsed = this.clock.now() - this.sliceStart;
    if (!force && elapsed < sliceMs) return;
    this.longestStretchMs = Math.max(this.longestStretchMs, elapsed);
    this.report(done, this.total);
    await this.clock.yieldNow();
    this.sliceStart = this.clock.now();
  }

  /** Closes the last slice so its length counts. */
  finish(): void {
    this.longestStretchMs = Math.max(this.longestStretchMs, this.clock.now() - this.sliceStart);
  }
}
