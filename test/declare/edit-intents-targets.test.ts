// Which target the editor writes a missing call into, or prunes a stale rule from: the one the
// check counts for that server (its namespace, its type, its kind), in every API version's
// shape. Each case goes the whole way: intents on disk, the check's drift, the edit written, and
// the intents read and checked again, so a rule written into the wrong target shows as the call
// still missing (and another workload granted), a rule pruned from the wrong one as a rule lost.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { editIntents } from '../../src/declare/edit-intents.ts';
import { planIntentsEdit } from '../../src/declare/intents-edit-plan.ts';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import type { DeclaredIntents, DeclaredRule, MissingCall, ObservedCall } from '../../src/model.ts';
import { call, observedMap } from '../diff/builders.ts';

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const FILE = 'intents/frontend.yaml';

/** frontend's ClientIntents in shop, of `apiVersion`, with `spec` (its lines after `spec:`). */
function intents(spec: string, apiVersion = 'k8s.otterize.com/v2beta1'): string {
  return `apiVersion: ${apiVersion}\nkind: ClientIntents\nmetadata:\n  name: frontend\n  namespace: shop\nspec:\n${spec}`;
}

const v2 = (targets: string) =>
  intents(`  workload:\n    name: frontend\n    kind: Deployment\n  targets:\n${targets}`);

/** frontend (a Deployment in shop) calling `server` (`name.namespace`, a Deployment unless told). */
function calls(
  server: string,
  method: string | null,
  p: string | null,
  spec: Parameters<typeof call>[4] = {},
) {
  return call('frontend.shop', server, method, p, { kind: 'Deployment', serverKind: 'Deployment', ...spec });
}

interface Fixed {
  declared: DeclaredIntents;
  edit: Awaited<ReturnType<typeof planIntentsEdit>>['edit'];
  patch: string;
  /** The file after the edit. */
  text: string;
  /** The drift of the same calls against the edited intents. */
  again: ReturnType<typeof computeDrift>;
  /** The edited intents' rules, as `server.namespace type kind method path`. */
  rules: string[];
}

const describeRule = (r: DeclaredRule) =>
  `${r.server.name}.${r.server.namespace} ${r.targetType} ${r.server.kind ?? '-'} ${r.method} ${r.path}`;

/** Writes `text` as FILE, checks `observed` against it, edits it as `check --fix` does, and checks again. */
async function fixThenCheck(text: string, observed: ObservedCall[], pruneStale = false): Promise<Fixed> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-edit-targets-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'intents'));
  await writeFile(path.join(dir, FILE), text);
  const declared = await loadIntents(['intents'], { cwd: dir });
  const drift = computeDrift(observedMap(observed), declared);
  const { edit, patch } = await planIntentsEdit(dir, declared, drift, pruneStale);
  for (const f of edit.files) await writeFile(path.join(dir, f.file), f.after);
  const edited = await loadIntents(['intents'], { cwd: dir });
  return {
    declared,
    edit,
    patch,
    text: edit.files.find((f) => f.file === FILE)?.after ?? text,
    again: computeDrift(observedMap(observed), edited),
    rules: edited.rules.map(describeRule),
  };
}

/** The lines a patch adds and removes (its hunks' bodies without context). */
const changedLines = (patch: string) => patch.split('\n').filter((l) => /^[+-](?![+-]{2} )/.test(l));

