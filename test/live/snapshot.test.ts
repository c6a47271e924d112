import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ObservedCall, ObservedMap } from '../../src/model.ts';
import { parseDuration, parseSince } from '../../src/observe/live/duration.ts';
import { readSidecars } from '../../src/observe/live/sidecars-source.ts';
import { readSnapshot, writeSnapshot } from '../../src/observe/snapshot/snapshot-file.ts';
import { readSnapshots } from '../../src/observe/snapshot/snapshot-merge.ts';
import { demoCluster } from '../support/demo-cluster.ts';
import { liveCluster } from './live-harness.ts';

const ns = 'shop';
const call = (
  method: string,
  path: string,
  count: number,
  extra: Partial<ObservedCall> = {},
): ObservedCall => ({
  client: { name: 'web', namespace: ns, kind: 'Deployment' },
  server: { name: 'cart', namespace: ns, service: { name: 'cart', namespace: ns } },
  method,
  path,
  count,
  protocol: 'http',
  ...extra,
});
const mapOf = (calls: ObservedCall[]): ObservedMap => ({
  calls,
  unattributed: [],
  external: [],
  warnings: [],
  stats: { series: calls.length, sources: 1 },
});

/** A snapshot file's document holding these calls (none of a list not given). */
const snapshotDoc = (lists: { calls?: object[]; external?: object[] }) => ({
  kind: 'IntentDriftSnapshot',
  version: 1,
  source: 'sidecars',
  capturedAt: '2026-03-01T10:00:00Z',
  calls: lists.calls ?? [],
  unattributed: [],
  external: lists.external ?? [],
});

/** A valid call of a snapshot, as capture writes one. */
const SNAPSHOT_CALL = {
  client: { name: 'checkout', namespace: 'shop' },
  server: { name: 'payments', namespace: 'shop' },
  method: 'POST',
  path: '/pay',
  count: 3,
  protocol: 'http',
  firstSeen: '2025-01-01T00:00:00Z',
  lastSeen: '2025-01-01T00:00:00Z',
};

