// `--window`: counters are cumulative since each proxy started, so the traffic between two
// readings is, per pod and series, the later value minus the earlier one (or the later value
// when the counter went down: the proxy restarted in between).
import type { Sample } from '../exposition-line.ts';

export type PodSamples = Map<string, Sample[]>;

function seriesKey(s: Sample): string {
  const keys = Object.keys(s.labels).sort();
  let key = s.metric;
  for (const k of keys) key += `\u0000${k}=${s.labels[k]}`;
  return key;
}

/**
 * Samples carrying what grew between `before` and `after`. Pods absent from `before` are new and
 * count whole; `unknownPods` (listed before but not read then) are left out: their start is unknown.
 */
export function samplesGrown(
  before: PodSamples,
  after: PodSamples,
  unknownPods: ReadonlySet<string>,
): Sample[] {
  const grown: Sample[] = [];
  for (const [pod, samples] of after) {
    if (unknownPods.has(pod)) continue;
    const earlier = before.get(pod);
    if (earlier === undefined) {
      for (const sample of samples) grown.push(sample);
      continue;
    }
    const then = new Map<string, number>();
    for (const s of earlier) then.set(seriesKey(s), (then.get(seriesKey(s)) ?? 0) + s.value);
    for (const s of samples) {
      const old = then.get(seriesKey(s)) ?? 0;
      const delta = s.value >= old ? s.value - old : s.value;
      if (delta > 0) grown.push({ ...s, value: delta });
    }
  }
  return grown;
}
