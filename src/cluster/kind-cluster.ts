// `cluster: kind`: a throwaway cluster from the repository's kind config. kind makes its context
// the kubeconfig's current one, which helm, kubectl and the sidecar reading then use.
import { mustRun, runTool, type StepContext } from './cluster-step.ts';

/** The cluster's name (`--name` beats the config's own `name:`); its context is `kind-intent-drift`. */
export const KIND_CLUSTER_NAME = 'intent-drift';
/** How long kind waits for the control plane to be Ready. */
const CONTROL_PLANE_WAIT = '120s';
const CREATE_TIMEOUT_MS = 10 * 60_000;

export interface KindClusterOptions {
  /** Absolute path of the kind config (`kind-config` input). */
  config: string;
  name: string;
}

export async function createKindCluster(ctx: StepContext, options: KindClusterOptions): Promise<void> {
  await mustRun(ctx, 'kind cluster', {
    program: 'kind',
    args: [
      'create',
      'cluster',
      '--config',
      options.config,
      '--name',
      options.name,
      '--wait',
      CONTROL_PLANE_WAIT,
    ],
    timeoutMs: CREATE_TIMEOUT_MS,
  });
}

/** Deletes the cluster; a failure is a warning (the runner goes away anyway), never the run's error. */
export async function deleteKindCluster(ctx: StepContext, name: string): Promise<void> {
  try {
    const result = await runTool(ctx, 'kind delete', {
      program: 'kind',
      args: ['delete', 'cluster', '--name', name],
      timeoutMs: 5 * 60_000,
    });
    if (result.code !== 0)
      ctx.log.warning(`kind delete cluster --name ${name} exited with code ${result.code}`);
  } catch (err) {
    ctx.log.warning(`could not delete the kind cluster ${name}: ${(err as Error).message}`);
  }
}
