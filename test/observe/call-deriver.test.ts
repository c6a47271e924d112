// The observed map turns series into calls with CallDeriver, field by field over interned
// values; istioCallOf says the same from a label record. On random label sets (unknown and
// empty values, passthrough clusters, gRPC, TCP, methods in any case, paths to normalize,
// labels left out) both must give the same call, and the same verdict on its names as the
// name gate gives the call istioCallOf makes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { CALL_WIDTH, CallDeriver, PROTOCOLS } from '../../src/observe/compact/call-deriver.ts';
import { CALL_LABEL_SLOTS, CALL_METRICS } from '../../src/observe/compact/call-tables.ts';
import { StringTable } from '../../src/observe/compact/string-table.ts';
import { istioCallOf } from '../../src/observe/istio-call.ts';
import { badService, badWorkload } from '../../src/observe/name-gate.ts';
import { normalizePath } from '../../src/observe/normalize-path.ts';

const values: Record<string, string[]> = {
  reporter: ['source', 'destination', 'waypoint', '', 'unknown'],
  source_workload: ['client', 'unknown', '', 'web', 'db.v2', 'Bad_Name', '../x'],
  source_workload_namespace: ['shop', '', 'unknown', 'a.b'],
  destination_workload: ['nginx', 'unknown', '', 'x\ny'],
  destination_workload_namespace: ['shop', 'other', 'unknown', 'UPPER'],
  destination_service: ['nginx.shop.svc.cluster.local', 'httpbin.org', '', 'unknown'],
  destination_service_name: ['nginx', 'PassthroughCluster', 'BlackHoleCluster', 'httpbin.org', 'unknown', ''],
  destination_service_namespace: ['shop', 'unknown', '', 'a.b'],
  request_protocol: ['http', 'grpc', 'tcp', ''],
  request_method: ['GET', 'get', 'Post', '', 'unknown'],
  request_path: ['/a', '/a/../b?x=1', '', 'unknown', '/%7Eu', 'x'],
};

const labels = fc.record(
  Object.fromEntries(
    CALL_LABEL_SLOTS.map((name) => [name, fc.option(fc.constantFrom(...values[name]!), { nil: undefined })]),
  ),
) as fc.Arbitrary<Record<string, string | undefined>>;

describe('CallDeriver against istioCallOf', () => {
  test('the same call from the same labels, for both metric families', () => {
    const strings = new StringTable();
    const deriver = new CallDeriver(strings, CALL_METRICS, normalizePath);
    fc.assert(
      fc.property(labels, fc.constantFrom(0, 1), (record, metric) => {
        const present = Object.fromEntries(
          Object.entries(record).filter(([, v]) => v !== undefined),
        ) as Record<string, string>;
        const ids = CALL_LABEL_SLOTS.map((name) =>
          present[name] === undefined ? -1 : strings.intern(present[name]),
        );
        const call = new Int32Array(CALL_WIDTH);
        const fault = deriver.derive(metric, ids, call);
        const s = (id: number) => (id === -1 ? null : strings.value(id));
        const want = istioCallOf(CALL_METRICS[metric]!, present);
        const ref = (r: { name: string; namespace: string } | null) =>
          r === null ? [null, null] : [r.name, r.namespace];
        assert.deepEqual(
          [...call].map((id, i) => (i === 9 ? PROTOCOLS[id] : s(id))),
          [
            ...ref(want.client),
            ...ref(want.server),
            ...ref(want.service),
            want.host,
            want.method,
            want.path,
            want.protocol,
          ],
          JSON.stringify(present),
        );
        assert.equal(
          fault,
          badWorkload(want.client) ?? badWorkload(want.server) ?? badService(want.service),
          JSON.stringify(present),
        );
      }),
      { numRuns: 3000 },
    );
  });

  test('label values interned far past the memo sizes derive the same call', () => {
    const strings = new StringTable();
    const deriver = new CallDeriver(strings, CALL_METRICS, normalizePath);
    // A large capture: thousands of values interned before this series's method and path.
    for (let i = 0; i < 5000; i++) strings.intern(`filler-${i}`);
    const present: Record<string, string> = {
      reporter: 'source',
      source_workload: 'client',
      source_workload_namespace: 'shop',
      destination_workload: 'nginx',
      destination_workload_namespace: 'shop',
      destination_service: 'nginx.shop.svc.cluster.local',
      destination_service_name: 'nginx',
      destination_service_namespace: 'shop',
      request_protocol: 'http',
      request_method: 'POST',
      request_path: '/orders/../orders',
    };
    const ids = CALL_LABEL_SLOTS.map((name) => strings.intern(present[name]!));
    const call = new Int32Array(CALL_WIDTH);
    assert.equal(deriver.derive(0, ids, call), undefined);
    assert.deepEqual(
      [...call].map((id, i) => (i === 9 ? PROTOCOLS[id] : id === -1 ? null : strings.value(id))),
      ['client', 'shop', 'nginx', 'shop', 'nginx', 'shop', null, 'POST', '/orders', 'http'],
    );
  });
});

describe('CallDeriver memos at their edges', () => {
  const base: Record<string, string> = {
    reporter: 'source',
    source_workload: 'client',
    source_workload_namespace: 'shop',
    destination_workload: 'nginx',
    destination_workload_namespace: 'shop',
    destination_service: 'nginx.shop.svc.cluster.local',
    destination_service_name: 'nginx',
    destination_service_namespace: 'shop',
    request_protocol: 'http',
    request_method: 'GET',
    request_path: '/a',
  };
  /** The call derived from `present` (its values interned now), as strings. */
  const derived = (strings: StringTable, deriver: CallDeriver, present: Record<string, string>) => {
    const ids = CALL_LABEL_SLOTS.map((name) =>
      present[name] === undefined ? -1 : strings.intern(present[name]),
    );
    const call = new Int32Array(CALL_WIDTH);
    deriver.derive(0, ids, call);
    const got = [...call].map((id, i) => (i === 9 ? PROTOCOLS[id] : id === -1 ? null : strings.value(id)));
    return { got, client: got.slice(0, 2), path: got[8] };
  };

  test("the first series, its workload's name and namespace the table's first string", () => {
    const strings = new StringTable();
    assert.equal(strings.intern('unknown'), 0);
    const deriver = new CallDeriver(strings, CALL_METRICS, normalizePath);
    const { got } = derived(strings, deriver, {
      ...base,
      source_workload: 'unknown',
      source_workload_namespace: 'unknown',
    });
    assert.deepEqual(got, [null, null, 'nginx', 'shop', 'nginx', 'shop', null, 'GET', '/a', 'http']);
  });

  test('300 workloads: each keeps its own name and namespace, the first ones too once the memo grew', () => {
    const strings = new StringTable();
    const deriver = new CallDeriver(strings, CALL_METRICS, normalizePath);
    const names = Array.from({ length: 300 }, (_, i) => `w${i}`);
    for (const name of [...names, ...names]) {
      assert.deepEqual(derived(strings, deriver, { ...base, source_workload: name }).client, [name, 'shop']);
    }
  });

  test('a path whose string id is the memo size, or just past it, derives the same path', () => {
    for (const target of [255, 256, 257, 511, 512, 513]) {
      const strings = new StringTable();
      const deriver = new CallDeriver(strings, CALL_METRICS, normalizePath);
      for (const name of CALL_LABEL_SLOTS) strings.intern(base[name]!);
      while (strings.size < target) strings.intern(`filler-${strings.size}`);
      const path = `/p/${target}`;
      assert.equal(strings.intern(path), target);
      assert.equal(derived(strings, deriver, { ...base, request_path: path }).path, path, String(target));
    }
  });
});
