// A gate that says OK because it saw nothing is worse than none. These checks run on every
// observed map before anything is reported: nothing observed in the scope (`-n`, or all
// namespaces) is an error naming what was read, what it held instead and the likely cause;
// a namespace asked for with nothing observed and nothing declared in it is a typo until
// shown otherwise. `--allow-empty` turns the first into a warning, for a cluster that truly
// had no traffic.
import { InputError } from '../errors.ts';
import { CHECKABLE_TARGETS, type DeclaredIntents, type ObservedMap } from '../model.ts';
import type { Settings } from '../settings.ts';
import { NO_ISTIO_SERIES } from './content-sniff.ts';

/** Notes every map of a source carries, whatever it held: no evidence of why it is empty. */
const ROUTINE = [
  /^no --window: counts are cumulative/,
  /^the network mapper keeps no request counts/,
  /^no istio_requests_total or istio_tcp_connections_opened_total series found$/,
];
const EVIDENCE_SHOWN = 4;

/** Namespaces with an observed call as `-n` scopes them: by client, by server for unattributed calls. */
export function observedNamespaces(map: ObservedMap): Set<string> {
  const seen = new Set<string>();
  for (const call of map.calls) seen.add(call.client.namespace);
  for (const call of map.external) seen.add(call.client.namespace);
  for (const call of map.unattributed) seen.add(call.server.namespace);
  return seen;
}

/** `--environment NAME`: the namespaces the config (`file`, as shown) maps to it. */
export interface EnvironmentScope {
  name: string;
  file: string | undefined;
  namespaces: readonly string[];
}

/** What was asked for and read: the settings, and the scope `--environment` may have widened. */
export type ScopeSettings = Pick<
  Settings,
  'namespaces' | 'allowEmpty' | 'source' | 'metrics' | 'snapshots'
> & {
  /** The namespaces `-n` named (the scope's own may add an environment's). */
  asked: readonly string[];
  environmentScope?: EnvironmentScope;
};

/** The namespaces in scope (`-n` and `--environment`'s), and the environment when given. */
export type NamespaceScope = Pick<ScopeSettings, 'namespaces' | 'environmentScope'>;

/**
 * Throws InputError when a namespace `-n` named, or one the config maps to `--environment`
 * (a typo there is as silent), holds nothing observed and nothing declared, then when the
 * scope holds nothing observed at all (a warning on the map with allowEmpty).
 * `declared` is absent for the commands that read no intents (list, export, capture).
 */
export function requireObservedScope(
  map: ObservedMap,
  settings: ScopeSettings,
  declared?: DeclaredIntents,
): ObservedMap {
  const seen = observedNamespaces(map);
  const declaredIn = new Set((declared?.documents ?? []).map((d) => d.client.namespace));
  // With nothing observed anywhere and no intents read, a namespace cannot be told from a typo.
  const canTell = seen.size > 0 || declared !== undefined || !settings.allowEmpty;
  const isUnknown = (ns: string) => !seen.has(ns) && !declaredIn.has(ns);
  const unknown = settings.asked.filter(isUnknown);
  const environment = settings.environmentScope;
  const unmapped = (environment?.namespaces ?? []).filter(isUnknown);
  const which = (names: string[]) => `namespace${names.length === 1 ? '' : 's'} ${names.join(', ')}`;
  const nothingThere = () =>
    `nothing observed and nothing declared there (${namespacesSeen(seen, declared, declaredIn)})`;
  if (canTell && unknown.length > 0) throw new InputError(`${which(unknown)}: ${nothingThere()}`);
  if (canTell && environment !== undefined && unmapped.length > 0) {
    const file = environment.file ?? 'the config';
    throw new InputError(
      `--environment ${environment.name}: ${file} maps ${which(unmapped)} to it: ${nothingThere()}`,
    );
  }
  const scope = settings.namespaces;
  if (scope.length === 0 ? seen.size > 0 : scope.some((ns) => seen.has(ns))) {
    return declared === undefined
      ? map
      : requireHttpDetail(requireClientCalls(map, settings), settings, declared);
  }
  if (!settings.allowEmpty) {
    throw new InputError(
      `${nothingObserved(map, settings, seen)}; if the mesh truly had no traffic, --allow-empty (the action's allow-empty: true) makes this a warning`,
    );
  }
  // The map's own warnings say what was read instead; the verdict line is enough here.
  const warning = `${headline(map, settings)} (allow-empty: reported, not failing)`;
  return { ...map, warnings: [...map.warnings, warning] };
}

