// Reads large metric captures on worker threads and the main thread together, so that the
// intents files are parsed meanwhile (`check` needs both, its two largest parts of work). The
// capture is cut into parts of consecutive files (part-queue.ts); the workers claim them one by
// one, and so does the main thread once it is free: in `check` once the intents are parsed
// (`mainThreadFree`), elsewhere from the start. Each part's tables (observed-map.ts's export:
// strings plus transferred typed arrays) are merged in file order as they come.
//
// Workers only pay with a core to spare beyond the threads that read: on this project's 2-core
// machine one worker beside the main thread was no faster than the main thread alone (the
// benchmark's meshes, 2026-12-02: the same wall time on the high-cardinality mesh, 15% slower on
// the sidecar mesh) for about a third more CPU and 20 to 60 MiB more memory, as V8's garbage
// collector and compiler threads had no core left. So by default a capture is read in place on
// two cores or fewer, and by at most cores - 2 workers beside the main thread on more. Small
// captures are read in place anyway: a worker costs some tens of milliseconds to start.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.ts';
import type { ObservedMap } from '../model.ts';
import type { MetricFile } from './metric-files.ts';
import { metricFilesOf } from './metric-files.ts';
import {
  type MetricsWorkerData,
  type MetricsWorkerMessage,
  OrderedMerge,
  PartQueue,
  type PartResult,
} from './part-queue.ts';
import { readMetricFiles, readMetrics } from './read-metrics.ts';
import { replyError, workerScript } from './reader-worker.ts';

/** Captures at least this large go to a worker (given the cores: metricsWorkers). */
export const WORKER_MIN_BYTES = 64 * 1024 * 1024;
/**
 * Overrides WORKER_MIN_BYTES: 0 always uses a worker, a huge number never does. Set, it asks
 * for a worker on two cores too.
 */
export const WORKER_MIN_BYTES_ENV = 'INTENT_DRIFT_METRICS_WORKER_MIN_BYTES';
/** A second worker joins (given the cores) when each thread would still read at least this much. */
export const SPLIT_MIN_BYTES = 64 * 1024 * 1024;
/** At most this many metrics workers (the main thread reads parts too). */
export const MAX_WORKERS = 2;
/** Cores not given to workers by default: the main thread's, and one for V8's own threads. */
export const CORES_KEPT = 2;
/**
 * Parts of about this size: small enough that the thread that takes the last one keeps the other
 * waiting briefly (16 MiB of the benchmark's sidecar capture took the main thread 35 to 40 ms, of
 * the capture where every line is wanted 100 to 250 ms), large enough that merging the parts'
 * string tables stays a small cost.
 */
export const PART_BYTES = 16 * 1024 * 1024;

export interface ConcurrentReadOptions {
  cwd?: string;
  /**
   * Captures at least this large go to a worker (default: the env variable, else WORKER_MIN_BYTES
   * given a core to spare); given either way, a worker even on two cores.
   */
  minBytes?: number;
  /** How many workers share a capture that goes to workers (default: by size and cores). */
  workers?: number;
  /** Parts of about this many bytes (default PART_BYTES). */
  partBytes?: number;
  /** Whether the main thread reads parts too (default true; tests of the workers' answers say no). */
  mainThreadReads?: boolean;
  /**
   * The main thread starts on the parts once this settles (`check`: once the intents are parsed,
   * its own share; the worker reads meanwhile). Default: at the event loop's next turn.
   */
  mainThreadFree?: Promise<unknown>;
  /**
   * Stops the read (the promise then rejects with the signal's reason): the workers at once, an
   * in-place read before its next file.
   */
  signal?: AbortSignal;
  /** Told each worker's thread id when it is started (for logs and tests). */
  onWorker?: (threadId: number) => void;
  /** Told each part's index when it is read, and by which thread (0: the main thread; for tests). */
  onPart?: (index: number, threadId: number) => void;
}

/**
 * readMetrics, on worker threads and the main thread when the capture is large and the cores
 * allow (metricsWorkers). The worker
 * starts before this returns (nothing here awaits first), so whatever the caller does next runs
 * alongside it; the main thread's first part waits for `mainThreadFree`, else for the event
 * loop's next turn.
 */