describe('a target names its server in the client’s namespace unless it says another', () => {
  const text = v2(`    - kubernetes:
        name: nginx
        kind: Deployment
        http:
          - path: /a
            methods: [GET]
    - kubernetes:
        name: nginx.other
        kind: Deployment
        http:
          - path: /a
            methods: [GET]
`);

  test("each call goes into its own namespace's target; a new server elsewhere is written name.namespace", async () => {
    const fixed = await fixThenCheck(text, [
      calls('nginx.other', 'POST', '/b'),
      calls('nginx.shop', 'PUT', '/c'),
      calls('api.other', 'GET', '/x'),
    ]);
    assert.deepEqual(fixed.edit.skipped, []);
    assert.deepEqual(fixed.again.missing, [], 'every call is allowed after the edit');
    assert.deepEqual(changedLines(fixed.patch), [
      '+          - path: /c',
      '+            methods: [PUT]',
      '+          - path: /b',
      '+            methods: [POST]',
      '+    - kubernetes:',
      '+        name: api.other',
      '+        kind: Deployment',
      '+        http:',
      '+          - path: /x',
      '+            methods: [GET]',
    ]);
    // shop's nginx is granted PUT /c only, other's POST /b only.
    assert.deepEqual(fixed.rules, [
      'nginx.shop kubernetes Deployment GET /a',
      'nginx.shop kubernetes Deployment PUT /c',
      'nginx.other kubernetes Deployment GET /a',
      'nginx.other kubernetes Deployment POST /b',
      'api.other kubernetes Deployment GET /x',
    ]);
    assert.deepEqual(
      fixed.edit.changes.map((c) => `${c.action} ${c.server} ${c.method} ${c.path}`),
      ['add api.other GET /x', 'add nginx.other POST /b', 'add nginx PUT /c'],
    );
  });

  test("a stale rule goes from its own namespace's target, and the summary names the target as written", async () => {
    const fixed = await fixThenCheck(text, [calls('nginx.shop', 'GET', '/a')], true);
    assert.deepEqual(fixed.rules, ['nginx.shop kubernetes Deployment GET /a']);
    assert.deepEqual(
      fixed.edit.changes.map((c) => `${c.action} ${c.server} ${c.method} ${c.path}`),
      ['remove nginx.other GET /a'],
    );
  });

  test("a target named like another namespace's policy is no shared policy: the new target is written", async () => {
    // api-deployment in shop and api (a Deployment) in other: two policies in two namespaces.
    const fixed = await fixThenCheck(
      v2(
        '    - kubernetes:\n        name: api-deployment\n        http:\n          - path: /a\n            methods: [GET]\n',
      ),
      [calls('api-deployment.shop', 'GET', '/a'), calls('api.other', 'GET', '/x')],
    );
    assert.deepEqual(fixed.edit.skipped, []);
    assert.deepEqual(fixed.again.missing, []);
    assert.match(fixed.text, /- kubernetes:\n {8}name: api\.other\n {8}kind: Deployment\n/);
  });
});

describe('a service target and a kubernetes target of one name are two targets', () => {
  const text = v2(`    - service:
        name: nginx
        http:
          - path: /s
            methods: [GET]
    - kubernetes:
        name: nginx
        kind: Deployment
        http:
          - path: /k
            methods: [GET]
`);

  test("a call to the workload goes into the kubernetes target, not the Service's listed before it", async () => {
    const fixed = await fixThenCheck(text, [calls('nginx.shop', 'POST', '/k')]);
    assert.deepEqual(fixed.again.missing, []);
    assert.deepEqual(changedLines(fixed.patch), [
      '-            methods: [GET]',
      '+            methods: [GET, POST]',
    ]);
    assert.ok(fixed.text.includes('          - path: /k\n            methods: [GET, POST]\n'), fixed.text);
  });

  test('a stale rule of the service target is pruned from it, not looked for in the kubernetes one', async () => {
    // Both called through the Service: /s is no longer called, /k is.
    const fixed = await fixThenCheck(
      text,
      [calls('nginx.shop', 'GET', '/k', { service: 'nginx.shop' })],
      true,
    );
    assert.deepEqual(
      fixed.edit.changes.map((c) => `${c.action} ${c.server} ${c.method} ${c.path}`),
      ['remove nginx GET /s'],
    );
    assert.deepEqual(fixed.rules, ['nginx.shop kubernetes Deployment GET /k']);
  });

  test('a call through a Service the file declares as a service target goes into that target', async () => {
    const fixed = await fixThenCheck(
      v2(
        '    - service:\n        name: nginx\n        http:\n          - path: /s\n            methods: [GET]\n',
      ),
      [calls('nginx.shop', 'POST', '/s', { service: 'nginx.shop' })],
    );
    assert.deepEqual(fixed.again.missing, []);
    assert.deepEqual(changedLines(fixed.patch), [
      '-            methods: [GET]',
      '+            methods: [GET, POST]',
    ]);
  });

  test('`kubernetes: {kind: Service}` is a service target: a call to a workload of unknown kind is not added to it', async () => {
    const fixed = await fixThenCheck(
      v2(
        '    - kubernetes:\n        name: nginx\n        kind: Service\n        http:\n          - path: /s\n            methods: [GET]\n',
      ),
      [calls('nginx.shop', 'POST', '/s', { serverKind: undefined })],
    );
    assert.deepEqual(fixed.again.missing, []);
    assert.deepEqual(changedLines(fixed.patch), [
      '+    - kubernetes:',
      '+        name: nginx',
      '+        http:',
      '+          - path: /s',
      '+            methods: [POST]',
    ]);
  });
});

