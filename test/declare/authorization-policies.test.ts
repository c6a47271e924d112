// `policies` as Otterize's intents-operator writes them, checked against real artifacts: the
// operator's own test values for its identity labels, the Istio tutorial's intents and manifests
// from Otterize's docs, and Istio's AuthorizationPolicy CRD (fixtures/crds/) with ajv.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import { parse, parseAllDocuments } from 'yaml';
import {
  type AuthorizationPolicyManifest,
  authorizationPolicies,
  renderAuthorizationPolicies,
} from '../../src/declare/authorization-policies.ts';
import { loadIntents } from '../../src/declare/load-intents.ts';
import {
  formattedIdentity,
  formattedIdentityWithKind,
  nameWithKind,
  OWNER_KIND_LABEL,
  SERVICE_LABEL,
  workloadSelector,
} from '../../src/declare/otterize-identity.ts';
import { readWorkloadManifests } from '../../src/declare/workload-manifests.ts';
import { InputError } from '../../src/errors.ts';
import type { DeclaredRule } from '../../src/model.ts';
import { strictSchema } from './crd-validity.test.ts';
import { assertGolden, ROOT } from './helpers.ts';

const NS = 'otterize-tutorial-istio-mapping';
const TUTORIAL =
  'fixtures/intents/upstream/otterize-docs/static/code-examples/istio-authorization-policies/intents.yaml';
const TUTORIAL_MANIFESTS = 'fixtures/manifests/upstream/istio-authorization-policies-all.yaml';
const REPO_MANIFESTS = 'fixtures/intents/workloads/repo-services.yaml';

const nameOf = (p: AuthorizationPolicyManifest) => {
  const m = p.manifest.metadata as { name: string; namespace: string };
  return `${m.namespace}/${m.name}`;
};

/** Istio's CRD (v1 and v1beta1 share the schema) with the API server's strict field validation. */
async function istioValidator(): Promise<(policy: unknown) => string[]> {
  const crd = parse(
    await readFile(path.join(ROOT, 'fixtures/crds/authorizationpolicies.security.istio.io.yaml'), 'utf8'),
  );
  const v1 = crd.spec.versions.find((v: { name: string }) => v.name === 'v1');
  const root = v1.schema.openAPIV3Schema;
  // The API server takes apiVersion, kind and metadata at the root of every object.
  const implicit = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } };
  const schema = { ...root, properties: { ...implicit, ...root.properties } };
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(
    strictSchema(schema) as object,
  );
  return (policy) => {
    const errors = validate(policy)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    // The CRD's CEL rules (x-kubernetes-validations), which ajv does not run.
    const spec = (policy as { spec: { selector?: { matchLabels?: Record<string, string> } } }).spec;
    for (const [key, value] of Object.entries(spec.selector?.matchLabels ?? {})) {
      if (key === '' || key.includes('*')) errors.push(`label key ${key}: empty or wildcard`);
      if (value.includes('*')) errors.push(`label value ${value}: wildcard`);
    }
    return errors;
  };
}

