// The PromQL `--source prometheus` sends. Aggregation happens on the server: one row per
// distinct call (the labels the engine reads), the destination's count where the server's
// sidecar reported it (it holds the verified principal), the source's where it did not (`or`
// keeps a right-hand row only where no left-hand row has the same labels), and a waypoint's
// count (ambient mode) as a row of its own, with its reporter. A large mesh is
// asked for in parts, by the callers' namespaces, so that no answer (and no evaluation on the
// server, which Prometheus bounds by --query.max-samples) grows with the whole mesh.
import { REQUESTS_METRIC, TCP_CONNECTIONS_METRIC } from '../istio-labels.ts';

const CALL_LABELS = [
  'source_workload',
  'source_workload_namespace',
  'destination_workload',
  'destination_workload_namespace',
  'destination_service',
  'destination_service_name',
  'destination_service_namespace',
];
const HTTP_LABELS = [...CALL_LABELS, 'request_protocol', 'request_method', 'request_path'];
export const NAMESPACE_LABEL = 'source_workload_namespace';

/** Which callers' namespaces a query covers: all, these, or all but these. */
export type NamespaceScope =
  | { kind: 'all' }
  | { kind: 'in'; namespaces: readonly string[] }
  | { kind: 'not-in'; namespaces: readonly string[] };

/** RE2 (PromQL's regex) matching exactly these values; '' matches a missing label. */
function alternation(values: readonly string[]): string {
  return values.map((v) => v.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')).join('|');
}

function matchers(reporter: string, scope: NamespaceScope): string {
  // A PromQL string literal takes Go's escapes, which JSON's are a subset of.
  let m = `reporter="${reporter}"`;
  if (scope.kind === 'in') m += `, ${NAMESPACE_LABEL}=~${JSON.stringify(alternation(scope.namespaces))}`;
  if (scope.kind === 'not-in') m += `, ${NAMESPACE_LABEL}!~${JSON.stringify(alternation(scope.namespaces))}`;
  return m;
}

/**
 * Per series of `selector`, what it counted in the range. increase() is the last sample in the
 * range minus the first: a series born inside the range (Istio exports one only after its first
 * request) whose counter never rose again reads 0 there. So a series with no sample before the
 * range (none within the lookback at its start: `offset`) counts at its last value in the range,
 * every request it holds made since --since; the others count their increase(). `unless` and
 * `or` match label sets without the metric name, which last_over_time() keeps and increase() drops.
 */
function countedIn(selector: string, range: string): string {
  return `(last_over_time(${selector}[${range}]) unless ${selector} offset ${range}) or increase(${selector}[${range}])`;
}

function preferDestination(
  metric: string,
  labels: readonly string[],
  range: string,
  scope: NamespaceScope,
): string {
  const side = (reporter: string, by: readonly string[]) =>
    `sum by (${by.join(', ')}) (${countedIn(`${metric}{${matchers(reporter, scope)}}`, range)}) > 0`;
  // A waypoint's rows (ambient mode) keep their reporter label, so `or` keeps them beside a
  // sidecar's row for the same call; the builder counts such a call once, at its larger
  // reporter, as it does series read from files, and says that waypoints reported.
  const waypoint = side('waypoint', ['reporter', ...labels]);
  return `${side('destination', labels)} or ${side('source', labels)} or ${waypoint}`;
}

export function requestsQuery(range: string, scope: NamespaceScope = { kind: 'all' }): string {
  return preferDestination(REQUESTS_METRIC, HTTP_LABELS, range, scope);
}

export function tcpQuery(range: string, scope: NamespaceScope = { kind: 'all' }): string {
  return preferDestination(TCP_CONNECTIONS_METRIC, CALL_LABELS, range, scope);
}

/**
 * How many rows the requests query would answer, per callers' namespace: series as they
 * stand now, which is cheap to count (series that ended within the range are not counted,
 * so this can only underestimate; the last part of a split takes every other namespace).
 */
export function sizeQuery(): string {
  return `count by (${NAMESPACE_LABEL}) (group by (${HTTP_LABELS.join(', ')}) (${REQUESTS_METRIC}{reporter=~"source|destination|waypoint"}))`;
}

/**
 * The parts to ask for: everything at once when the mesh is small, else groups of namespaces
 * of at most `maxRows` rows each (a larger namespace alone), then every other namespace.
 */
export function namespaceScopes(sizes: ReadonlyMap<string, number>, maxRows: number): NamespaceScope[] {
  let total = 0;
  for (const n of sizes.values()) total += n;
  if (total <= maxRows) return [{ kind: 'all' }];
  const scopes: NamespaceScope[] = [];
  let group: string[] = [];
  let rows = 0;
  for (const ns of [...sizes.keys()].sort()) {
    const n = sizes.get(ns)!;
    if (group.length > 0 && rows + n > maxRows) {
      scopes.push({ kind: 'in', namespaces: group });
      group = [];
      rows = 0;
    }
    group.push(ns);
    rows += n;
  }
  if (group.length > 0) scopes.push({ kind: 'in', namespaces: group });
  scopes.push({ kind: 'not-in', namespaces: [...sizes.keys()] });
  return scopes;
}

/**
 * One row when a caller's sidecar (reporter="source") counted a request in the range, none
 * otherwise: the requests query's rows no longer say who reported them, and a mesh whose
 * calls only the servers' sidecars saw was driven from outside it (NO_CLIENT_SIDECAR).
 */
export function clientSidecarQuery(range: string, scope: NamespaceScope = { kind: 'all' }): string {
  return `sum by (reporter) (${countedIn(`${REQUESTS_METRIC}{${matchers('source', scope)}}`, range)}) > 0`;
}
