// Reads one sidecar's merged exposition (pilot-agent, :15020/stats/prometheus) through the API
// server's pod proxy, streaming the body into the engine's text reader. Samples are kept per pod
// and handed over only after the whole body was read, so a retry never counts a pod twice.
import type { KubeConfig } from '@kubernetes/client-node';
import { isInputError } from '../../errors.ts';
import { requireCounterValue } from '../counter-value.ts';
import type { Sample } from '../exposition-line.ts';
import { OBSERVED_METRICS } from '../istio-labels.ts';
import { readPrometheusText } from '../prometheus-text.ts';
import { EnvoyPartWatch } from './envoy-part.ts';
import { statusOf } from './kube-errors.ts';
import { kubeRequest, readBody } from './kube-http.ts';
import type { MeshedPod } from './meshed-pods.ts';
import { delay } from './pool.ts';
import { type ProxyClock, UPTIME_METRIC } from './reading-delta.ts';

export const SIDECAR_METRICS_PORT = 15020;
export const SIDECAR_METRICS_PATH = 'stats/prometheus';

export type PodFaultKind =
  | 'forbidden'
  | 'gone'
  | 'unreachable'
  | 'timeout'
  | 'truncated'
  | 'bad-body'
  | 'no-envoy'
  | 'too-large';

export interface PodFault {
  kind: PodFaultKind;
  /** HTTP status when the API server answered. */
  code?: number;
  message: string;
}

export type PodReading = { ok: true; samples: Sample[]; clock: ProxyClock } | { ok: false; fault: PodFault };

/** The families read from an answer: the calls', and Envoy's uptime for --window (reading-delta.ts). */
const READ_METRICS: ReadonlySet<string> = new Set([...OBSERVED_METRICS, UPTIME_METRIC]);

export interface PodReadOptions {
  timeoutMs: number;
  /** Further attempts after the first, for faults that may pass (5xx, timeout, cut body, no Envoy). */
  retries: number;
  backoffMs: number;
  /** The most series of the metrics read that one answer may hold (default MAX_POD_SAMPLES). */
  maxSamples?: number;
}

/**
 * A pod's answer holding more series of the metrics read is set aside, its body left unread.
 * Any meshed app can append series of its own to its sidecar's merged :15020 answer, and each
 * is kept until the whole answer is read (about 1.7 KB apiece with a sidecar's 26 labels and a
 * distinct path: 170 MB for 100,000, measured), sixteen pods at a time: without a bound, one pod
 * streaming new series for its whole timeout could take gigabytes. A sidecar holds one series
 * per call, response code and flags it saw: far fewer.
 */
export const MAX_POD_SAMPLES = 100_000;

export function podProxyPath(pod: { namespace: string; name: string }): string {
  const ns = encodeURIComponent(pod.namespace);
  const name = encodeURIComponent(pod.name);
  return `/api/v1/namespaces/${ns}/pods/${name}:${SIDECAR_METRICS_PORT}/proxy/${SIDECAR_METRICS_PATH}`;
}

class Truncated extends Error {}
class TooLarge extends Error {}

const NO_ENVOY =
  "the answer holds no Envoy stats (no envoy_server_* series), only pilot-agent's own: " +
  'the agent could not scrape Envoy (istio_agent_scrape_failures_total{type="envoy"}); its calls are unknown';

