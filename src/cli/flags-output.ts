// Flags for the output and the CLI itself: one entry per flag (flag-spec.ts).
import {
  API_VERSIONS,
  EXPORT_FORMATS,
  type ExportFormat,
  LIST_FORMATS,
  type ListFormat,
  type OutputType,
  REPORT_FORMATS,
  type ReportFormat,
} from '../settings.ts';
import { type FlagSpec, filePath, oneOf } from './flag-spec.ts';

export const OUTPUT_FLAGS: readonly FlagSpec[] = [
  {
    name: 'format',
    value: 'FMT',
    kind: 'string',
    group: 'output',
    commands: ['check', 'demo', 'list', 'export'],
    help: 'text (default), markdown (the pull-request comment), json (docs/report.schema.json), sarif (SARIF 2.1.0 for code scanning) or junit (JUnit XML for CI test reports)',
    helpFor: { list: 'text (default), json or yaml', export: 'yaml (default) or json' },
    apply: (s, v, { command }) => {
      if (command === 'export') s.export.format = oneOf<ExportFormat>('format', v, EXPORT_FORMATS);
      else if (command === 'list') s.listFormat = oneOf<ListFormat>('format', v, LIST_FORMATS);
      else s.format = oneOf<ReportFormat>('format', v, REPORT_FORMATS);
    },
  },
  {
    name: 'report',
    value: 'FILE',
    kind: 'string',
    group: 'output',
    commands: ['check', 'demo'],
    help: 'also write the JSON report to this file',
    apply: (s, v) => {
      s.reportFile = filePath('report', v);
    },
  },
  {
    name: 'sarif',
    value: 'FILE',
    kind: 'string',
    group: 'output',
    commands: ['check', 'demo'],
    help: 'also write SARIF 2.1.0 for GitHub code scanning (paths from the repository root)',
    apply: (s, v) => {
      s.sarifFile = filePath('sarif', v);
    },
  },
  {
    name: 'junit',
    value: 'FILE',
    kind: 'string',
    group: 'output',
    commands: ['check', 'demo'],
    help: 'also write JUnit XML for CI test reports (GitLab, Jenkins)',
    apply: (s, v) => {
      s.junitFile = filePath('junit', v);
    },
  },
  {
    name: 'output',
    short: 'o',
    value: 'PATH',
    kind: 'string',
    group: 'output',
    commands: ['export', 'visualize', 'policies', 'capture'],
    help: 'where the output goes',
    helpFor: {
      export: 'a file, or a folder with --output-type dir (default: stdout)',
      visualize:
        'the picture: .svg or .png (Graphviz), or .html (an interactive page: filters, search, details); required',
      policies: 'a file (default: stdout)',
      capture: 'the snapshot file (required)',
    },
    apply: (s, v) => {
      s.output = filePath('output', v);
    },
  },
  {
    name: 'output-type',
    value: 'TYPE',
    kind: 'string',
    group: 'output',
    commands: ['export'],
    help: 'single-file (default) or dir (one <workload>.<namespace>.yaml per client; needs -o)',
    apply: (s, v) => {
      s.export.outputType = oneOf<OutputType>('output-type', v, ['single-file', 'dir']);
    },
  },
  {
    name: 'api-version',
    value: 'V',
    kind: 'string',
    group: 'output',
    commands: ['export'],
    help: 'k8s.otterize.com/v2beta1 (default), v2alpha1, v1beta1, v1alpha3 or v1alpha2',
    apply: (s, v) => {
      const full = v.includes('/') ? v : `k8s.otterize.com/${v}`;
      s.export.apiVersion = oneOf('api-version', full, API_VERSIONS);
    },
  },
  {
    name: 'as-service',
    kind: 'boolean',
    group: 'output',
    commands: ['export'],
    help: 'targets name the Kubernetes Service the caller used, not the workload',
    apply: (s) => {
      s.export.asService = true;
    },
  },
  {
    name: 'only-drift',
    kind: 'boolean',
    group: 'output',
    commands: ['visualize'],
    requires: { flag: 'intents' },
    help: 'draw only missing and stale calls and rules (.svg, .png); the .html page starts with its "drift only" filter on',
    apply: (s) => {
      s.visualize.onlyDrift = true;
    },
  },
  {
    name: 'color',
    kind: 'boolean',
    group: 'output',
    commands: ['check', 'demo'],
    help: 'colour the text report (default: when stdout is a terminal; NO_COLOR and FORCE_COLOR are honoured)',
    apply: (s) => {
      s.color = true;
    },
  },
  {
    name: 'no-color',
    kind: 'boolean',
    group: 'output',
    commands: ['check', 'demo'],
    help: 'never colour the text report',
    apply: (s) => {
      s.color = false;
    },
  },
];

/** `--help` and `--version`: the parser answers them before any other flag is read. */
export const GENERAL_FLAGS: readonly FlagSpec[] = [
  {
    name: 'help',
    short: 'h',
    kind: 'boolean',
    group: 'general',
    commands: ['check', 'list', 'export', 'visualize', 'policies', 'capture', 'reset', 'demo'],
    help: 'print the help of the command (or, without one, the commands and every flag)',
    apply: () => {},
  },
  {
    name: 'version',
    kind: 'boolean',
    group: 'general',
    commands: ['check', 'list', 'export', 'visualize', 'policies', 'capture', 'reset', 'demo'],
    help: 'print the version',
    apply: () => {},
  },
];
