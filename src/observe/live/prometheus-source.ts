// `--source prometheus`: instant queries of increase(...[RANGE]) over `--since`, grouped by the
// labels the engine reads. A call counted by both sidecars keeps the destination's count (it holds
// the verified principal); the source's stands in when the server has no sidecar to report it.
import { InputError } from '../../errors.ts';
import type { ObservedMap } from '../../model.ts';
import type { Sample } from '../exposition-line.ts';
import { REQUESTS_METRIC, TCP_CONNECTIONS_METRIC } from '../istio-labels.ts';
import { NO_CLIENT_SIDECAR, ObservedMapBuilder } from '../observed-map.ts';
import { parseSince, promRange } from './duration.ts';
import { type HttpTarget, httpRequest, parseBaseUrl, shownUrl } from './http-client.ts';

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
  timeoutMs?: number;
}

const CALL_LABELS = [
  'reporter',
  'source_workload',
  'source_workload_namespace',
  'destination_workload',
  'destination_workload_namespace',
  'destination_service',
  'destination_service_name',
  'destination_service_namespace',
];
const HTTP_LABELS = [...CALL_LABELS, 'request_protocol', 'request_method', 'request_path'];

interface VectorItem {
  metric: Record<string, string>;
  value: [number, string];
}

export function requestsQuery(range: string): string {
  return `sum by (${HTTP_LABELS.join(', ')}) (increase(${REQUESTS_METRIC}{reporter=~"source|destination"}[${range}])) > 0`;
}

export function tcpQuery(range: string): string {
  return `sum by (${CALL_LABELS.join(', ')}) (increase(${TCP_CONNECTIONS_METRIC}{reporter=~"source|destination"}[${range}])) > 0`;
}

async function instantQuery(base: URL, query: string, at: Date, target: HttpTarget): Promise<VectorItem[]> {
  const url = new URL('api/v1/query', base.href.endsWith('/') ? base : new URL(`${base.href}/`));
  const form = new URLSearchParams({ query, time: (at.getTime() / 1000).toFixed(3) }).toString();
  const answer = await httpRequest(url, target, {
    method: 'POST',
    body: form,
    contentType: 'application/x-www-form-urlencoded',
  });
  if (answer.status === 401 || answer.status === 403) {
    // Prometheus has no bearer tokens of its own: an auth proxy in front refused us.
    throw new InputError(
      `${shownUrl(url)}: HTTP ${answer.status}: not authorized: check the bearer token (--prometheus-token-env)`,
    );
  }
  let parsed: {
    status?: unknown;
    error?: unknown;
    errorType?: unknown;
    data?: { resultType?: unknown; result?: unknown } | null;
  };
  const notAnswer = () =>
    new InputError(`${shownUrl(url)}: HTTP ${answer.status}: not a Prometheus API answer`);
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    throw notAnswer();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw notAnswer();
  if (answer.status !== 200 || parsed.status !== 'success') {
    const why = typeof parsed.error === 'string' ? parsed.error : `HTTP ${answer.status}`;
    const type = typeof parsed.errorType === 'string' ? `${parsed.errorType}: ` : '';
    throw new InputError(`${shownUrl(url)}: query failed: ${type}${why}`);
  }
  if (parsed.data?.resultType !== 'vector' || !Array.isArray(parsed.data.result)) {
    throw new InputError(
      `${shownUrl(url)}: expected a vector result, got ${String(parsed.data?.resultType)}`,
    );
  }
  return parsed.data.result.map((item, i) => vectorItem(item, `${shownUrl(url)}: result[${i}]`));
}

/** One sample of a vector answer, `{metric: {label: value}, value: [time, "number"]}`, or exit 2. */
function vectorItem(item: unknown, where: string): VectorItem {
  const bad = (what: string): never => {
    throw new InputError(`${where}: ${what} (not a Prometheus vector sample)`);
  };
  if (typeof item !== 'object' || item === null || Array.isArray(item)) bad('not an object');
  const { metric, value } = item as { metric?: unknown; value?: unknown };
  if (typeof metric !== 'object' || metric === null || Array.isArray(metric)) bad('metric is not an object');
  const labels: Record<string, string> = {};
  for (const [name, text] of Object.entries(metric as object)) {
    if (typeof text !== 'string') bad(`metric.${name} is not a string`);
    labels[name] = text as string;
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== 'number' ||
    typeof value[1] !== 'string'
  ) {
    bad('value is not [time, "number"]');
  }
  return { metric: labels, value: value as [number, string] };
}

/** Prefer reporter=destination per call; keep reporter=source where no destination reported it. */
export function preferDestination(metric: string, items: readonly VectorItem[]): Sample[] {
  const byCall = new Map<string, VectorItem[]>();
  for (const item of items) {
    const { reporter: _r, ...rest } = item.metric;
    const key = JSON.stringify(Object.entries(rest).sort());
    const group = byCall.get(key);
    if (group === undefined) byCall.set(key, [item]);
    else group.push(item);
  }
  const samples: Sample[] = [];
  for (const group of byCall.values()) {
    const dest = group.filter((i) => i.metric.reporter === 'destination');
    for (const item of dest.length > 0 ? dest : group) {
      const v = Number(item.value[1]);
      // increase() extrapolates: a single request may read 0.7; count it as one.
      const count = Number.isFinite(v) && v > 0 ? Math.max(1, Math.round(v)) : 0;
      samples.push({ metric, labels: item.metric, value: count, line: 0 });
    }
  }
  return samples;
}

export interface PrometheusResult extends ObservedMap {
  /** The span the increase() covered (ISO 8601). */
  window: { from: string; to: string };
}

export async function readPrometheus(options: PrometheusOptions): Promise<PrometheusResult> {
  const base = parseBaseUrl(options.url, '--prometheus-url');
  const now = options.now ?? new Date();
  const from = parseSince(options.since ?? '1h', now);
  const range = promRange(now.getTime() - from.getTime());
  const target: HttpTarget = { token: options.token, caFile: options.caFile, timeoutMs: options.timeoutMs };
  const [requests, tcp] = await Promise.all([
    instantQuery(base, requestsQuery(range), now, target),
    instantQuery(base, tcpQuery(range), now, target),
  ]);
  const builder = new ObservedMapBuilder();
  builder.sources = 1;
  for (const s of preferDestination(REQUESTS_METRIC, requests)) builder.add(s);
  for (const s of preferDestination(TCP_CONNECTIONS_METRIC, tcp)) builder.add(s);
  if (requests.length === 0 && tcp.length === 0) {
    builder.addWarning(`Prometheus at ${shownUrl(base)} has no Istio traffic in the last ${range}`);
  }
  if (requests.length > 0 && !requests.some((r) => r.metric.reporter === 'source')) {
    builder.addWarning(NO_CLIENT_SIDECAR);
  }
  return { ...builder.build(), window: { from: from.toISOString(), to: now.toISOString() } };
}
