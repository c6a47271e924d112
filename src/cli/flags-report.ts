// Flags for the declared intents, the verdict, the output and the CLI itself: one entry per
// flag (flag-spec.ts).
import type { FailOn } from '../model.ts';
import {
  API_VERSIONS,
  EXPORT_FORMATS,
  type ExportFormat,
  FAIL_ON,
  LIST_FORMATS,
  type ListFormat,
  type OutputType,
  REPORT_FORMATS,
  type ReportFormat,
} from '../settings.ts';
import type { Command } from './command-table.ts';
import { type FlagSpec, filePath, oneOf, wholeNumber } from './flag-spec.ts';
import { OBSERVING } from './flags-observed.ts';

/** The commands that run the diff (visualize only with --intents). */
const CHECKING: readonly Command[] = ['check', 'demo', 'visualize'];

export const INTENTS_FLAGS: readonly FlagSpec[] = [
  {
    name: 'intents',
    value: 'PATH',
    kind: 'list',
    group: 'intents',
    commands: ['check', 'visualize', 'policies'],
    help: 'ClientIntents: a file, a folder (recursive, *.yaml/*.yml) or a glob; repeatable',
    apply: (s, v) => {
      s.intents = v.map((p) => filePath('intents', p));
    },
  },
  {
    name: 'namespace',
    short: 'n',
    value: 'NS',
    kind: 'list',
    group: 'intents',
    commands: [...OBSERVING, 'policies', 'demo'],
    help: 'only clients in this namespace; repeatable',
    apply: (s, v) => {
      s.namespaces = v;
    },
  },
  {
    name: 'environment',
    value: 'NAME',
    kind: 'string',
    group: 'intents',
    commands: CHECKING,
    requires: { flag: 'intents', on: ['visualize'] },
    help: "only the namespaces the config's environments map to this name",
    apply: (s, v) => {
      s.environment = v;
    },
  },
];

export const VERDICT_FLAGS: readonly FlagSpec[] = [
  {
    name: 'fail-on',
    value: 'WHAT',
    kind: 'string',
    group: 'verdict',
    commands: CHECKING,
    requires: { flag: 'intents', on: ['visualize'] },
    help: "missing, stale, any or none: what exits 1 (default: the config's failOn, else missing)",
    helpFor: {
      visualize:
        'missing, stale, any or none: exit 1 on that drift (default: exit 0 once the picture is written)',
    },
    apply: (s, v) => {
      s.failOn = oneOf<FailOn>('fail-on', v, FAIL_ON);
      s.failOnExplicit = true;
    },
  },
  {
    name: 'config',
    value: 'FILE',
    kind: 'string',
    group: 'verdict',
    commands: [...CHECKING, 'export'],
    help: 'the drift controls (default: the nearest .intent-drift.yaml from here up to the repository root)',
    apply: (s, v) => {
      s.configFile = filePath('config', v);
    },
  },
  {
    name: 'no-templates',
    kind: 'boolean',
    group: 'verdict',
    commands: [...CHECKING, 'export'],
    help: 'keep raw paths; never suggest {*} templates',
    apply: (s) => {
      s.templates = false;
    },
  },
  {
    name: 'min-count',
    value: 'N',
    kind: 'string',
    group: 'verdict',
    commands: CHECKING,
    requires: { flag: 'intents', on: ['visualize'] },
    help: 'missing calls seen fewer than N times are noise',
    apply: (s, v) => {
      s.minCount = wholeNumber('min-count', v, 1);
    },
  },
  {
    name: 'baseline',
    value: 'FILE',
    kind: 'string',
    group: 'verdict',
    commands: CHECKING,
    requires: { flag: 'intents', on: ['visualize'] },
    help: 'report only drift that is not in this baseline',
    apply: (s, v) => {
      s.baselineFile = filePath('baseline', v);
    },
  },
  {
    name: 'write-baseline',
    value: 'FILE',
    kind: 'string',
    group: 'verdict',
    commands: ['check', 'demo'],
    help: "record today's drift as the baseline; exits 0 once written (unless --fail-on is given)",
    apply: (s, v) => {
      s.writeBaselineFile = filePath('write-baseline', v);
    },
  },
  {
    name: 'fix',
    kind: 'boolean',
    group: 'verdict',
    commands: ['check'],
    help: 'add the missing calls to the local intents files (the edit the action suggests), and print the files changed',
    apply: (s) => {
      s.fix = true;
    },
  },
  {
    name: 'prune-stale',
    kind: 'boolean',
    group: 'verdict',
    commands: ['check'],
    requires: { flag: 'fix' },
    help: 'with --fix, also remove the stale rules',
    apply: (s) => {
      s.pruneStale = true;
    },
  },
];

export const OUTPUT_FLAGS: readonly FlagSpec[] = [
  {
    name: 'format',
    value: 'FMT',
    kind: 'string',
    group: 'output',
    commands: ['check', 'demo', 'list', 'export'],
    help: 'text (default), markdown (the pull-request comment) or json (docs/report.schema.json)',
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
    name: 'output',
    short: 'o',
    value: 'PATH',
    kind: 'string',
    group: 'output',
    commands: ['export', 'visualize', 'policies', 'capture'],
    help: 'where the output goes',
    helpFor: {
      export: 'a file, or a folder with --output-type dir (default: stdout)',
      visualize: 'the picture: .svg, .png or .html (required)',
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
