// A large Prometheus read on worker threads: the parts (groups of namespaces) are dealt out to
// two workers, each sending its queries and reading the answers into its own tables, while the
// main thread asks the small -1 queries (did a caller's sidecar report anything). The answers
// are JSON parsed byte by byte and interned, work that one thread did alone; the tables come
// back as observed-map.ts exports them and are merged in worker order.
import { availableParallelism } from 'node:os';
import { runReaderWorker, workerScript } from '../reader-worker.ts';
import type { HttpTarget } from './http-client.ts';
import {
  type PartQuery,
  type PartsInto,
  type PartsRead,
  type PartsRequest,
  readPartQueries,
} from './prometheus-parts.ts';

/** A read whose answer may hold at least this many rows goes to workers (when it has two parts or more). */
export const WORKER_MIN_ROWS = 100_000;
/** At most this many workers. */
export const MAX_PROMETHEUS_WORKERS = 2;
/**
 * Each worker's young generation, in MB. Reading 1.5 million rows from the benchmark's stand-in,
 * 16 kept the peak RSS at 843 to 880 MiB (the read in place: 847) against 950 to 989 with 32 or
 * 48, at the same speed.
 */
const WORKER_YOUNG_GENERATION_MB = 16;

/** The Prometheus worker's script, or undefined when it is missing. */
export function prometheusWorkerScript(): URL | undefined {
  return workerScript('./live/prometheus-worker.ts', 'prometheus-worker');
}

/** How many workers a read of `parts` parts and about `rows` rows uses: 1 reads in place. */
export function prometheusWorkers(requested: number | undefined, rows: number, parts: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, parts));
  if (parts < 2 || rows < WORKER_MIN_ROWS) return 1;
  return Math.min(MAX_PROMETHEUS_WORKERS, availableParallelism(), parts);
}

/** Reads the queries with `workers` workers (the -1 queries on this thread); the same result as readPartQueries. */
export async function readPartsInWorkers(
  entry: URL,
  request: { base: URL; queries: readonly PartQuery[]; at: Date; target: HttpTarget; concurrency: number },
  into: PartsInto,
  workers: number,
): Promise<PartsRead> {
  const { base, queries, at, target } = request;
  const groups: number[][] = Array.from({ length: workers }, () => []);
  const sidecarQueries: number[] = [];
  queries.forEach((q, i) => {
    if (q.metric === -1) sidecarQueries.push(i);
    else groups[q.part % workers]!.push(i);
  });
  // Only what the worker needs: the target's signal (if any) does not cross threads.
  const shared: HttpTarget = {
    ...(target.token === undefined ? {} : { token: target.token }),
    ...(target.caFile === undefined ? {} : { caFile: target.caFile }),
    ...(target.timeoutMs === undefined ? {} : { timeoutMs: target.timeoutMs }),
  };
  const perWorker = Math.max(1, Math.ceil(request.concurrency / workers));
  // The first failure stops every worker and query: the read has failed anyway.
  const stop = new AbortController();
  const failed = (err: unknown): never => {
    stop.abort(err);
    throw err;
  };
  const reads = groups
    .filter((g) => g.length > 0)
    .map((group) => {
      const data: PartsRequest = {
        base: base.href,
        queries: group.map((i) => queries[i]!),
        atMs: at.getTime(),
        target: shared,
        concurrency: perWorker,
        maxRows: into.maxRows,
        rowsRead: into.rowsRead,
      };
      return runReaderWorker<number[]>(entry, data, {
        what: 'reading Prometheus',
        signal: stop.signal,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      })
        .then((answer) => ({ group, answer }))
        .catch(failed);
    });
  const sidecar = readPartQueries(
    base,
    sidecarQueries.map((i) => queries[i]!),
    at,
    target,
    into,
    1,
    stop.signal,
  ).catch(failed);
  const [seen, ...answers] = await Promise.all([sidecar, ...reads]);
  const rows = new Array<number>(queries.length).fill(0);
  for (const { group, answer } of answers) {
    // Each worker noted Prometheus' `infos` once; the read as a whole does too.
    into.builder.absorb(answer.part, { warningsOnce: true });
    group.forEach((q, k) => {
      rows[q] = answer.extra[k] ?? 0;
    });
  }
  return { rows, clientSidecarSeen: seen.clientSidecarSeen };
}
