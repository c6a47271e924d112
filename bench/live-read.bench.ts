// Live reads of 1,000 meshed pods from the API-server stand-in, through the real client and the
// default concurrency (16):
// - light: each sidecar answering two series after 50 ms. Target: at most 5 s end to end.
// - heavy: each answering 300 series (distinct paths, as a service with many endpoints does),
//   read once and twice with --window: the peak RSS of each.
// Each read runs in a child process of its own, the stand-in in another (making each answer on
// demand), so that a peak RSS is the reader's alone.
// Run: npx node bench/live-read.bench.ts
import { execFile, spawn } from 'node:child_process';
import { readSidecars } from '../src/observe/live/sidecars-source.ts';
import { deploymentChain, namespace, pod } from '../test/support/demo-cluster.ts';
import { type KubeObject, type PodEndpoint, startKubeApiServer } from '../test/support/kube-api-server.ts';
import { writeKubeconfig } from '../test/support/kubeconfig.ts';
import { type SeriesSpec, sidecarExposition } from '../test/support/sidecar-metrics.ts';
import { peakRssMiB } from './peak-rss.ts';

const PODS = 1000;
const DEPLOYMENTS = 100;
const DELAY_MS = 50;
const TARGET_MS = 5000;
const HEAVY_SERIES = 300;
const ns = 'bench';

type Case = 'light' | 'heavy' | 'heavy-window';

/** The series of pod `i` at its `reading`-th answer (counters grow between readings). */
function seriesOf(i: number, heavy: boolean, reading: number): SeriesSpec[] {
  const d = i % DEPLOYMENTS;
  if (heavy) {
    return Array.from({ length: HEAVY_SERIES }, (_, k) => ({
      reporter: 'source' as const,
      client: `svc${d}`,
      server: `svc${(d + 1 + (k % 5)) % DEPLOYMENTS}`,
      namespace: ns,
      method: 'GET',
      path: `/api/${d}/items/${k}`,
      count: reading === 0 ? 10 : 25,
    }));
  }
  return [
    {
      reporter: 'source',
      client: `svc${d}`,
      server: `svc${(d + 1) % DEPLOYMENTS}`,
      namespace: ns,
      method: 'GET',
      path: `/api/${d}`,
      count: 10,
    },
    {
      reporter: 'destination',
      client: `svc${(d + DEPLOYMENTS - 1) % DEPLOYMENTS}`,
      server: `svc${d}`,
      namespace: ns,
      method: 'GET',
      path: `/api/${(d + DEPLOYMENTS - 1) % DEPLOYMENTS}`,
      count: 10,
    },
  ];
}

/** The stand-in for a case, in a process of its own: prints its URL, serves until stdin closes. */
async function serve(which: Case): Promise<void> {
  const heavy = which !== 'light';
  const objects: KubeObject[] = [namespace(ns)];
  const endpoints = new Map<string, PodEndpoint>();
  for (let d = 0; d < DEPLOYMENTS; d++) objects.push(...deploymentChain(ns, `svc${d}`, `h${d}x`));
  for (let i = 0; i < PODS; i++) {
    const d = i % DEPLOYMENTS;
    const name = `svc${d}-h${d}x-p${i}`;
    objects.push(
      pod({
        ns,
        name,
        owner: { kind: 'ReplicaSet', name: `svc${d}-h${d}x`, apiVersion: 'apps/v1' },
        labels: { 'pod-template-hash': `h${d}x` },
      }),
    );
    const light = heavy ? '' : sidecarExposition(seriesOf(i, false, 0));
    let reading = 0;
    endpoints.set(`${ns}/${name}`, {
      ...(heavy ? {} : { delayMs: DELAY_MS }),
      metrics: () => (heavy ? sidecarExposition(seriesOf(i, true, reading++)) : light),
    });
  }
  const api = await startKubeApiServer({ objects, endpoints });
  process.stdout.write(`${api.url}\n`);
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.once('end', resolve));
  await api.close();
}

/** The read of a case from the stand-in at `url`: prints time, peak RSS and what it read. */
async function read(which: Case, url: string): Promise<void> {
  const heavy = which !== 'light';
  const kubeconfig = await writeKubeconfig(url);
  try {
    const started = performance.now();
    const map = await readSidecars({
      kubeconfig: kubeconfig.file,
      ...(which === 'heavy-window' ? { windowMs: 100 } : {}),
    });
    const ms = performance.now() - started;
    const requests = map.calls.reduce((sum, c) => sum + c.count, 0);
    const expected = heavy
      ? { calls: DEPLOYMENTS * HEAVY_SERIES, requests: PODS * HEAVY_SERIES * (which === 'heavy' ? 10 : 15) }
      : { calls: DEPLOYMENTS, requests: PODS * 10 };
    const ok =
      map.pods.read === PODS && map.calls.length === expected.calls && requests === expected.requests;
    process.stdout.write(
      `${JSON.stringify({ ms, maxRssMiB: peakRssMiB(), calls: map.calls.length, requests, failed: map.pods.failed, ok })}\n`,
    );
  } finally {
    await kubeconfig.remove();
  }
}

interface Result {
  ms: number;
  maxRssMiB: number;
  calls: number;
  requests: number;
  failed: number;
  ok: boolean;
}

/** A case: its stand-in in one process, its read in another (whose peak RSS is the reader's alone). */
async function measure(which: Case): Promise<Result> {
  const server = spawn(process.execPath, [import.meta.filename, 'serve', which], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      server.once('exit', (code) => reject(new Error(`the stand-in exited (${code})`)));
    });
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [import.meta.filename, 'read', which, url], (err, stdout) =>
        err ? reject(err) : resolve(stdout),
      ),
    );
    return JSON.parse(out.trim().split('\n').at(-1)!);
  } finally {
    server.stdin.end();
  }
}

const [mode, asked, url] = process.argv.slice(2) as [string | undefined, Case, string];
if (mode === 'serve') await serve(asked);
else if (mode === 'read') await read(asked, url);
else {
  const light = await measure('light');
  console.log(
    `live read: ${PODS} meshed pods (${DELAY_MS} ms each, concurrency 16): ${light.ms.toFixed(0)} ms end to end, ` +
      `${light.calls} calls, ${light.failed} pods failed, ${light.maxRssMiB.toFixed(0)} MiB peak ` +
      `(target <= ${TARGET_MS} ms: ${light.ms <= TARGET_MS ? 'met' : 'MISSED'})`,
  );
  const once = await measure('heavy');
  const twice = await measure('heavy-window');
  console.log(
    `live read: ${PODS} meshed pods of ${HEAVY_SERIES} series each: one reading ${once.ms.toFixed(0)} ms, ` +
      `${once.maxRssMiB.toFixed(0)} MiB peak; --window (two readings) ${twice.ms.toFixed(0)} ms, ` +
      `${twice.maxRssMiB.toFixed(0)} MiB peak (${(twice.maxRssMiB / once.maxRssMiB).toFixed(2)}x one reading's)`,
  );
  for (const [name, r] of [
    ['light', light],
    ['heavy', once],
    ['heavy --window', twice],
  ] as const) {
    if (!r.ok) {
      console.error(
        `${name}: unexpected result: ${r.calls} calls, ${r.requests} requests, ${r.failed} pods failed`,
      );
      process.exitCode = 1;
    }
  }
}