function namespacesSeen(
  seen: Set<string>,
  declared: DeclaredIntents | undefined,
  declaredIn: Set<string>,
): string {
  const list = (names: Set<string>) => (names.size === 0 ? 'none' : [...names].sort().map(shown).join(', '));
  const observed = `observed: ${list(seen)}`;
  return declared === undefined ? observed : `${observed}; declared: ${list(declaredIn)}`;
}

/** Names from metric labels reach a terminal: anything but a plain namespace name is quoted. */
function shown(name: string): string {
  return /^[a-z0-9][-a-z0-9.]*$/.test(name) ? name : JSON.stringify(name);
}

function nothingObserved(map: ObservedMap, settings: ScopeSettings, seen: Set<string>): string {
  const parts = [headline(map, settings)];
  if (seen.size > 0) {
    parts.push(`calls were observed in namespace ${[...seen].sort().map(shown).join(', ')} only`);
  } else {
    const evidence = map.warnings
      .filter((w) => !ROUTINE.some((r) => r.test(w)))
      .map((w) => w.replace(NO_ISTIO_SERIES, ' holds '));
    if (map.stats.series > 0) {
      evidence.unshift(`${map.stats.series} Istio series read, every count 0 (no request in the window)`);
    }
    const more = evidence.length - EVIDENCE_SHOWN;
    if (evidence.length > 0) {
      parts.push(evidence.slice(0, EVIDENCE_SHOWN).join('; ') + (more > 0 ? `; and ${more} more` : ''));
    }
  }
  parts.push(`likely cause: ${seen.size > 0 ? wrongScope(settings) : likelyCause(map, settings.source)}`);
  return parts.join('; ');
}

/** What put the traffic out of scope: -n, or the namespaces --environment added to it. */
function wrongScope(settings: ScopeSettings): string {
  const byEnvironment = settings.namespaces.some((ns) => !settings.asked.includes(ns));
  if (!byEnvironment) return '-n names namespaces the traffic was not in';
  const which = settings.asked.length > 0 ? '-n and --environment name' : '--environment maps to';
  return `${which} namespaces the traffic was not in`;
}

function headline(
  map: ObservedMap,
  settings: Pick<Settings, 'namespaces' | 'source' | 'metrics' | 'snapshots'>,
): string {
  const scope = settings.namespaces.length === 0 ? '' : ` in namespace ${settings.namespaces.join(', ')}`;
  return `nothing observed${scope}: ${whatWasRead(map, settings)} held no Istio request or TCP traffic`;
}

function whatWasRead(map: ObservedMap, settings: Pick<Settings, 'source' | 'metrics' | 'snapshots'>): string {
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  switch (settings.source) {
    case 'metrics':
      return `the ${files(map.stats.sources)} read from --metrics ${settings.metrics.join(', ')}`;
    case 'snapshot':
      return `the snapshot ${settings.snapshots.join(', ')}`;
    case 'sidecars':
      return `${map.stats.sources} meshed pod${map.stats.sources === 1 ? '' : 's'} read through the API server`;
    case 'prometheus':
      return 'Prometheus (--prometheus-url)';
    case 'mapper':
      return "Otterize's network mapper";
  }
}

