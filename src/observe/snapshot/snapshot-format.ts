// The snapshot file `intent-drift capture -o FILE` writes and `--source snapshot` reads: a
// versioned JSON document holding one observed map with per-call counts and first/last-seen times.
import type { ObservedCall, ObservedMap, ServerRef } from '../../model.ts';

export const SNAPSHOT_KIND = 'IntentDriftSnapshot';
export const SNAPSHOT_VERSION = 1;

export interface SnapshotCall extends ObservedCall {
  firstSeen: string;
  lastSeen: string;
}

export interface Snapshot {
  kind: typeof SNAPSHOT_KIND;
  version: typeof SNAPSHOT_VERSION;
  /** Which live source captured it (sidecars, prometheus, mapper, or merged). */
  source: string;
  capturedAt: string;
  /** The traffic's span when known (a --window, a Prometheus range). */
  window?: { from: string; to: string };
  calls: SnapshotCall[];
  unattributed: SnapshotCall[];
  external: SnapshotCall[];
  warnings: string[];
  stats: { series: number; sources: number };
}

export interface SnapshotMeta {
  source: string;
  capturedAt?: Date;
  window?: { from: string; to: string };
}

/** A snapshot of `map`; calls without times get the window's bounds, else the capture time. */
export function toSnapshot(map: ObservedMap, meta: SnapshotMeta): Snapshot {
  const at = (meta.capturedAt ?? new Date()).toISOString();
  const stamp = (c: ObservedCall): SnapshotCall => ({
    ...c,
    firstSeen: c.firstSeen ?? meta.window?.from ?? at,
    lastSeen: c.lastSeen ?? meta.window?.to ?? at,
  });
  const snapshot: Snapshot = {
    kind: SNAPSHOT_KIND,
    version: SNAPSHOT_VERSION,
    source: meta.source,
    capturedAt: at,
    calls: map.calls.map(stamp),
    unattributed: map.unattributed.map(stamp),
    external: map.external.map(stamp),
    warnings: [...map.warnings],
    stats: { ...map.stats },
  };
  if (meta.window !== undefined) snapshot.window = meta.window;
  return snapshot;
}

/**
 * The snapshot's calls as an observed map. A snapshot file spells each call's client and server
 * out; here equal ones become one shared object, as every live source makes them: the diff looks
 * a client's and a server's rules up once per run of calls holding the same objects (with an
 * object per call, a 200,000-call check spent twice as long classifying them). The calls are
 * changed in place: readSnapshots hands over the merged copies it owns.
 */
export function snapshotToMap(s: Snapshot): ObservedMap {
  const refs = new Map<string, ServerRef>();
  const shared = <T extends ServerRef>(ref: T): T => {
    const key = JSON.stringify([
      ref.namespace,
      ref.name,
      ref.kind,
      ref.service?.namespace,
      ref.service?.name,
    ]);
    const known = refs.get(key);
    if (known !== undefined) return known as T;
    refs.set(key, ref);
    return ref;
  };
  const share = (calls: SnapshotCall[]) => {
    for (const call of calls) {
      call.client = shared(call.client);
      call.server = shared(call.server);
    }
    return calls;
  };
  return {
    calls: share(s.calls),
    unattributed: share(s.unattributed),
    external: share(s.external),
    warnings: s.warnings,
    stats: s.stats,
  };
}
