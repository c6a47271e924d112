// The live check's life cycle, in order: (kind cluster) -> Istio -> mesh Telemetry -> workloads ->
// the reading, whose window the traffic fills -> (kind cluster deleted). Each step is one log
// group with its timing; the cluster is deleted whatever failed, unless asked to keep it.
import { inStep, runTool, type StepContext } from './cluster-step.ts';
import { installIstio } from './istio-install.ts';
import { createKindCluster, deleteKindCluster } from './kind-cluster.ts';
import { applyMeshTelemetry } from './telemetry.ts';
import { type RunningTraffic, reportTraffic, startTraffic } from './traffic.ts';
import { deployWorkloads, planWorkloads, readManifests, type WorkloadPlan } from './workloads.ts';

export interface ClusterPlan {
  /** kind: a new cluster, ours to label and delete. existing: the kubeconfig's, changed as little as can be. */
  cluster: 'kind' | 'existing';
  /** Absolute path of the kind config. */
  kindConfig: string;
  clusterName: string;
  istioVersion: string;
  /** The `workloads` paths, relative to cwd. */
  workloads: readonly string[];
  cwd: string;
  traffic: string | undefined;
  /** The window, as the user wrote it (`90s`) and in milliseconds. */
  duration: string;
  durationMs: number;
  /** Leave the kind cluster running for later steps. */
  keepCluster: boolean;
}

/**
 * The reading. It calls `openWindow` when its window opens (after a first reading of the counters),
 * which starts the traffic command; it resolves once the window has closed and been read.
 */
export type Recording<T> = (openWindow: () => void) => Promise<T>;

/** The tools each cluster kind needs, checked before anything starts. */
const TOOLS: Record<ClusterPlan['cluster'], { program: string; args: string[] }[]> = {
  kind: [
    { program: 'kind', args: ['version'] },
    { program: 'helm', args: ['version', '--short'] },
    { program: 'kubectl', args: ['version', '--client'] },
  ],
  existing: [{ program: 'kubectl', args: ['version', '--client'] }],
};

export async function runInCluster<T>(ctx: StepContext, plan: ClusterPlan, record: Recording<T>): Promise<T> {
  const kind = plan.cluster === 'kind';
  // Manifests first: a typo fails in a second, not after five minutes of cluster.
  const workloads: WorkloadPlan | undefined =
    plan.workloads.length === 0 ? undefined : planWorkloads(await readManifests(plan.workloads, plan.cwd));
  await inStep(ctx, 'tools', async () => {
    for (const tool of TOOLS[plan.cluster]) await runTool(ctx, `cluster ${plan.cluster}`, tool);
  });

  let createStarted = false;
  let clusterUp = !kind;
  let traffic: RunningTraffic | undefined;
  try {
    if (kind) {
      createStarted = true;
      await inStep(ctx, `kind cluster ${plan.clusterName}`, () =>
        createKindCluster(ctx, { config: plan.kindConfig, name: plan.clusterName }),
      );
      clusterUp = true;
    }
    await inStep(ctx, `Istio ${plan.istioVersion}`, () =>
      installIstio(ctx, { version: plan.istioVersion, keepExisting: !kind }),
    );
    await inStep(ctx, 'Telemetry (method and path labels)', () =>
      applyMeshTelemetry(ctx, { keepExisting: !kind }),
    );
    if (workloads !== undefined) {
      await inStep(ctx, 'workloads', () => deployWorkloads(ctx, workloads, { labelNamespaces: kind }));
    }
    const result = await inStep(ctx, `recording (window of ${plan.duration})`, () =>
      record(() => {
        ctx.log.info(
          `window open for ${plan.duration}${plan.traffic === undefined ? '' : ': traffic started'}`,
        );
        if (plan.traffic !== undefined && traffic === undefined) {
          traffic = startTraffic(ctx, { command: plan.traffic, cwd: plan.cwd, durationMs: plan.durationMs });
        }
      }),
    );
    if (traffic !== undefined) {
      traffic.stop();
      reportTraffic(ctx, await traffic.done);
    }
    return result;
  } catch (err) {
    if (traffic !== undefined) {
      traffic.stop();
      await traffic.done;
    }
    if (clusterUp) await diagnostics(ctx);
    throw err;
  } finally {
    if (kind && createStarted) {
      if (plan.keepCluster) {
        ctx.log.info(
          `keep-cluster: the kind cluster ${plan.clusterName} stays (context kind-${plan.clusterName})`,
        );
      } else {
        await inStep(ctx, `deleting the kind cluster ${plan.clusterName}`, () =>
          deleteKindCluster(ctx, plan.clusterName),
        );
      }
    }
  }
}

/** What the pods were doing when a step failed; its own failures are ignored. */
async function diagnostics(ctx: StepContext): Promise<void> {
  await inStep(ctx, 'diagnostics: pods', async () => {
    try {
      await ctx.runner.run({
        program: 'kubectl',
        args: ['get', 'pods', '--all-namespaces', '--output', 'wide'],
      });
    } catch {
      // kubectl missing or the cluster gone: nothing more to show.
    }
  });
}