export function readMetricsConcurrently(
  paths: string[],
  opts: ConcurrentReadOptions = {},
): Promise<ObservedMap> {
  const cwd = opts.cwd ?? process.cwd();
  const asked = opts.minBytes ?? minBytesFromEnv();
  const minBytes = asked ?? WORKER_MIN_BYTES;
  const entry = workerEntry();
  // Without its script (a partial copy of dist/, say) the read stays in place, unless the
  // environment asked for workers explicitly: then say so rather than ignore the setting.
  if (entry === undefined && opts.minBytes === undefined && asked !== undefined) {
    throw new InputError(`${WORKER_MIN_BYTES_ENV} is set, but the metrics worker script is missing`);
  }
  // stdin is read in place: a worker thread cannot take over the process's stdin.
  if (paths.includes('-')) return readMetrics(paths, { cwd });
  let files: MetricFile[];
  try {
    files = metricFilesOf(paths, cwd);
  } catch (err) {
    return Promise.reject(err);
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const signal = opts.signal;
  const workers =
    entry === undefined || total < minBytes
      ? 0
      : (opts.workers ?? metricsWorkers(total, availableParallelism(), asked !== undefined));
  if (entry === undefined || workers === 0)
    return readMetricFiles(files, undefined, signal).then((b) => b.build());
  if (signal?.aborted) return Promise.reject(signal.reason);
  const parts = splitBySize(files, Math.max(1, Math.ceil(total / (opts.partBytes ?? PART_BYTES))));
  return readParts(entry, parts, workers, opts);
}

/**
 * The parts read by `workers` worker threads and, unless told not to, the main thread; merged
 * in file order. Settles once every thread has stopped claiming parts (or at once on abort).
 */
function readParts(
  entry: URL,
  parts: MetricFile[][],
  workers: number,
  opts: ConcurrentReadOptions,
): Promise<ObservedMap> {
  const queue = new PartQueue(parts.length);
  const merge = new OrderedMerge(parts.length);
  const signal = opts.signal;
  const threads: Worker[] = [];
  let lost: unknown;
  let settled = false;
  let reading = workers + (opts.mainThreadReads === false ? 0 : 1);
  let abort = () => {};
  return new Promise<ObservedMap>((resolve, reject) => {
    const stopped = () => {
      if (--reading > 0 || settled) return;
      settled = true;
      try {
        resolve(merge.finish(lost));
      } catch (err) {
        reject(err);
      }
    };
    abort = () => {
      if (settled) return;
      settled = true;
      queue.close();
      for (const w of threads) void w.terminate();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    const data: MetricsWorkerData = { parts, next: queue.shared };
    for (let k = 0; k < workers; k++) {
      const worker = new Worker(entry, { workerData: data });
      threads.push(worker);
      opts.onWorker?.(worker.threadId);
      let done = false;
      worker.on('message', (m: MetricsWorkerMessage) => {
        if ('done' in m) {
          done = true;
          stopped();
          return;
        }
        const result: PartResult =
          'part' in m.reply ? { part: m.reply.part } : { reason: replyError(m.reply, 'reading the metrics') };
        if (!settled) merge.put(m.index, result);
        opts.onPart?.(m.index, worker.threadId);
      });
      worker.once('error', (err) => {
        lost ??= err;
      });
      worker.once('exit', (code) => {
        if (done) return;
        // A part it had claimed was never answered: nobody else may claim more.
        lost ??= new Error(`reading the metrics stopped (exit code ${code}) without an answer`);
        queue.close();
        stopped();
      });
    }
    if (opts.mainThreadReads !== false) readInPlace(parts, queue, merge, opts, stopped);
  }).finally(() => signal?.removeEventListener('abort', abort));
}

/**
 * The main thread's share, from `mainThreadFree` on: a part at a time, each in its own turn of
 * the event loop (so an abort and the workers' answers get theirs in between), until no part is
 * left or a part fails.
 */
function readInPlace(
  parts: MetricFile[][],
  queue: PartQueue,
  merge: OrderedMerge,
  opts: ConcurrentReadOptions,
  stopped: () => void,
): void {
  const next = () => {
    const i = opts.signal?.aborted ? -1 : queue.claim();
    if (i === -1) {
      stopped();
      return;
    }
    readMetricFiles(parts[i]!).then(
      (builder) => {
        merge.put(i, { part: builder.export() });
        opts.onPart?.(i, 0);
        setImmediate(next);
      },
      (reason: unknown) => {
        queue.close();
        merge.put(i, { reason });
        opts.onPart?.(i, 0);
        stopped();
      },
    );
  };
  const start = () => setImmediate(next);
  if (opts.mainThreadFree === undefined) start();
  else opts.mainThreadFree.then(start, start);
}

/**
 * How many workers read a capture of `total` bytes (at least the worker threshold) on `cores`
 * cores: none on two cores or fewer unless the threshold was `asked` for (the option or the
 * environment variable), else one, and a second when each thread would still read
 * SPLIT_MIN_BYTES, at most cores - CORES_KEPT and MAX_WORKERS.
 */
export function metricsWorkers(total: number, cores: number, asked: boolean): number {
  if (!asked && cores <= CORES_KEPT) return 0;
  return Math.max(1, Math.min(MAX_WORKERS, cores - CORES_KEPT, Math.floor(total / SPLIT_MIN_BYTES) - 1));
}

/** Consecutive groups of files of about equal size (file order is the order of warnings). */
export function splitBySize(files: readonly MetricFile[], count: number): MetricFile[][] {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const groups: MetricFile[][] = [];
  let current: MetricFile[] = [];
  let read = 0;
  for (const f of files) {
    current.push(f);
    read += f.size;
    if (groups.length < count - 1 && read >= (total * (groups.length + 1)) / count) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  return groups;
}

function minBytesFromEnv(): number | undefined {
  const raw = process.env[WORKER_MIN_BYTES_ENV];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0)
    throw new InputError(`${WORKER_MIN_BYTES_ENV} must be a number of bytes, not "${raw}"`);
  return n;
}

/** The metrics worker's script (src/observe/metrics-worker.ts, or dist/metrics-worker.js). */
function workerEntry(): URL | undefined {
  return workerScript('./metrics-worker.ts', 'metrics-worker');
}
