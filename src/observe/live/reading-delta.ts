// `--window`: counters are cumulative since each proxy started, so the traffic between two
// readings is, per pod and series, the later value minus the earlier one (or the later value
// when the counter went down, or when Envoy's uptime says it started again in between).
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

/**
 * The samples of a pod's second reading, carrying what grew since its first (`then`). A series
 * written more than once in an answer (an app's own series, appended to the merged answer, may
 * repeat one of Envoy's) counts at the sum of its values, in both readings.
 */
export function grownSince(then: SeriesValues, samples: readonly Sample[]): Sample[] {
  const now = new Map<string, Sample>();
  for (const s of samples) {
    const key = seriesDigest(s);
    const seen = now.get(key);
    now.set(key, seen === undefined ? s : { ...seen, value: seen.value + s.value });
  }
  const grown: Sample[] = [];
  for (const [key, s] of now) {
    const old = then.get(key) ?? 0;
    const delta = s.value >= old ? s.value - old : s.value;
    if (delta > 0) grown.push({ ...s, value: delta });
  }
  return grown;
}

/**
 * Envoy's gauge of the seconds since it started (server.uptime). Envoy's part of the merged answer
 * always holds it: the bootstrap's stats_matcher includes the `server` prefix (envoy-part.ts).
 */
export const UPTIME_METRIC = 'envoy_server_uptime';

/** When one answer was asked for and read whole (performance.now(), ms), and the uptime it gave. */
export interface ProxyClock {
  sentMs: number;
  answeredMs: number;
  /** envoy_server_uptime, when the answer held it. */
  uptimeSeconds: number | undefined;
}

/**
 * Envoy sets server.uptime in whole seconds at each stats flush (envoy source/server/server.cc:
 * `time(nullptr) - original_start_time_`; every 5 s by default, and Istio's bootstrap,
 * tools/packaging/common/envoy_bootstrap.json, sets no stats_flush_interval), so a value can be
 * that much behind. The margin is three times as wide, for a flush timer that runs late on a
 * busy proxy or a node clock stepped a little.
 */
export const UPTIME_SLACK_SECONDS = 15;

/**
 * Whether the proxy started again between two answers, by Envoy's own uptime. Without a restart
 * the second uptime is at least the first plus the time between the first answer and the second
 * question, less the flush lag; one that is lower than that counts from a later start. This
 * sees a restart the pod listings cannot: one after the second listing, before the second reading.
 * Unknown (no uptime in either answer): false, and the other checks stand alone.
 */
export function startedBetween(first: ProxyClock, second: ProxyClock): boolean {
  if (first.uptimeSeconds === undefined || second.uptimeSeconds === undefined) return false;
  const elapsedSeconds = (second.sentMs - first.answeredMs) / 1000;
  return second.uptimeSeconds < first.uptimeSeconds + elapsedSeconds - UPTIME_SLACK_SECONDS;
}
