import { parseArgs } from 'node:util';
import { isNamespaceName } from '../declare/namespace-defaults.ts';
import { InputError } from '../errors.ts';
import type { FailOn } from '../model.ts';
import {
  API_VERSIONS,
  defaultSettings,
  type ExportFormat,
  FAIL_ON,
  namespaceList,
  type OutputType,
  REPORT_FORMATS,
  type ReportFormat,
  type Settings,
  SOURCES,
  type SourceKind,
} from '../settings.ts';

export const COMMANDS = [
  'check',
  'list',
  'export',
  'visualize',
  'policies',
  'capture',
  'reset',
  'demo',
] as const;
export type Command = (typeof COMMANDS)[number];

export interface ParsedCommand {
  command: Command | 'help' | 'version';
  settings: Settings;
}

const OPTIONS = {
  intents: { type: 'string', multiple: true },
  source: { type: 'string' },
  metrics: { type: 'string', multiple: true },
  snapshot: { type: 'string', multiple: true },
  workloads: { type: 'string', multiple: true },
  namespace: { type: 'string', short: 'n', multiple: true },
  'default-namespace': { type: 'string' },
  'allow-empty': { type: 'boolean' },
  'fail-on': { type: 'string' },
  format: { type: 'string' },
  report: { type: 'string' },
  sarif: { type: 'string' },
  junit: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'output-type': { type: 'string' },
  'api-version': { type: 'string' },
  'as-service': { type: 'boolean' },
  config: { type: 'string' },
  'no-templates': { type: 'boolean' },
  'only-drift': { type: 'boolean' },
  'min-count': { type: 'string' },
  environment: { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  window: { type: 'string' },
  concurrency: { type: 'string' },
  'pod-timeout': { type: 'string' },
  'prometheus-url': { type: 'string' },
  'prometheus-token-env': { type: 'string' },
  'prometheus-ca': { type: 'string' },
  since: { type: 'string' },
  'mapper-url': { type: 'string' },
  'mapper-token-env': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`--${flag} must be one of ${allowed.join(', ')} (got '${value}')`);
}

/** Reads argv (without `node` and the script) into a command and its settings; bad usage throws InputError. */
export function parseCommandLine(
  argv: string[],
  env: { cwd: string; colorDefault: boolean; variables?: Record<string, string | undefined> },
): ParsedCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new InputError((err as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const { values, positionals } = parsed;
  const settings = defaultSettings(env.cwd);
  if (values.version) return { command: 'version', settings };
  const [name, ...extra] = positionals;
  if (values.help || name === undefined || name === 'help') return { command: 'help', settings };
  if (!(COMMANDS as readonly string[]).includes(name)) {
    throw new InputError(`unknown command '${name}' (commands: ${COMMANDS.join(', ')})`);
  }
  if (extra.length > 0) throw new InputError(`unexpected argument '${extra[0]}'`);
  const command = name as Command;

  settings.intents = values.intents ?? [];
  settings.metrics = values.metrics ?? [];
  settings.snapshots = values.snapshot ?? [];
  settings.workloads = values.workloads ?? [];
  settings.namespaces = namespaceList(values.namespace ?? [], '--namespace');
  settings.defaultNamespace = checkedNamespace('default-namespace', values['default-namespace']);
  settings.allowEmpty = values['allow-empty'] ?? false;
  settings.reportFile = values.report;
  settings.sarifFile = values.sarif;
  settings.junitFile = values.junit;
  settings.color = values['no-color'] ? false : (values.color ?? env.colorDefault);
  settings.output = values.output;
  readLiveFlags(values, settings, env.variables ?? {});
  settings.source =
    values.source === undefined
      ? impliedSource(settings)
      : oneOf<SourceKind>('source', values.source, SOURCES);
  if (values['fail-on'] !== undefined) {
    settings.failOn = oneOf<FailOn>('fail-on', values['fail-on'], FAIL_ON);
    settings.failOnExplicit = true;
  }
  settings.configFile = values.config;
  settings.templates = !(values['no-templates'] ?? false);
  settings.environment = values.environment;
  settings.baselineFile = values.baseline;
  settings.writeBaselineFile = values['write-baseline'];
  if (values['min-count'] !== undefined) {
    const n = Number(values['min-count']);
    if (!Number.isInteger(n) || n < 1) {
      throw new InputError(`--min-count must be a whole number of 1 or more (got '${values['min-count']}')`);
    }
    settings.minCount = n;
  }
  if (command === 'export') {
    if (values.format !== undefined) {
      settings.export.format = oneOf<ExportFormat>('format', values.format, ['yaml', 'json']);
    }
    if (values['output-type'] !== undefined) {
      settings.export.outputType = oneOf<OutputType>('output-type', values['output-type'], [
        'single-file',
        'dir',
      ]);
    }
    if (values['api-version'] !== undefined) {
      const wanted = values['api-version'];
      const full = wanted.includes('/') ? wanted : `k8s.otterize.com/${wanted}`;
      settings.export.apiVersion = oneOf('api-version', full, API_VERSIONS);
    }
    settings.export.asService = values['as-service'] ?? false;
    if (settings.export.outputType === 'dir' && settings.output === undefined) {
      throw new InputError('--output-type dir needs -o DIRECTORY');
    }
  } else {
    if (values.format !== undefined) {
      settings.format = oneOf<ReportFormat>('format', values.format, REPORT_FORMATS);
    }
  }
  if (command === 'capture' && settings.output === undefined) throw new InputError('capture needs -o FILE');
  if (values['only-drift'] && command !== 'visualize')
    throw new InputError('--only-drift applies to visualize only');
  settings.visualize.onlyDrift = values['only-drift'] ?? false;
  return { command, settings };
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function readLiveFlags(
  values: Values,
  settings: Settings,
  variables: Record<string, string | undefined>,
): void {
  const live = settings.live;
  live.kubeconfig = values.kubeconfig;
  live.context = values.context;
  live.window = values.window;
  live.podTimeout = values['pod-timeout'];
  live.prometheusUrl = values['prometheus-url'];
  live.prometheusCa = values['prometheus-ca'];
  live.since = values.since;
  live.mapperUrl = values['mapper-url'];
  if (values['prometheus-token-env'] !== undefined) live.prometheusTokenEnv = values['prometheus-token-env'];
  const token = variables[live.prometheusTokenEnv];
  live.prometheusToken = token === '' ? undefined : token;
  if (values['mapper-token-env'] !== undefined) live.mapperTokenEnv = values['mapper-token-env'];
  const mapperToken = variables[live.mapperTokenEnv];
  live.mapperToken = mapperToken === '' ? undefined : mapperToken;
  if (values.concurrency !== undefined) {
    const n = Number(values.concurrency);
    if (!Number.isInteger(n) || n < 1 || n > 256) {
      throw new InputError(
        `--concurrency must be a whole number from 1 to 256 (got '${values.concurrency}')`,
      );
    }
    live.concurrency = n;
  }
}

/** A namespace given on the command line must be one Kubernetes could hold (an RFC 1123 label). */
function checkedNamespace(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (isNamespaceName(value)) return value;
  throw new InputError(`--${flag} must be a Kubernetes namespace name (got '${value}')`);
}

/** Without --source: the source the other flags name; a live cluster's sidecars otherwise. */
function impliedSource(settings: Settings): SourceKind {
  if (settings.metrics.length > 0) return 'metrics';
  if (settings.snapshots.length > 0) return 'snapshot';
  if (settings.live.prometheusUrl !== undefined) return 'prometheus';
  if (settings.live.mapperUrl !== undefined) return 'mapper';
  return 'sidecars';
}