describe("the operator's identities (src/shared/serviceidresolver/serviceidentity)", () => {
  test("hashed labels equal the values in the operator's own tests", () => {
    // istiopolicy/policy_manager_test.go and intents_reconcilers/istio_policy_test.go at df11253.
    assert.equal(
      formattedIdentityWithKind({ name: 'test-server', namespace: 'test-namespace' }),
      'test-server-test-namespace-8ddecb',
    );
    assert.equal(
      formattedIdentityWithKind({ name: 'test-client', namespace: 'test-namespace', kind: 'OttrLegacy' }),
      'test-client-test-namespace-537e87',
    );
    assert.equal(
      formattedIdentity({ name: 'test-server', namespace: 'far-far-away' }),
      'test-server-far-far-away-aa0d79',
    );
    assert.equal(
      formattedIdentityWithKind({ name: 'test-server', namespace: 'far-far-away', kind: 'Service' }),
      'test-server-far-far-away-servi-558c21',
    );
  });

  test('an empty kind and the legacy marker are no kind: no suffix, no owner-kind label', () => {
    for (const kind of ['', 'OttrLegacy']) {
      const identity = { name: 'test-server', namespace: 'test-namespace', kind };
      assert.equal(nameWithKind(identity), 'test-server', JSON.stringify(kind));
      assert.equal(
        formattedIdentityWithKind(identity),
        'test-server-test-namespace-8ddecb',
        JSON.stringify(kind),
      );
      assert.deepEqual(workloadSelector(identity), { [SERVICE_LABEL]: 'test-server-test-namespace-8ddecb' });
    }
    assert.deepEqual(
      workloadSelector({ name: 'test-server', namespace: 'test-namespace', kind: 'Deployment' }),
      {
        [OWNER_KIND_LABEL]: 'Deployment',
        [SERVICE_LABEL]: 'test-server-test-namespace-8ddecb',
      },
    );
  });

  test('long names are cut so that every label value fits 63 characters', () => {
    const long = { name: 'a'.repeat(63), namespace: 'b'.repeat(63), kind: 'StatefulSet' };
    assert.equal(formattedIdentityWithKind(long).length, 19 + 1 + 19 + 1 + 5 + 1 + 6);
    assert.match(formattedIdentityWithKind(long), /^a{19}-b{19}-state-[0-9a-f]{6}$/);
    assert.equal(nameWithKind({ name: 'my_svc', namespace: 'x', kind: 'Deployment' }), 'my.svc-deployment');
    // Every underscore, as Go's strings.ReplaceAll.
    assert.equal(nameWithKind({ name: 'my_a_svc', namespace: 'x' }), 'my.a.svc');
    // Without a kind, name and namespace keep 20 characters each (MaxOtterizeNameLength), the md5 of the whole.
    const plain = { name: 'a'.repeat(63), namespace: 'b'.repeat(63) };
    assert.equal(formattedIdentity(plain), `${'a'.repeat(20)}-${'b'.repeat(20)}-d6d22b`);
    assert.equal(formattedIdentityWithKind(plain), formattedIdentity(plain));
  });
});