describe('what a target allows is never narrowed, and each path is written once', () => {
  test('a target with `http: []` allows every call: nothing is added to it', () => {
    const text = v2('    - kubernetes:\n        name: nginx\n        http: []\n');
    const result = editIntents(new Map([[FILE, text]]), declaredOne(), {
      missing: [missing('nginx', 'POST', '/x')],
      stale: [],
    });
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.changes, []);
  });

  test('two methods on one new path are one rule', async () => {
    const fixed = await fixThenCheck(
      v2(
        '    - kubernetes:\n        name: nginx\n        kind: Deployment\n        http:\n          - path: /a\n            methods: [GET]\n',
      ),
      [calls('nginx.shop', 'GET', '/a'), calls('nginx.shop', 'GET', '/n'), calls('nginx.shop', 'POST', '/n')],
    );
    assert.deepEqual(fixed.again.missing, []);
    assert.deepEqual(changedLines(fixed.patch), [
      '+          - path: /n',
      '+            methods: [GET, POST]',
    ]);
  });

  test('an HTTP call without method or path is not written into a target with HTTP rules', () => {
    const text = v2(
      '    - kubernetes:\n        name: nginx\n        http:\n          - path: /a\n            methods: [GET]\n',
    );
    const result = editIntents(new Map([[FILE, text]]), declaredOne(), {
      missing: [missing('nginx', null, null)],
      stale: [],
    });
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.skipped, [
      'frontend → nginx: calls without HTTP detail; the target has HTTP rules',
    ]);
  });
});

describe('pruning takes the stale rule and nothing the client still uses', () => {
  test('a stale method goes from its own path, not from the first path naming that method', async () => {
    const fixed = await fixThenCheck(
      v2(`    - kubernetes:
        name: nginx
        kind: Deployment
        http:
          - path: /a
            methods: [GET]
          - path: /old
            methods: [GET]
`),
      [calls('nginx.shop', 'GET', '/a')],
      true,
    );
    assert.deepEqual(fixed.rules, ['nginx.shop kubernetes Deployment GET /a']);
    assert.deepEqual(changedLines(fixed.patch), ['-          - path: /old', '-            methods: [GET]']);
  });

  test('a stale target without HTTP rules goes whole', async () => {
    const fixed = await fixThenCheck(
      v2(`    - kubernetes:
        name: nginx
        kind: Deployment
        http:
          - path: /a
            methods: [GET]
    - kubernetes:
        name: idle
`),
      [calls('nginx.shop', 'GET', '/a')],
      true,
    );
    assert.deepEqual(fixed.rules, ['nginx.shop kubernetes Deployment GET /a']);
    assert.deepEqual(changedLines(fixed.patch), ['-    - kubernetes:', '-        name: idle']);
  });
});

