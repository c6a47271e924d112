// The parts of a large capture (consecutive files, about equal in bytes), handed out one at a
// time to whichever thread is free: the metrics worker from the start and the main thread once
// its own work is done (in `check`, the intents) claim the next part from one counter in shared
// memory (Atomics.add), so neither stands idle while the other still has parts ahead. Each part is read into its own
// tables and merged in file order (OrderedMerge), as soon as the parts before it are in, so the
// answer, its warnings and its first error are those of reading the files in order in place.
import type { ObservedMap } from '../model.ts';
import type { MetricFile } from './metric-files.ts';
import { type ExportedMap, ObservedMapBuilder } from './observed-map.ts';
import type { WorkerReply } from './reader-worker.ts';

/** What a metrics worker is given (metrics-worker.ts). */
export interface MetricsWorkerData {
  parts: MetricFile[][];
  /** The PartQueue's counter. */
  next: SharedArrayBuffer;
}

/** What it posts: one message per part it read (or failed to), then `done`. */
export type MetricsWorkerMessage = { index: number; reply: WorkerReply<undefined> } | { done: true };

export class PartQueue {
  /** The counter, shared with the worker threads (workerData). */
  readonly shared: SharedArrayBuffer;
  private readonly next: Int32Array;
  readonly count: number;

  constructor(count: number, shared: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.count = count;
    this.shared = shared;
    this.next = new Int32Array(shared);
  }

  /** The next part to read, or -1 when none is left. */
  claim(): number {
    const i = Atomics.add(this.next, 0, 1);
    return i < this.count ? i : -1;
  }

  /**
   * Hands out no more parts: after a failure (the parts after it are not needed: every part
   * before it was claimed earlier, so is still read), an abort, or a worker that died.
   */
  close(): void {
    Atomics.store(this.next, 0, this.count);
  }
}

/** What reading one part gave: its tables, or why it could not be read. */
export type PartResult = { part: ExportedMap } | { reason: unknown };

/** The parts' tables merged in file order, whichever thread read which part and when. */
export class OrderedMerge {
  private readonly results: (PartResult | undefined)[];
  private readonly builder = new ObservedMapBuilder();
  private absorbed = 0;

  constructor(count: number) {
    this.results = new Array(count).fill(undefined);
  }

  /** One part read (or failed); it and the parts after it that are in are merged now. */
  put(index: number, result: PartResult): void {
    this.results[index] = result;
    for (;;) {
      const next = this.results[this.absorbed];
      if (next === undefined || !('part' in next)) return;
      this.builder.absorb(next.part);
      this.results[this.absorbed] = undefined; // merged: its tables may go
      this.absorbed++;
    }
  }

  /**
   * Once no thread reads any more: the map, or the first failure in file order. A part never
   * read before that (its worker died, `lost`) is that failure.
   */
  finish(lost?: unknown): ObservedMap {
    if (this.absorbed === this.results.length) return this.builder.build();
    const first = this.results[this.absorbed];
    if (first !== undefined && 'reason' in first) throw first.reason;
    throw (
      lost ?? new Error(`part ${this.absorbed + 1} of ${this.results.length} of the metrics was never read`)
    );
  }
}
