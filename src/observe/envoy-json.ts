// Envoy JSON stats, as `pilot-agent request GET stats?format=json&filter=istio_requests_total`
// prints them (what Otterize's network-mapper reads).
//
// Name format, checked against Otterize network-mapper's istio watcher (its sample comment and
// its test helper) and public `pilot-agent request GET stats` captures:
// `istiocustom.istio_requests_total.` then `key.value` pairs joined by dots, in the proxy's label
// order, tagOverride labels last (`...connection_security_policy.mutual_tls.request_method.GET
// .request_path./a-path`). An empty value leaves the key directly followed by the next key
// (`source_version.source_cluster.Kubernetes`, `grpc_response_status.response_flags.-`).
// Values are not escaped and may contain dots (`destination_service.nginx-service.ns.svc
// .cluster.local`, `request_path./static/v1.2/app.js`). The watcher's regex cuts a value at its
// first dot; here a value ends only where a known, not yet seen label key follows.
// The last entry of `stats` may be `{"histograms": {...}}`: it is skipped.
import { InputError } from '../errors.ts';
import { requireCounterValue } from './counter-value.ts';
import type { Sample } from './exposition-line.ts';
import { HTTP_DETAIL_LABELS, ISTIO_DEFAULT_LABELS } from './istio-labels.ts';

const ISTIO_STAT_PREFIX = 'istiocustom.';

export const ENVOY_LABEL_KEYS: ReadonlySet<string> = new Set([
  ...ISTIO_DEFAULT_LABELS,
  ...HTTP_DETAIL_LABELS,
]);

export interface ReadJsonOptions {
  source: string;
  metrics: ReadonlySet<string>;
  onSample(sample: Sample): void;
}

/** The key starting at `at` in `s`, if it is a known key not yet seen, followed by `.` or the end. */
function keyAt(s: string, at: number, keys: ReadonlySet<string>, seen: Set<string>): string | null {
  const dot = s.indexOf('.', at);
  const token = s.slice(at, dot === -1 ? s.length : dot);
  return keys.has(token) && !seen.has(token) ? token : null;
}

/**
 * Splits the `key.value.key.value...` part of a stat name into labels.
 * Returns an error message instead when the text does not start with a known key.
 */
export function parseEnvoyLabels(
  s: string,
  keys: ReadonlySet<string> = ENVOY_LABEL_KEYS,
): Record<string, string> | string {
  const labels: Record<string, string> = {};
  const seen = new Set<string>();
  let pos = 0;
  while (pos < s.length) {
    const key = keyAt(s, pos, keys, seen);
    if (key === null) {
      const token = s.slice(pos, s.indexOf('.', pos) === -1 ? s.length : s.indexOf('.', pos));
      return seen.has(token) ? `label "${token}" appears twice` : `unknown label key "${token.slice(0, 40)}"`;
    }
    seen.add(key);
    const valueStart = pos + key.length + 1;
    if (valueStart > s.length || keyAt(s, valueStart, keys, seen) !== null) {
      labels[key] = '';
      pos = valueStart;
      continue;
    }
    let end = s.indexOf('.', valueStart);
    while (end !== -1 && keyAt(s, end + 1, keys, seen) === null) end = s.indexOf('.', end + 1);
    if (end === -1) end = s.length;
    labels[key] = s.slice(valueStart, end);
    pos = end + 1;
  }
  return labels;
}

/** The wanted metric a stat name belongs to, and where its labels start; null if unwanted. */
function wantedMetric(name: string, metrics: ReadonlySet<string>): { metric: string; rest: string } | null {
  const base = name.startsWith(ISTIO_STAT_PREFIX) ? name.slice(ISTIO_STAT_PREFIX.length) : name;
  const dot = base.indexOf('.');
  const metric = dot === -1 ? base : base.slice(0, dot);
  if (!metrics.has(metric)) return null;
  return { metric, rest: dot === -1 ? '' : base.slice(dot + 1) };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

/** Parses Envoy JSON stats text; calls onSample per wanted stat. Throws InputError on bad input. */
export function readEnvoyStatsJson(
  text: string,
  options: ReadJsonOptions,
): { entries: number; samples: number } {
  const file = options.source;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not valid JSON: ${(err as Error).message}`, { file });
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new InputError(`expected an Envoy stats object {"stats": [...]}, found ${describe(doc)}`, { file });
  }
  const stats = (doc as { stats?: unknown }).stats;
  if (!Array.isArray(stats)) {
    const data = (doc as { data?: { result?: unknown } }).data;
    if (typeof data === 'object' && data !== null && 'result' in data) {
      throw new InputError(
        'this is a Prometheus HTTP API response, not Envoy stats; use --source prometheus to query Prometheus',
        { file },
      );
    }
    throw new InputError(`expected a "stats" array (Envoy JSON stats), found ${describe(stats)}`, { file });
  }
  let samples = 0;
  for (let i = 0; i < stats.length; i++) {
    const entry: unknown = stats[i];
    const where = `stats[${i}]`;
    if (typeof entry !== 'object' || entry === null)
      throw new InputError(`${where} is not an object`, { file });
    if ('histograms' in entry && !('name' in entry)) continue;
    const { name, value } = entry as { name?: unknown; value?: unknown };
    if (typeof name !== 'string') throw new InputError(`${where} has no "name" string`, { file });
    const wanted = wantedMetric(name, options.metrics);
    if (wanted === null) continue;
    if (typeof value !== 'number') {
      throw new InputError(`${where} (${wanted.metric}): "value" is ${describe(value)}, expected a number`, {
        file,
      });
    }
    // Split on Istio's default labels and request_method/request_path. Another label (a mesh's
    // own tagOverride) is refused when it comes first, else read into the value before it
    // (README, Limits).
    const labels = parseEnvoyLabels(wanted.rest);
    if (typeof labels === 'string') throw new InputError(`${where} (${wanted.metric}): ${labels}`, { file });
    requireCounterValue(value, `${where} (${wanted.metric})`, { file });
    samples++;
    options.onSample({ metric: wanted.metric, labels, value, line: i + 1 });
  }
  return { entries: stats.length, samples };
}
