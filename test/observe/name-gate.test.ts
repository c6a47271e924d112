// The name gate (src/observe/name-gate.ts) on its own: which names it turns away, how it counts
// them, the three examples its one warning shows, and what it takes over from another gate (a
// metrics worker's). The reference map builder of the differential tests shares this gate, so
// its rules are pinned here, apart from it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { callsOfIntents, parseMapperIntents } from '../../src/observe/live/mapper-answer.ts';
import { badService, badWorkload, NameGate } from '../../src/observe/name-gate.ts';
import { ObservedMapBuilder } from '../../src/observe/observed-map.ts';

const ok = { name: 'api', namespace: 'shop' };

describe('which names the gate turns away', () => {
  test('a workload: any Kubernetes object name, in a namespace that is a DNS label', () => {
    assert.equal(badWorkload(ok), undefined);
    assert.equal(badWorkload({ name: 'payments-db.prod', namespace: 'shop' }), undefined);
    assert.equal(badWorkload(null), undefined, 'outside the mesh: no name to check');
    assert.equal(badWorkload({ name: '../../x', namespace: 'shop' }), 'workload "../../x"');
    // Namespaces are DNS labels: a dot is no namespace, whatever the workload's name may hold.
    assert.equal(badWorkload({ name: 'api', namespace: 'shop.prod' }), 'namespace "shop.prod"');
    assert.equal(badWorkload({ name: 'api', namespace: '../../x' }), 'namespace "../../x"');
  });

  test('a Service: its name and its namespace are DNS labels', () => {
    assert.equal(badService(ok), undefined);
    assert.equal(badService(null), undefined);
    assert.equal(badService({ name: 'api.kube-system', namespace: 'shop' }), 'service "api.kube-system"');
    assert.equal(badService({ name: 'api', namespace: '../../x' }), 'namespace "../../x"');
    assert.equal(badService({ name: 'api', namespace: 'shop.prod' }), 'namespace "shop.prod"');
  });

  test('admit checks the client, the server and the Service, and counts each call it turns away', () => {
    const gate = new NameGate();
    assert.ok(gate.admit({ client: ok, server: ok, service: ok }));
    assert.ok(gate.admit({ client: null, server: ok }), 'a caller outside the mesh');
    assert.ok(!gate.admit({ client: ok, server: { name: '../../x', namespace: 'shop' } }));
    assert.ok(!gate.admit({ client: ok, server: ok, service: { name: 'svc/../x', namespace: 'shop' } }));
    assert.ok(!gate.admit({ client: ok, server: ok, service: { name: 'svc', namespace: '../../x' } }));
    assert.equal(gate.count, 3);
    assert.equal(
      gate.warning('call(s)'),
      '3 call(s) left out: workload names must be Kubernetes object names (DNS-1123 subdomains) and ' +
        'namespaces and Services DNS-1123 labels; e.g. workload "../../x", service "svc/../x", namespace "../../x"',
    );
  });

  test("a Service's bad namespace keeps a series out of the map", () => {
    const b = new ObservedMapBuilder();
    const sample = (serviceNamespace: string) => ({
      metric: 'istio_requests_total',
      labels: {
        reporter: 'destination',
        source_workload: 'web',
        source_workload_namespace: 'shop',
        destination_workload: 'api',
        destination_workload_namespace: 'shop',
        destination_service_name: 'api',
        destination_service_namespace: serviceNamespace,
      },
      value: 3,
      line: 1,
    });
    b.add(sample('shop'));
    b.add(sample('../../etc'));
    const map = b.build();
    assert.deepEqual(
      map.calls.map((c) => c.server.service),
      [{ name: 'api', namespace: 'shop' }],
    );
    assert.match(map.warnings.join('\n'), /^1 series left out: .*e\.g\. namespace "\.\.\/\.\.\/etc"$/m);
  });

  test("the mapper's intents: a bad server or Service leaves the intent out", () => {
    const identity = (name: string, namespace = 'shop') => ({
      name,
      namespace,
      podOwnerKind: { kind: 'Deployment' },
    });
    const intents = parseMapperIntents([
      { client: identity('web'), server: identity('api'), type: 'HTTP', httpResources: [] },
      { client: identity('web'), server: identity('../../evil'), type: 'HTTP', httpResources: [] },
      { client: identity('web'), server: identity('db', '../x'), type: 'HTTP', httpResources: [] },
    ]);
    const gate = new NameGate();
    assert.deepEqual(
      callsOfIntents(intents, gate).map((c) => `${c.client.name} -> ${c.server.name}`),
      ['web -> api'],
    );
    assert.equal(gate.count, 2);
  });
});

describe("the gate's warning", () => {
  test('none when nothing was turned away', () => {
    const gate = new NameGate();
    assert.ok(gate.admit({ client: ok, server: ok }));
    assert.equal(gate.warning('series'), undefined);
    const b = new ObservedMapBuilder();
    b.add({
      metric: 'istio_requests_total',
      labels: {
        reporter: 'source',
        source_workload: 'web',
        source_workload_namespace: 'shop',
        destination_workload: 'api',
        destination_workload_namespace: 'shop',
      },
      value: 1,
      line: 1,
    });
    assert.deepEqual(
      b.build().warnings.filter((w) => w.includes('left out')),
      [],
    );
  });

  test('counts every refusal, and shows three different examples, the first met', () => {
    const gate = new NameGate();
    for (let i = 0; i < 5; i++) gate.refuse('workload "a"');
    for (const name of ['b', 'a', 'c', 'd', 'e']) gate.refuse(`workload "${name}"`);
    assert.equal(gate.count, 10);
    assert.deepEqual(gate.export(), {
      count: 10,
      examples: ['workload "a"', 'workload "b"', 'workload "c"'],
    });
    assert.match(
      gate.warning('series') ?? '',
      /^10 series left out: .*; e\.g\. workload "a", workload "b", workload "c"$/,
    );
  });

  test("takes over another gate's count and examples, still three at most", () => {
    const main = new NameGate();
    main.refuse('workload "a"');
    main.refuse('workload "a"');
    main.refuse('workload "b"');
    const worker = new NameGate();
    for (const name of ['b', 'c', 'd', 'e']) worker.refuse(`workload "${name}"`);
    main.absorb(worker.export());
    assert.equal(main.count, 7);
    assert.deepEqual(main.export().examples, ['workload "a"', 'workload "b"', 'workload "c"']);
    // A gate that refused nothing itself says what the worker refused.
    const quiet = new NameGate();
    quiet.absorb(worker.export());
    assert.match(
      quiet.warning('series') ?? '',
      /^4 series left out: .*; e\.g\. workload "b", workload "c", workload "d"$/,
    );
  });
});