describe('v1 shapes: spec.calls, `svc:` names, and v1alpha2’s own fields', () => {
  const v1 = (apiVersion: string, callsText: string) =>
    intents(`  service:\n    name: frontend\n  calls:\n${callsText}`, `k8s.otterize.com/${apiVersion}`);

  test('a call through the Service nginx goes into `svc:nginx`', async () => {
    const text = v1(
      'v1alpha3',
      '  - name: svc:nginx\n    type: http\n    HTTPResources:\n    - path: /s\n      methods: [GET]\n',
    );
    const fixed = await fixThenCheck(text, [calls('nginx.shop', 'POST', '/s', { service: 'nginx.shop' })]);
    assert.deepEqual(fixed.again.missing, []);
    assert.deepEqual(changedLines(fixed.patch), ['-      methods: [GET]', '+      methods: [GET, POST]']);
  });

  test('v1alpha2: rules under `resources`, a new call without `kind` (v1alpha2 has none) and with `type: http`', async () => {
    const text = v1(
      'v1alpha2',
      '  - name: nginx\n    type: http\n    resources:\n    - path: /a\n      methods: [GET]\n',
    );
    const fixed = await fixThenCheck(text, [
      calls('nginx.shop', 'POST', '/a'),
      calls('api.shop', 'GET', '/x'),
    ]);
    assert.deepEqual(fixed.edit.skipped, []);
    assert.deepEqual(fixed.again.missing, [], 'read again, the edited file allows both calls');
    assert.equal(
      fixed.text,
      `${text.replace('[GET]', '[GET, POST]')}  - name: api\n    type: http\n    resources:\n    - path: /x\n      methods: [GET]\n`,
    );
  });

  test('v1alpha3: a new call is `type: http`, or its HTTPResources would be ignored and it would allow every path', async () => {
    const text = v1(
      'v1alpha3',
      '  - name: nginx\n    type: http\n    HTTPResources:\n    - path: /a\n      methods: [GET]\n',
    );
    const fixed = await fixThenCheck(text, [
      calls('nginx.shop', 'GET', '/a'),
      calls('api.shop', 'GET', '/x'),
    ]);
    assert.deepEqual(fixed.again.missing, []);
    assert.deepEqual(fixed.rules, [
      'nginx.shop kubernetes - GET /a',
      'api.shop kubernetes Deployment GET /x',
    ]);
    assert.deepEqual(fixed.declared.warnings, []);
  });

  test('v2alpha1 is a v2 shape: the call goes under spec.targets', async () => {
    const text = v2(
      '    - kubernetes:\n        name: nginx\n        http:\n          - path: /a\n            methods: [GET]\n',
    ).replace('v2beta1', 'v2alpha1');
    const fixed = await fixThenCheck(text, [calls('nginx.shop', 'POST', '/a')]);
    assert.deepEqual(fixed.edit.skipped, []);
    assert.deepEqual(fixed.again.missing, []);
    assert.deepEqual(changedLines(fixed.patch), [
      '-            methods: [GET]',
      '+            methods: [GET, POST]',
    ]);
  });
});

describe('a v1 call of another type (kafka, database) names no HTTP target', () => {
  const text = intents(
    `  service:
    name: frontend
  calls:
  - name: nginx
    type: kafka
    kafkaTopics:
    - name: orders
      operations: [produce]
`,
    'k8s.otterize.com/v1alpha3',
  );

  test('a missing HTTP call to a server of that name gets an HTTP call of its own', async () => {
    const fixed = await fixThenCheck(text, [calls('nginx.shop', 'GET', '/a')]);
    assert.deepEqual(fixed.edit.skipped, []);
    assert.deepEqual(fixed.again.missing, []);
    assert.deepEqual(changedLines(fixed.patch), [
      '+  - name: nginx',
      '+    kind: Deployment',
      '+    type: http',
      '+    HTTPResources:',
      '+    - path: /a',
      '+      methods:',
      '+      - GET',
    ]);
  });

  test('--prune-stale removes the stale HTTP target, never the kafka call of the same name', async () => {
    // frontend calls api (declared), no longer nginx over HTTP.
    const declaredApi = `${text}  - name: api\n  - name: nginx\n`;
    const fixed = await fixThenCheck(declaredApi, [calls('api.shop', 'GET', '/x')], true);
    assert.deepEqual(
      fixed.edit.changes.map((c) => `${c.action} ${c.server} ${c.method} ${c.path}`),
      ['remove nginx null null'],
    );
    assert.deepEqual(fixed.rules, ['nginx.shop kafka - null null', 'api.shop kubernetes - null null']);
    assert.equal(fixed.text, `${text}  - name: api\n`);
  });
});

