// `--source sidecars`: every meshed pod's :15020/stats/prometheus through the API server's pod
// proxy, read with bounded concurrency, per-pod timeout and retries; a pod that cannot be read is
// a warning, not a failed run. With a window: two readings, keep what grew in between; a pod read
// first and gone by the second reading (rollout, scale-down) is a warning too.
import type { KubeConfig } from '@kubernetes/client-node';
import { InputError } from '../../errors.ts';
import type { ObservedCall, ObservedMap, WorkloadRef } from '../../model.ts';
import type { Sample } from '../exposition-line.ts';
import { NO_CLIENT_SIDECAR, ObservedMapBuilder } from '../observed-map.ts';
import { type KubeAccess, loadKubeConfig } from './kube-config.ts';
import { permissionHint } from './kube-errors.ts';
import { listMeshedPods, type MeshedPod } from './meshed-pods.ts';
import { describeFault, type PodFault, readPodMetrics } from './pod-metrics.ts';
import { delay, mapPool } from './pool.ts';
import {
  grownSince,
  type ProxyClock,
  type SeriesValues,
  seriesValues,
  startedBetween,
} from './reading-delta.ts';
import { type LiveWorkload, OwnerResolver } from './workload-owners.ts';

export interface SidecarsProgress {
  /** `first`/`second` with a window, `single` without. */
  reading: 'single' | 'first' | 'second' | 'waiting';
  done: number;
  total: number;
}

export interface SidecarsOptions extends KubeAccess {
  /** `-n`: only these namespaces' pods (all when empty). */
  namespaces?: readonly string[];
  /** Pods read at once (default 16). */
  concurrency?: number;
  /** Per-pod timeout for one attempt, body included (default 10 s). */
  timeoutMs?: number;
  /** Further attempts for passing faults (default 2), backoff base (default 250 ms). */
  retries?: number;
  backoffMs?: number;
  /** `--window`: wait this long between two readings and keep what grew. */
  windowMs?: number;
  onProgress?: (p: SidecarsProgress) => void;
  /** An already loaded config (tests, or a CLI that loaded it once). */
  kubeConfig?: KubeConfig;
  /** Stops a window's wait early (Ctrl-C). */
  signal?: AbortSignal;
  /** Pods per list request (default 500); tests page a small cluster with a small size. */
  pageSize?: number;
  /** The most series one pod's answer may hold (default MAX_POD_SAMPLES; tests use less). */
  maxPodSamples?: number;
}

export interface SidecarsResult extends ObservedMap {
  /** Each meshed workload's owner kind, Otterize name and service account. */
  workloads: LiveWorkload[];
  pods: { meshed: number; unmeshed: number; read: number; failed: number };
  /** The window's bounds (ISO 8601), when one was asked for. */
  window?: { from: string; to: string };
}

const MAX_POD_WARNINGS = 20;

interface Reading {
  /** The pods read (`namespace/name`). */
  read: Set<string>;
  failed: Map<string, { pod: MeshedPod; fault: PodFault }>;
}

/** Takes one pod's samples as soon as its answer is whole: nothing holds every pod's samples. */
type TakeSamples = (pod: string, samples: Sample[], clock: ProxyClock) => void;

const podKey = (p: MeshedPod) => `${p.namespace}/${p.name}`;

/**
 * A pod read in the first reading and no longer listed (Running) at the second: what it served in
 * the window is unknown. Its first reading is not kept either: cumulative since its proxy started,
 * all of it came before the window, and counting it would pass old traffic off as the window's.
 */
const LEFT_IN_WINDOW: PodFault = {
  kind: 'gone',
  message:
    'read at the first reading, not a Running pod at the second (deleted, rolled out or scaled down): ' +
    'its calls in the window are unknown',
};

/** Pods gone from the second listing that were read at the first, as faults. */
function leftInWindow(gone: readonly MeshedPod[], read: ReadonlySet<string>) {
  const left: Reading['failed'] = new Map();
  for (const pod of gone) if (read.has(podKey(pod))) left.set(podKey(pod), { pod, fault: LEFT_IN_WINDOW });
  return left;
}

/** One entry per workload, as OwnerResolver.resolveAll gives them: the last of each wins. */
function sameWorkloadLast(workloads: readonly LiveWorkload[]): LiveWorkload[] {
  return [...new Map(workloads.map((w) => [`${w.namespace}/${w.istioName}`, w])).values()];
}

/**
 * How the second listing differs from the first: pods new in it, pods gone from it, and pods in
 * both whose sidecar started again in between (MeshedPod.incarnation): their counters count from
 * that start, so their second reading is the window's whole, and what the old proxy served after
 * the first reading is lost.
 */
