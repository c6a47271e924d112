// Snapshot files merged, filtered and written: what `--snapshot a.json --snapshot b.json`,
// `--since` and `capture -o` give, seen through the observed map and the file on disk.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ObservedCall, ObservedMap } from '../../src/model.ts';
import { ObservedMapBuilder } from '../../src/observe/observed-map.ts';
import { readSnapshot, writeSnapshot } from '../../src/observe/snapshot/snapshot-file.ts';
import { readSnapshots } from '../../src/observe/snapshot/snapshot-merge.ts';

const T0 = '2026-03-01T10:00:00Z';

/** A call as a snapshot file holds it: web -> cart in shop, GET /cart, seen once at T0. */
function snapCall(change: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    client: { name: 'web', namespace: 'shop' },
    server: { name: 'cart', namespace: 'shop', service: { name: 'cart', namespace: 'shop' } },
    method: 'GET',
    path: '/cart',
    count: 1,
    protocol: 'http',
    firstSeen: T0,
    lastSeen: T0,
    ...change,
  };
}

/** An external call: web -> a host outside the mesh. */
function externalCall(host: string, change: Record<string, unknown> = {}): Record<string, unknown> {
  return snapCall({
    server: { name: 'PassthroughCluster', namespace: 'unknown' },
    host,
    protocol: 'tcp',
    method: null,
    path: null,
    ...change,
  });
}

function doc(lists: {
  calls?: object[];
  unattributed?: object[];
  external?: object[];
  warnings?: string[];
  stats?: { series: number; sources: number };
}) {
  return {
    kind: 'IntentDriftSnapshot',
    version: 1,
    source: 'sidecars',
    capturedAt: T0,
    calls: lists.calls ?? [],
    unattributed: lists.unattributed ?? [],
    external: lists.external ?? [],
    warnings: lists.warnings ?? [],
    stats: lists.stats ?? { series: 0, sources: 0 },
  };
}

const row = (c: ObservedCall) => [
  `${c.client.namespace}/${c.client.name}`,
  `${c.server.namespace}/${c.server.name}`,
  c.server.service?.name ?? null,
  c.protocol,
  c.method,
  c.path,
  c.host ?? null,
  c.count,
];

