// What the readers that run on worker threads share: the reply a worker posts (its tables, as
// observed-map.ts exports them, with their typed arrays transferred; or the error that stopped
// it), how a worker's script is found beside the code, and running one worker to its reply.
// The metrics reader (metrics-worker.ts) and the Prometheus source (live/prometheus-worker.ts)
// use it.
import { existsSync } from 'node:fs';
import { type ResourceLimits, type TransferListItem, Worker } from 'node:worker_threads';
import { InputError } from '../errors.ts';
import type { ExportedMap } from './observed-map.ts';

/** A worker's error: an InputError with its place and code, or anything else's stack. */
export type FailedReply =
  | { inputError: { message: string; file?: string; line?: number; code?: string } }
  | { failure: string };

/** A worker's answer: its part of the observed map (and what else it counted), or its error. */
export type WorkerReply<Extra = undefined> = { part: ExportedMap; extra: Extra } | FailedReply;

/** The reply for a part read, and the buffers to transfer with it rather than copy. */
export function partReply<Extra>(
  part: ExportedMap,
  extra: Extra,
): { reply: WorkerReply<Extra>; transfer: TransferListItem[] } {
  const transfer = [part.calls, part.sumCall, part.sumReporter, part.sums].map(
    (a) => a.buffer as ArrayBuffer,
  );
  return { reply: { part, extra }, transfer };
}

/** The reply for an error: an input error keeps its message and place, anything else its stack. */
export function errorReply(err: unknown): FailedReply {
  if (err instanceof InputError) {
    return {
      inputError: {
        message: err.message,
        ...(err.file === undefined ? {} : { file: err.file }),
        ...(err.line === undefined ? {} : { line: err.line }),
        ...(err.code === undefined ? {} : { code: err.code }),
      },
    };
  }
  return { failure: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

/** The error a failed reply stands for: the InputError with its place, or the worker's failure. */
export function replyError(reply: FailedReply, what: string): Error {
  if ('inputError' in reply) {
    const { message, ...where } = reply.inputError;
    return new InputError(message, where);
  }
  return new Error(`${what} failed: ${reply.failure}`);
}

/**
 * A worker script, found relative to this module: `source` (a .ts path) when this runs from
 * src/, else `<bundled>.js` beside this module or one folder up (dist/ or dist/chunks/).
 * Undefined when it is missing (a partial copy of dist/, say).
 */
export function workerScript(source: string, bundled: string): URL | undefined {
  const fromSource = import.meta.url.endsWith('.ts');
  const candidates = fromSource ? [source] : [`./${bundled}.js`, `../${bundled}.js`];
  for (const candidate of candidates) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return undefined;
}

export interface WorkerRunOptions {
  /** Stops the worker (the promise then rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Told the worker's thread id when it is started (for logs and tests). */
  onWorker?: (threadId: number) => void;
  /** What the worker does, for an error about the worker itself ("reading the metrics"). */
  what: string;
  /** The worker's heap limits (its young generation, say). */
  resourceLimits?: ResourceLimits;
}

/** Runs the script on a worker thread with `workerData`; resolves with its part, rejects with its error. */
export function runReaderWorker<Extra>(
  entry: URL,
  workerData: unknown,
  opts: WorkerRunOptions,
): Promise<{ part: ExportedMap; extra: Extra }> {
  const signal = opts.signal;
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(entry, {
      workerData,
      ...(opts.resourceLimits === undefined ? {} : { resourceLimits: opts.resourceLimits }),
    });
    opts.onWorker?.(worker.threadId);
    const stop = () => {
      if (settled) return;
      settled = true;
      reject(signal?.reason);
      void worker.terminate();
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('exit', () => signal?.removeEventListener('abort', stop));
    worker.once('message', (reply: WorkerReply<Extra>) => {
      if (settled) return;
      settled = true;
      if ('part' in reply) resolve({ part: reply.part, extra: reply.extra });
      else reject(replyError(reply, opts.what));
    });
    worker.once('error', (err) => {
      if (settled) return;
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`${opts.what} stopped (exit code ${code}) without an answer`));
    });
  });
}