function likelyCause(map: ObservedMap, source: Settings['source']): string {
  switch (source) {
    case 'metrics':
      return "files that are not sidecar metrics (--metrics takes a meshed pod's :15020/stats/prometheus or Envoy JSON stats), sidecars that served no request, or pods without a sidecar";
    case 'snapshot':
      return 'a capture taken before any traffic, or --since later than every call in it';
    case 'sidecars':
      return map.warnings.some((w) => w.startsWith('no meshed pods'))
        ? 'no meshed pods: label the namespace istio-injection=enabled and restart its workloads'
        : 'no traffic through the sidecars (during the window, with --window)';
    case 'prometheus':
      return "Prometheus does not scrape the sidecars (Istio's Prometheus addon, or a PodMonitor for port 15020), or no traffic in the range";
    case 'mapper':
      return 'the mapper has seen no traffic yet (reset recently, or its Istio watcher is off)';
  }
}

/**
 * Calls were observed in scope, but only from callers outside the mesh (no sidecar, so no
 * client): ClientIntents are a client's, so no rule could be matched and no call be missing,
 * and every rule would be "not exercised". An error like nothing observed (a warning with
 * --allow-empty). Calls of the mesh's workloads to hosts outside it are a client's calls.
 */
function requireClientCalls(map: ObservedMap, settings: ScopeSettings): ObservedMap {
  const scope = new Set(settings.namespaces);
  const inScope = (namespace: string) => scope.size === 0 || scope.has(namespace);
  if (map.calls.some((c) => inScope(c.client.namespace))) return map;
  if (map.external.some((c) => inScope(c.client.namespace))) return map;
  const outside = map.unattributed.filter((c) => inScope(c.server.namespace)).length;
  const scoped = settings.namespaces.length === 0 ? '' : ` in namespace ${settings.namespaces.join(', ')}`;
  const what =
    `nothing checked${scoped}: ${whatWasRead(map, settings)} held only calls from callers outside the mesh ` +
    `(${outside} unattributed: no sidecar named their source workload), and intents are checked against the calls ` +
    "of the mesh's own workloads; likely cause: the callers run without a sidecar (not injected, or outside the cluster)";
  if (!settings.allowEmpty) {
    throw new InputError(`${what}; --allow-empty (the action's allow-empty: true) makes this a warning`);
  }
  return { ...map, warnings: [...map.warnings, `${what} (allow-empty: reported, not failing)`] };
}

/**
 * Calls were observed, but not one in scope carries a method or path, while the intents
 * declare HTTP rules there: every such rule would be "not checked" and the gate green having
 * checked nothing (the mesh-default Telemetry missing, or TCP-only traffic). An error like
 * nothing observed, and a warning with --allow-empty.
 */
function requireHttpDetail(
  map: ObservedMap,
  settings: ScopeSettings,
  declared: DeclaredIntents,
): ObservedMap {
  const scope = new Set(settings.namespaces);
  const inScope = (namespace: string) => scope.size === 0 || scope.has(namespace);
  let calls = 0;
  for (const call of map.calls) {
    if (!inScope(call.client.namespace)) continue;
    if (call.method !== null || call.path !== null) return map;
    calls++;
  }
  const httpRules = declared.rules.filter(
    (r) =>
      inScope(r.client.namespace) &&
      CHECKABLE_TARGETS.has(r.targetType) &&
      (r.method !== null || r.path !== null),
  ).length;
  if (calls === 0 || httpRules === 0) return map;
  const what =
    `no HTTP rule can be checked: none of the ${calls} call${calls === 1 ? '' : 's'} observed in scope carries a method or path, ` +
    `and the intents declare ${httpRules} HTTP rule${httpRules === 1 ? '' : 's'}; likely cause: the mesh-default Telemetry ` +
    '(tagOverrides request_method, request_path) is missing, or the traffic is TCP only';
  if (!settings.allowEmpty) {
    throw new InputError(`${what}; --allow-empty (the action's allow-empty: true) makes this a warning`);
  }
  return { ...map, warnings: [...map.warnings, `${what} (allow-empty: reported, not failing)`] };
}