/** Passes chunks through, noticing a body that stops early or ends mid-line, and Envoy's part. */
async function* checkedBody(body: AsyncIterable<Buffer>, envoy: EnvoyPartWatch): AsyncGenerator<Buffer> {
  let last = -1;
  try {
    for await (const chunk of body) {
      if (chunk.length > 0) last = chunk[chunk.length - 1]!;
      envoy.see(chunk);
      yield chunk;
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ABORT_ERR') throw err;
    throw new Truncated(`body cut short (${(err as Error).message})`);
  }
  if (last !== -1 && last !== 10) throw new Truncated('body ends in the middle of a line');
}

async function attempt(
  kc: KubeConfig,
  pod: MeshedPod,
  timeoutMs: number,
  maxSamples: number,
): Promise<PodReading> {
  const source = `pod ${pod.namespace}/${pod.name}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const sentMs = performance.now();
  try {
    const res = await kubeRequest(kc, podProxyPath(pod), {
      signal: controller.signal,
      headers: { Accept: 'text/plain, */*' },
    });
    if (res.status !== 200) {
      const f = statusOf(res.status, (await readBody(res.body, 64 * 1024)).text);
      const kind: PodFaultKind = f.code === 403 ? 'forbidden' : f.code === 404 ? 'gone' : 'unreachable';
      return { ok: false, fault: { kind, code: f.code, message: f.message } };
    }
    const samples: Sample[] = [];
    const envoy = new EnvoyPartWatch();
    let uptimeSeconds: number | undefined;
    let uptimeSeen = false;
    await readPrometheusText(checkedBody(res.body, envoy), {
      source,
      metrics: READ_METRICS,
      onSample: (s) => {
        if (s.metric === UPTIME_METRIC) {
          // Envoy's own series has no labels and comes before anything the app appends to the
          // merged answer: the first such one is Envoy's, any later one is not kept (nor counted).
          // A gauge, not a counter: a value no uptime has (Envoy's unsigned gauge wraps when the
          // clock steps back past its start) leaves the uptime unknown, the answer good.
          if (uptimeSeen || Object.keys(s.labels).length > 0) return;
          uptimeSeen = true;
          if (s.value >= 0 && Number.isSafeInteger(s.value)) uptimeSeconds = s.value;
          return;
        }
        requireCounterValue(s.value, s.metric, { file: source, line: s.line });
        if (samples.length === maxSamples) throw new TooLarge();
        samples.push(s);
      },
    });
    // pilot-agent answers 200 with its own metrics alone when it cannot scrape Envoy: that is
    // not an idle sidecar, and the pod's calls are unknown.
    if (!envoy.seen) return { ok: false, fault: { kind: 'no-envoy', message: NO_ENVOY } };
    return { ok: true, samples, clock: { sentMs, answeredMs: performance.now(), uptimeSeconds } };
  } catch (err) {
    if (err instanceof TooLarge) {
      // Leaving the body's loop has cancelled it already; the abort ends the request too.
      controller.abort();
      const message = `more than ${maxSamples} series of ${[...OBSERVED_METRICS].join(' and ')} in one answer (a series the app wrote itself?): not read`;
      return { ok: false, fault: { kind: 'too-large', message } };
    }
    if (controller.signal.aborted) {
      return { ok: false, fault: { kind: 'timeout', message: `no complete answer within ${timeoutMs} ms` } };
    }
    if (err instanceof Truncated) return { ok: false, fault: { kind: 'truncated', message: err.message } };
    if (isInputError(err)) return { ok: false, fault: { kind: 'bad-body', message: err.toString() } };
    const e = err as NodeJS.ErrnoException;
    return { ok: false, fault: { kind: 'unreachable', message: `${e.code ?? 'error'}: ${e.message}` } };
  } finally {
    clearTimeout(timer);
  }
}

function worthRetrying(f: PodFault): boolean {
  if (f.kind === 'timeout' || f.kind === 'truncated' || f.kind === 'no-envoy') return true;
  return f.kind === 'unreachable' && (f.code === undefined || f.code >= 500);
}

/** One pod's istio_* samples, retrying passing faults with exponential backoff and jitter. */
export async function readPodMetrics(
  kc: KubeConfig,
  pod: MeshedPod,
  opts: PodReadOptions,
): Promise<PodReading> {
  const maxSamples = opts.maxSamples ?? MAX_POD_SAMPLES;
  let reading = await attempt(kc, pod, opts.timeoutMs, maxSamples);
  for (let i = 0; i < opts.retries && !reading.ok && worthRetrying(reading.fault); i++) {
    const backoff = opts.backoffMs * 2 ** i;
    await delay(backoff / 2 + Math.random() * (backoff / 2));
    reading = await attempt(kc, pod, opts.timeoutMs, maxSamples);
  }
  return reading;
}

/** A warning line naming the pod and what went wrong. */
export function describeFault(pod: MeshedPod, f: PodFault): string {
  const where = `pod ${pod.namespace}/${pod.name}: cannot read :${SIDECAR_METRICS_PORT}/${SIDECAR_METRICS_PATH}`;
  const code = f.code === undefined ? '' : `HTTP ${f.code}: `;
  return `${where}: ${f.kind}: ${code}${f.message}; skipped`;
}
