// Reads large metric captures on a worker thread, so that the main thread parses the intents
// files meanwhile (`check` needs both, its two largest parts of work). Small captures,
// the usual case in tests and on pull requests, are read in place: a worker costs some tens
// of milliseconds to start.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.ts';
import type { ObservedMap } from '../model.ts';
import type { WorkerReply } from './metrics-worker.ts';
import { readMetrics } from './read-metrics.ts';

/** Captures at least this large go to a worker. */
export const WORKER_MIN_BYTES = 64 * 1024 * 1024;
/** Overrides WORKER_MIN_BYTES: 0 always uses a worker, a huge number never does. */
export const WORKER_MIN_BYTES_ENV = 'INTENT_DRIFT_METRICS_WORKER_MIN_BYTES';

export interface ConcurrentReadOptions {
  cwd?: string;
  /** Captures at least this large go to a worker (default: the env variable, else WORKER_MIN_BYTES). */
  minBytes?: number;
  /** Stops the worker (the promise then rejects with the signal's reason); an in-place read ignores it. */
  signal?: AbortSignal;
  /** Told the worker's thread id when one is started (for logs and tests). */
  onWorker?: (threadId: number) => void;
}

/**
 * readMetrics, on a worker thread when the capture is large. The worker starts before this
 * returns (nothing here awaits first), so whatever the caller does next runs alongside it.
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
  if (
    entry === undefined ||
    paths.length === 0 ||
    paths.includes('-') ||
    !atLeastBytes(paths, cwd, minBytes)
  ) {
    return readMetrics(paths, { cwd });
  }
  const signal = opts.signal;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<ObservedMap>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(entry, { workerData: { paths, cwd } });
    opts.onWorker?.(worker.threadId);
    const stop = () => {
      if (settled) return;
      settled = true;
      reject(signal?.reason);
      void worker.terminate();
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('exit', () => signal?.removeEventListener('abort', stop));
    worker.once('message', (reply: WorkerReply) => {
      if (settled) return;
      settled = true;
      if ('map' in reply) resolve(reply.map);
      else if ('inputError' in reply) {
        const { message, ...where } = reply.inputError;
        reject(new InputError(message, where));
      } else reject(new Error(`reading the metrics failed: ${reply.failure}`));
    });
    worker.once('error', (err) => {
      if (settled) return;
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the metrics reader stopped (exit code ${code}) without an answer`));
    });
  });
}

function minBytesFromEnv(): number | undefined {
  const raw = process.env[WORKER_MIN_BYTES_ENV];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0)
    throw new InputError(`${WORKER_MIN_BYTES_ENV} must be a number of bytes, not "${raw}"`);
  return n;
}

/**
 * The worker's script: beside this module when it runs from src/ (TypeScript) or from dist/,
 * one folder up when the bundler put this module in dist/chunks/. Undefined if not found.
 */
function workerEntry(): URL | undefined {
  const fromSource = import.meta.url.endsWith('.ts');
  const candidates = fromSource ? ['./metrics-worker.ts'] : ['./metrics-worker.js', '../metrics-worker.js'];
  for (const candidate of candidates) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return undefined;
}

/**
 * Whether the files under `paths` add up to `min` bytes; stops counting once they do. Any
 * trouble (a missing path, say) answers false: the in-place read then reports it as usual.
 */
function atLeastBytes(paths: string[], cwd: string, min: number): boolean {
  if (min <= 0) return true;
  let total = 0;
  const visit = (p: string): boolean => {
    const info = statSync(p);
    if (info.isFile()) {
      total += info.size;
      return total >= min;
    }
    if (!info.isDirectory()) return false;
    for (const name of readdirSync(p)) if (visit(path.join(p, name))) return true;
    return false;
  };
  try {
    return paths.some((p) => visit(path.resolve(cwd, p)));
  } catch {
    return false;
  }
}