function listingChanges(
  first: readonly MeshedPod[],
  again: readonly MeshedPod[],
): { added: MeshedPod[]; gone: MeshedPod[]; restarted: Set<string> } {
  const then = new Map(first.map((p) => [podKey(p), p]));
  const added: MeshedPod[] = [];
  const restarted = new Set<string>();
  const kept = new Set<string>();
  for (const pod of again) {
    const key = podKey(pod);
    const before = then.get(key);
    if (before === undefined) added.push(pod);
    else {
      kept.add(key);
      if (before.incarnation !== pod.incarnation) restarted.add(key);
    }
  }
  return { added, gone: first.filter((p) => !kept.has(podKey(p))), restarted };
}

/** A warning per restarted pod, sorted; past MAX_POD_WARNINGS, a count (a StatefulSet's rolling update recreates every pod). */
function restartWarnings(keys: readonly string[]): string[] {
  const lines = [...keys]
    .sort()
    .map(
      (key) =>
        `pod ${key}: its sidecar started again in the window (a restart, or a new pod of the same name): ` +
        'counted from that start; its calls between the first reading and the restart are unknown',
    );
  if (lines.length <= MAX_POD_WARNINGS) return lines;
  return [
    ...lines.slice(0, MAX_POD_WARNINGS),
    `... and ${lines.length - MAX_POD_WARNINGS} more pod(s) whose sidecar started again in the window`,
  ];
}

async function readAll(
  kc: KubeConfig,
  pods: readonly MeshedPod[],
  opts: Required<Pick<SidecarsOptions, 'concurrency' | 'timeoutMs' | 'retries' | 'backoffMs'>> & {
    maxSamples?: number;
  },
  progress: (done: number) => void,
  take: TakeSamples,
): Promise<Reading> {
  const reading: Reading = { read: new Set(), failed: new Map() };
  let done = 0;
  await mapPool(pods, opts.concurrency, async (pod) => {
    const r = await readPodMetrics(kc, pod, opts);
    if (r.ok) {
      reading.read.add(podKey(pod));
      take(podKey(pod), r.samples, r.clock);
    } else reading.failed.set(podKey(pod), { pod, fault: r.fault });
    progress(++done);
  });
  return reading;
}

/** Per-pod faults as warnings; 403s once per namespace, naming the permission. */
function faultWarnings(failed: Reading['failed']): string[] {
  const forbidden = new Map<string, number>();
  const lines: string[] = [];
  for (const { pod, fault } of failed.values()) {
    if (fault.kind === 'forbidden') forbidden.set(pod.namespace, (forbidden.get(pod.namespace) ?? 0) + 1);
    else lines.push(describeFault(pod, fault));
  }
  const out = [...forbidden].map(
    ([ns, n]) => `namespace ${ns}: ${n} pod(s) not read: ${permissionHint('get', 'pods/proxy')}`,
  );
  lines.sort();
  out.push(...lines.slice(0, MAX_POD_WARNINGS));
  if (lines.length > MAX_POD_WARNINGS)
    out.push(`... and ${lines.length - MAX_POD_WARNINGS} more pod(s) not read`);
  return out;
}

/**
 * Gives calls the kinds (and Otterize names) of the live workloads. A call to a Service itself
 * (kind Service: no workload answered it) keeps the Service's name, whatever workload shares it.
 */
export function attachLiveWorkloads(map: ObservedMap, workloads: readonly LiveWorkload[]): ObservedMap {
  const byIstioName = new Map(workloads.map((w) => [`${w.namespace}/${w.istioName}`, w]));
  const ref = <T extends WorkloadRef>(r: T): T => {
    const w = byIstioName.get(`${r.namespace}/${r.name}`);
    return w === undefined || r.kind === 'Service' ? r : { ...r, name: w.name, kind: r.kind ?? w.kind };
  };
  const call = (c: ObservedCall): ObservedCall => ({ ...c, client: ref(c.client), server: ref(c.server) });
  return {
    ...map,
    calls: map.calls.map(call),
    unattributed: map.unattributed.map(call),
    external: map.external.map(call),
  };
}