describe('authorizationPolicies', () => {
  test("the docs' Istio tutorial: a Service target selects the Service's spec.selector", async () => {
    const declared = await loadIntents([TUTORIAL], { cwd: ROOT });
    const workloads = await readWorkloadManifests([TUTORIAL_MANIFESTS], { cwd: ROOT });
    const { policies, warnings } = authorizationPolicies(declared.rules, { workloads });
    assert.deepEqual(warnings, []);
    const ns = 'otterize-tutorial-istio';
    assert.deepEqual(
      policies.map((p) => p.manifest),
      [
        {
          apiVersion: 'security.istio.io/v1',
          kind: 'AuthorizationPolicy',
          metadata: {
            name: `authorization-policy-to-nginx-service-service-from-client-deployment.${ns}`,
            namespace: ns,
            labels: {
              'intents.otterize.com/service': formattedIdentityWithKind({
                name: 'nginx-service',
                namespace: ns,
                kind: 'Service',
              }),
              'intents.otterize.com/istio-client-with-kind': formattedIdentityWithKind({
                name: 'client',
                namespace: ns,
                kind: 'Deployment',
              }),
            },
          },
          spec: {
            selector: { matchLabels: { app: 'nginx' } },
            action: 'ALLOW',
            rules: [
              {
                from: [{ source: { principals: [`cluster.local/ns/${ns}/sa/client-service-account`] } }],
                to: [{ operation: { paths: ['/client-path'], methods: ['GET'] } }],
              },
            ],
          },
        },
      ],
    );
  });

  test('a Service whose manifest is not given gets no policy, with a warning naming the target', async () => {
    const declared = await loadIntents([TUTORIAL], { cwd: ROOT });
    const { policies, warnings } = authorizationPolicies(declared.rules);
    assert.deepEqual(policies, []);
    assert.deepEqual(warnings, [
      `${TUTORIAL}:15: no policy for Service otterize-tutorial-istio/nginx-service: its manifest is not among ` +
        '--workloads, so its selector is unknown (the operator writes none while the Service does not exist)',
    ]);
  });

  test("workload targets select the operator's pod labels, with the owner's kind when the target names one", async () => {
    const declared = await loadIntents(['fixtures/intents/examples/v2beta1.yaml'], { cwd: ROOT });
    const workloads = await readWorkloadManifests(['fixtures/intents/workloads/demo-workloads.yaml'], {
      cwd: ROOT,
    });
    const { policies } = authorizationPolicies(declared.rules, { workloads });
    const text = renderAuthorizationPolicies(policies);
    await assertGolden('policies-demo.yaml', text);
    const [first] = parseAllDocuments(text).map((d) => d.toJS());
    assert.equal(
      first.metadata.name,
      `authorization-policy-to-nginx-deployment-from-client-deployment.${NS}`,
    );
    assert.deepEqual(first.spec.selector.matchLabels, {
      'intents.otterize.com/owner-kind': 'Deployment',
      'intents.otterize.com/service': formattedIdentity({ name: 'nginx', namespace: NS }),
    });
    assert.deepEqual(first.spec.rules[0].from, [
      { source: { principals: [`cluster.local/ns/${NS}/sa/client-service-account`] } },
    ]);
  });

  test('a repository of intents: one policy per target, in the server namespace; non-HTTP skipped', async () => {
    const declared = await loadIntents(['fixtures/intents/repo'], { cwd: ROOT });
    const workloads = await readWorkloadManifests(['fixtures/intents/repo', REPO_MANIFESTS], { cwd: ROOT });
    const { policies, warnings } = authorizationPolicies(declared.rules, { workloads });
    assert.deepEqual(warnings, []);
    assert.deepEqual(policies.map(nameOf), [
      'payments/authorization-policy-to-audit-service-from-ledger.payments',
      'payments/authorization-policy-to-ledger-service-from-orders-statefulset.payments',
      'payments/authorization-policy-to-orders-svc-service-from-frontend-deployment.shop',
      'shop/authorization-policy-to-catalog-deployment-from-frontend-deployment.shop',
      'shop/authorization-policy-to-recommendations-from-frontend-deployment.shop',
    ]);
    const selectors = policies.map(
      (p) => (p.manifest.spec as { selector: { matchLabels: object } }).selector.matchLabels,
    );
    assert.deepEqual(selectors.slice(0, 3), [
      { 'app.kubernetes.io/name': 'audit' },
      { app: 'ledger', tier: 'backend' },
      { app: 'orders' },
    ]);
    await assertGolden('policies-repo.yaml', renderAuthorizationPolicies(policies));
  });

  test('without manifests, each Service target is a warning and workload targets still get policies', async () => {
    const declared = await loadIntents(['fixtures/intents/repo'], { cwd: ROOT });
    const { policies, warnings } = authorizationPolicies(declared.rules);
    assert.equal(policies.length, 2);
    assert.deepEqual(
      warnings.map((w) => w.slice(0, w.indexOf(': its'))),
      [
        'fixtures/intents/repo/frontend.yaml:45: no policy for Service payments/orders-svc',
        'fixtures/intents/repo/payments/ledger.yaml:20: no policy for Service payments/audit',
        'fixtures/intents/repo/payments/orders.yml:16: no policy for Service payments/ledger',
      ],
    );
  });

  test("every policy is valid per Istio's AuthorizationPolicy CRD, and the check is not blind", async () => {
    const validate = await istioValidator();
    const workloads = await readWorkloadManifests(
      ['fixtures/intents/workloads/demo-workloads.yaml', TUTORIAL_MANIFESTS, REPO_MANIFESTS],
      { cwd: ROOT },
    );
    let checked = 0;
    for (const paths of [['fixtures/intents/repo'], ['fixtures/intents/examples/v2beta1.yaml'], [TUTORIAL]]) {
      const declared = await loadIntents(paths, { cwd: ROOT });
      for (const { manifest } of authorizationPolicies(declared.rules, { workloads }).policies) {
        assert.deepEqual(validate(manifest), [], JSON.stringify(manifest));
        checked++;
      }
    }
    assert.ok(checked >= 6, `only ${checked} policies`);
    const bad = {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      spec: { action: 'PERMIT', rule: [] },
    };
    assert.equal(validate(bad).length, 2);
  });

  test('a path template istiod refuses is an error at its rule, not a policy istiod would reject', () => {
    const rule = {
      client: { name: 'client', namespace: 'demo' },
      server: { name: 'nginx', namespace: 'demo' },
      targetType: 'kubernetes' as const,
      method: 'GET',
      path: '/users/{id}/{*}',
      file: 'intents.yaml',
      line: 14,
    };
    assert.throws(
      () => authorizationPolicies([rule]),
      (err: unknown) =>
        err instanceof InputError && String(err).startsWith('intents.yaml:14: path "/users/{id}/{*}": '),
    );
    assert.equal(authorizationPolicies([{ ...rule, path: '/users/{*}/a=b' }]).policies.length, 1);
  });

  test('methods: [] is the path without methods (any method), as the operator writes it; never the whole target', async () => {
    const file = 'fixtures/intents/misc/methods-empty.yaml';
    const declared = await loadIntents([file], { cwd: ROOT });
    const { policies } = authorizationPolicies(declared.rules);
    const rules = policies.map((p) => (p.manifest.spec as { rules: { to?: unknown }[] }).rules[0]!);
    assert.deepEqual(
      rules.map((rule) => rule.to),
      [
        [{ operation: { paths: ['/items'] } }, { operation: { paths: ['/admin'], methods: ['GET'] } }],
        [{ operation: { paths: ['/orders'] } }],
      ],
    );
    const validate = await istioValidator();
    for (const { manifest } of policies) assert.deepEqual(validate(manifest), []);
    // Beside a rule naming a method on the same path, in either order, the path stays open to any.
    const [items, admin] = declared.rules as [DeclaredRule, DeclaredRule];
    for (const order of [
      [{ ...admin, path: '/items' }, items],
      [items, { ...admin, path: '/items' }],
    ]) {
      const [policy] = authorizationPolicies(order).policies;
      assert.deepEqual((policy!.manifest.spec as { rules: { to?: unknown }[] }).rules[0]!.to, [
        { operation: { paths: ['/items'] } },
      ]);
    }
  });

  test('a Service without a selector gets no policy, with a warning (the operator refuses it)', async () => {
    // An ALLOW policy with no selector would apply to every pod of the namespace.
    const dir = await mkdtemp(path.join(tmpdir(), 'policies-'));
    try {
      const service = (name: string, spec: string) =>
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n${spec}`;
      await writeFile(
        path.join(dir, 'services.yaml'),
        [
          service('external-api', '  type: ExternalName\n  externalName: api.example.com\n'),
          service('manual', '  selector: {}\n  ports:\n    - port: 80\n'),
        ].join('---\n'),
      );
      const workloads = await readWorkloadManifests([dir], { cwd: dir });
      const declared = await loadIntents([TUTORIAL], { cwd: ROOT });
      const base = declared.rules.find((r) => r.targetType === 'service')!;
      const rules = ['external-api', 'manual'].map((name) => ({
        ...base,
        server: { name, namespace: 'shop' },
      }));
      const { policies, warnings } = authorizationPolicies(rules, { workloads });
      assert.deepEqual(policies, []);
      assert.deepEqual(
        warnings.map((w) => w.slice(w.indexOf('no policy'))),
        [
          'no policy for Service shop/external-api: it has no selector (the operator writes none)',
          'no policy for Service shop/manual: it has no selector (the operator writes none)',
        ],
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("without manifests, the client's service account is assumed to be its name, and the policy says so", async () => {
    const declared = await loadIntents(['fixtures/intents/repo'], { cwd: ROOT });
    const { policies } = authorizationPolicies(declared.rules);
    assert.deepEqual(
      policies.map((p) => [
        (p.manifest.spec as { rules: { from: { source: { principals: string[] } }[] }[] }).rules[0]!.from[0]!
          .source.principals,
        p.notes[1],
      ]),
      [
        [['cluster.local/ns/shop/sa/frontend'], 'service account of shop/frontend unknown: assumed frontend'],
        [['cluster.local/ns/shop/sa/frontend'], 'service account of shop/frontend unknown: assumed frontend'],
      ],
    );
  });

  test('targets of one name in two namespaces are two policies, one in each', async () => {
    const declared = await loadIntents(['fixtures/intents/repo'], { cwd: ROOT });
    const base = declared.rules.find((r) => r.targetType === 'kubernetes' && r.path !== null)!;
    const rules = ['shop', 'stock'].map((namespace) => ({ ...base, server: { name: 'api', namespace } }));
    const { policies } = authorizationPolicies(rules);
    assert.deepEqual(
      policies.map((p) => nameOf(p).split('/')[0]),
      ['shop', 'stock'],
    );
  });

  test('no rules, no policies', () => {
    assert.deepEqual(authorizationPolicies([]), { policies: [], warnings: [] });
    assert.equal(renderAuthorizationPolicies([]), '');
  });
});
