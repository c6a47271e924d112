// The part queries of a Prometheus read (prometheus-source.ts plans them), sent a few at a time,
// their rows going into one observed map. The same code runs on the main thread and, for a
// large answer, on worker threads that each read some of the parts (prometheus-worker.ts).

import { InputError } from '../../errors.ts';
import type { ByteInterner } from '../compact/byte-interner.ts';
import { CALL_METRICS } from '../compact/call-tables.ts';
import type { ObservedMapBuilder } from '../observed-map.ts';
import type { HttpTarget } from './http-client.ts';
import { mapPool } from './pool.ts';
import { type RowHandler, requestCount } from './prometheus-answer.ts';
import { instantQuery, prometheusInfo } from './prometheus-instant.ts';
import { shownUrl } from './shown-url.ts';

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
  /** PartsInto's limit and count, shared with the other threads of the read. */
  maxRows: number;
  rowsRead: Int32Array;
}

/**
 * Where a thread's rows go, and how many the whole read may take: past `maxRows`, counted in
 * `rowsRead` (one Int32 in a SharedArrayBuffer, summed by every thread of the read), it fails.
 */
export interface PartsInto {
  builder: ObservedMapBuilder;
  values: ByteInterner;
  maxRows: number;
  rowsRead: Int32Array;
}

/** A count of the rows of a read, shared by the threads that read its parts. */
export function sharedRowCount(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Rows a thread counts before adding them to the shared count (its own check sees them at once). */
const ROWS_BATCH = 1024;

/** One thread's rows, added to the read's shared count in batches and at the end of each answer. */
class RowCount {
  private pending = 0;
  private readonly base: URL;
  private readonly into: PartsInto;

  constructor(base: URL, into: PartsInto) {
    this.base = base;
    this.into = into;
  }

  row(): void {
    this.pending++;
    if (this.pending === ROWS_BATCH) this.flush();
    else if (Atomics.load(this.into.rowsRead, 0) + this.pending > this.into.maxRows) this.refuse();
  }

  /** Adds this thread's rows to the shared count, and fails if the read as a whole is past its limit. */
  flush(): void {
    const total = Atomics.add(this.into.rowsRead, 0, this.pending) + this.pending;
    this.pending = 0;
    if (total > this.into.maxRows) this.refuse();
  }

  private refuse(): never {
    throw tooManyRowsRead(this.base, this.into.maxRows);
  }
}

/** The read's rows passed `max`: an error, before they take the memory of a count never planned for. */
function tooManyRowsRead(base: URL, max: number): InputError {
  return new InputError(
    `Prometheus at ${shownUrl(base)} answered more than ${max} rows of calls, more than intent-drift reads ` +
      "(its series count promised fewer: series changed meanwhile, or the answers are not Prometheus'); " +
      'not read further. A count this large usually means a label holding IDs; check that Prometheus',
  );
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
  into: PartsInto,
  concurrency: number,
  signal?: AbortSignal,
): Promise<PartsRead> {
  let clientSidecarSeen = false;
  const counted = new RowCount(base, into);
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
          : (ids, value) => {
              counted.row();
              into.builder.addInterned(q.metric, ids, requestCount(value));
            };
      try {
        const query = { text: q.text, name: partQueryName(q) };
        const answer = await instantQuery(base, query, at, target, into.values, onRow, stop.signal);
        counted.flush();
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
