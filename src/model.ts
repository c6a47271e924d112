// The types every stage shares. Data flows one way:
// observe (ObservedMap) + declare (DeclaredRule[]) -> diff (Drift) -> report -> deliver.

/** A workload as Istio names it: the pod's owner (a Deployment's name for its pods). */
export interface WorkloadRef {
  name: string;
  namespace: string;
  /** Deployment, StatefulSet, ... when a source or a manifest told us; absent otherwise. */
  kind?: string;
}

export interface ServiceRef {
  name: string;
  namespace: string;
}

export interface ServerRef extends WorkloadRef {
  /** The Kubernetes Service the caller used (Istio destination_service_name). */
  service?: ServiceRef;
}

/** One distinct observed call: (client, server, method, path). */
export interface ObservedCall {
  client: WorkloadRef;
  server: ServerRef;
  /**
   * The HTTP method as the request sent it (case kept: Istio matches it case-sensitively), or
   * null when the metrics carry no method (service-level evidence).
   */
  method: string | null;
  /** Normalized path without query or fragment, or null when not known. */
  path: string | null;
  /** Requests (or TCP connections) seen, after deduplicating the two reporters. */
  count: number;
  protocol: 'http' | 'grpc' | 'tcp';
  firstSeen?: string;
  lastSeen?: string;
  /** For calls to hosts outside the mesh: the destination host (destination_service). */
  host?: string;
}

/** Everything the observe stage found, ready for the diff. */
export interface ObservedMap {
  /** Calls between known workloads. */
  calls: ObservedCall[];
  /** Calls whose caller is outside the mesh (source_workload unknown). */
  unattributed: ObservedCall[];
  /** Calls to destinations that are not workloads of the mesh (external hosts, passthrough). */
  external: ObservedCall[];
  warnings: string[];
  /** How much input was read: series kept, series seen, sources (files or pods). */
  stats: { series: number; sources: number };
}

export type TargetType =
  | 'kubernetes'
  | 'service'
  | 'kafka'
  | 'sql'
  | 'database'
  | 'aws'
  | 'gcp'
  | 'azure'
  | 'internet';

/**
 * The methods the ClientIntents CRD accepts (an upper-case enum: no HEAD, no ALL). A call with
 * any other method (`HEAD`, `get`) can be allowed only by a target without HTTP rules, or by an
 * HTTP rule with `methods: []` (any method) for its path.
 */
export const INTENT_METHODS: readonly string[] = [
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'PATCH',
  'CONNECT',
];

/** Target types whose traffic Istio's HTTP metrics can show. */
export const CHECKABLE_TARGETS: ReadonlySet<TargetType> = new Set(['kubernetes', 'service']);

/**
 * One declared (target, path, method) pair, one path with `methods: []` (method null: any
 * method on the path), or one target without HTTP rules (method and path null: allows
 * everything), with where it was written.
 */
export interface DeclaredRule {
  client: WorkloadRef;
  /** The server as declared: a workload for `kubernetes`, a Service name for `service`. */
  server: { name: string; namespace: string; kind?: string };
  targetType: TargetType;
  method: string | null;
  path: string | null;
  file: string;
  line: number;
  /** The line of the target the rule belongs to (`- kubernetes:`), where a rule for its server goes. */
  targetLine?: number;
}

export interface DeclaredIntents {
  rules: DeclaredRule[];
  /**
   * One entry per ClientIntents document read, for export edits and coverage; `targetsLine` is
   * the line of its `targets:` (or v1 `calls:`) list, where a new target goes; `shared` is set
   * when it holds a YAML anchor or alias, which the intents editor leaves alone.
   */
  documents: {
    client: WorkloadRef;
    apiVersion: string;
    file: string;
    line: number;
    targetsLine?: number;
    shared?: true;
  }[];
  /**
   * The namespace the load gave ClientIntents without metadata.namespace (`--default-namespace`,
   * or the single `-n` namespace); absent when none applied, and the load refused such documents.
   * The intents editor reads the documents' namespaces as the load did.
   */
  defaultNamespace?: string;
  warnings: string[];
}

export type StaleReason = 'path-not-called' | 'server-not-called' | 'client-idle';

export interface StaleRule extends DeclaredRule {
  reason: StaleReason;
}

export interface MissingCall extends ObservedCall {
  /** True when the server is named by some declared intent: its ALLOW policies would reject this call. */
  wouldBeBlocked: boolean;
  /** Istio path template for a path with ID-like segments. */
  suggestedPath?: string;
  /** The client's ClientIntents document, where the call would be declared (absent: it has none). */
  intentsFile?: { readonly file: string; readonly line: number };
}

export interface NotCheckedRule extends DeclaredRule {
  why: 'not-http' | 'no-http-detail';
}

export type FailOn = 'missing' | 'stale' | 'any' | 'none';

/** Where a run's observed calls came from, as reports name it. */
export interface ObservedFrom {
  /** `metrics`, `snapshot`, `sidecars`, `prometheus` or `mapper`. */
  source: string;
  /** The files or folders read (`-` for stdin), or the URL asked; empty for a kubeconfig's cluster. */
  inputs: string[];
  /** A live reading's span of traffic. */
  window?: { from: string; to: string };
  /** `--since` as given (Prometheus' range, a snapshot's filter). */
  since?: string;
}

/** The diff's result: what the report renders and the exit code is decided from. */
export interface Drift {
  missing: MissingCall[];
  stale: StaleRule[];
  covered: ObservedCall[];
  notChecked: NotCheckedRule[];
  unattributed: ObservedCall[];
  external: ObservedCall[];
  ignored: ObservedCall[];
  warnings: string[];
  summary: {
    observed: number;
    declared: number;
    covered: number;
    missing: number;
    stale: number;
    notChecked: number;
    ignored: number;
    drift: boolean;
  };
}
