import { InputError } from './errors.ts';
import { isDnsLabel } from './kubernetes-names.ts';
import type { FailOn } from './model.ts';

/** Where the observed map comes from (`--source`; docs/cli.md). */
export type SourceKind = 'metrics' | 'snapshot' | 'sidecars' | 'prometheus' | 'mapper';
export type ReportFormat = 'text' | 'markdown' | 'json' | 'sarif' | 'junit';
export type ExportFormat = 'yaml' | 'json';
export type ListFormat = 'text' | 'json' | 'yaml';
export type OutputType = 'single-file' | 'dir';

export const SOURCES: readonly SourceKind[] = ['metrics', 'snapshot', 'sidecars', 'prometheus', 'mapper'];
export const FAIL_ON: readonly FailOn[] = ['missing', 'stale', 'any', 'none'];
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'json', 'sarif', 'junit'];
export const LIST_FORMATS: readonly ListFormat[] = ['text', 'json', 'yaml'];
export const EXPORT_FORMATS: readonly ExportFormat[] = ['yaml', 'json'];
export const API_VERSIONS = [
  'k8s.otterize.com/v2beta1',
  'k8s.otterize.com/v2alpha1',
  'k8s.otterize.com/v1beta1',
  'k8s.otterize.com/v1alpha3',
  'k8s.otterize.com/v1alpha2',
] as const;
export const DEFAULT_API_VERSION = API_VERSIONS[0];

/** Everything one run needs, read once from flags (CLI) or inputs (action). */
export interface Settings {
  /** Where relative paths are resolved and reported from. */
  cwd: string;
  intents: string[];
  source: SourceKind;
  metrics: string[];
  snapshots: string[];
  /** Kubernetes manifests that tell workload kinds and service accounts (offline sources carry none). */
  workloads: string[];
  namespaces: string[];
  /** `--default-namespace`: the namespace of ClientIntents that name none (as `kubectl apply -n`). */
  defaultNamespace: string | undefined;
  /** `--allow-empty`: nothing observed is a warning, not an error (a cluster with no traffic). */
  allowEmpty: boolean;
  failOn: FailOn;
  /** Whether --fail-on was given: only then does it beat the config's failOn. */
  failOnExplicit: boolean;
  /**
   * `--config FILE`; undefined: the nearest `.intent-drift.yaml` from cwd up to the repository
   * root, when there is one and `findConfig` is on.
   */
  configFile: string | undefined;
  /** Look for `.intent-drift.yaml` when no `--config` is given (the demo does not). */
  findConfig: boolean;
  /** Collapse ID-like path segments into Istio templates (`--no-templates` turns off). */
  templates: boolean;
  /** `--min-count N`: missing calls seen fewer times are noise (overrides the config). */
  minCount: number | undefined;
  /** `--environment NAME`: the config's namespaces of that environment join the `-n` scope. */
  environment: string | undefined;
  /** `--baseline FILE`: report only drift that is new relative to it. */
  baselineFile: string | undefined;
  /** `--write-baseline FILE`: record today's drift. */
  writeBaselineFile: string | undefined;
  format: ReportFormat;
  /** `list --format`. */
  listFormat: ListFormat;
  /** `check --fix`: apply the minimal intents edits to the local files. */
  fix: boolean;
  /** `--prune-stale` (with `--fix`): also remove stale rules. */
  pruneStale: boolean;
  /** Also write the JSON report here. */
  reportFile: string | undefined;
  /** Also write SARIF 2.1.0 (for GitHub code scanning) here. */
  sarifFile: string | undefined;
  /** Also write JUnit XML (for GitLab, Jenkins and other CI test reports) here. */
  junitFile: string | undefined;
  color: boolean;
  /** `-o`: where export, capture and policies write (stdout when unset, where allowed). */
  output: string | undefined;
  live: LiveSettings;
  export: {
    format: ExportFormat;
    outputType: OutputType;
    apiVersion: string;
    asService: boolean;
  };
  visualize: {
    /** `--only-drift`: draw only missing and stale (the page starts with them only). */
    onlyDrift: boolean;
  };
}

/** How the live sources reach a cluster, Prometheus or Otterize's mapper. */
export interface LiveSettings {
  kubeconfig: string | undefined;
  context: string | undefined;
  /** `--window`: two sidecar readings this far apart (a duration like `60s`). */
  window: string | undefined;
  /** Pods read at once. */
  concurrency: number;
  /** Per-pod timeout (a duration). */
  podTimeout: string | undefined;
  prometheusUrl: string | undefined;
  /** Name of the environment variable that holds Prometheus' bearer token. */
  prometheusTokenEnv: string;
  /** The token itself, read from that variable by the shell (CLI or action); never printed. */
  prometheusToken: string | undefined;
  prometheusCa: string | undefined;
  /** `--prometheus-timeout`: each query's time limit, its answer read included (a duration). */
  prometheusTimeout: string | undefined;
  /** `--since`: a duration (`15m`) or an RFC 3339 time; Prometheus range or snapshot filter. */
  since: string | undefined;
  mapperUrl: string | undefined;
  /** Name of the environment variable that holds a bearer token for `--mapper-url`. */
  mapperTokenEnv: string;
  /** That token (an auth proxy in front of the mapper wants it); never printed. */
  mapperToken: string | undefined;
}

export function defaultSettings(cwd: string): Settings {
  return {
    cwd,
    intents: [],
    source: 'metrics',
    metrics: [],
    snapshots: [],
    workloads: [],
    namespaces: [],
    defaultNamespace: undefined,
    allowEmpty: false,
    failOn: 'missing',
    failOnExplicit: false,
    configFile: undefined,
    findConfig: true,
    templates: true,
    minCount: undefined,
    environment: undefined,
    baselineFile: undefined,
    writeBaselineFile: undefined,
    format: 'text',
    listFormat: 'text',
    fix: false,
    pruneStale: false,
    reportFile: undefined,
    sarifFile: undefined,
    junitFile: undefined,
    color: false,
    output: undefined,
    live: {
      kubeconfig: undefined,
      context: undefined,
      window: undefined,
      concurrency: 16,
      podTimeout: undefined,
      prometheusUrl: undefined,
      prometheusTokenEnv: 'PROMETHEUS_TOKEN',
      prometheusToken: undefined,
      prometheusCa: undefined,
      prometheusTimeout: undefined,
      since: undefined,
      mapperUrl: undefined,
      mapperTokenEnv: 'MAPPER_TOKEN',
      mapperToken: undefined,
    },
    export: {
      format: 'yaml',
      outputType: 'single-file',
      apiVersion: DEFAULT_API_VERSION,
      asService: false,
    },
    visualize: { onlyDrift: false },
  };
}

/**
 * Namespaces as given on the command line or in the action's input: each value a comma (or,
 * in the action, space or newline) separated list, values repeatable, duplicates dropped.
 * A value that names no namespace, or a name Kubernetes would refuse, is bad usage: a typo
 * must not widen or empty the scope silently.
 */
export function namespaceList(values: readonly string[], name: string): string[] {
  const names: string[] = [];
  for (const value of values) {
    const parts = value.split(/[\s,]+/).filter((part) => part !== '');
    if (parts.length === 0) throw new InputError(`${name}: ${JSON.stringify(value)} names no namespace`);
    for (const part of parts) {
      if (!isDnsLabel(part)) {
        throw new InputError(
          `${name}: ${JSON.stringify(part)} is not a namespace name (lower-case letters, digits and '-', at most 63)`,
        );
      }
      if (!names.includes(part)) names.push(part);
    }
  }
  return names;
}
