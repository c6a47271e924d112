// Which source a command reads, and whether the flags given fit it: `--window` with `--metrics`
// is an error, not a flag silently ignored; no source and no kubeconfig is an error that says
// how to give observed data, not a connection error to localhost.
import { InputError } from '../errors.ts';
import { HOW_TO_OBSERVE } from '../observe/live/kube-locate.ts';
import type { Settings, SourceKind } from '../settings.ts';
import type { Command } from './command-table.ts';
import { FLAG_TABLE } from './flag-table.ts';

export interface SourceChoice {
  source: SourceKind;
  /** What named it, for messages: `--source`, `--metrics`, ..., or `default`. */
  namedBy: string;
}

/** The flags that name a source when `--source` is not given, in precedence order. */
const NAMING_FLAGS: readonly [string, SourceKind][] = [
  ['metrics', 'metrics'],
  ['snapshot', 'snapshot'],
  ['prometheus-url', 'prometheus'],
  ['mapper-url', 'mapper'],
];

const LIVE: readonly SourceKind[] = ['sidecars', 'prometheus', 'mapper'];

export function resolveSource(
  settings: Settings,
  given: ReadonlySet<string>,
  kubeconfigFound: () => boolean,
): SourceChoice {
  if (given.has('source')) return { source: settings.source, namedBy: '--source' };
  for (const [flag, source] of NAMING_FLAGS) {
    if (given.has(flag)) return { source, namedBy: `--${flag}` };
  }
  if (!kubeconfigFound()) throw new InputError(`no observed data: ${HOW_TO_OBSERVE}`);
  return { source: 'sidecars', namedBy: 'default' };
}

function describe(choice: SourceChoice): string {
  if (choice.namedBy === 'default') return `${choice.source} (the default with a kubeconfig)`;
  if (choice.namedBy === '--source') return `${choice.source} (--source ${choice.source})`;
  return `${choice.source} (named by ${choice.namedBy})`;
}

export function checkSource(
  command: Command,
  choice: SourceChoice,
  settings: Settings,
  given: ReadonlySet<string>,
): void {
  const { source } = choice;
  if (command === 'capture' && !LIVE.includes(source)) {
    throw new InputError('capture reads a live source: --source sidecars, prometheus or mapper');
  }
  for (const flag of FLAG_TABLE) {
    if (!given.has(flag.name) || flag.sources === undefined || flag.sources.includes(source)) continue;
    const wants = flag.sources.map((s) => `--source ${s}`).join(' or ');
    throw new InputError(`--${flag.name} applies to ${wants}, but this run reads ${describe(choice)}`);
  }
  if (source === 'metrics' && settings.metrics.length === 0) {
    throw new InputError('--source metrics needs --metrics PATH');
  }
  if (source === 'snapshot' && settings.snapshots.length === 0) {
    throw new InputError('--source snapshot needs --snapshot FILE');
  }
  if (source === 'prometheus' && settings.live.prometheusUrl === undefined) {
    throw new InputError('--source prometheus needs --prometheus-url URL');
  }
  if (source === 'mapper') refuseClusterWithMapperUrl(settings, given);
  const stdin = [...settings.metrics, ...settings.snapshots].filter((p) => p === '-').length;
  if (stdin > 1) throw new InputError("stdin ('-') can be read once: give it to one --metrics or --snapshot");
}

/** `sidecars` and `mapper` without `--mapper-url` read the cluster through a kubeconfig. */
export function needsKubeconfig(settings: Settings): boolean {
  return (
    settings.source === 'sidecars' || (settings.source === 'mapper' && settings.live.mapperUrl === undefined)
  );
}

/**
 * The mapper at a URL is read directly (the mapper source, `reset`): a kubeconfig or context
 * given too would do nothing, so it is refused rather than ignored.
 */
export function refuseClusterWithMapperUrl(settings: Settings, given: ReadonlySet<string>): void {
  const cluster = ['kubeconfig', 'context'].find((f) => given.has(f));
  if (settings.live.mapperUrl === undefined || cluster === undefined) return;
  throw new InputError(
    `--${cluster} does not apply with --mapper-url: the mapper is read at its URL, not through a kubeconfig; give one of them`,
  );
}
