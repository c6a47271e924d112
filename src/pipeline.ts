// The one pipeline behind the CLI and the action: observe -> declare -> diff. Reporting and
// delivery stay with the callers, which know where the output goes.
import path from 'node:path';
import { readBaselineFile } from './config/baseline-file.ts';
import { type DriftConfig, driftControls, namespacesOfEnvironment } from './config/drift-config.ts';
import { loadDriftConfig } from './config/read-config.ts';
import { loadIntents } from './declare/load-intents.ts';
import { defaultNamespaceFor } from './declare/namespace-defaults.ts';
import { readWorkloadManifests, type WorkloadLookup } from './declare/workload-manifests.ts';
import type { Baseline } from './diff/baseline.ts';
import {
  type ControlledDrift,
  checkDrift,
  DEFAULT_POLICY,
  type DriftControls,
} from './diff/drift-controls.ts';
import type { FailPolicy } from './diff/fail-policy.ts';
import { InputError } from './errors.ts';
import type {
  DeclaredIntents,
  Drift,
  FailOn,
  ObservedCall,
  ObservedFrom,
  ObservedMap,
  WorkloadRef,
} from './model.ts';
import { parseSince, parseWait, prometheusTimeoutMs } from './observe/live/duration.ts';
import { requireKubeClientNode } from './observe/live/node-support.ts';
import { shownUrl } from './observe/live/shown-url.ts';
import type { SidecarsProgress } from './observe/live/sidecars-source.ts';
import { type NamespaceScope, requireObservedScope } from './observe/observation-scope.ts';
import { readMetricsConcurrently } from './observe/read-metrics-concurrently.ts';
import { readSnapshots } from './observe/snapshot/snapshot-merge.ts';
import type { Settings } from './settings.ts';

/** What a long read reports while it goes (the CLI draws it; the action logs it). */
export type ProgressListener = (p: SidecarsProgress) => void;

/** An observed map and, for live sources, the span of traffic it covers. */
export type Observation = ObservedMap & { window?: { from: string; to: string } };

export interface CheckResult {
  observed: Observation;
  declared: DeclaredIntents;
  /** The drift after ignore rules, noise floor, templates and baseline, with their extras. */
  drift: ControlledDrift;
  /** The drift before the baseline applied: what `--write-baseline` records. */
  beforeBaseline: Drift;
  config: DriftConfig;
  /** What the diff ran with: `--fix` runs it again on the edited intents. */
  controls: DriftControls;
  /** What fails the build, entry by entry (the flag, the config's failOn and overrides). */
  policy: FailPolicy;
  /** The namespaces in scope (`-n` and `--environment`); empty: all. */
  namespaces: string[];
  /** The failOn in force: --fail-on when given, else the config's, else missing. */
  failOn: FailOn;
  exitCode: 0 | 1;
}

/**
 * What gates a pull request instead of its own checked-out files: the base commit's config
 * and baseline (src/action reads them through GitHub's API), so a PR cannot loosen its gate.
 */
export interface GateFiles {
  config: DriftConfig;
  /** Undefined: the base has no baseline file, so none applies. */
  baseline: Baseline | undefined;
}

/**
 * How `observe` shares the process: `signal` stops a read (bad intents), and a large capture's
 * parts are read on the main thread too only once `mainThreadFree` settles (the intents parsed).
 */
export interface ObserveOptions {
  signal?: AbortSignal;
  mainThreadFree?: Promise<unknown>;
}

export async function observe(
  settings: Settings,
  onProgress?: ProgressListener,
  opts: ObserveOptions = {},
): Promise<Observation> {
  let map = await readSource(settings, onProgress, opts);
  if (settings.workloads.length > 0) {
    const lookup = await readWorkloadManifests(settings.workloads, { cwd: settings.cwd });
    map = attachWorkloadKinds(map, lookup);
  }
  return map;
}

