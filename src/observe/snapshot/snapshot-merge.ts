// Several snapshots as one map (`--snapshot a.json --snapshot b.json`): counts add up, first-seen
// is the earliest, last-seen the latest. `--since` keeps calls last seen at or after a time.
import { InputError } from '../../errors.ts';
import type { ObservedMap } from '../../model.ts';
import { compareCalls } from '../../order.ts';
import { readSnapshot } from './snapshot-file.ts';
import { type Snapshot, type SnapshotCall, snapshotToMap } from './snapshot-format.ts';

/**
 * Calls with equal keys are one call. A workload's kind is not in it (a file that knows the kind
 * and one that does not see the same workload), but whether the server is a Service itself is:
 * a call to Service cart that no workload answered is not a call to the workload cart behind it.
 */
function callKey(c: SnapshotCall): string {
  return JSON.stringify([
    c.server.kind === 'Service',
    c.client.namespace,
    c.client.name,
    c.server.namespace,
    c.server.name,
    c.server.service?.namespace ?? null,
    c.server.service?.name ?? null,
    c.method,
    c.path,
    c.protocol,
    c.host ?? null,
  ]);
}

function mergeCalls(lists: SnapshotCall[][]): SnapshotCall[] {
  const byKey = new Map<string, SnapshotCall>();
  for (const list of lists) {
    for (const c of list) {
      const key = callKey(c);
      const seen = byKey.get(key);
      if (seen === undefined) {
        byKey.set(key, { ...c, client: { ...c.client }, server: { ...c.server } });
        continue;
      }
      seen.count += c.count;
      if (Date.parse(c.firstSeen) < Date.parse(seen.firstSeen)) seen.firstSeen = c.firstSeen;
      if (Date.parse(c.lastSeen) > Date.parse(seen.lastSeen)) seen.lastSeen = c.lastSeen;
      seen.client.kind ??= c.client.kind;
      seen.server.kind ??= c.server.kind;
    }
  }
  return [...byKey.values()].sort(compareCalls);
}

export function mergeSnapshots(snapshots: readonly Snapshot[]): Snapshot {
  const times = snapshots.map((s) => s.capturedAt).sort();
  const sources = [...new Set(snapshots.map((s) => s.source))];
  return {
    kind: 'IntentDriftSnapshot',
    version: 1,
    source: sources.length === 1 ? sources[0]! : 'merged',
    capturedAt: times[times.length - 1] ?? new Date().toISOString(),
    calls: mergeCalls(snapshots.map((s) => s.calls)),
    unattributed: mergeCalls(snapshots.map((s) => s.unattributed)),
    external: mergeCalls(snapshots.map((s) => s.external)),
    warnings: [...new Set(snapshots.flatMap((s) => s.warnings))],
    stats: {
      series: snapshots.reduce((n, s) => n + s.stats.series, 0),
      sources: snapshots.reduce((n, s) => n + s.stats.sources, 0),
    },
  };
}

/** Keeps calls last seen at or after `since`. */
export function filterSince(snapshot: Snapshot, since: Date): Snapshot {
  const keep = (c: SnapshotCall) => Date.parse(c.lastSeen) >= since.getTime();
  return {
    ...snapshot,
    calls: snapshot.calls.filter(keep),
    unattributed: snapshot.unattributed.filter(keep),
    external: snapshot.external.filter(keep),
  };
}

export interface ReadSnapshotsOptions {
  /** `--since`: already resolved to a time (see parseSince). */
  since?: Date;
  /** What a file named `-` reads (default: the process's stdin). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/** `--source snapshot`: reads, merges and filters the files into one observed map. */
export async function readSnapshots(
  files: readonly string[],
  opts: ReadSnapshotsOptions = {},
): Promise<ObservedMap> {
  if (files.length === 0) throw new InputError('--source snapshot needs --snapshot FILE');
  const snapshots = await Promise.all(files.map((f) => readSnapshot(f, opts.stdin)));
  let merged = mergeSnapshots(snapshots);
  if (opts.since !== undefined) merged = filterSince(merged, opts.since);
  return snapshotToMap(merged);
}
