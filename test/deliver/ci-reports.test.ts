// The CI reports' options from one check: a missing call points at the target where its rule
// goes (not the document's first line), and its suggested entry is still written in the API
// version of the client's own document.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ciReportOptions, renderCiReport, sarifOutsideWarning } from '../../src/deliver/ci-reports.ts';
import { checkDrift } from '../../src/diff/drift-controls.ts';
import type { DeclaredIntents } from '../../src/model.ts';
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

  // web (shop) has ClientIntents, batch (shop) and jobs (ops) have none; cron (billing) has its
  // own document, listed first.
  const scoped = (namespaces: string[]) => {
    const declared: DeclaredIntents = declaredIntents([
      rule('cron.billing', 'ledger.billing', 'GET', '/ledger', { file: 'intents/cron.yaml', line: 9 }),
      rule('web.shop', 'orders.shop', 'GET', '/orders', { file: 'intents/web.yaml', line: 9 }),
    ]);
    const document = (name: string, namespace: string) => ({
      client: { name, namespace },
      apiVersion: 'k8s.otterize.com/v2',
      file: `intents/${name}.yaml`,
      line: 1,
    });
    declared.documents = [document('cron', 'billing'), document('web', 'shop')];
    const observed = observedMap([
      call('web.shop', 'orders.shop', 'GET', '/orders'),
      call('batch.shop', 'orders.shop', 'POST', '/orders'),
      call('jobs.ops', 'orders.shop', 'DELETE', '/orders'),
      call('cron.billing', 'ledger.billing', 'GET', '/ledger'),
    ]);
    const policy = { failOn: 'missing' as const, clientIdle: 'warn' as const, overrides: [] };
    const { drift } = checkDrift(observed, declared, { policy, namespaces });
    const inputs = { drift, declared, policy, namespaces, cwd: '/repo', repositoryRoot: '/repo' };
    const sarif = JSON.parse(renderCiReport('sarif', inputs));
    const places = sarif.runs[0].results.map(
      (r: {
        properties: { client: string };
        locations: {
          physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
        }[];
      }) => {
        const at = r.locations[0]!.physicalLocation;
        return `${r.properties.client} at ${at.artifactLocation.uri}:${at.region.startLine}`;
      },
    );
    const junit = renderCiReport('junit', inputs);
    return { places, junit, notes: JSON.stringify(sarif.runs[0].invocations ?? []) };
  };

  test('a client without ClientIntents: its SARIF result sits beside a document of its own namespace', () => {
    const all = scoped([]);
    assert.deepEqual(all.places.sort(), [
      'ops/jobs at intents/cron.yaml:1',
      'shop/batch at intents/web.yaml:1',
    ]);
    assert.match(all.junit, /cron\/billing|billing\/cron/, 'every namespace when no -n is given');
  });

  test('-n: documents and rules of the namespaces left out are neither a home nor a test case', () => {
    const ops = scoped(['ops']);
    assert.deepEqual(ops.places, [], 'no document in ops: the result cannot be placed, not put in billing');
    assert.match(ops.notes, /1 finding\(s\) have no intents file/);
    const shop = scoped(['shop']);
    assert.deepEqual(shop.places, ['shop/batch at intents/web.yaml:1']);
    assert.doesNotMatch(shop.junit, /cron|ledger/, "billing's rule is no test case of a check of shop");
    assert.match(shop.junit, /orders/);
  });

  test('the SARIF warning names one file outside the repository alone, and says nothing when all are inside', () => {
    const declared = declaredIntents([]);
    const doc = (file: string) => ({
      client: { name: 'web', namespace: NS },
      apiVersion: 'k8s.otterize.com/v2',
      file,
      line: 1,
    });
    const policy = { failOn: 'missing' as const, clientIdle: 'warn' as const, overrides: [] };
    const { drift } = checkDrift(observedMap([]), declared, { policy });
    const warning = (files: string[]) =>
      sarifOutsideWarning({
        drift,
        declared: { ...declared, documents: files.map(doc) },
        policy,
        namespaces: [],
        cwd: '/repo/deploy',
        repositoryRoot: '/repo',
      });
    assert.equal(warning(['intents/a.yaml', '../b.yaml']), undefined);
    assert.equal(
      warning(['intents/a.yaml', '../../elsewhere/b.yaml', '../../elsewhere/b.yaml']),
      'SARIF: ../../elsewhere/b.yaml lies outside the repository (/repo): code scanning cannot place its results; give intents paths inside it',
    );
  });
});