async function readSource(
  settings: Settings,
  onProgress: ProgressListener | undefined,
  { signal, mainThreadFree }: ObserveOptions,
): Promise<Observation> {
  const live = settings.live;
  const access = {
    ...(live.kubeconfig === undefined ? {} : { kubeconfig: path.resolve(settings.cwd, live.kubeconfig) }),
    ...(live.context === undefined ? {} : { context: live.context }),
  };
  switch (settings.source) {
    case 'metrics':
      if (settings.metrics.length === 0) throw new InputError('--source metrics needs --metrics PATH');
      return readMetricsConcurrently(settings.metrics, {
        cwd: settings.cwd,
        ...(signal === undefined ? {} : { signal }),
        ...(mainThreadFree === undefined ? {} : { mainThreadFree }),
      });
    case 'snapshot':
      return readSnapshots(
        settings.snapshots.map((f) => (f === '-' ? f : path.resolve(settings.cwd, f))),
        live.since === undefined ? {} : { since: parseSince(live.since, new Date()) },
      );
    // Live sources load @kubernetes/client-node and friends: only when asked for (a separate chunk
    // in the bundle), so offline runs start fast.
    case 'sidecars': {
      requireKubeClientNode('--source sidecars');
      const { readSidecars } = await import('./observe/live/sidecars-source.ts');
      return readSidecars({
        ...access,
        namespaces: settings.namespaces,
        concurrency: live.concurrency,
        ...(live.window === undefined ? {} : { windowMs: parseWait(live.window, '--window') }),
        ...(live.podTimeout === undefined ? {} : { timeoutMs: parseWait(live.podTimeout, '--pod-timeout') }),
        ...(onProgress === undefined ? {} : { onProgress }),
      });
    }
    case 'prometheus': {
      const { readPrometheus } = await import('./observe/live/prometheus-source.ts');
      if (live.prometheusUrl === undefined)
        throw new InputError('--source prometheus needs --prometheus-url URL');
      const token = live.prometheusToken;
      return readPrometheus({
        url: live.prometheusUrl,
        ...(live.since === undefined ? {} : { since: live.since }),
        ...(token === undefined || token === '' ? {} : { token }),
        ...(live.prometheusCa === undefined ? {} : { caFile: path.resolve(settings.cwd, live.prometheusCa) }),
        ...(live.prometheusTimeout === undefined
          ? {}
          : {
              timeoutMs: prometheusTimeoutMs(live.prometheusTimeout, '--prometheus-timeout'),
            }),
      });
    }
    case 'mapper': {
      requireKubeClientNode('--source mapper');
      const { readMapper } = await import('./observe/live/mapper-source.ts');
      return readMapper({
        ...access,
        namespaces: settings.namespaces,
        ...(live.mapperUrl === undefined ? {} : { url: live.mapperUrl }),
        ...(live.mapperToken === undefined || live.mapperToken === '' ? {} : { token: live.mapperToken }),
      });
    }
  }
}

/**
 * The observed map for the commands that read no intents (list, export, capture, visualize):
 * nothing observed in scope, or a `-n` namespace with nothing in it, is an error there too.
 */
export async function observeInScope(
  settings: Settings,
  onProgress?: ProgressListener,
): Promise<Observation> {
  const map = await observe(settings, onProgress);
  return { ...map, ...requireObservedScope(map, { ...settings, asked: settings.namespaces }) };
}

export async function declare(settings: Settings): Promise<DeclaredIntents> {
  if (settings.intents.length === 0) throw new InputError('no intents given: use --intents PATH');
  const defaultNamespace = defaultNamespaceFor(settings.defaultNamespace, settings.namespaces);
  return loadIntents(settings.intents, {
    cwd: settings.cwd,
    ...(defaultNamespace === undefined ? {} : { defaultNamespace }),
  });
}

/** The config file (`--config`, else the nearest `.intent-drift.yaml`, else defaults). */
export function readConfig(settings: Settings): Promise<DriftConfig> {
  return loadDriftConfig({
    cwd: settings.cwd,
    search: settings.findConfig,
    ...(settings.configFile === undefined ? {} : { file: settings.configFile }),
  });
}

/** How reports name the observed data: the source, what it read, and the span of traffic. */
export function observedFrom(settings: Settings, observation: Observation): ObservedFrom {
  const live = settings.live;
  const inputs: Record<typeof settings.source, string[]> = {
    metrics: settings.metrics,
    snapshot: settings.snapshots,
    sidecars: [],
    prometheus: live.prometheusUrl === undefined ? [] : [shownUrl(live.prometheusUrl)],
    mapper: live.mapperUrl === undefined ? [] : [shownUrl(live.mapperUrl)],
  };
  const from: ObservedFrom = { source: settings.source, inputs: [...inputs[settings.source]] };
  if (observation.window !== undefined) from.window = { ...observation.window };
  if (live.since !== undefined && (settings.source === 'prometheus' || settings.source === 'snapshot')) {
    from.since = live.since;
  }
  return from;
}

