import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  readWorkloadManifests,
  servicesFromDocuments,
  workloadsFromDocuments,
} from '../../src/declare/workload-manifests.ts';
import { parseYamlDocuments } from '../../src/yaml/read-yaml.ts';
import { ROOT } from './helpers.ts';

describe('readWorkloadManifests', () => {
  test('the demo: kinds, service accounts, selector labels; Services and Namespaces skipped', async () => {
    const lookup = await readWorkloadManifests(['fixtures/intents/workloads/demo-workloads.yaml'], {
      cwd: ROOT,
    });
    const ns = 'otterize-tutorial-istio-mapping';
    assert.deepEqual(
      lookup.workloads.map(
        (w) =>
          `${w.file}:${w.line} ${w.kind} ${w.namespace}/${w.name} sa=${w.serviceAccount} ${JSON.stringify(w.labels)}`,
      ),
      [
        `fixtures/intents/workloads/demo-workloads.yaml:9 Deployment ${ns}/client sa=client-service-account {"app":"client"}`,
        `fixtures/intents/workloads/demo-workloads.yaml:28 Deployment ${ns}/client2 sa=client2-service-account {"app":"client2"}`,
        `fixtures/intents/workloads/demo-workloads.yaml:47 Deployment ${ns}/nginx sa=default {"app":"nginx"}`,
      ],
    );
    assert.equal(lookup.kindOf(ns, 'nginx'), 'Deployment');
    assert.equal(lookup.kindOf(ns, 'nginx-service'), undefined);
    assert.equal(lookup.kindOf('default', 'nginx'), undefined);
    assert.equal(lookup.serviceAccountOf(ns, 'client2'), 'client2-service-account');
    assert.deepEqual(lookup.labelsOf(ns, 'client'), { app: 'client' });
  });

  test('every workload kind, List items, default namespace, pod template labels, legacy serviceAccount', async () => {
    const lookup = await readWorkloadManifests(['fixtures/intents/workloads/other-kinds.yaml'], {
      cwd: ROOT,
      defaultNamespace: 'ops',
    });
    assert.deepEqual(
      lookup.workloads.map(
        (w) => `${w.kind} ${w.namespace}/${w.name} sa=${w.serviceAccount} ${JSON.stringify(w.labels)}`,
      ),
      [
        'StatefulSet data/db sa=db-sa {"app":"db"}',
        'DaemonSet kube-system/agent sa=agent-legacy-sa {"name":"agent"}',
        'CronJob ops/nightly sa=nightly-sa {"job":"nightly"}',
        'Job data/migrate sa=default {}',
        'Pod data/debug sa=debug-sa {"run":"debug"}',
        'ReplicaSet data/legacy sa=default {"tier":"legacy"}',
      ],
    );
  });

  test('without a default namespace, manifests without one are in `default`; directories work', async () => {
    const lookup = await readWorkloadManifests(['fixtures/intents/workloads'], { cwd: ROOT });
    assert.equal(lookup.kindOf('default', 'nightly'), 'CronJob');
    // demo-workloads.yaml (3), other-kinds.yaml (6), repo-services.yaml (2).
    assert.equal(lookup.workloads.length, 11);
  });

  test("Services: each one's spec.selector, for the policies of Service targets", async () => {
    const lookup = await readWorkloadManifests(['fixtures/intents/workloads'], { cwd: ROOT });
    assert.deepEqual(lookup.serviceOf('payments', 'ledger')?.selector, { app: 'ledger', tier: 'backend' });
    assert.deepEqual(lookup.serviceOf('otterize-tutorial-istio-mapping', 'nginx-service')?.selector, {
      app: 'nginx',
    });
    assert.equal(lookup.serviceOf('payments', 'nope'), undefined);
    assert.equal(lookup.serviceOf('shop', 'frontend'), undefined, 'a Deployment is no Service');
  });

  test('lists as kubectl applies them: a DeploymentList as the API server lists it, a ServiceList; a list inside a list refused', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: DeploymentList',
      'items:',
      '- metadata: {name: web, namespace: shop}',
      '  spec: {template: {metadata: {labels: {app: web}}, spec: {serviceAccountName: web-sa}}}',
      '- apiVersion: v1',
      '  kind: List',
      '  items:',
      '  - {apiVersion: apps/v1, kind: Deployment, metadata: {name: inner, namespace: shop}}',
      '---',
      'apiVersion: v1',
      'kind: ServiceList',
      'items:',
      '- metadata: {name: web-svc, namespace: shop}',
      '  spec: {selector: {app: web}}',
      '',
    ].join('\n');
    const documents = parseYamlDocuments(text, 'lists.yaml');
    assert.deepEqual(
      workloadsFromDocuments(documents, 'lists.yaml', 'default').map(
        (w) => `${w.file}:${w.line} ${w.kind} ${w.namespace}/${w.name} sa=${w.serviceAccount}`,
      ),
      ['lists.yaml:4 Deployment shop/web sa=web-sa'],
    );
    assert.deepEqual(servicesFromDocuments(documents, 'default'), [
      { name: 'web-svc', namespace: 'shop', selector: { app: 'web' } },
    ]);
  });

  test('only core v1 Services count; one without a namespace takes the default given; null is no value', () => {
    const text = [
      'apiVersion: serving.knative.dev/v1',
      'kind: Service',
      'metadata: {name: api, namespace: shop}',
      'spec: {template: {spec: {containers: [{image: api}]}}}',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web-svc}',
      'spec: {selector: {app: web, tier: null}}',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web, namespace: null}',
      'spec: {template: {spec: {serviceAccountName: web-sa, serviceAccount: old-sa}}}',
      '',
    ].join('\n');
    const documents = parseYamlDocuments(text, 'mixed.yaml');
    assert.deepEqual(servicesFromDocuments(documents, 'shop'), [
      { name: 'web-svc', namespace: 'shop', selector: { app: 'web' } },
    ]);
    assert.deepEqual(
      workloadsFromDocuments(documents, 'mixed.yaml', 'shop').map(
        (w) => `${w.namespace}/${w.name} sa=${w.serviceAccount}`,
      ),
      ['shop/web sa=web-sa'],
      'serviceAccountName wins over the deprecated serviceAccount, as the API server reads them',
    );
  });

  test('intents files are not workloads, but the Deployment beside them is', async () => {
    const lookup = await readWorkloadManifests(['fixtures/intents/repo'], { cwd: ROOT });
    assert.deepEqual(
      lookup.workloads.map((w) => `${w.kind} ${w.namespace}/${w.name} ${w.serviceAccount}`),
      ['Deployment shop/frontend frontend-sa'],
    );
  });

  test('a YAML syntax error is still an InputError with file:line', async () => {
    await assert.rejects(
      readWorkloadManifests(['fixtures/bad/intents/tab-indentation.yaml'], { cwd: ROOT }),
      {
        name: 'InputError',
        message: 'Tabs are not allowed as indentation',
        line: 8,
      },
    );
  });
});
