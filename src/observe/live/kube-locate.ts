// Where a kubeconfig would come from, the way kubectl and client-node's loadFromDefault look:
// $KUBECONFIG (a list of files), else ~/.kube/config, else the in-cluster service account.
// Only whether one exists: reading it stays with kube-config.ts (and its heavy client).
import { existsSync } from 'node:fs';
import path from 'node:path';

const IN_CLUSTER_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** A description of the kubeconfig that would be used, or undefined when there is none. */
export function findKubeconfig(
  env: Record<string, string | undefined>,
  exists: (file: string) => boolean = existsSync,
): string | undefined {
  // A $KUBECONFIG is used as given, like client-node does: a missing file is reported by the
  // loader with its name, which says more than "none found".
  const listed = (env.KUBECONFIG ?? '').split(path.delimiter).filter((f) => f !== '');
  if (listed[0] !== undefined) return listed[0];
  const home = env.HOME ?? env.USERPROFILE;
  if (home !== undefined && home !== '') {
    const file = path.join(home, '.kube', 'config');
    if (exists(file)) return file;
  }
  if (env.KUBERNETES_SERVICE_HOST && exists(IN_CLUSTER_TOKEN)) return 'the in-cluster service account';
  return undefined;
}

/** How to give observed data when none was named and no kubeconfig was found. */
export const HOW_TO_OBSERVE =
  'give --metrics PATH (sidecar metrics files, or - for stdin), --snapshot FILE (written by intent-drift capture), ' +
  '--prometheus-url URL, or a kubeconfig to read the cluster (--kubeconfig FILE, $KUBECONFIG or ~/.kube/config; none found)';
