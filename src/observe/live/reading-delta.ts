// `--window`: counters are cumulative since each proxy started, so the traffic between two
// readings is, per pod and series, the later value minus the earlier one (or the later value
// when the counter went down: the proxy restarted in between).
//
// The first reading of every pod waits for the second, so it is kept small: per series, a
// SHA-256 digest of its metric and labels (44 characters of base64) and its value, not the sample itself
// (about 1.7 KB with a sidecar's 26 labels).
import { hash } from 'node:crypto';
import type { Sample } from '../exposition-line.ts';

/** One pod's first reading: series digest -> value. */
export type SeriesValues = Map<string, number>;

/** The series' identity, unambiguous whatever its label values hold, as a digest. */
function seriesDigest(s: Sample): string {
  const keys = Object.keys(s.labels).sort();
  const identity: string[] = [s.metric];
  for (const k of keys) identity.push(k, s.labels[k]!);
  return hash('sha256', JSON.stringify(identity), 'base64');
}

/** A pod's first reading as the window keeps it. */
export function seriesValues(samples: readonly Sample[]): SeriesValues {
  const values: SeriesValues = new Map();
  for (const s of samples) {
    const key = seriesDigest(s);
    values.set(key, (values.get(key) ?? 0) + s.value);
  }
  return values;
}

/** The samples of a pod's second reading, carrying what grew since its first (`then`). */
export function grownSince(then: SeriesValues, samples: readonly Sample[]): Sample[] {
  const grown: Sample[] = [];
  for (const s of samples) {
    const old = then.get(seriesDigest(s)) ?? 0;
    const delta = s.value >= old ? s.value - old : s.value;
    if (delta > 0) grown.push({ ...s, value: delta });
  }
  return grown;
}
