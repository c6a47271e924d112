// The live check's life cycle, in order: (kind cluster) -> Istio -> namespaces -> mesh Telemetry
// -> workloads -> the reading, whose window the traffic fills -> teardown: the kind cluster
// deleted (only one this run created), or on an existing cluster what this run added to the mesh
// removed. Each step is one log group with its timing; teardown runs whatever failed.
import { inStep, runTool, type StepContext } from './cluster-step.ts';
import { type IstioState, installIstio } from './istio-install.ts';
import { createKindCluster, deleteKindCluster, KindClusterTakenError } from './kind-cluster.ts';
import { meshNamespacesOf } from './not-applied.ts';
import {
  type AddedTelemetry,
  applyMeshTelemetry,
  ensureRequestTags,
  removeAddedTelemetry,
} from './telemetry.ts';
import { type RunningTraffic, reportTraffic, startTraffic } from './traffic.ts';
import { planWorkloads, readManifests, type WorkloadPlan } from './workload-plan.ts';
import { deployWorkloads, prepareNamespaces } from './workloads.ts';

export interface ClusterPlan {
  /** kind: a new cluster, ours to label and delete. existing: the kubeconfig's, changed as little as can be. */
  cluster: 'kind' | 'existing';
  /** Absolute path of the kind config; undefined: kind's default cluster (no --config). */
  kindConfig: string | undefined;
  clusterName: string;
  istioVersion: string;
  /** The `workloads` paths, relative to cwd. */
  workloads: readonly string[];
  /** The `intents` paths: files under them are never applied. */
  intents: readonly string[];
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

const VERSION_TIMEOUT_MS = 60_000;
const DIAGNOSTICS_TIMEOUT_MS = 60_000;

/** The tools each cluster kind needs, checked before anything starts. */
const TOOLS: Record<ClusterPlan['cluster'], { program: string; args: string[] }[]> = {
  kind: [
    { program: 'kind', args: ['version'] },
    { program: 'helm', args: ['version', '--short'] },
    { program: 'kubectl', args: ['version', '--client'] },
  ],
  existing: [{ program: 'kubectl', args: ['version', '--client'] }],
};

/** What teardown must undo: set as the steps go, so a failure halfway undoes what was done. */
interface Undo {
  /** The kind cluster is this run's: its name was free before the create. */
  clusterOurs: boolean;
  telemetry: AddedTelemetry[];
  traffic: RunningTraffic | undefined;
}

export async function runInCluster<T>(ctx: StepContext, plan: ClusterPlan, record: Recording<T>): Promise<T> {
  const kind = plan.cluster === 'kind';
  // Manifests first: a typo fails in a second, not after five minutes of cluster.
  let read: Awaited<ReturnType<typeof readManifests>> | undefined;
  let workloads: WorkloadPlan | undefined;
  if (plan.workloads.length > 0) {
    read = await readManifests(plan.workloads, plan.cwd, plan.intents);
    workloads = planWorkloads(read.manifests, read.excluded);
  }
  await inStep(ctx, 'tools', async () => {
    for (const tool of TOOLS[plan.cluster]) {
      await runTool(ctx, `cluster ${plan.cluster}`, { ...tool, timeoutMs: VERSION_TIMEOUT_MS });
    }
  });

  const undo: Undo = { clusterOurs: false, telemetry: [], traffic: undefined };
  let clusterUp = !kind;
  try {
    if (kind) {
      await inStep(ctx, `kind cluster ${plan.clusterName}`, () =>
        createKindCluster(ctx, {
          config: plan.kindConfig,
          name: plan.clusterName,
          onNameFree: () => {
            undo.clusterOurs = true;
          },
        }).catch((err: unknown) => {
          if (err instanceof KindClusterTakenError) undo.clusterOurs = false;
          throw err;
        }),
      );
      clusterUp = true;
    }
    const istio = await inStep(ctx, `Istio ${plan.istioVersion}`, () =>
      installIstio(ctx, { version: plan.istioVersion, keepExisting: !kind, smallRequests: kind }),
    );
    // An Istio found on the cluster may keep its configuration elsewhere than istio-system:
    // nothing of the manifests goes there either.
    if (read !== undefined && istio.state === 'present') {
      const mesh = meshNamespacesOf(
        istio.rootNamespace,
        istio.istiods.map((i) => i.namespace),
      );
      workloads = planWorkloads(read.manifests, read.excluded, mesh);
    }
    await setUpMesh(ctx, plan, istio, workloads, undo);
    const result = await inStep(ctx, `recording (window of ${plan.duration})`, () =>
      record(() => {
        ctx.log.info(
          `window open for ${plan.duration}${plan.traffic === undefined ? '' : ': traffic started'}`,
        );
        if (plan.traffic !== undefined && undo.traffic === undefined) {
          undo.traffic = startTraffic(ctx, {
            command: plan.traffic,
            cwd: plan.cwd,
            durationMs: plan.durationMs,
          });
        }
      }),
    );
    if (undo.traffic !== undefined) {
      undo.traffic.stop();
      reportTraffic(ctx, await undo.traffic.done);
    }
    return result;
  } catch (err) {
    if (undo.traffic !== undefined) {
      undo.traffic.stop();
      await undo.traffic.done;
    }
    if (clusterUp) await diagnostics(ctx);
    throw err;
  } finally {
    await teardown(ctx, plan, undo);
  }
}

/** Namespaces, the Telemetry that adds method and path, and the workloads. */
async function setUpMesh(
  ctx: StepContext,
  plan: ClusterPlan,
  istio: IstioState,
  workloads: WorkloadPlan | undefined,
  undo: Undo,
): Promise<void> {
  const kind = plan.cluster === 'kind';
  if (workloads !== undefined) {
    await inStep(ctx, 'namespaces', () =>
      prepareNamespaces(ctx, workloads, {
        labelNamespaces: kind,
        revisions: istio.istiods.map((i) => i.revision),
      }),
    );
  }
  await inStep(ctx, 'Telemetry (method and path labels)', async () => {
    if (kind) return applyMeshTelemetry(ctx);
    await ensureRequestTags(
      ctx,
      {
        rootNamespace: istio.rootNamespace,
        workloadNamespaces: workloads?.workloadNamespaces ?? [],
        defaultMetricsProviders: istio.defaultMetricsProviders,
      },
      undo.telemetry,
    );
  });
  if (workloads !== undefined) await inStep(ctx, 'workloads', () => deployWorkloads(ctx, workloads));
}

async function teardown(ctx: StepContext, plan: ClusterPlan, undo: Undo): Promise<void> {
  if (undo.telemetry.length > 0) {
    await inStep(ctx, 'restoring the mesh', () => removeAddedTelemetry(ctx, undo.telemetry));
  }
  if (plan.cluster !== 'kind' || !undo.clusterOurs) return;
  if (plan.keepCluster) {
    ctx.log.info(
      `keep-cluster: the kind cluster ${plan.clusterName} stays (context kind-${plan.clusterName})`,
    );
    return;
  }
  await inStep(ctx, `deleting the kind cluster ${plan.clusterName}`, () =>
    deleteKindCluster(ctx, plan.clusterName),
  );
}

/** What the pods were doing when a step failed; its own failures are ignored. */
async function diagnostics(ctx: StepContext): Promise<void> {
  await inStep(ctx, 'diagnostics: pods', async () => {
    try {
      await ctx.runner.run({
        program: 'kubectl',
        args: ['get', 'pods', '--all-namespaces', '--output', 'wide'],
        timeoutMs: DIAGNOSTICS_TIMEOUT_MS,
      });
    } catch {
      // kubectl missing or the cluster gone: nothing more to show.
    }
  });
}
