// `cluster: kind|existing` in the action: the life cycle around the pipeline's own check. The
// reading is the pipeline's: for `source: sidecars` two readings `duration` apart (the traffic
// starts once the first is done); for prometheus and mapper, the traffic runs for `duration`
// and the source is read after it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.ts';
import { parseDuration } from '../observe/live/duration.ts';
import type { CheckResult, ProgressListener } from '../pipeline.ts';
import type { Settings } from '../settings.ts';
import { type ClusterPlan, type Recording, runInCluster } from './cluster-run.ts';
import type { ClusterSettings } from './cluster-settings.ts';
import type { ClusterLog } from './cluster-step.ts';
import type { CommandRunner } from './command-runner.ts';
import { DEFAULT_ISTIO_VERSION } from './istio-install.ts';
import { KIND_CLUSTER_NAME } from './kind-cluster.ts';

export type CheckFunction = (settings: Settings, onProgress?: ProgressListener) => Promise<CheckResult>;

export interface ClusterCheckDeps {
  runner: CommandRunner;
  log: ClusterLog;
  /** The pipeline's check (a stand-in in tests). */
  check: CheckFunction;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The cluster inputs and the pipeline settings they wrap. */
export interface ClusterCheckSettings {
  live: ClusterSettings;
  check: Settings;
}

export function clusterPlan(settings: ClusterCheckSettings): ClusterPlan {
  const { live, check } = settings;
  if (live.cluster === 'none') throw new Error('clusterPlan: cluster none has no life cycle');
  return {
    cluster: live.cluster,
    kindConfig: live.cluster === 'kind' ? kindConfigFile(live.kindConfig, check.cwd) : undefined,
    clusterName: KIND_CLUSTER_NAME,
    istioVersion: live.istioVersion ?? DEFAULT_ISTIO_VERSION,
    workloads: check.workloads,
    intents: check.intents,
    cwd: check.cwd,
    traffic: live.traffic,
    duration: live.duration,
    durationMs: parseDuration(live.duration, 'duration'),
    keepCluster: live.keepCluster,
  };
}

/** The file kind reads when the repository has one (kind-config.yaml by default); kind's default cluster otherwise. */
export const DEFAULT_KIND_CONFIG = 'kind-config.yaml';

/**
 * The kind config to pass as `--config`: the `kind-config` input's file, which must exist; without
 * the input, kind-config.yaml when the repository has one. kind reads a missing file as an error
 * (pkg/internal/apis/config/encoding/load.go: "error reading file") and only an empty path as its
 * default, so `--config` is passed only for a file that is there.
 */
export function kindConfigFile(input: string | undefined, cwd: string): string | undefined {
  if (input !== undefined) {
    const file = path.resolve(cwd, input);
    if (!existsSync(file)) throw new InputError(`kind-config: ${input}: no such file`);
    return file;
  }
  const fallback = path.resolve(cwd, DEFAULT_KIND_CONFIG);
  return existsSync(fallback) ? fallback : undefined;
}

/** The reading for the settings' source, opening the window at the right moment. */
export function recordingFor(
  settings: Settings,
  plan: ClusterPlan,
  deps: Pick<ClusterCheckDeps, 'check' | 'log' | 'sleep'>,
): Recording<CheckResult> {
  if (settings.source === 'sidecars') {
    return (openWindow) =>
      deps.check({ ...settings, live: { ...settings.live, window: plan.duration } }, (p) => {
        if (p.reading === 'waiting') openWindow();
        else if (p.done === p.total) deps.log.info(`${p.reading} reading: ${p.total} meshed pod(s) read`);
      });
  }
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async (openWindow) => {
    openWindow();
    await sleep(plan.durationMs);
    const since = settings.source === 'prometheus' ? { since: plan.duration } : {};
    return deps.check({ ...settings, live: { ...settings.live, ...since } });
  };
}

export function checkInCluster(settings: ClusterCheckSettings, deps: ClusterCheckDeps): Promise<CheckResult> {
  const plan = clusterPlan(settings);
  const ctx = { runner: deps.runner, log: deps.log, now: deps.now ?? Date.now };
  return runInCluster(ctx, plan, recordingFor(settings.check, plan, deps));
}
