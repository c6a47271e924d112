// The `.intent-drift.yaml` settings (README, "Drift you can trust") once read and validated, and how they
// combine with the command line: a flag given on the command line wins over the config,
// the config over the defaults.

import type { Baseline } from '../diff/baseline.ts';
import type { DriftControls } from '../diff/drift-controls.ts';
import type { ClientIdlePolicy, FailOverride } from '../diff/fail-policy.ts';
import type { IgnoreRule } from '../diff/ignore-rules.ts';
import type { FailOn } from '../model.ts';

export const DEFAULT_CONFIG_FILE = '.intent-drift.yaml';

export interface DriftConfig {
  /** The file read, as shown in messages; undefined when no config file was found. */
  file: string | undefined;
  ignore: IgnoreRule[];
  templates: boolean;
  /** Missing calls to an endpoint seen fewer times in all are noise (1: keep all). */
  minCount: number;
  /** The config's default for `--fail-on`; undefined when it does not say. */
  failOn: FailOn | undefined;
  clientIdle: ClientIdlePolicy;
  overrides: FailOverride[];
  /** namespace -> environment name. */
  environments: Record<string, string>;
}

export function defaultDriftConfig(): DriftConfig {
  return {
    file: undefined,
    ignore: [],
    templates: true,
    minCount: 1,
    failOn: undefined,
    clientIdle: 'warn',
    overrides: [],
    environments: {},
  };
}

/** What the command line said; undefined fields leave the config's value. */
export interface CommandLineControls {
  namespaces?: readonly string[];
  /** `--fail-on`, only when given explicitly. */
  failOn?: FailOn;
  /** `--no-templates` gives false. */
  templates?: boolean;
  /** `--min-count N`. */
  minCount?: number;
  baseline?: Baseline;
}

export function driftControls(config: DriftConfig, cli: CommandLineControls = {}): DriftControls {
  const controls: DriftControls = {
    ignore: config.ignore,
    templates: cli.templates ?? config.templates,
    minCount: cli.minCount ?? config.minCount,
    environments: config.environments,
    policy: {
      failOn: cli.failOn ?? config.failOn ?? 'missing',
      clientIdle: config.clientIdle,
      overrides: config.overrides,
    },
  };
  if (cli.namespaces) controls.namespaces = cli.namespaces;
  if (cli.baseline) controls.baseline = cli.baseline;
  return controls;
}

/**
 * The namespaces an environment name stands for (`--environment prod`), for the `-n` scope;
 * an InputError-worthy empty list when the config names no such environment.
 */
export function namespacesOfEnvironment(config: DriftConfig, environment: string): string[] {
  return Object.entries(config.environments)
    .filter(([, name]) => name === environment)
    .map(([namespace]) => namespace)
    .sort();
}
