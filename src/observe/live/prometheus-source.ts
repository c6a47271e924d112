// `--source prometheus`: instant queries of increase(...[RANGE]) over `--since` (a series born
// inside the range: its last value), aggregated on the server by the labels the engine reads,
// waypoints' rows apart (prometheus-queries.ts); an answer with warnings (partial) fails. Answers are read as
// streams (gzip asked for), their rows going straight into the observed map; a large mesh is
// asked for in parts by namespace, a few at a time, each request with its own timeout; the
// parts of a large answer are read on two worker threads (prometheus-parallel.ts).

import { InputError } from '../../errors.ts';
import type { ObservedMap } from '../../model.ts';
import { ByteInterner } from '../compact/byte-interner.ts';
import { CALL_LABEL_SLOTS, CALL_METRICS } from '../compact/call-tables.ts';
import { StringTable } from '../compact/string-table.ts';
import { REQUESTS_METRIC, TCP_CONNECTIONS_METRIC } from '../istio-labels.ts';
import { NO_CLIENT_SIDECAR, ObservedMapBuilder } from '../observed-map.ts';
import { parseSince, promRange } from './duration.ts';
import { type HttpTarget, parseBaseUrl } from './http-client.ts';
import { instantQuery, PROMETHEUS_TOO_MANY_SAMPLES, prometheusInfo } from './prometheus-instant.ts';
import { prometheusWorkerScript, prometheusWorkers, readPartsInWorkers } from './prometheus-parallel.ts';
import { type PartQuery, readPartQueries, sharedRowCount } from './prometheus-parts.ts';
import {
  clientSidecarQuery,
  NAMESPACE_LABEL,
  type NamespaceScope,
  namespaceScopes,
  requestsQuery,
  sizeQuery,
  tcpQuery,
} from './prometheus-queries.ts';
import { shownUrl } from './shown-url.ts';

export { requestsQuery, tcpQuery } from './prometheus-queries.ts';

export interface PrometheusOptions {
  /** `--prometheus-url`, e.g. http://prometheus.istio-system:9090 (a path prefix is kept). */
  url: string;
  /** `--since`: a duration (15m) or an RFC 3339 time. Default 1h. */
  since?: string;
  /** Evaluation time (default now). */
  now?: Date;
  /** Bearer token (the CLI reads it from the env var the user names). */
  token?: string;
  caFile?: string;
  /** Per request (each part of a split read has its own). Default 30 s. */
  timeoutMs?: number;
  /** Rows per query above which the read is split by namespace. */
  maxRowsPerQuery?: number;
  /** Queries in flight at once. */
  concurrency?: number;
  /** Worker threads that read the parts (1: in place); default: two for a large split read. */
  workers?: number;
  /** The most parts a read is asked for in (default MAX_PROMETHEUS_PARTS). */
  maxParts?: number;
  /** The most rows a read takes, counted and read (default MAX_PROMETHEUS_ROWS). */
  maxRows?: number;
}

export const DEFAULT_MAX_ROWS_PER_QUERY = 100_000;
export const DEFAULT_QUERY_CONCURRENCY = 4;
/**
 * A read asked for in more parts than this is refused before any of them is sent. The plan
 * comes from the size query's answer: a Prometheus that counts a million namespaces (broken,
 * hostile, or holding series a meshed app wrote through its sidecar) would otherwise get three
 * queries for each, one after another. The rows are bounded apart (MAX_PROMETHEUS_ROWS): this
 * many parts come from as many namespaces, or from parts made small after a --query.max-samples
 * refusal.
 */
export const MAX_PROMETHEUS_PARTS = 500;
/**
 * The most rows (calls and TCP connections) a read takes: a series count above it is refused
 * before any part is asked for, and the read stops once the rows its threads have read, summed,
 * pass it (answers can hold more rows than the count promised). 1.5 million rows peaked at 843 to 917 MiB in the
 * benchmark (CONTRIBUTING.md), so this bounds a read to about 2.5 GB rather than let a count
 * of tens of millions end in an out-of-memory crash minutes later.
 */
export const MAX_PROMETHEUS_ROWS = 4_000_000;
export interface PrometheusResult extends ObservedMap {
  /** The span the increase() covered (ISO 8601). */
  window: { from: string; to: string };
}