describe('a Deployment and a StatefulSet of one name are two clients, each with its own ClientIntents', () => {
  /** web's ClientIntents for the workload of `kind`, calling `server` on GET /a. */
  const webDoc = (name: string, kind: string, server: string) => `apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: ${name}
  namespace: shop
spec:
  workload:
    name: web
    kind: ${kind}
  targets:
    - kubernetes:
        name: ${server}
        http:
          - path: /a
            methods: [GET]
`;
  const deployment = webDoc('web', 'Deployment', 'db');
  const web = (kind: string, server: string, method: string, p: string) =>
    call('web.shop', `${server}.shop`, method, p, { kind });

  test("the StatefulSet's missing call goes into its own document, not the Deployment's before it", async () => {
    const statefulSet = webDoc('web-sts', 'StatefulSet', 'api');
    const fixed = await fixThenCheck(`${deployment}---\n${statefulSet}`, [
      web('StatefulSet', 'api', 'GET', '/a'),
      web('StatefulSet', 'api', 'POST', '/x'),
      web('Deployment', 'db', 'GET', '/a'),
    ]);
    assert.deepEqual(fixed.again.missing, [], 'the StatefulSet is allowed its call after the edit');
    assert.equal(
      fixed.text,
      `${deployment}---\n${statefulSet}          - path: /x\n            methods: [POST]\n`,
      'the Deployment is granted nothing',
    );
  });

  test("a stale rule of the StatefulSet is pruned from its document; the Deployment's same rule stays", async () => {
    const both = webDoc('web-sts', 'StatefulSet', 'db');
    const fixed = await fixThenCheck(
      `${deployment}---\n${both}`,
      [web('Deployment', 'db', 'GET', '/a'), web('StatefulSet', 'api', 'GET', '/b')],
      true,
    );
    assert.deepEqual(
      fixed.rules.filter((r) => r.includes('GET /a')),
      ['db.shop kubernetes - GET /a'],
      "the Deployment's rule stays",
    );
    assert.ok(fixed.text.startsWith(deployment), fixed.text);
  });

  test('a StatefulSet without ClientIntents, beside the Deployment’s: nothing written into the Deployment’s', async () => {
    const fixed = await fixThenCheck(deployment, [web('StatefulSet', 'api', 'GET', '/x')]);
    assert.equal(fixed.text, deployment);
    assert.deepEqual(fixed.edit.files, []);
    assert.deepEqual(fixed.edit.skipped, [
      'web: its ClientIntents (intents/frontend.yaml:1) are not where the editor can change them; edit them by hand',
    ]);
  });
});

function declaredOne(): DeclaredIntents {
  return {
    rules: [],
    documents: [
      {
        client: { name: 'frontend', namespace: 'shop', kind: 'Deployment' },
        apiVersion: 'k8s.otterize.com/v2beta1',
        file: FILE,
        line: 1,
      },
    ],
    warnings: [],
  };
}

function missing(server: string, method: string | null, p: string | null): MissingCall {
  return {
    client: { name: 'frontend', namespace: 'shop', kind: 'Deployment' },
    server: { name: server, namespace: 'shop', kind: 'Deployment' },
    method,
    path: p,
    count: 1,
    protocol: 'http',
    wouldBeBlocked: true,
  };
}