/** `-n` plus the namespaces of `--environment`, and the environment as the config maps it. */
export function scopeOf(settings: Settings, config: DriftConfig): NamespaceScope {
  if (settings.environment === undefined) return { namespaces: settings.namespaces };
  const namespaces = namespacesOfEnvironment(config, settings.environment);
  if (namespaces.length === 0) {
    const named = [...new Set(Object.values(config.environments))].sort();
    throw new InputError(
      config.file === undefined
        ? `--environment ${settings.environment}: no config maps environments to namespaces (none found from here up to the repository root; --config FILE names one)`
        : `--environment ${settings.environment}: ${config.file} maps no namespace to it (its environments: ${named.join(', ') || 'none'})`,
    );
  }
  return {
    namespaces: [...new Set([...settings.namespaces, ...namespaces])],
    environmentScope: { name: settings.environment, file: config.file, namespaces },
  };
}

export async function check(
  settings: Settings,
  onProgress?: ProgressListener,
  gate?: GateFiles,
): Promise<CheckResult> {
  // Config and baseline first: a typo there should fail before a long live read.
  const config = gate === undefined ? await readConfig(settings) : gate.config;
  const scope = scopeOf(settings, config);
  const { namespaces } = scope;
  const baseline =
    gate !== undefined
      ? gate.baseline
      : settings.baselineFile === undefined
        ? undefined
        : await readBaselineFile(settings.cwd, settings.baselineFile);
  // The observed map is read first: a large capture goes to a worker thread before the intents
  // are parsed here, and this thread joins the reading once they are. Bad intents stop that
  // worker rather than wait for it.
  const stop = new AbortController();
  let intentsParsed = () => {};
  const mainThreadFree = new Promise<void>((resolve) => {
    intentsParsed = resolve;
  });
  const observing = observe({ ...settings, namespaces }, onProgress, { signal: stop.signal, mainThreadFree });
  const declaring = declare(settings)
    .catch((err: unknown) => {
      stop.abort();
      throw err;
    })
    .finally(intentsParsed);
  const [read, declared] = await Promise.all([observing, declaring]);
  // -n's namespaces and the environment's: a typo in either is an error, not a silent OK.
  const observed = requireObservedScope(
    read,
    { ...settings, ...scope, asked: settings.namespaces },
    declared,
  );
  const controls = driftControls(config, {
    namespaces,
    ...(settings.failOnExplicit ? { failOn: settings.failOn } : {}),
    ...(settings.templates ? {} : { templates: false }),
    ...(settings.minCount === undefined ? {} : { minCount: settings.minCount }),
    ...(baseline === undefined ? {} : { baseline }),
  });
  return finishCheck(settings, observed, declared, config, controls, namespaces);
}

/**
 * The check again with the same observed calls, config and controls, on the intents as they
 * are now on disk: what remains after `--fix` edited them.
 */
export async function recheck(settings: Settings, before: CheckResult): Promise<CheckResult> {
  const declared = await declare(settings);
  return finishCheck(settings, before.observed, declared, before.config, before.controls, before.namespaces);
}

function finishCheck(
  settings: Settings,
  observed: Observation,
  declared: DeclaredIntents,
  config: DriftConfig,
  controls: DriftControls,
  namespaces: string[],
): CheckResult {
  const result = checkDrift(observed, declared, controls);
  result.drift.config = config.file ?? null;
  result.drift.observedFrom = observedFrom(settings, observed);
  const policy = controls.policy ?? DEFAULT_POLICY;
  return { observed, declared, config, controls, policy, namespaces, failOn: policy.failOn, ...result };
}

/** Metrics know workloads by name only; manifests add the kind Otterize writes into intents. */
export function attachWorkloadKinds<M extends ObservedMap>(map: M, lookup: WorkloadLookup): M {
  // Calls share one reference object per workload (the diff looks a client's or a server's
  // rules up once per run of calls holding the same object): each gets one copy with its kind,
  // which those calls share again, not a copy per call.
  const copies = new Map<WorkloadRef, WorkloadRef>();
  const withKind = <T extends WorkloadRef>(ref: T): T => {
    if (ref.kind !== undefined) return ref;
    let copy = copies.get(ref);
    if (copy === undefined) {
      const kind = lookup.kindOf(ref.namespace, ref.name);
      copy = kind === undefined ? ref : { ...ref, kind };
      copies.set(ref, copy);
    }
    return copy as T;
  };
  const call = (c: ObservedCall): ObservedCall => ({
    ...c,
    client: withKind(c.client),
    server: withKind(c.server),
  });
  return {
    ...map,
    calls: map.calls.map(call),
    unattributed: map.unattributed.map(call),
    external: map.external.map(call),
  };
}
