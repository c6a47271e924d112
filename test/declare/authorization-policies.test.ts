import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import {
  authorizationPolicies,
  renderAuthorizationPolicies,
} from '../../src/declare/authorization-policies.ts';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { readWorkloadManifests } from '../../src/declare/workload-manifests.ts';
import { assertGolden, ROOT } from './helpers.ts';

const NS = 'otterize-tutorial-istio-mapping';

describe('authorizationPolicies', () => {
  test('the demo with its workload manifests: labels and service accounts known', async () => {
    const declared = await loadIntents(['fixtures/intents/examples/v2beta1.yaml'], { cwd: ROOT });
    const workloads = await readWorkloadManifests(['fixtures/intents/workloads/demo-workloads.yaml'], {
      cwd: ROOT,
    });
    const text = renderAuthorizationPolicies(authorizationPolicies(declared.rules, { workloads }));
    await assertGolden('policies-demo.yaml', text);
    const [first] = parseAllDocuments(text).map((d) => d.toJS());
    assert.deepEqual(first, {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: `authorization-policy-to-nginx-from-client.${NS}`, namespace: NS },
      spec: {
        selector: { matchLabels: { app: 'nginx' } },
        action: 'ALLOW',
        rules: [
          {
            from: [{ source: { principals: [`cluster.local/ns/${NS}/sa/client-service-account`] } }],
            to: [{ operation: { paths: ['/client-path'], methods: ['GET'] } }],
          },
        ],
      },
    });
  });

  test('a repository of intents: one policy per (client, server) in the server namespace; non-HTTP skipped', async () => {
    const declared = await loadIntents(['fixtures/intents/repo'], { cwd: ROOT });
    const policies = authorizationPolicies(declared.rules);
    assert.deepEqual(
      policies.map(({ manifest }) => {
        const m = manifest.metadata as { name: string; namespace: string };
        return `${m.namespace}/${m.name}`;
      }),
      [
        'payments/authorization-policy-to-audit-from-ledger.payments',
        'payments/authorization-policy-to-ledger-from-orders.payments',
        'payments/authorization-policy-to-orders-svc-from-frontend.shop',
        'shop/authorization-policy-to-catalog-from-frontend.shop',
        'shop/authorization-policy-to-recommendations-from-frontend.shop',
      ],
    );
    await assertGolden('policies-repo.yaml', renderAuthorizationPolicies(policies));
  });

  test('callbacks win over the lookup; a target without HTTP rules allows any operation', async () => {
    const declared = await loadIntents(['fixtures/intents/repo/frontend.yaml'], { cwd: ROOT });
    const policies = authorizationPolicies(declared.rules, {
      selectorOf: (server) => ({ 'app.kubernetes.io/name': server.name }),
      serviceAccountOf: (client) => `${client.name}-sa`,
    });
    const recommendations = policies.find((p) => JSON.stringify(p.manifest).includes('recommendations'))!;
    assert.deepEqual(recommendations.manifest.spec, {
      selector: { matchLabels: { 'app.kubernetes.io/name': 'recommendations' } },
      action: 'ALLOW',
      rules: [{ from: [{ source: { principals: ['cluster.local/ns/shop/sa/frontend-sa'] } }] }],
    });
    assert.deepEqual(recommendations.notes, ['from fixtures/intents/repo/frontend.yaml:46']);
  });

  test('no rules, no policies', () => {
    assert.deepEqual(authorizationPolicies([]), []);
    assert.equal(renderAuthorizationPolicies([]), '');
  });
});
