// The part queries of a Prometheus read (prometheus-source.ts plans them), sent a few at a time,
// their rows going into one observed map. The same code runs on the main thread and, for a
// large answer, on worker threads that each read some of the parts (prometheus-worker.ts).
import type { ByteInterner } from '../compact/byte-interner.ts';
import { CALL_METRICS } from '../compact/call-tables.ts';
import type { ObservedMapBuilder } from '../observed-map.ts';
import type { HttpTarget } from './http-client.ts';
import { mapPool } from './pool.ts';
import { type RowHandler, requestCount } from './prometheus-answer.ts';
import { instantQuery, prometheusInfo } from './prometheus-instant.ts';

/** One query of a split read. */
export interface PartQuery {
  text: string;
  /** What its rows count (an index of CALL_METRICS), or -1: whether a caller's sidecar reported any request. */
  metric: number;
  /** The part (a group of namespaces) it asks about. */
  part: number;
}

/** What a part query asks for, in words, for a message (which never quotes the query). */
export function partQueryName(q: PartQuery): string {
  const what = q.metric === -1 ? 'whether a client sidecar reported' : CALL_METRICS[q.metric];
  return `the query for ${what} (part ${q.part + 1})`;
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
        const query = { text: q.text, name: partQueryName(q) };
        const answer = await instantQuery(base, query, at, target, into.values, onRow, stop.signal);
        for (const info of answer.infos) into.builder.addWarningOnce(prometheusInfo(info));
        return q.metric === -1 ? 0 : answer.rows;
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