const REQUESTS = CALL_METRICS.indexOf(REQUESTS_METRIC);
const TCP = CALL_METRICS.indexOf(TCP_CONNECTIONS_METRIC);

/**
 * Per part: its requests and its TCP connections (`metric` indexes CALL_METRICS), then, after
 * every part's rows, whether a caller's sidecar counted a request in it (`metric` -1).
 */
function partQueries(range: string, scopes: readonly NamespaceScope[]): PartQuery[] {
  const queries: PartQuery[] = [];
  scopes.forEach((scope, part) => {
    queries.push({ text: requestsQuery(range, scope), metric: REQUESTS, part });
    queries.push({ text: tcpQuery(range, scope), metric: TCP, part });
  });
  scopes.forEach((scope, part) => {
    queries.push({ text: clientSidecarQuery(range, scope), metric: -1, part });
  });
  return queries;
}

export async function readPrometheus(options: PrometheusOptions): Promise<PrometheusResult> {
  const base = parseBaseUrl(options.url, '--prometheus-url');
  const now = options.now ?? new Date();
  const from = parseSince(options.since ?? '1h', now);
  const range = promRange(now.getTime() - from.getTime());
  const target: HttpTarget = { token: options.token, caFile: options.caFile, timeoutMs: options.timeoutMs };

  // How large the answer will be, per callers' namespace: the plan for splitting it.
  const sizes = new Map<string, number>();
  const nsSlot = CALL_LABEL_SLOTS.indexOf(NAMESPACE_LABEL);
  const size = { text: sizeQuery(), name: 'the query for the series per namespace' };
  const names = new StringTable();
  const sized = await instantQuery(base, size, now, target, new ByteInterner(names), (ids, value) => {
    const ns = ids[nsSlot] === -1 ? '' : names.value(ids[nsSlot]!);
    sizes.set(ns, (sizes.get(ns) ?? 0) + (Number.isFinite(value) ? value : 0));
  });
  const rows = [...sizes.values()].reduce((sum, n) => sum + n, 0);
  const maxRowsRead = options.maxRows ?? MAX_PROMETHEUS_ROWS;
  const read: ScopedRead = {
    base,
    now,
    range,
    target,
    infos: sized.infos,
    rows,
    maxRows: maxRowsRead,
    options,
  };
  let maxRows = options.maxRowsPerQuery ?? DEFAULT_MAX_ROWS_PER_QUERY;
  const maxParts = options.maxParts ?? MAX_PROMETHEUS_PARTS;
  // Prometheus refuses a query whose samples exceed its --query.max-samples: the read is asked
  // for again in smaller parts (the rows of a refused read are dropped with its builder).
  for (let refused = 0; ; refused++) {
    const scopes = namespaceScopes(sizes, maxRows);
    if (scopes.length > maxParts) throw tooManyParts(read, sizes.size, scopes.length, maxParts, refused > 0);
    if (rows > read.maxRows) throw tooManyRows(read, sizes.size);
    try {
      const builder = await readScopes(read, scopes);
      if (refused > 0) {
        builder.addWarning(
          `Prometheus refused to load the samples of larger queries (its --query.max-samples): the calls ` +
            `were asked for in ${scopes.length} parts by the callers' namespace, of at most ${maxRows} rows each`,
        );
      }
      return { ...builder.build(), window: { from: from.toISOString(), to: now.toISOString() } };
    } catch (err) {
      if (!(err instanceof InputError) || err.code !== PROMETHEUS_TOO_MANY_SAMPLES) throw err;
      const smaller = refused < MAX_SAMPLE_REFUSALS ? smallerParts(scopes, sizes) : undefined;
      if (smaller === undefined) {
        throw new InputError(
          `${err.message}, even asked for in ${scopes.length} part(s) by the callers' namespace: ` +
            'read a shorter window (--since), or raise that limit',
        );
      }
      maxRows = smaller;
    }
  }
}

