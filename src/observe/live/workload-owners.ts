// Pod -> the workload Otterize names in intents: the top of the controller chain (Pod ->
// ReplicaSet -> Deployment, Pod -> Job -> CronJob, StatefulSet, DaemonSet), unless the pod carries
// `intents.otterize.com/workload-name`. Reads each ReplicaSet or Job once (cached); a chain of
// owners that loops ends where it meets itself.
import { AppsV1Api, BatchV1Api, type KubeConfig, type V1OwnerReference } from '@kubernetes/client-node';
import { showControlChars } from '../../safe-text.ts';
import { NameGate } from '../name-gate.ts';
import { failureOf, permissionHint } from './kube-errors.ts';
import { type MeshedPod, type OwnerRef, WORKLOAD_NAME_ANNOTATION } from './meshed-pods.ts';
import { mapPool } from './pool.ts';

export interface LiveWorkload {
  /** The name Istio's metrics use (the top owner's name). */
  istioName: string;
  /** The name Otterize uses: the workload-name annotation, else istioName. */
  name: string;
  namespace: string;
  kind: string;
  serviceAccount: string;
  labels: Record<string, string>;
}

interface Owner {
  kind: string;
  name: string;
}

/** One step up a chain of owners: the next owner, and whether it is the last. */
interface Step {
  owner: Owner;
  last: boolean;
}

/** Kinds whose own controller is read to go one level up. */
const INTERMEDIATE = new Set(['ReplicaSet', 'Job']);

function controllerOf(owners: readonly OwnerRef[] | V1OwnerReference[] | undefined): Owner | undefined {
  if (owners === undefined || owners.length === 0) return undefined;
  const c = owners.find((o) => o.controller === true) ?? owners[0]!;
  return { kind: c.kind, name: c.name };
}

export class OwnerResolver {
  private readonly apps: AppsV1Api;
  private readonly batch: BatchV1Api;
  private readonly cache = new Map<string, Promise<Step>>();
  private readonly denied = new Set<string>();
  readonly warnings: string[] = [];
  private readonly names = new NameGate();

  constructor(kc: KubeConfig) {
    this.apps = kc.makeApiClient(AppsV1Api);
    this.batch = kc.makeApiClient(BatchV1Api);
  }

  /**
   * The top owner of an intermediate object, or the object itself when it has none. Owners are
   * walked one read at a time (each read once, cached), never by awaiting another walk: owner
   * references may loop (nothing refuses them), and a walk stops at an object it has been at.
   */
  private async top(namespace: string, owner: Owner, pod: MeshedPod): Promise<Owner> {
    const walked = new Set<string>();
    let current = owner;
    while (INTERMEDIATE.has(current.kind)) {
      const at = `${current.kind}/${current.name}`;
      if (walked.has(at)) break;
      walked.add(at);
      const step = await this.stepUp(namespace, current, pod);
      current = step.owner;
      if (step.last) break;
    }
    return current;
  }

  /** An intermediate object's controller (`last`: no read goes further), read once. */
  private stepUp(namespace: string, owner: Owner, pod: MeshedPod): Promise<Step> {
    const key = `${namespace}/${owner.kind}/${owner.name}`;
    let found = this.cache.get(key);
    if (found === undefined) {
      found = this.readUp(namespace, owner, pod);
      this.cache.set(key, found);
    }
    return found;
  }

  private async readUp(namespace: string, owner: Owner, pod: MeshedPod): Promise<Step> {
    try {
      const obj =
        owner.kind === 'ReplicaSet'
          ? await this.apps.readNamespacedReplicaSet({ name: owner.name, namespace })
          : await this.batch.readNamespacedJob({ name: owner.name, namespace });
      const up = controllerOf(obj.metadata?.ownerReferences);
      return up === undefined ? { owner, last: true } : { owner: up, last: false };
    } catch (err) {
      return { owner: this.guess(namespace, owner, pod, err), last: true };
    }
  }

  /** Without read access: a Deployment names its ReplicaSets NAME-<pod-template-hash>. */
  private guess(namespace: string, owner: Owner, pod: MeshedPod, err: unknown): Owner {
    const f = failureOf(err);
    const resource = owner.kind === 'ReplicaSet' ? 'replicasets.apps' : 'jobs.batch';
    if (!this.denied.has(`${resource}/${f.code}`)) {
      this.denied.add(`${resource}/${f.code}`);
      this.warnings.push(
        f.code === 403
          ? `cannot read ${owner.kind}s (${permissionHint('get', resource)}): workload kinds are guessed`
          : `cannot read ${owner.kind} ${namespace}/${owner.name}: ${f.message}; workload kinds are guessed`,
      );
    }
    const hash = pod.labels['pod-template-hash'];
    if (owner.kind === 'ReplicaSet' && hash !== undefined && owner.name.endsWith(`-${hash}`)) {
      return { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1) };
    }
    return owner;
  }

  async resolve(pod: MeshedPod): Promise<LiveWorkload> {
    const direct = controllerOf(pod.owners) ?? { kind: 'Pod', name: pod.name };
    const owner = await this.top(pod.namespace, direct, pod);
    return {
      istioName: owner.name,
      name: this.annotatedName(pod) ?? owner.name,
      namespace: pod.namespace,
      kind: owner.kind,
      serviceAccount: pod.serviceAccount,
      labels: pod.labels,
    };
  }

  /** The pod's workload-name annotation when it is a Kubernetes name; a warning once otherwise. */
  private annotatedName(pod: MeshedPod): string | undefined {
    const name = pod.annotations[WORKLOAD_NAME_ANNOTATION];
    if (name === undefined || this.names.admitWorkload({ name, namespace: pod.namespace })) return name;
    if (this.names.count === 1) {
      this.warnings.push(
        `pod ${pod.namespace}/${pod.name}: annotation ${WORKLOAD_NAME_ANNOTATION} is not a Kubernetes name: ` +
          `"${showControlChars(name.slice(0, 80))}"; the pod's owner names it instead`,
      );
    }
    return undefined;
  }

  /** One entry per workload (several pods of a Deployment collapse into one). */
  async resolveAll(pods: readonly MeshedPod[], concurrency: number): Promise<LiveWorkload[]> {
    const all = await mapPool(pods, concurrency, (p) => this.resolve(p));
    const byKey = new Map<string, LiveWorkload>();
    for (const w of all) byKey.set(`${w.namespace}/${w.istioName}`, w);
    return [...byKey.values()];
  }
}
