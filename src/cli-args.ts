import { parseArgs } from 'node:util';
import { InputError } from './errors.ts';
import type { FailOn } from './model.ts';
import {
  API_VERSIONS,
  defaultSettings,
  type ExportFormat,
  FAIL_ON,
  type OutputType,
  REPORT_FORMATS,
  type ReportFormat,
  type Settings,
  SOURCES,
  type SourceKind,
} from './settings.ts';

export const COMMANDS = ['check', 'list', 'export', 'visualize', 'policies', 'capture', 'demo'] as const;
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
  'fail-on': { type: 'string' },
  format: { type: 'string' },
  report: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'output-type': { type: 'string' },
  'api-version': { type: 'string' },
  'as-service': { type: 'boolean' },
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
export function parseCommandLine(argv: string[], env: { cwd: string; colorDefault: boolean }): ParsedCommand {
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
  settings.namespaces = values.namespace ?? [];
  settings.reportFile = values.report;
  settings.color = values['no-color'] ? false : (values.color ?? env.colorDefault);
  if (values.source !== undefined) {
    settings.source = oneOf<SourceKind>('source', values.source, SOURCES);
  } else if (settings.snapshots.length > 0 && settings.metrics.length === 0) {
    settings.source = 'snapshot';
  }
  if (values['fail-on'] !== undefined) {
    settings.failOn = oneOf<FailOn>('fail-on', values['fail-on'], FAIL_ON);
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
    settings.export.output = values.output;
    if (settings.export.outputType === 'dir' && settings.export.output === undefined) {
      throw new InputError('--output-type dir needs -o DIRECTORY');
    }
  } else {
    if (values.format !== undefined) {
      settings.format = oneOf<ReportFormat>('format', values.format, REPORT_FORMATS);
    }
    settings.export.output = values.output;
  }
  return { command, settings };
}
