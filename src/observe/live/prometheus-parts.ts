// The part queries of a Prometheus read (prometheus-source.ts plans them), sent a few at a time,
// their rows going into one observed map. The same code runs on the main thread and, for a
// large answer, on worker threads that each read some of the parts (prometheus-worker.ts).
import type { ByteInterner } from '../compact/byte-interner.ts';
import type { ObservedMapBuilder } from '../observed-map.ts';
import type { HttpTarget } from './http-client.ts';
import { mapPool } from './pool.ts';
import { type RowHandler, requestCount } from './prometheus-answer.ts';
import { instantQuery } from './prometheus-instant.ts';

/** One query of a split read. */
export interface PartQuery {
  text: string;
  /** What its rows count (an index of CALL_METRICS), or -1: whether a caller's sidecar reported any request. */
  metric: number;
  /** The part (a group of namespaces) it asks about. */
  part: number;
}

/** What a worker is sent (prometheus-worker.ts): where to ask, what, as of when, and how many at a time. */
export interface PartsRequest {
  base: string;
  queries: PartQuery[];
  atMs: number;
  target: HttpTarget;
  concurrency: number;
}

export interface PartsRead {
  /** Rows read per query, in the queries' order (0 for the -1 queries). */
  rows: number[];
  /** Whether a -1 query found a request that a caller's sidecar reported. */
  clientSidecarSeen: boolean;
}

/**
 * Sends the queries, `concurrency` at a time, and adds their rows to `builder`. The -1 queries
 * stop being sent once one answers yes. The first failure stops the queries still in flight
 * (the read has failed anyway), as does `signal`.
 */
export async function readPartQueries(
  base: URL,
  queries: readonly PartQuery[],
  at: Date,
  target: HttpTarget,
  into: { builder: ObservedMapBuilder; values: ByteInterner },
  concurrency: number,
  signal?: AbortSignal,
): Promise<PartsRead> {
  let clientSidecarSeen = false;
  const stop = new AbortController();
  const stopAll = () => stop.abort(signal?.reason);
  if (signal?.aborted) stopAll();
  signal?.addEventListener('abort', stopAll, { once: true });
  try {
    const rows = await mapPool(queries, concurrency, async (q) => {
      if (q.metric === -1 && clientSidecarSeen) return 0;
      const onRow: RowHandler =
        q.metric === -1
          ? () => {
              clientSidecarSeen = true;
            }
          : (ids, value) => into.builder.addInterned(q.metric, ids, requestCount(value));
      try {
        const n = await instantQuery(base, q.text, at, target, into.values, onRow, stop.signal);
        return q.metric === -1 ? 0 : n;
      } catch (err) {
        stop.abort();
        throw err;
      }
    });
    return { rows, clientSidecarSeen };
  } finally {
    signal?.removeEventListener('abort', stopAll);
  }
}