describe('snapshots merged, filtered and written', () => {
  let dir: string;
  let n = 0;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-snap-merge-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** A snapshot file holding `body`, its path returned. */
  async function file(body: object): Promise<string> {
    const f = path.join(dir, `s${++n}.json`);
    await writeFile(f, JSON.stringify(body));
    return f;
  }

  test('calls that differ in any one field stay apart when snapshots merge; equal calls add up', async () => {
    const calls = [
      snapCall(),
      snapCall({ method: 'POST' }),
      snapCall({ path: '/items' }),
      snapCall({ protocol: 'grpc' }),
      snapCall({
        server: { name: 'cart', namespace: 'shop', service: { name: 'cart-v2', namespace: 'shop' } },
      }),
      snapCall({ client: { name: 'web', namespace: 'edge' } }),
      snapCall({ client: { name: 'admin', namespace: 'shop' } }),
      // One Service in front of two workloads (a canary): a call to each.
      snapCall({
        server: { name: 'cart-canary', namespace: 'shop', service: { name: 'cart', namespace: 'shop' } },
      }),
      snapCall({
        server: { name: 'cart', namespace: 'shop', service: { name: 'cart', namespace: 'store' } },
      }),
      snapCall({
        server: { name: 'cart', namespace: 'store', service: { name: 'cart', namespace: 'shop' } },
      }),
    ];
    const external = [externalCall('api.stripe.com:443'), externalCall('api.github.com:443')];
    const a = await file(doc({ calls, external }));
    const b = await file(doc({ calls, external }));
    const merged = await readSnapshots([a, b]);
    assert.equal(merged.calls.length, calls.length, 'no two calls taken for one');
    assert.ok(
      merged.calls.every((c) => c.count === 2),
      'each call counted once per file',
    );
    assert.deepEqual(merged.external.map((c) => [c.host, c.count]).sort(), [
      ['api.github.com:443', 2],
      ['api.stripe.com:443', 2],
    ]);
  });

  test('a call to a Service no workload answered stays apart from the calls to its workload of that name', async () => {
    // Service cart leads to two workloads (cart and cart-canary): the 503 UH calls are calls to
    // the Service itself (kind Service), named cart like the workload, through the same Service.
    const series = (workload: string, value: number, more: Record<string, string> = {}) => ({
      metric: 'istio_requests_total',
      value,
      line: 1,
      labels: {
        reporter: 'source',
        source_workload: 'web',
        source_workload_namespace: 'shop',
        destination_workload: workload,
        destination_workload_namespace: workload === 'unknown' ? 'unknown' : 'shop',
        destination_service: 'cart.shop.svc.cluster.local',
        destination_service_name: 'cart',
        destination_service_namespace: 'shop',
        request_protocol: 'http',
        request_method: 'GET',
        request_path: '/cart',
        ...more,
      },
    });
    const builder = new ObservedMapBuilder();
    builder.add(series('cart', 10));
    builder.add(series('cart-canary', 4));
    builder.add(series('unknown', 3, { response_code: '503', response_flags: 'UH' }));
    const live = builder.build();
    const served = (map: ObservedMap) =>
      map.calls.map((c) => [c.server.name, c.server.kind ?? null, c.count]);
    assert.deepEqual(served(live), [
      ['cart', null, 10],
      ['cart', 'Service', 3],
      ['cart-canary', null, 4],
    ]);
    const out = path.join(dir, `s${++n}.json`);
    await writeSnapshot(out, live, { source: 'sidecars', capturedAt: new Date(T0) });
    assert.deepEqual(served(await readSnapshots([out])), served(live), 'read back as captured');
    // The same in two files: each adds to its own call.
    assert.deepEqual(served(await readSnapshots([out, out])), [
      ['cart', null, 20],
      ['cart', 'Service', 6],
      ['cart-canary', null, 8],
    ]);
  });

  test('first and last seen are the earliest and latest instants, whatever offset or fraction a file writes', async () => {
    // As text, 10:00:00Z sorts before 11:00:00+02:00 (09:00Z), and 10:00:00Z after 10:00:00.500Z.
    const a = await file(
      doc({
        calls: [snapCall({ firstSeen: '2026-03-01T11:00:00+02:00', lastSeen: '2026-03-01T10:00:00.500Z' })],
      }),
    );
    const b = await file(doc({ calls: [snapCall({ firstSeen: '2026-03-01T10:00:00Z', lastSeen: T0 })] }));
    const [merged] = (await readSnapshots([a, b])).calls;
    assert.equal(merged?.firstSeen, '2026-03-01T11:00:00+02:00');
    assert.equal(merged?.lastSeen, '2026-03-01T10:00:00.500Z');
  });

  test("a workload's kind known to one file only is kept in the merge", async () => {
    const a = await file(doc({ calls: [snapCall()] }));
    const b = await file(
      doc({
        calls: [
          snapCall({
            client: { name: 'web', namespace: 'shop', kind: 'Deployment' },
            server: {
              name: 'cart',
              namespace: 'shop',
              kind: 'StatefulSet',
              service: { name: 'cart', namespace: 'shop' },
            },
          }),
        ],
      }),
    );
    const merged = await readSnapshots([a, b]);
    assert.deepEqual(
      merged.calls.map((c) => [c.client.kind, c.server.kind, c.count]),
      [['Deployment', 'StatefulSet', 2]],
    );
  });

  test('the merged calls are in order, whichever file comes first', async () => {
    const late = await file(doc({ calls: [snapCall({ client: { name: 'zeta', namespace: 'shop' } })] }));
    const early = await file(doc({ calls: [snapCall({ client: { name: 'alpha', namespace: 'shop' } })] }));
    const merged = await readSnapshots([late, early]);
    assert.deepEqual(
      merged.calls.map((c) => c.client.name),
      ['alpha', 'zeta'],
    );
  });

  test("every file's unattributed and external calls, warnings and counts reach the map", async () => {
    const unattributed = snapCall({ client: { name: 'unknown', namespace: 'unknown' } });
    const a = await file(
      doc({
        external: [externalCall('api.stripe.com:443')],
        warnings: ['w-shared', 'w-a'],
        stats: { series: 3, sources: 1 },
      }),
    );
    const b = await file(
      doc({ unattributed: [unattributed], warnings: ['w-shared', 'w-b'], stats: { series: 5, sources: 2 } }),
    );
    const merged = await readSnapshots([a, b]);
    assert.deepEqual(merged.unattributed.map(row), [row(unattributed as unknown as ObservedCall)]);
    assert.deepEqual(
      merged.external.map((c) => c.host),
      ['api.stripe.com:443'],
    );
    assert.deepEqual(merged.warnings, ['w-shared', 'w-a', 'w-b']);
    assert.deepEqual(merged.stats, { series: 8, sources: 3 });
  });

  test('--since keeps a call last seen at that instant, and filters unattributed and external calls too', async () => {
    const old = '2026-03-01T09:00:00Z';
    const a = await file(
      doc({
        calls: [snapCall({ lastSeen: T0 }), snapCall({ path: '/old', firstSeen: old, lastSeen: old })],
        unattributed: [
          snapCall({ client: { name: 'unknown', namespace: 'unknown' }, firstSeen: old, lastSeen: old }),
        ],
        external: [
          externalCall('api.stripe.com:443', { lastSeen: T0 }),
          externalCall('old.example.com:443', { firstSeen: old, lastSeen: old }),
        ],
      }),
    );
    const recent = await readSnapshots([a], { since: new Date(T0) });
    assert.deepEqual(
      recent.calls.map((c) => c.path),
      ['/cart'],
    );
    assert.deepEqual(recent.unattributed, []);
    assert.deepEqual(
      recent.external.map((c) => c.host),
      ['api.stripe.com:443'],
    );
  });

  test('no file at all is an input error, not an empty map', async () => {
    await assert.rejects(readSnapshots([]), (err: Error) => {
      assert.equal(err.name, 'InputError');
      assert.match(err.message, /--source snapshot needs --snapshot FILE/);
      return true;
    });
  });

  test('a bad snapshot on stdin is named stdin', async () => {
    async function* stdin() {
      yield 'not json';
    }
    await assert.rejects(readSnapshot('-', stdin()), (err: Error) => {
      assert.equal(err.name, 'InputError');
      assert.match(err.toString(), /stdin: not JSON/);
      return true;
    });
  });

  test('a snapshot over 256 MiB is refused, from stdin or from a file', async () => {
    const MiB = 1024 * 1024;
    const chunk = new Uint8Array(MiB).fill(0x20);
    async function* stdin() {
      for (let i = 0; i < 257; i++) yield chunk;
      yield '{}';
    }
    await assert.rejects(readSnapshot('-', stdin()), /stdin: larger than 256 MiB/);
    // A sparse file: its size says 257 MiB, and it is refused before anything is read.
    const big = path.join(dir, 'big.json');
    await writeFile(big, '');
    await truncate(big, 257 * MiB);
    await assert.rejects(readSnapshot(big), /big\.json: larger than 256 MiB/);
  });

  test('capture writes every list, the window and escaped text, one line feed at the end, and reads back the same', async () => {
    const call = snapCall({ path: '/a\u202eb' });
    delete call.firstSeen;
    delete call.lastSeen;
    const map: ObservedMap = {
      calls: [call as unknown as ObservedCall],
      unattributed: [
        snapCall({ client: { name: 'unknown', namespace: 'unknown' } }) as unknown as ObservedCall,
      ],
      external: [externalCall('api.stripe.com:443') as unknown as ObservedCall],
      warnings: ['2 series without a destination'],
      stats: { series: 4, sources: 2 },
    };
    for (const list of [map.unattributed, map.external]) {
      delete list[0]!.firstSeen;
      delete list[0]!.lastSeen;
    }
    const window = { from: '2026-03-01T09:59:00.000Z', to: '2026-03-01T10:00:00.000Z' };
    const out = path.join(dir, 'capture.json');
    await writeSnapshot(out, map, { source: 'sidecars', capturedAt: new Date(T0), window });
    const text = await readFile(out, 'utf8');
    assert.ok(text.endsWith('}\n'), 'one line feed at the end');
    assert.ok(!text.includes('\u202e'), 'no raw right-to-left override in the file');
    assert.ok(text.includes('/a\\u202eb'));
    const back = await readSnapshot(out);
    assert.deepEqual(back.window, window);
    assert.equal(back.calls[0]?.path, '/a\u202eb');
    const times = (c: ObservedCall) => [c.firstSeen, c.lastSeen];
    assert.deepEqual([...back.calls, ...back.unattributed, ...back.external].map(times), [
      [window.from, window.to],
      [window.from, window.to],
      [window.from, window.to],
    ]);
    const read = await readSnapshots([out]);
    assert.deepEqual(read.warnings, ['2 series without a destination']);
    assert.deepEqual(read.stats, { series: 4, sources: 2 });
    assert.equal(read.unattributed.length, 1);
    assert.equal(read.external.length, 1);
  });
});
