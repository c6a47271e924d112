// The CI reports' options from one check: a missing call points at the target where its rule
// goes (not the document's first line), and its suggested entry is still written in the API
// version of the client's own document.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ciReportOptions } from '../../src/deliver/ci-reports.ts';
import { checkDrift } from '../../src/diff/drift-controls.ts';
import { call, declaredIntents, NS, observedMap, rule } from '../diff/builders.ts';

describe('CI report options', () => {
  test('a v1alpha3 client: declared at its target line, the entry suggested under spec.calls', () => {
    const declared = declaredIntents([
      {
        ...rule('batch', 'orders', 'POST', '/orders/reindex', { file: 'intents/batch.yaml', line: 12 }),
        targetLine: 9,
      },
    ]);
    declared.documents = [
      {
        client: { name: 'batch', namespace: NS },
        apiVersion: 'k8s.otterize.com/v1alpha3',
        file: 'intents/batch.yaml',
        line: 1,
        targetsLine: 7,
      },
    ];
    const policy = { failOn: 'missing' as const, clientIdle: 'warn' as const, overrides: [] };
    const { drift } = checkDrift(observedMap([call('batch', 'orders', 'DELETE', '/orders/old')]), declared, {
      policy,
    });
    const missing = drift.missing[0]!;
    assert.deepEqual(
      missing.intentsFile,
      { file: 'intents/batch.yaml', line: 9 },
      'at the target naming orders',
    );
    const options = ciReportOptions({
      drift,
      declared,
      policy,
      namespaces: [],
      cwd: '/repo',
      repositoryRoot: '/repo',
    });
    assert.equal(options.suggest?.(missing)?.under, 'spec.calls', "in the client's own API version");
    // A method the CRD cannot take: no entry (a target without http would be a silent widening).
    assert.equal(options.suggest?.({ ...missing, method: 'delete' }), undefined);
    assert.equal(options.suggest?.({ ...missing, method: 'HEAD' }), undefined);
  });

  test('paths from the repository root: inside, a name starting with "..", outside, absolute', () => {
    const declared = declaredIntents([]);
    const policy = { failOn: 'missing' as const, clientIdle: 'warn' as const, overrides: [] };
    const { drift } = checkDrift(observedMap([]), declared, { policy });
    const from = (cwd: string) => (file: string) =>
      ciReportOptions({
        drift,
        declared,
        policy,
        namespaces: [],
        cwd,
        repositoryRoot: '/repo',
      }).repositoryPath?.(file);
    assert.equal(from('/repo/deploy')('intents/a.yaml'), 'deploy/intents/a.yaml');
    assert.equal(from('/repo/deploy')('../..hidden/a.yaml'), '..hidden/a.yaml', 'a name, not a way up');
    assert.equal(from('/repo/deploy')('../../elsewhere/a.yaml'), '../../elsewhere/a.yaml');
    assert.equal(from('/repo')('/etc/a.yaml'), '/etc/a.yaml');
  });
});
