// Finds the pods that run an Istio sidecar. The injector stamps `sidecar.istio.io/status` on
// every pod it changes; since Istio 1.28 the proxy may be a native sidecar in initContainers,
// so the annotation, not the container list, tells a meshed pod.
import { CoreV1Api, type KubeConfig, type V1Pod, type V1PodList } from '@kubernetes/client-node';
import { InputError } from '../../errors.ts';
import { apiServerOf } from './kube-config.ts';
import { failureOf, permissionHint } from './kube-errors.ts';

export const SIDECAR_STATUS_ANNOTATION = 'sidecar.istio.io/status';
export const WORKLOAD_NAME_ANNOTATION = 'intents.otterize.com/workload-name';
/** The injected sidecar's container name. */
const PROXY_CONTAINER = 'istio-proxy';

export interface OwnerRef {
  kind: string;
  name: string;
  controller: boolean;
}

export interface MeshedPod {
  name: string;
  namespace: string;
  serviceAccount: string;
  owners: OwnerRef[];
  annotations: Record<string, string>;
  labels: Record<string, string>;
  /**
   * The pod's UID and its istio-proxy container's restart count. Another value at a later
   * listing means the sidecar's counters started again in between: the container restarted, or
   * a new pod took the same name (a StatefulSet's do).
   */
  incarnation: string;
}

export interface PodListing {
  meshed: MeshedPod[];
  /** Running pods without a sidecar: never proxied. */
  unmeshed: number;
}

/** Pods asked for per list request: the API server pages big clusters' lists by `limit`/`continue`. */
export const POD_PAGE_SIZE = 500;

function toMeshedPod(pod: V1Pod): MeshedPod {
  const meta = pod.metadata ?? {};
  return {
    name: meta.name ?? '',
    namespace: meta.namespace ?? '',
    serviceAccount: pod.spec?.serviceAccountName ?? 'default',
    owners: (meta.ownerReferences ?? []).map((o) => ({
      kind: o.kind,
      name: o.name,
      controller: o.controller === true,
    })),
    annotations: meta.annotations ?? {},
    labels: meta.labels ?? {},
    incarnation: `${meta.uid ?? ''}/${proxyRestarts(pod)}`,
  };
}

/** The sidecar's restart count: a container, or an init container when native (Istio 1.28+). */
function proxyRestarts(pod: V1Pod): number {
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  return statuses.find((s) => s.name === PROXY_CONTAINER)?.restartCount ?? 0;
}

/**
 * Lists Running pods in `namespaces` (all when empty), page by page, keeping the meshed ones.
 * A page may hold fewer pods than asked for, even none: only an empty `continue` ends a list.
 */
export async function listMeshedPods(
  kc: KubeConfig,
  namespaces: readonly string[],
  pageSize = POD_PAGE_SIZE,
): Promise<PodListing> {
  const core = kc.makeApiClient(CoreV1Api);
  const listing: PodListing = { meshed: [], unmeshed: 0 };
  const scopes: (string | null)[] = namespaces.length === 0 ? [null] : [...new Set(namespaces)];
  for (const namespace of scopes) {
    let pods: V1Pod[];
    try {
      pods = await listScope(core, namespace, pageSize);
    } catch (err) {
      if (!isExpiredContinue(err)) throw listFailure(kc, err, namespace);
      // The list outlived the server's history (about 5 minutes): read it again, whole, once.
      try {
        pods = await listScope(core, namespace, pageSize);
      } catch (again) {
        throw listFailure(kc, again, namespace);
      }
    }
    for (const pod of pods) {
      if (pod.metadata?.annotations?.[SIDECAR_STATUS_ANNOTATION] === undefined) listing.unmeshed++;
      else listing.meshed.push(toMeshedPod(pod));
    }
  }
  return listing;
}

/** One consistent list: every page read from the snapshot of the first. */
async function listScope(core: CoreV1Api, namespace: string | null, limit: number): Promise<V1Pod[]> {
  const fieldSelector = 'status.phase=Running';
  const pods: V1Pod[] = [];
  let token: string | undefined;
  do {
    const page: V1PodList =
      namespace === null
        ? await core.listPodForAllNamespaces({ fieldSelector, limit, _continue: token })
        : await core.listNamespacedPod({ namespace, fieldSelector, limit, _continue: token });
    // A server may ignore `limit` and answer the whole list in one page: no spread of it into
    // push's arguments, which overflows the stack above about 120,000 pods.
    for (const pod of page.items) pods.push(pod);
    token = page.metadata?._continue || undefined;
  } while (token !== undefined);
  return pods;
}

/** 410 Expired on a continued page: the snapshot the token pointed at was compacted away. */
function isExpiredContinue(err: unknown): boolean {
  const f = failureOf(err);
  return f.code === 410 && f.reason === 'Expired';
}

function listFailure(kc: KubeConfig, err: unknown, namespace: string | null): InputError {
  const f = failureOf(err);
  const scope = namespace === null ? 'in all namespaces' : `in namespace ${namespace}`;
  if (f.code === 403) {
    return new InputError(`cannot list pods ${scope}: ${permissionHint('list', 'pods')}: ${f.message}`);
  }
  if (f.code === 401) return new InputError(`${apiServerOf(kc)}: unauthorized: ${f.message}`);
  if (f.code === 0) return new InputError(`cannot reach the API server ${apiServerOf(kc)}: ${f.message}`);
  return new InputError(`cannot list pods ${scope}: HTTP ${f.code}: ${f.message}`);
}
