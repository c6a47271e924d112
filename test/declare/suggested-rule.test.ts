// The entry a missing call asks for, in the API version of its client's own document, as the
// SARIF and JUnit reports show it: read back as YAML, it is what `export` would write.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { suggestedRule } from '../../src/declare/suggested-rule.ts';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import type { MissingCall, ObservedCall } from '../../src/model.ts';
import { call, declaredIntents, observedMap } from '../diff/builders.ts';

const missing = (observed: ObservedCall): MissingCall => {
  const drift = computeDrift(observedMap([observed]), declaredIntents([]));
  assert.equal(drift.missing.length, 1);
  return drift.missing[0]!;
};

describe('suggestedRule', () => {
  test("a v1 client's entry goes under spec.calls, written as v1 writes it", () => {
    assert.deepEqual(
      suggestedRule(missing(call('web', 'orders', 'GET', '/a')), 'k8s.otterize.com/v1alpha3'),
      {
        under: 'spec.calls',
        yaml: '- name: orders\n  type: http\n  HTTPResources:\n    - path: /a\n      methods:\n        - GET\n',
      },
    );
  });

  test("a client without a document of its own gets the exporter's version: spec.targets", () => {
    assert.deepEqual(suggestedRule(missing(call('web', 'orders', 'GET', '/a'))), {
      under: 'spec.targets',
      yaml: '- kubernetes:\n    name: orders\n    http:\n      - path: /a\n        methods:\n          - GET\n',
    });
  });

  test('a call without method and path (TCP) asks for a target without http', () => {
    const tcp = missing(call('web', 'db', null, null, { protocol: 'tcp' }));
    assert.deepEqual(suggestedRule(tcp), { under: 'spec.targets', yaml: '- kubernetes:\n    name: db\n' });
  });

  test('a long quoted value stays on its one line, not folded with a backslash', () => {
    const path = `/notes/${'a'.repeat(90)}: b`;
    const rule = suggestedRule(missing(call('web', 'orders', 'GET', path)));
    assert.equal(rule?.yaml.split('\n')[3], `      - path: ${JSON.stringify(path)}`);
  });
});
