// Resolves pods' workloads on a worker thread (test/live/workload-owners.test.ts): an owner
// walk that never yields (a loop of owner references walked forever) then cannot stop the test's
// own timers, and the test fails at its limit instead of holding the run.
import { parentPort, workerData } from 'node:worker_threads';
import { loadKubeConfig } from '../../src/observe/live/kube-config.ts';
import type { MeshedPod } from '../../src/observe/live/meshed-pods.ts';
import { OwnerResolver } from '../../src/observe/live/workload-owners.ts';

const { kubeconfig, pods } = workerData as { kubeconfig: string; pods: MeshedPod[] };
const resolver = new OwnerResolver(loadKubeConfig({ kubeconfig }));
parentPort?.postMessage(await resolver.resolveAll(pods, pods.length));
