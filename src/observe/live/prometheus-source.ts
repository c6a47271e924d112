// `--source prometheus`: instant queries of increase(...[RANGE]) over `--since`, aggregated on
// the server by the labels the engine reads (prometheus-queries.ts). Answers are read as
// streams (gzip asked for), their rows going straight into the observed map; a large mesh is
// asked for in parts by namespace, a few at a time, each request with its own timeout.
import { InputError } from '../../errors.ts';
import type { ObservedMap } from '../../model.ts';
import { ByteInterner } from '../compact/byte-interner.ts';
import { CALL_LABEL_SLOTS, CALL_METRICS } from '../compact/call-tables.ts';
import { REQUESTS_METRIC, TCP_CONNECTIONS_METRIC } from '../istio-labels.ts';
import { NO_CLIENT_SIDECAR, ObservedMapBuilder } from '../observed-map.ts';
import { parseSince, promRange } from './duration.ts';
import { type HttpTarget, httpStream, parseBaseUrl } from './http-client.ts';
import { JsonEvents, JsonSyntaxError } from './json-events.ts';
import { mapPool } from './pool.ts';
import { type RowHandler, requestCount, VectorAnswerReader } from './prometheus-answer.ts';
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
}

export const DEFAULT_MAX_ROWS_PER_QUERY = 100_000;
export const DEFAULT_QUERY_CONCURRENCY = 4;
/** An error answer (not 200) is read up to this size. */
const MAX_ERROR_BYTES = 1024 * 1024;
/** A label value, a key or a message longer than this is no Prometheus answer. */
const MAX_TOKEN_BYTES = 1024 * 1024;

/** Sends one instant query and reads its answer as a stream of rows. */
async function instantQuery(
  base: URL,
  query: string,
  at: Date,
  target: HttpTarget,
  values: ByteInterner,
  onRow: RowHandler,
  signal?: AbortSignal,
): Promise<number> {
  const url = new URL('api/v1/query', base.href.endsWith('/') ? base : new URL(`${base.href}/`));
  const form = new URLSearchParams({ query, time: (at.getTime() / 1000).toFixed(3) }).toString();
  const init = { method: 'POST' as const, body: form, contentType: 'application/x-www-form-urlencoded' };
  return httpStream(
    url,
    { ...target, ...(signal === undefined ? {} : { signal }) },
    init,
    async (status, body) => {
      // The rows of a 200 answer go in as they arrive; a problem found later fails the whole read.
      const reader = new VectorAnswerReader(values, status === 200 ? onRow : () => {});
      const events = new JsonEvents(reader, { maxToken: MAX_TOKEN_BYTES });
      let read = 0;
      try {
        for await (const chunk of body) {
          read += chunk.length;
          // Of an error answer, the start is enough: its status and error come first.
          if (status !== 200 && read > MAX_ERROR_BYTES) break;
          events.write(chunk);
        }
        if (status === 200) events.end();
      } catch (err) {
        if (!(err instanceof JsonSyntaxError)) throw err;
        if (status === 401 || status === 403) throw notAuthorized(url, status);
        throw new InputError(
          `${shownUrl(url)}: HTTP ${status}: not a Prometheus API answer (${err.message})`,
        );
      }
      return verdict(url, status, reader);
    },
  );
}

function notAuthorized(url: URL, status: number): InputError {
  // Prometheus has no bearer tokens of its own: an auth proxy in front refused us.
  return new InputError(
    `${shownUrl(url)}: HTTP ${status}: not authorized: check the bearer token (--prometheus-token-env)`,
  );
}