function tooManyParts(
  read: ScopedRead,
  namespaces: number,
  parts: number,
  maxParts: number,
  refusedBefore: boolean,
): InputError {
  const why = refusedBefore
    ? ` in parts small enough for its --query.max-samples`
    : ` in parts of at most ${read.options.maxRowsPerQuery ?? DEFAULT_MAX_ROWS_PER_QUERY} rows`;
  return new InputError(
    `Prometheus at ${shownUrl(read.base)} counts ${read.rows} ${REQUESTS_METRIC} series in ${namespaces} ` +
      `callers' namespaces: reading them${why} takes ${parts} parts, more than the ${maxParts} intent-drift ` +
      'asks for. A count this large usually means a label holding IDs (request_path, or workload names ' +
      'a meshed app wrote through its sidecar); check that Prometheus',
  );
}

function tooManyRows(read: ScopedRead, namespaces: number): InputError {
  return new InputError(
    `Prometheus at ${shownUrl(read.base)} counts ${read.rows} ${REQUESTS_METRIC} series in ${namespaces} ` +
      `callers' namespaces, more than the ${read.maxRows} rows intent-drift reads. A count this large usually means ` +
      'a label holding IDs (request_path, or workload names a meshed app wrote through its sidecar); ' +
      'check that Prometheus',
  );
}

/** Asked again in smaller parts at most this many times (each halves the largest part). */
const MAX_SAMPLE_REFUSALS = 12;

/**
 * The row limit that splits the largest part of several namespaces (half its rows), or
 * undefined when each part is one namespace already (or every other namespace, `not-in`).
 */
function smallerParts(
  scopes: readonly NamespaceScope[],
  sizes: ReadonlyMap<string, number>,
): number | undefined {
  let largest = 0;
  for (const scope of scopes) {
    const namespaces = scope.kind === 'all' ? [...sizes.keys()] : scope.kind === 'in' ? scope.namespaces : [];
    if (namespaces.length < 2) continue;
    let rows = 0;
    for (const ns of namespaces) rows += sizes.get(ns) ?? 0;
    largest = Math.max(largest, rows);
  }
  return largest === 0 ? undefined : Math.max(1, Math.floor(largest / 2));
}

interface ScopedRead {
  base: URL;
  now: Date;
  range: string;
  target: HttpTarget;
  /** The size query's `infos`. */
  infos: readonly string[];
  /** About how many rows the whole answer holds (the size query's count). */
  rows: number;
  /** The most rows the read takes (options.maxRows, else MAX_PROMETHEUS_ROWS). */
  maxRows: number;
  options: PrometheusOptions;
}

/** The calls of every part, in a builder of their own. */
async function readScopes(read: ScopedRead, scopes: readonly NamespaceScope[]): Promise<ObservedMapBuilder> {
  const { base, now, range, target, options } = read;
  const builder = new ObservedMapBuilder();
  builder.sources = 1;
  for (const info of read.infos) builder.addWarningOnce(prometheusInfo(info));
  const queries = partQueries(range, scopes);
  const concurrency = options.concurrency ?? DEFAULT_QUERY_CONCURRENCY;
  const into = {
    builder,
    values: new ByteInterner(builder.strings),
    maxRows: read.maxRows,
    rowsRead: sharedRowCount(),
  };
  // A large answer is read by workers (its JSON parsed on both cores); a small one in place.
  const workers = prometheusWorkers(options.workers, read.rows, scopes.length);
  const entry = workers > 1 ? prometheusWorkerScript() : undefined;
  const request = { base, queries, at: now, target, concurrency };
  const { rows, clientSidecarSeen } =
    entry === undefined
      ? await readPartQueries(base, queries, now, target, into, concurrency)
      : await readPartsInWorkers(entry, request, into, workers);
  if (rows.every((n) => n === 0)) {
    builder.addWarning(`Prometheus at ${shownUrl(base)} has no Istio traffic in the last ${range}`);
  }
  const requestRows = rows.reduce((sum, n, i) => (queries[i]!.metric === REQUESTS ? sum + n : sum), 0);
  // Rows a waypoint reported do not count here: ambient mode has no client sidecars at all.
  const sidecarRows = requestRows - builder.requestSeriesReportedBy('waypoint');
  if (sidecarRows > 0 && !clientSidecarSeen) builder.addWarning(NO_CLIENT_SIDECAR);
  return builder;
}
