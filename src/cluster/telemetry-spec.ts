// How Istio reads Telemetry resources, as far as method and path labels go. Pure: the cluster
// steps list the resources, these functions say which one decides and what it adds.
//
// From istio/istio 1.30, pilot/pkg/model/telemetry.go: resources are sorted by creation time
// (then name, then namespace: sortConfigByCreationTime), and the first one of a namespace with no
// `selector.matchLabels` and no `targetRef(s)` is that namespace's (namespaceWideTelemetryConfig),
// so a newer one is ignored. The root namespace's applies to the whole mesh, a workload
// namespace's is merged over it (mergeMetrics: later overrides win per metric, mode and tag; the
// last entry naming providers decides which providers get metrics at all).

export interface TelemetryObject {
  name: string;
  namespace: string;
  /** metadata.creationTimestamp (RFC 3339, seconds), '' when absent. */
  created: string;
  spec: Record<string, unknown>;
}

/** The resources of a `kubectl get telemetries --output json` List. */
export function telemetriesOf(items: readonly Record<string, unknown>[]): TelemetryObject[] {
  const out: TelemetryObject[] = [];
  for (const item of items) {
    const metadata = (item.metadata ?? {}) as Record<string, unknown>;
    if (typeof metadata.name !== 'string' || typeof metadata.namespace !== 'string') continue;
    const spec =
      item.spec !== null && typeof item.spec === 'object' ? (item.spec as Record<string, unknown>) : {};
    const created = typeof metadata.creationTimestamp === 'string' ? metadata.creationTimestamp : '';
    out.push({ name: metadata.name, namespace: metadata.namespace, created, spec });
  }
  return out;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** No selector labels and no target reference: the resource applies to its whole namespace. */
export function isNamespaceWide(spec: Record<string, unknown>): boolean {
  const selector = spec.selector as { matchLabels?: unknown } | undefined;
  return isEmpty(selector?.matchLabels) && isEmpty(spec.targetRefs) && isEmpty(spec.targetRef);
}

/** The namespace-wide resources, oldest first: the first is the one Istio uses. */
export function namespaceWide(telemetries: readonly TelemetryObject[]): TelemetryObject[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return telemetries
    .filter((t) => isNamespaceWide(t.spec))
    .sort(
      (a, b) =>
        cmp(Date.parse(a.created) ? a.created : '', Date.parse(b.created) ? b.created : '') ||
        cmp(a.name, b.name) ||
        cmp(a.namespace, b.namespace),
    );
}

export interface RequestCountTags {
  /** reporter="source" series (the caller's sidecar) get request_method and request_path. */
  client: boolean;
  /** reporter="destination" series (the server's sidecar) get them. */
  server: boolean;
}

type Mode = 'client' | 'server';

interface ModeState {
  tags: Set<string>;
  /** `disabled: true` on REQUEST_COUNT. */
  disabled: boolean;
  /** `disabled: true` on ALL_METRICS: the whole filter goes, until a later override names a metric. */
  allDisabled: boolean;
}

const HTTP_TAGS = ['request_method', 'request_path'];
/**
 * meshConfig.defaultProviders.metrics as the istiod chart writes it (templates/configmap.yaml,
 * _helpers.tpl `default-prometheus`) unless the user sets defaultProviders. Istio's own default,
 * with no defaultProviders in the mesh config, is none (pkg/config/mesh/mesh.go).
 */
export const DEFAULT_PROVIDERS: readonly string[] = ['prometheus'];

interface MetricsEntry {
  providers?: unknown;
  overrides?: unknown;
}

function providerNames(entry: MetricsEntry): string[] {
  if (!Array.isArray(entry.providers)) return [];
  return entry.providers
    .map((p) => (p as { name?: unknown } | null)?.name)
    .filter((n): n is string => typeof n === 'string');
}

function entriesOf(specs: readonly Record<string, unknown>[]): MetricsEntry[] {
  return specs.flatMap((spec) =>
    Array.isArray(spec.metrics) ? (spec.metrics as unknown[]).map((e) => (e ?? {}) as MetricsEntry) : [],
  );
}

/**
 * The metrics providers Istio configures under these specs (root first): those of the last entry
 * naming any (mergeMetrics: inScopeProviders, not a deep merge), else the mesh config's
 * defaultProviders.metrics (`defaults`; the chart's prometheus unless given).
 */
export function metricsProviders(
  specs: readonly Record<string, unknown>[],
  defaults: readonly string[] = DEFAULT_PROVIDERS,
): readonly string[] {
  return entriesOf(specs).reduce((names, e) => {
    const named = providerNames(e);
    return named.length > 0 ? named : names;
  }, defaults);
}

/**
 * Whether these specs, merged in order (root first), put request_method and request_path on
 * istio_requests_total for the prometheus provider, per mode. Only the providers of the last entry
 * naming any are configured at all (mergeMetrics: inScopeProviders), so a namespace's entry naming
 * only stackdriver leaves no prometheus metrics, whatever the root's tags. An entry naming none
 * inherits the previous entry's providers, else `defaults`, the mesh config's
 * defaultProviders.metrics (prometheus, the istiod chart's, unless given); one whose providers
 * lack prometheus does not count.
 */
export function requestCountTags(
  specs: readonly Record<string, unknown>[],
  defaults: readonly string[] = DEFAULT_PROVIDERS,
): RequestCountTags {
  const state = prometheusModes(specs, defaults);
  if (state === undefined) return { client: false, server: false };
  const ok = (s: ModeState) => !s.disabled && !s.allDisabled && HTTP_TAGS.every((t) => s.tags.has(t));
  return { client: ok(state.client), server: ok(state.server) };
}

/** Whether these specs, merged as requestCountTags merges them, disable REQUEST_COUNT (or all metrics) on a side. */
export function requestCountDisabled(
  specs: readonly Record<string, unknown>[],
  defaults: readonly string[] = DEFAULT_PROVIDERS,
): boolean {
  const state = prometheusModes(specs, defaults);
  return state !== undefined && [state.client, state.server].some((s) => s.disabled || s.allDisabled);
}

/** The prometheus provider's REQUEST_COUNT per mode after the merge; undefined when it gets no metrics. */
function prometheusModes(
  specs: readonly Record<string, unknown>[],
  defaults: readonly string[],
): Record<Mode, ModeState> | undefined {
  if (!metricsProviders(specs, defaults).includes('prometheus')) return undefined;
  const state: Record<Mode, ModeState> = {
    client: { tags: new Set(), disabled: false, allDisabled: false },
    server: { tags: new Set(), disabled: false, allDisabled: false },
  };
  let providers = defaults;
  for (const m of entriesOf(specs)) {
    const names = providerNames(m);
    if (names.length > 0) providers = names;
    if (!providers.includes('prometheus')) continue;
    const overrides = Array.isArray(m.overrides) ? (m.overrides as unknown[]) : [];
    for (const o of overrides) applyOverride(state, (o ?? {}) as Record<string, unknown>);
  }
  return state;
}

function applyOverride(state: Record<Mode, ModeState>, override: Record<string, unknown>): void {
  const match = (override.match ?? {}) as { metric?: unknown; mode?: unknown; customMetric?: unknown };
  const metric = match.customMetric !== undefined ? 'CUSTOM' : (match.metric ?? 'ALL_METRICS');
  const modes: Mode[] =
    match.mode === 'CLIENT' ? ['client'] : match.mode === 'SERVER' ? ['server'] : ['client', 'server'];
  const tagOverrides = (override.tagOverrides ?? {}) as Record<
    string,
    { operation?: unknown; value?: unknown } | null
  >;
  for (const mode of modes) {
    if (metric === 'ALL_METRICS' && override.disabled === true) {
      state[mode].allDisabled = true;
      continue;
    }
    // Any later override enables a provider that ALL_METRICS disabled (mergeMetrics).
    state[mode].allDisabled = false;
    if (metric !== 'ALL_METRICS' && metric !== 'REQUEST_COUNT') continue;
    if (typeof override.disabled === 'boolean') state[mode].disabled = override.disabled;
    for (const [tag, change] of Object.entries(tagOverrides)) {
      // A later override of a tag replaces the earlier one (mergeMetrics). UPSERT with an empty
      // value is an expression Envoy cannot parse (istio/proxy istio_stats.cc): no tag, as REMOVE.
      const upsert =
        change?.operation !== 'REMOVE' && typeof change?.value === 'string' && change.value !== '';
      if (upsert) state[mode].tags.add(tag);
      else state[mode].tags.delete(tag);
    }
  }
}