/** The rows of an answer read whole, or the input error that says what was wrong with it. */
function verdict(url: URL, status: number, reader: VectorAnswerReader): number {
  if (status === 401 || status === 403) throw notAuthorized(url, status);
  const s = reader.summary;
  if (!s.rootIsObject) throw new InputError(`${shownUrl(url)}: HTTP ${status}: not a Prometheus API answer`);
  if (status !== 200 || s.status !== 'success') {
    const why = s.error ?? `HTTP ${status}`;
    throw new InputError(`${shownUrl(url)}: query failed: ${s.errorType ? `${s.errorType}: ` : ''}${why}`);
  }
  if (s.resultType !== 'vector') {
    throw new InputError(`${shownUrl(url)}: expected a vector result, got ${String(s.resultType)}`);
  }
  if (!s.resultIsList) {
    throw new InputError(`${shownUrl(url)}: data.result is not a list (not a Prometheus vector answer)`);
  }
  if (reader.problem !== undefined) {
    throw new InputError(`${shownUrl(url)}: ${reader.problem} (not a Prometheus vector sample)`);
  }
  return s.rows;
}

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
function partQueries(range: string, scopes: readonly NamespaceScope[]): { text: string; metric: number }[] {
  const queries: { text: string; metric: number }[] = [];
  for (const scope of scopes) {
    queries.push({ text: requestsQuery(range, scope), metric: REQUESTS });
    queries.push({ text: tcpQuery(range, scope), metric: TCP });
  }
  for (const scope of scopes) queries.push({ text: clientSidecarQuery(range, scope), metric: -1 });
  return queries;
}

export async function readPrometheus(options: PrometheusOptions): Promise<PrometheusResult> {
  const base = parseBaseUrl(options.url, '--prometheus-url');
  const now = options.now ?? new Date();
  const from = parseSince(options.since ?? '1h', now);
  const range = promRange(now.getTime() - from.getTime());
  const target: HttpTarget = { token: options.token, caFile: options.caFile, timeoutMs: options.timeoutMs };
  const builder = new ObservedMapBuilder();
  builder.sources = 1;
  const values = new ByteInterner(builder.strings);

  // How large the answer will be, per callers' namespace: the plan for splitting it.
  const sizes = new Map<string, number>();
  const nsSlot = CALL_LABEL_SLOTS.indexOf(NAMESPACE_LABEL);
  await instantQuery(base, sizeQuery(), now, target, values, (ids, value) => {
    const ns = ids[nsSlot] === -1 ? '' : builder.strings.value(ids[nsSlot]!);
    sizes.set(ns, (sizes.get(ns) ?? 0) + (Number.isFinite(value) ? value : 0));
  });
  const scopes = namespaceScopes(sizes, options.maxRowsPerQuery ?? DEFAULT_MAX_ROWS_PER_QUERY);
  const queries = partQueries(range, scopes);
  // Rows are one per call, without the reporter: whether a caller's sidecar counted any request
  // is asked apart, part by part, until one says so.
  let clientSidecarSeen = false;
  // The first failure stops the parts still in flight: the read has failed anyway.
  const stop = new AbortController();
  const rows = await mapPool(queries, options.concurrency ?? DEFAULT_QUERY_CONCURRENCY, async (q) => {
    if (q.metric === -1 && clientSidecarSeen) return 0;
    const onRow: RowHandler =
      q.metric === -1
        ? () => {
            clientSidecarSeen = true;
          }
        : (ids, value) => builder.addInterned(q.metric, ids, requestCount(value));
    try {
      const n = await instantQuery(base, q.text, now, target, values, onRow, stop.signal);
      return q.metric === -1 ? 0 : n;
    } catch (err) {
      stop.abort();
      throw err;
    }
  });
  if (rows.every((n) => n === 0)) {
    builder.addWarning(`Prometheus at ${shownUrl(base)} has no Istio traffic in the last ${range}`);
  }
  const requestRows = rows.reduce((sum, n, i) => (queries[i]!.metric === REQUESTS ? sum + n : sum), 0);
  if (requestRows > 0 && !clientSidecarSeen) builder.addWarning(NO_CLIENT_SIDECAR);
  return { ...builder.build(), window: { from: from.toISOString(), to: now.toISOString() } };
}
