// Names where they enter the observed map: a workload must be a Kubernetes object name (a
// DNS-1123 subdomain), a namespace or Service a DNS-1123 label. Whatever a metric label, the
// mapper or a snapshot says otherwise stays out, counted in one warning that shows it escaped.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  isDnsLabel,
  isDnsSubdomain,
  isKindName,
  isLabelKey,
  isLabelValue,
} from '../../src/kubernetes-names.ts';
import type { Sample } from '../../src/observe/exposition-line.ts';
import { callsOfIntents, parseMapperIntents } from '../../src/observe/live/mapper-answer.ts';
import { ObservedMapBuilder } from '../../src/observe/observed-map.ts';
import { readSnapshot } from '../../src/observe/snapshot/snapshot-file.ts';
import { rawUnsafeChars } from '../support/unsafe-chars.ts';

function sample(labels: Record<string, string>): Sample {
  return {
    metric: 'istio_requests_total',
    value: 3,
    line: 1,
    labels: {
      reporter: 'source',
      source_workload: 'shopper',
      source_workload_namespace: 'shop',
      destination_workload: 'orders',
      destination_workload_namespace: 'shop',
      request_method: 'GET',
      request_path: '/a',
      ...labels,
    },
  };
}

describe('Kubernetes names', () => {
  test('subdomains and labels as the API server checks them', () => {
    for (const ok of ['a', 'nginx', 'payments-db.prod', 'a1.b2.c3', '0abc', 'x'.repeat(253)]) {
      assert.ok(isDnsSubdomain(ok), ok);
    }
    for (const bad of [
      '',
      'A',
      '-a',
      'a-',
      'a..b',
      '.a',
      'a.',
      'a/b',
      '../x',
      'a_b',
      'a b',
      'é',
      'x'.repeat(254),
      'a.-b',
    ]) {
      assert.ok(!isDnsSubdomain(bad), bad);
    }
    for (const ok of ['shop', 'kube-system', 'a', 'x'.repeat(63)]) assert.ok(isDnsLabel(ok), ok);
    for (const bad of ['a.b', 'Shop', 'x'.repeat(64), '/../../tmp/x', '']) assert.ok(!isDnsLabel(bad), bad);
  });

  test('a subdomain is dot-joined labels (property, against a plain regex on short names)', () => {
    const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
    const reference = (s: string) => s.length <= 253 && s.split('.').every((part) => label.test(part));
    const name = fc.stringMatching(/^[a-z0-9.\-A_/]{0,20}$/);
    fc.assert(fc.property(name, (s) => isDnsSubdomain(s) === reference(s)));
  });

  test('label keys and values as apimachinery checks them (property, against its own regular expressions)', () => {
    // From apimachinery pkg/api/validate/content/kube.go: the name part and a value's shape.
    const name = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
    const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
    const subdomain = (s: string) => s.length <= 253 && s.split('.').every((part) => label.test(part));
    const nameOk = (s: string) => s.length <= 63 && name.test(s);
    const keyReference = (s: string) => {
      const parts = s.split('/');
      if (parts.length === 1) return nameOk(s);
      return parts.length === 2 && parts[0] !== '' && subdomain(parts[0]!) && nameOk(parts[1]!);
    };
    const text = fc.stringMatching(/^[a-zA-Z0-9._\-/ é]{0,24}$/);
    fc.assert(fc.property(text, (s) => isLabelKey(s) === keyReference(s)));
    fc.assert(fc.property(text, (s) => isLabelValue(s) === (s === '' || nameOk(s))));
    for (const ok of ['app', 'App_1.x', 'example.com/tier', 'a'.repeat(63), `${'b'.repeat(253)}/x`]) {
      assert.ok(isLabelKey(ok), ok);
    }
    for (const bad of [
      '',
      '/a',
      'a/',
      'a/b/c',
      'Example.com/x',
      '-a',
      'a-',
      'a'.repeat(64),
      `${'b'.repeat(254)}/x`,
    ]) {
      assert.ok(!isLabelKey(bad), bad);
    }
    assert.ok(isLabelValue(''));
    assert.ok(!isLabelValue('a b'));
    // Both ends of each letter range.
    for (const ok of ['Z', 'ZaZ', 'zone-Z', 'A.z', 'a0Z9']) assert.ok(isLabelValue(ok) && isLabelKey(ok), ok);
  });

  test('a kind from a snapshot or the mapper: an upper-case letter, then at most 62 letters and digits', () => {
    for (const ok of ['Deployment', 'StatefulSet', 'A', 'Z9', `A${'b'.repeat(62)}`])
      assert.ok(isKindName(ok), ok);
    for (const bad of [
      '',
      'deployment',
      '9Job',
      '../x/Deployment',
      'x/Deployment',
      'Deploy ment',
      'Deployment\n',
      '\u001b[31mDeployment',
      'Deployment\u001b[0m',
      `A${'b'.repeat(63)}`,
    ]) {
      assert.ok(!isKindName(bad), JSON.stringify(bad));
    }
  });

  test('metric labels that are not Kubernetes names stay out of the map, with one counting warning', () => {
    const b = new ObservedMapBuilder();
    b.add(sample({}));
    b.add(sample({ source_workload: '../.github/workflows/ci' }));
    b.add(sample({ source_workload_namespace: '/../../../../tmp/x/docker-compose' }));
    b.add(sample({ destination_workload: 'orders\u001b]0;pwned\u0007' }));
    b.add(sample({ destination_service_name: 'svc/../x', destination_service_namespace: 'shop' }));
    const map = b.build();
    assert.deepEqual(
      map.calls.map((c) => `${c.client.name} -> ${c.server.name}`),
      ['shopper -> orders'],
    );
    const warning = map.warnings.filter((w) => w.includes('left out'));
    assert.equal(warning.length, 1);
    assert.match(warning[0]!, /^4 series left out: /);
    assert.match(warning[0]!, /workload "\.\.\/\.github\/workflows\/ci"/);
    assert.deepEqual(rawUnsafeChars(warning[0]!), []);
  });

  test('a dotted Deployment name is a valid workload name and enters the map', () => {
    const b = new ObservedMapBuilder();
    b.add(sample({ destination_workload: 'payments-db.prod' }));
    assert.equal(b.build().calls[0]?.server.name, 'payments-db.prod');
  });

  test('a Service name is a DNS-1123 label: a dotted one stays out, though a workload may hold dots', () => {
    // `api.kube-system` as a target name would read as name.namespace.
    const b = new ObservedMapBuilder();
    b.add(sample({ destination_service_name: 'orders', destination_service_namespace: 'shop' }));
    b.add(sample({ destination_service_name: 'api.kube-system', destination_service_namespace: 'shop' }));
    const map = b.build();
    assert.deepEqual(
      map.calls.map((c) => c.server.service?.name),
      ['orders'],
    );
    assert.match(map.warnings.join('\n'), /^1 series left out: .*service "api\.kube-system"/m);
  });

  test("a refused name's example is cut at 80 characters", () => {
    const b = new ObservedMapBuilder();
    b.add(sample({ source_workload: `${'A'.repeat(5000)}` }));
    const [warning] = b.build().warnings.filter((w) => w.includes('left out'));
    assert.ok(warning !== undefined);
    assert.ok(warning.includes(`workload "${'A'.repeat(80)}…"`), warning.slice(0, 300));
    assert.ok(warning.length < 400, `${warning.length} characters`);
  });

  test('the mapper’s names go through the same gate; a wrong shape is an input error', () => {
    const identity = (name: string, namespace = 'shop') => ({
      name,
      namespace,
      podOwnerKind: { kind: 'Deployment' },
    });
    const intents = parseMapperIntents([
      {
        client: identity('shopper'),
        server: identity('orders'),
        type: 'HTTP',
        httpResources: [{ path: '/a', methods: ['GET'] }],
      },
      { client: identity('../../evil'), server: identity('orders'), type: 'HTTP', httpResources: [] },
    ]);
    assert.deepEqual(
      callsOfIntents(intents).map((c) => c.client.name),
      ['shopper'],
    );
    assert.throws(
      () => parseMapperIntents([{ client: null, server: identity('x') }]),
      /intents\[0\]\.client is not an object/,
    );
    assert.throws(
      () => parseMapperIntents([{ client: identity('a'), server: identity('b'), httpResources: 'x' }]),
      /httpResources is not a list/,
    );
  });

  test('a snapshot’s names go through the gate too', async () => {
    const file = path.join(tmpdir(), `names-${process.pid}.json`);
    const at = '2026-03-01T10:00:00Z';
    const callOf = (client: string, namespace: string) => ({
      client: { name: client, namespace },
      server: { name: 'orders', namespace: 'shop' },
      method: 'GET',
      path: '/a',
      count: 1,
      protocol: 'http',
      firstSeen: at,
      lastSeen: at,
    });
    await writeFile(
      file,
      JSON.stringify({
        kind: 'IntentDriftSnapshot',
        version: 1,
        source: 'sidecars',
        capturedAt: at,
        calls: [callOf('shopper', 'shop'), callOf('evil', '../../etc')],
        unattributed: [],
        external: [],
        warnings: [],
        stats: { series: 2, sources: 1 },
      }),
    );
    const snapshot = await readSnapshot(file);
    assert.deepEqual(
      snapshot.calls.map((c) => c.client.name),
      ['shopper'],
    );
    assert.match(snapshot.warnings.at(-1)!, /^1 call\(s\) of .* left out: .*namespace "\.\.\/\.\.\/etc"/);
  });
});

test('warnings a live source adds never carry credentials', () => {
  const b = new ObservedMapBuilder();
  b.addWarning(
    'pod shop/a: cannot read: request to https://admin:hunter2@10.0.0.1:6443/api?token=abc failed',
  );
  assert.deepEqual(b.build().warnings.slice(0, 1), [
    'pod shop/a: cannot read: request to https://10.0.0.1:6443/api failed',
  ]);
});