describe('snapshots', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-snap-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('capture of a live read writes a versioned file that reads back as the same map', async () => {
    const demo = demoCluster();
    const cluster = await liveCluster({ objects: demo.objects, endpoints: demo.endpoints });
    try {
      const live = await readSidecars({ kubeconfig: cluster.kubeconfig.file });
      const file = path.join(dir, 'live.json');
      const at = new Date('2026-03-01T10:00:00.000Z');
      await writeSnapshot(file, live, { source: 'sidecars', capturedAt: at });
      const raw = JSON.parse(await readFile(file, 'utf8'));
      assert.equal(raw.kind, 'IntentDriftSnapshot');
      assert.equal(raw.version, 1);
      assert.equal(raw.workloads, undefined, 'only the observed map is stored');
      const back = await readSnapshots([file]);
      assert.deepEqual(
        back.calls.map((c) => [
          c.client.name,
          c.method,
          c.path,
          c.count,
          c.firstSeen,
          c.lastSeen,
          c.server.kind,
        ]),
        live.calls.map((c) => [
          c.client.name,
          c.method,
          c.path,
          c.count,
          at.toISOString(),
          at.toISOString(),
          'Deployment',
        ]),
      );
    } finally {
      await cluster.close();
    }
  });

  test('several snapshots merge: counts add, first-seen earliest, last-seen latest; --since filters by last-seen', async () => {
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    await writeSnapshot(a, mapOf([call('GET', '/cart', 3), call('POST', '/old', 2)]), {
      source: 'sidecars',
      capturedAt: new Date('2026-03-01T10:00:00Z'),
      window: { from: '2026-03-01T09:59:00.000Z', to: '2026-03-01T10:00:00.000Z' },
    });
    await writeSnapshot(b, mapOf([call('GET', '/cart', 4)]), {
      source: 'prometheus',
      capturedAt: new Date('2026-03-02T10:00:00Z'),
    });
    const merged = await readSnapshots([a, b]);
    assert.deepEqual(
      merged.calls.map((c) => [c.method, c.path, c.count, c.firstSeen, c.lastSeen]),
      [
        ['GET', '/cart', 7, '2026-03-01T09:59:00.000Z', '2026-03-02T10:00:00.000Z'],
        ['POST', '/old', 2, '2026-03-01T09:59:00.000Z', '2026-03-01T10:00:00.000Z'],
      ],
    );
    const recent = await readSnapshots([a, b], {
      since: parseSince('2026-03-02T00:00:00Z', new Date('2026-03-03T00:00:00Z')),
    });
    assert.deepEqual(
      recent.calls.map((c) => c.path),
      ['/cart'],
    );
  });

  test('bad snapshot files are input errors naming the file and the problem', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['wrong-kind.json', { kind: 'Other' }, /not an intent-drift snapshot/],
      ['future.json', { kind: 'IntentDriftSnapshot', version: 9 }, /snapshot version 9 is not supported/],
      [
        'bad-call.json',
        {
          kind: 'IntentDriftSnapshot',
          version: 1,
          capturedAt: '2026-03-01T10:00:00Z',
          calls: [{ client: { name: 'x' } }],
          unattributed: [],
          external: [],
        },
        /calls\[0\]\.client\.namespace: must be a string/,
      ],
    ];
    // One call of a fork's snapshot, each field hostile or broken in turn.
    const withCall = (change: Record<string, unknown>) =>
      snapshotDoc({ calls: [{ ...SNAPSHOT_CALL, ...change }] });
    cases.push(
      ['negative.json', withCall({ count: -5 }), /calls\[0\]\.count: must be a number >= 0/],
      [
        'huge.json',
        withCall({ count: Number.POSITIVE_INFINITY }),
        /calls\[0\]\.count: must be a number >= 0/,
      ],
      [
        'feb-30.json',
        withCall({ lastSeen: '2025-02-30T25:61:00Z' }),
        /calls\[0\]\.lastSeen: must be an RFC 3339 time/,
      ],
      [
        'feb-30-rolled.json',
        withCall({ lastSeen: '2025-02-30T10:00:00Z' }),
        /calls\[0\]\.lastSeen: must be an RFC 3339 time \(day 30 is not in 2025-02, which has 28 days\)/,
      ],
      [
        'html-kind.json',
        withCall({ server: { name: 'payments', namespace: 'shop', kind: '<img src=x>' } }),
        /calls\[0\]\.server\.kind: must be a Kubernetes kind/,
      ],
    );
    for (const [name, doc, expected] of cases) {
      const file = path.join(dir, name);
      // JSON.stringify writes Infinity as null: 1e999 is written as text, as a hostile file would hold it.
      await writeFile(file, JSON.stringify(doc).replace('"count":null', '"count":1e999'));
      await assert.rejects(readSnapshot(file), (err: Error) => {
        assert.equal(err.name, 'InputError');
        assert.match(err.toString(), new RegExp(`${name}: `));
        assert.match(err.message, expected);
        return true;
      });
    }
    await assert.rejects(readSnapshot(path.join(dir, 'missing.json')), /no such file/);
    await writeFile(path.join(dir, 'text.json'), 'not json');
    await assert.rejects(readSnapshot(path.join(dir, 'text.json')), /not JSON/);
  });

  test('an external call keeps its host and no server of its own: read back as external', async () => {
    const file = path.join(dir, 'external.json');
    const external = {
      ...SNAPSHOT_CALL,
      server: { name: 'PassthroughCluster', namespace: 'unknown' },
      host: 'api.stripe.com:443',
      protocol: 'tcp',
      method: null,
      path: null,
    };
    await writeFile(file, JSON.stringify(snapshotDoc({ external: [external] })));
    const map = await readSnapshot(file);
    assert.deepEqual(
      map.external.map((c) => [c.client.name, c.host, c.count]),
      [['checkout', 'api.stripe.com:443', 3]],
    );
    assert.deepEqual(map.warnings, []);
  });

  test('durations and --since', () => {
    assert.equal(parseDuration('1h30m', '--window'), 5_400_000);
    assert.equal(parseDuration('500ms', '--window'), 500);
    assert.throws(() => parseDuration('60', '--window'), /--window: "60" is not a duration/);
    const now = new Date('2026-03-01T10:00:00Z');
    assert.equal(parseSince('15m', now).toISOString(), '2026-03-01T09:45:00.000Z');
    assert.equal(parseSince('2026-03-01T11:00:00+02:00', now).toISOString(), '2026-03-01T09:00:00.000Z');
    assert.throws(() => parseSince('yesterday', now), /neither a duration/);
  });
});