export async function readSidecars(options: SidecarsOptions = {}): Promise<SidecarsResult> {
  const kc = options.kubeConfig ?? loadKubeConfig(options);
  const namespaces = options.namespaces ?? [];
  const tuning = {
    concurrency: options.concurrency ?? 16,
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: options.retries ?? 2,
    backoffMs: options.backoffMs ?? 250,
    ...(options.maxPodSamples === undefined ? {} : { maxSamples: options.maxPodSamples }),
  };
  const windowed = options.windowMs !== undefined;
  const report = (reading: SidecarsProgress['reading'], total: number) => (done: number) =>
    options.onProgress?.({ reading, done, total });

  const listing = await listMeshedPods(kc, namespaces, options.pageSize);
  const resolver = new OwnerResolver(kc);
  let owners = resolver.resolveAll(listing.meshed, Math.min(8, tuning.concurrency));
  const from = new Date();
  // Each pod's samples go into the map as soon as its answer is whole; with --window, its first
  // reading is kept as series digests and values until its second (reading-delta.ts).
  const builder = new ObservedMapBuilder();
  const add = (samples: readonly Sample[]) => {
    for (const s of samples) builder.add(s);
  };
  const earlier = new Map<string, { values: SeriesValues; clock: ProxyClock }>();
  let first = await readAll(
    kc,
    listing.meshed,
    tuning,
    report(windowed ? 'first' : 'single', listing.meshed.length),
    windowed
      ? (pod, samples, clock) => earlier.set(pod, { values: seriesValues(samples), clock })
      : (_pod, samples) => add(samples),
  );
  let pods = listing.meshed;
  let window: SidecarsResult['window'];
  const restartedRead: string[] = [];
  if (windowed) {
    options.onProgress?.({ reading: 'waiting', done: 0, total: options.windowMs! });
    await delay(options.windowMs!, options.signal);
    const again = await listMeshedPods(kc, namespaces, options.pageSize);
    pods = again.meshed;
    // Pods new in the second listing count whole: their workloads are named too (a Job's pod
    // that started in the window, a Deployment created in it), the second listing's name winning.
    const changes = listingChanges(listing.meshed, pods);
    if (changes.added.length > 0) {
      const before = owners;
      const added = resolver.resolveAll(changes.added, Math.min(8, tuning.concurrency));
      owners = Promise.all([before, added]).then(([a, b]) => sameWorkloadLast([...a, ...b]));
    }
    // A pod unread the first time is left out (where it started is unknown); one new in the
    // second listing, or whose sidecar started again since the first (by the listings, or by
    // Envoy's uptime for a restart after the second listing), counts whole.
    const unknown = new Set(first.failed.keys());
    const { restarted } = changes;
    for (const key of restarted) earlier.delete(key);
    const second = await readAll(kc, pods, tuning, report('second', pods.length), (pod, samples, clock) => {
      if (unknown.has(pod)) return;
      const then = earlier.get(pod);
      if (then !== undefined && startedBetween(then.clock, clock)) {
        restartedRead.push(pod);
        add(samples);
        return;
      }
      add(then === undefined ? samples : grownSince(then.values, samples));
    });
    for (const key of restarted) if (second.read.has(key)) restartedRead.push(key);
    earlier.clear();
    window = { from: from.toISOString(), to: new Date().toISOString() };
    for (const [key, f] of first.failed) if (!second.failed.has(key)) second.failed.set(key, f);
    for (const [key, f] of leftInWindow(changes.gone, first.read)) second.failed.set(key, f);
    first = second;
  }
  const workloads = await owners;
  if (
    pods.length > 0 &&
    first.read.size === 0 &&
    [...first.failed.values()].every((f) => f.fault.kind === 'forbidden')
  ) {
    throw new InputError(`cannot read any sidecar's metrics: ${permissionHint('get', 'pods/proxy')}`);
  }

  builder.sources = first.read.size;
  if (pods.length === 0) {
    builder.addWarning(
      `no meshed pods (annotation sidecar.istio.io/status) ${namespaces.length === 0 ? 'in the cluster' : `in namespace(s) ${namespaces.join(', ')}`}` +
        ' (ambient mode has no sidecars: use --source prometheus with waypoints)',
    );
  }
  for (const w of [...resolver.warnings, ...faultWarnings(first.failed), ...restartWarnings(restartedRead)])
    builder.addWarning(w);
  if (!windowed && pods.length > 0) {
    builder.addWarning('no --window: counts are cumulative since each sidecar started');
  }
  if (builder.requestSeriesCounted() > 0 && builder.requestSeriesReportedBy('source') === 0) {
    builder.addWarning(NO_CLIENT_SIDECAR);
  }
  const map = attachLiveWorkloads(builder.build(), workloads);
  const result: SidecarsResult = {
    ...map,
    workloads,
    pods: {
      meshed: pods.length,
      unmeshed: listing.unmeshed,
      read: first.read.size,
      failed: first.failed.size,
    },
  };
  if (window !== undefined) result.window = window;
  return result;
}
