// `cluster: kind`: a throwaway cluster, from the repository's kind config when it has one. kind
// makes its context the kubeconfig's current one, which helm, kubectl and the sidecar reading then
// use. Only a cluster this run created is ever deleted: a cluster of the same name left by an
// earlier step (keep-cluster) or another job on a self-hosted runner is refused, never replaced.
import { ClusterStepError, failureDetail, mustRun, runTool, type StepContext } from './cluster-step.ts';

/** The cluster's name (`--name` beats the config's own `name:`); its context is `kind-intent-drift`. */
export const KIND_CLUSTER_NAME = 'intent-drift';
/** How long kind waits for the control plane to be Ready. */
const CONTROL_PLANE_WAIT = '120s';
const CREATE_TIMEOUT_MS = 10 * 60_000;
const LIST_TIMEOUT_MS = 60_000;
const DELETE_TIMEOUT_MS = 5 * 60_000;
/** What kind says when the name is taken (pkg/cluster/internal/create/create.go, alreadyExists). */
const NAME_TAKEN = /already exist for a cluster with the name/;

export interface KindClusterOptions {
  /** Absolute path of the kind config; undefined: kind's own default (one control-plane node). */
  config: string | undefined;
  name: string;
  /**
   * Called once the name was seen free: from then on, whatever the create leaves behind (kind
   * cleans up a failed create itself, but not one killed by a timeout) is this run's to delete.
   */
  onNameFree: () => void;
}

/** Thrown when the name belongs to a cluster this run did not create: it must not be deleted. */
export class KindClusterTakenError extends ClusterStepError {
  constructor(name: string) {
    super(
      'kind cluster',
      `a kind cluster named ${name} exists already (kept by an earlier step, or another job on this ` +
        `runner): it is not this run's to replace or delete; delete it (kind delete cluster --name ${name}) ` +
        'or check it with cluster: existing',
    );
    this.name = 'KindClusterTakenError';
  }
}

/** The names `kind get clusters` prints, one a line on stdout ("No kind clusters found." goes to stderr). */
export async function kindClusters(ctx: StepContext): Promise<string[]> {
  const result = await mustRun(ctx, 'kind cluster', {
    program: 'kind',
    args: ['get', 'clusters'],
    timeoutMs: LIST_TIMEOUT_MS,
  });
  return result.stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Refuses a taken name before creating; KindClusterTakenError means the cluster is not ours. */
export async function createKindCluster(ctx: StepContext, options: KindClusterOptions): Promise<void> {
  if ((await kindClusters(ctx)).includes(options.name)) throw new KindClusterTakenError(options.name);
  options.onNameFree();
  const command = {
    program: 'kind',
    args: [
      'create',
      'cluster',
      ...(options.config === undefined ? [] : ['--config', options.config]),
      '--name',
      options.name,
      '--wait',
      CONTROL_PLANE_WAIT,
    ],
    timeoutMs: CREATE_TIMEOUT_MS,
  };
  const result = await runTool(ctx, 'kind cluster', command);
  if (result.code === 0 && !result.timedOut) return;
  // Another job took the name between the listing and the create.
  if (NAME_TAKEN.test(result.stderr)) throw new KindClusterTakenError(options.name);
  throw new ClusterStepError('kind cluster', failureDetail(command, result));
}

/** Deletes the cluster; a failure is a warning (the runner goes away anyway), never the run's error. */
export async function deleteKindCluster(ctx: StepContext, name: string): Promise<void> {
  try {
    const command = {
      program: 'kind',
      args: ['delete', 'cluster', '--name', name],
      timeoutMs: DELETE_TIMEOUT_MS,
    };
    const result = await runTool(ctx, 'kind delete', command);
    if (result.code !== 0 || result.timedOut)
      ctx.log.warning(`could not delete the kind cluster ${name}: ${failureDetail(command, result)}`);
  } catch (err) {
    ctx.log.warning(`could not delete the kind cluster ${name}: ${(err as Error).message}`);
  }
}
