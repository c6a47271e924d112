import type { FailOn } from './model.ts';

/** Where the observed map comes from (contract §1, `--source`). */
export type SourceKind = 'metrics' | 'snapshot' | 'sidecars' | 'prometheus' | 'mapper';
export type ReportFormat = 'text' | 'markdown' | 'json';
export type ExportFormat = 'yaml' | 'json';
export type OutputType = 'single-file' | 'dir';

export const SOURCES: readonly SourceKind[] = ['metrics', 'snapshot', 'sidecars', 'prometheus', 'mapper'];
export const FAIL_ON: readonly FailOn[] = ['missing', 'stale', 'any', 'none'];
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'json'];
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
  failOn: FailOn;
  format: ReportFormat;
  /** Also write the JSON report here. */
  reportFile: string | undefined;
  color: boolean;
  export: {
    format: ExportFormat;
    output: string | undefined;
    outputType: OutputType;
    apiVersion: string;
    asService: boolean;
  };
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
    failOn: 'missing',
    format: 'text',
    reportFile: undefined,
    color: false,
    export: {
      format: 'yaml',
      output: undefined,
      outputType: 'single-file',
      apiVersion: DEFAULT_API_VERSION,
      asService: false,
    },
  };
}
