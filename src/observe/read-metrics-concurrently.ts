// Reads large metric captures on worker threads, so that the main thread parses the intents
// files meanwhile (`check` needs both, its two largest parts of work), and a capture of
// hundreds of megabytes is split by size between workers, one per core. Each worker hands
// back its tables (observed-map.ts's export: strings plus transferred typed arrays), merged
// here in file order. Small captures, the usual case in tests and on pull requests, are read
// in place: a worker costs some tens of milliseconds to start.

import { availableParallelism } from 'node:os';
import { InputError } from '../errors.ts';
import type { ObservedMap } from '../model.ts';
import type { MetricFile } from './metric-files.ts';
import { metricFilesOf } from './metric-files.ts';
import { type ExportedMap, ObservedMapBuilder } from './observed-map.ts';
import { readMetricFiles, readMetrics } from './read-metrics.ts';
import { runReaderWorker, workerScript } from './reader-worker.ts';

/** Captures at least this large go to a worker. */
export const WORKER_MIN_BYTES = 64 * 1024 * 1024;
/** Overrides WORKER_MIN_BYTES: 0 always uses a worker, a huge number never does. */
export const WORKER_MIN_BYTES_ENV = 'INTENT_DRIFT_METRICS_WORKER_MIN_BYTES';
/** A capture is split between workers when each would still read at least this much. */
export const SPLIT_MIN_BYTES = 64 * 1024 * 1024;
/** At most this many metrics workers (the intents are parsed on the main thread meanwhile). */
export const MAX_WORKERS = 2;

export interface ConcurrentReadOptions {
  cwd?: string;
  /** Captures at least this large go to a worker (default: the env variable, else WORKER_MIN_BYTES). */
  minBytes?: number;
  /** How many workers share a capture that goes to workers (default: by size and cores). */
  workers?: number;
  /** Stops the workers (the promise then rejects with the signal's reason); an in-place read ignores it. */
  signal?: AbortSignal;
  /** Told each worker's thread id when it is started (for logs and tests). */
  onWorker?: (threadId: number) => void;
}

/**
 * readMetrics, on worker threads when the capture is large. The workers start before this
 * returns (nothing here awaits first), so whatever the caller does next runs alongside them.
 */
export function readMetricsConcurrently(
  paths: string[],
  opts: ConcurrentReadOptions = {},
): Promise<ObservedMap> {
  const cwd = opts.cwd ?? process.cwd();
  const fromEnv = minBytesFromEnv();
  const minBytes = opts.minBytes ?? fromEnv ?? WORKER_MIN_BYTES;
  const entry = workerEntry();
  // Without its script (a partial copy of dist/, say) the read stays in place, unless the
  // environment asked for workers explicitly: then say so rather than ignore the setting.
  if (entry === undefined && fromEnv !== undefined) {
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
  if (entry === undefined || total < minBytes) return readMetricFiles(files).then((b) => b.build());
  const signal = opts.signal;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const count =
    opts.workers ?? Math.min(MAX_WORKERS, availableParallelism(), Math.floor(total / SPLIT_MIN_BYTES));
  const parts = splitBySize(files, Math.max(1, count));
  const reads = parts.map((group) => readInWorker(entry, group, opts));
  return mergeInOrder(reads);
}

/**
 * The parts merged in file order, each as soon as it and every part before it are in (the main
 * thread merges the first worker's answer while the second still reads). The first failure in
 * file order wins, whichever worker met it first; the parts are all awaited either way.
 */
async function mergeInOrder(reads: Promise<ExportedMap>[]): Promise<ObservedMap> {
  // Each read is settled into a value at once, so a later part's failure that comes first is
  // never an unhandled rejection while an earlier part is awaited.
  const settled = reads.map((read) =>
    read.then(
      (part) => ({ part }),
      (reason: unknown) => ({ reason }),
    ),
  );
  const builder = new ObservedMapBuilder();
  let failure: { reason: unknown } | undefined;
  for (const next of settled) {
    const s = await next;
    if (failure !== undefined) continue;
    if ('part' in s) builder.absorb(s.part);
    else failure = s;
  }
  if (failure !== undefined) throw failure.reason;
  return builder.build();
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

function readInWorker(entry: URL, files: MetricFile[], opts: ConcurrentReadOptions): Promise<ExportedMap> {
  return runReaderWorker<undefined>(
    entry,
    { files },
    {
      what: 'reading the metrics',
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
      ...(opts.onWorker === undefined ? {} : { onWorker: opts.onWorker }),
    },
  ).then((r) => r.part);
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
