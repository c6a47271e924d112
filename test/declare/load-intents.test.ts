import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { InputError } from '../../src/errors.ts';
import { ROOT, ruleText } from './helpers.ts';

const load = (paths: string[], opts: { defaultNamespace?: string } = {}) =>
  loadIntents(paths, { cwd: ROOT, ...opts });
const rulesOf = async (paths: string[], opts: { defaultNamespace?: string } = {}) =>
  (await load(paths, opts)).rules.map(ruleText);

const EX = 'fixtures/intents/examples';
const NS = 'otterize-tutorial-istio-mapping';

describe('loadIntents: every API version', () => {
  test('v1alpha2: resources under calls, no kinds, cross-namespace name', async () => {
    assert.deepEqual(await rulesOf([`${EX}/v1alpha2.yaml`]), [
      `${EX}/v1alpha2.yaml:17 ${NS}/client -> kubernetes ${NS}/nginx GET /client-path`,
      `${EX}/v1alpha2.yaml:18 ${NS}/client -> kubernetes other-namespace/other-server * *`,
    ]);
  });

  test('v1alpha3: HTTPResources, svc: prefix, one rule per method', async () => {
    assert.deepEqual(await rulesOf([`${EX}/v1alpha3.yaml`]), [
      `${EX}/v1alpha3.yaml:20 ${NS}/client(Deployment) -> kubernetes ${NS}/nginx(Deployment) GET /client-path`,
      `${EX}/v1alpha3.yaml:25 ${NS}/client(Deployment) -> service ${NS}/nginx-service GET /api/*`,
      `${EX}/v1alpha3.yaml:25 ${NS}/client(Deployment) -> service ${NS}/nginx-service POST /api/*`,
      `${EX}/v1alpha3.yaml:26 ${NS}/client(Deployment) -> kubernetes other-namespace/server * *`,
    ]);
  });

  test('v1beta1', async () => {
    assert.deepEqual(await rulesOf([`${EX}/v1beta1.yaml`]), [
      `${EX}/v1beta1.yaml:17 ${NS}/client2(Deployment) -> kubernetes ${NS}/nginx(Deployment) POST /client2-path`,
    ]);
  });

  test('v2alpha1', async () => {
    assert.deepEqual(await rulesOf([`${EX}/v2alpha1.yaml`]), [
      `${EX}/v2alpha1.yaml:17 ${NS}/client(Deployment) -> kubernetes ${NS}/nginx(Deployment) GET /client-path`,
    ]);
  });

  test('v2beta1: two documents, the line of each method entry', async () => {
    const declared = await load([`${EX}/v2beta1.yaml`]);
    assert.deepEqual(declared.rules.map(ruleText), [
      `${EX}/v2beta1.yaml:21 ${NS}/client(Deployment) -> kubernetes ${NS}/nginx(Deployment) GET /client-path`,
      `${EX}/v2beta1.yaml:39 ${NS}/client2(Deployment) -> kubernetes ${NS}/nginx(Deployment) POST /client2-path`,
    ]);
    assert.deepEqual(declared.documents, [
      {
        client: { name: 'client', namespace: NS, kind: 'Deployment' },
        apiVersion: 'k8s.otterize.com/v2beta1',
        file: `${EX}/v2beta1.yaml`,
        line: 5,
        targetsLine: 14,
      },
      {
        client: { name: 'client2', namespace: NS, kind: 'Deployment' },
        apiVersion: 'k8s.otterize.com/v2beta1',
        file: `${EX}/v2beta1.yaml`,
        line: 23,
        targetsLine: 32,
      },
    ]);
    assert.deepEqual(declared.warnings, []);
  });

  test('v2beta1: service target, cross-namespace kubernetes target, kafka target', async () => {
    const ns = 'otterize-tutorial-istio';
    const file = `${EX}/v2beta1-service-target.yaml`;
    assert.deepEqual(await rulesOf([file]), [
      `${file}:17 ${ns}/client(Deployment) -> service ${ns}/nginx-service GET /client-path`,
      `${file}:18 ${ns}/client(Deployment) -> kubernetes payments/backend(StatefulSet) * *`,
      `${file}:21 ${ns}/client(Deployment) -> kafka kafka/kafka * *`,
    ]);
  });
});

describe('loadIntents: files, directories, globs', () => {
  const repoRules = [
    'fixtures/intents/repo/frontend.yaml:36 shop/frontend(Deployment) -> kubernetes shop/catalog(Deployment) GET /products',
    'fixtures/intents/repo/frontend.yaml:39 shop/frontend(Deployment) -> kubernetes shop/catalog(Deployment) GET /products/{*}',
    'fixtures/intents/repo/frontend.yaml:40 shop/frontend(Deployment) -> kubernetes shop/catalog(Deployment) PUT /products/{*}',
    'fixtures/intents/repo/frontend.yaml:45 shop/frontend(Deployment) -> service payments/orders-svc POST /orders',
    'fixtures/intents/repo/frontend.yaml:46 shop/frontend(Deployment) -> kubernetes shop/recommendations * *',
    'fixtures/intents/repo/frontend.yaml:48 shop/frontend(Deployment) -> internet shop/api.example.com * *',
    'fixtures/intents/repo/payments/ledger.yaml:10 payments/ledger -> sql payments/ledger-db * *',
    'fixtures/intents/repo/payments/ledger.yaml:20 payments/ledger -> service payments/audit POST /audit',
    'fixtures/intents/repo/payments/orders.yml:16 payments/orders(StatefulSet) -> service payments/ledger POST /entries',
    'fixtures/intents/repo/payments/orders.yml:16 payments/orders(StatefulSet) -> service payments/ledger GET /entries',
    'fixtures/intents/repo/payments/orders.yml:17 payments/orders(StatefulSet) -> database payments/postgres * *',
    'fixtures/intents/repo/payments/orders.yml:19 payments/orders(StatefulSet) -> kafka kafka/events * *',
  ];

  test('a directory is read recursively, *.yaml and *.yml, sorted, other kinds and files skipped', async () => {
    assert.deepEqual(await rulesOf(['fixtures/intents/repo']), repoRules);
  });

  test('a glob, a trailing slash and an absolute path give the same rules and names', async () => {
    assert.deepEqual(await rulesOf(['fixtures/intents/repo/**/*.y*ml']), repoRules);
    assert.deepEqual(await rulesOf(['fixtures/intents/repo/']), repoRules);
    assert.deepEqual(await rulesOf([path.join(ROOT, 'fixtures/intents/repo')]), repoRules);
  });

  test('braces and brackets are glob patterns too, and a folder a glob matches is read whole', async () => {
    const payments = repoRules.filter((r) => r.startsWith('fixtures/intents/repo/payments/'));
    assert.deepEqual(await rulesOf(['fixtures/intents/repo/payments/{ledger.yaml,orders.yml}']), payments);
    assert.deepEqual(
      await rulesOf(['fixtures/intents/repo/payments/[o]rders.yml']),
      payments.filter((r) => r.includes('/orders.yml:')),
    );
    // `pay*` names the folder, not a file: its files are read as the folder's own would be.
    assert.deepEqual(await rulesOf(['fixtures/intents/repo/pay*']), payments);
  });

  test('a link in a folder to a manifest is read, as kubectl apply -f reads it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-link-'));
    try {
      await mkdir(path.join(dir, 'kept'));
      await mkdir(path.join(dir, 'intents'));
      await writeFile(
        path.join(dir, 'kept', 'client.txt'),
        'apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata: {name: client, namespace: demo}\n' +
          'spec:\n  workload: {name: client}\n  targets:\n    - kubernetes: {name: nginx}\n',
      );
      await symlink(path.join('..', 'kept', 'client.txt'), path.join(dir, 'intents', 'client.yaml'));
      const declared = await loadIntents(['intents'], { cwd: dir });
      assert.deepEqual(declared.rules.map(ruleText), [
        'intents/client.yaml:7 demo/client -> kubernetes demo/nginx * *',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('overlapping paths read each file once', async () => {
    const rules = await rulesOf([
      'fixtures/intents/repo/payments/ledger.yaml',
      'fixtures/intents/repo/payments/*.yaml',
    ]);
    assert.equal(rules.length, 2);
  });

  test('cwd decides the names in rules', async () => {
    const declared = await loadIntents(['payments/ledger.yaml'], {
      cwd: path.join(ROOT, 'fixtures/intents/repo'),
    });
    assert.deepEqual(
      declared.rules.map((r) => `${r.file}:${r.line}`),
      ['payments/ledger.yaml:10', 'payments/ledger.yaml:20'],
    );
  });

  test('nothing matched is an InputError naming the path', async () => {
    await assert.rejects(load(['fixtures/intents/nope.yaml']), {
      name: 'InputError',
      message: 'fixtures/intents/nope.yaml: no such file or directory',
    });
    await assert.rejects(load(['fixtures/intents/repo/*.json']), {
      message: 'no files match "fixtures/intents/repo/*.json"',
    });
    await assert.rejects(load(['src/diff']), {
      message: 'src/diff: no *.yaml, *.yml or *.json files in this directory',
    });
    await assert.rejects(load([]), InputError);
  });
});

describe('loadIntents: namespaces, lists, skipped documents', () => {
  test('a ClientIntents without namespace takes the default namespace, else fails with file:line', async () => {
    assert.deepEqual(
      await rulesOf(['fixtures/intents/misc/no-namespace.yaml'], { defaultNamespace: 'jobs' }),
      ['fixtures/intents/misc/no-namespace.yaml:9 jobs/worker -> kubernetes jobs/queue * *'],
    );
    await assert.rejects(load(['fixtures/intents/misc/no-namespace.yaml']), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(
        String(err),
        'fixtures/intents/misc/no-namespace.yaml:3: metadata.namespace: not set, and no default namespace was given: ' +
          'pass --default-namespace NS (action input default-namespace), or -n NS with a single namespace, ' +
          'as kubectl apply -n NS would',
      );
      return true;
    });
  });

  test('a ClientIntents that names its namespace keeps it, whatever the default namespace', async () => {
    assert.deepEqual(await rulesOf([`${EX}/v1alpha2.yaml`], { defaultNamespace: 'jobs' }), [
      `${EX}/v1alpha2.yaml:17 ${NS}/client -> kubernetes ${NS}/nginx GET /client-path`,
      `${EX}/v1alpha2.yaml:18 ${NS}/client -> kubernetes other-namespace/other-server * *`,
    ]);
  });

  test('ClientIntents inside a kind: List are read; other items skipped', async () => {
    assert.deepEqual(await rulesOf(['fixtures/intents/misc/list.yaml']), [
      'fixtures/intents/misc/list.yaml:19 demo/client(Deployment) -> kubernetes demo/nginx GET /a',
      'fixtures/intents/misc/list.yaml:33 demo/client2 -> service demo/nginx-service DELETE /b',
    ]);
  });

  test('documents of other kinds and groups beside a ClientIntents are skipped; values that are not objects, with a warning', async () => {
    const file = 'fixtures/intents/misc/other-kinds.yaml';
    const declared = await load([file]);
    assert.deepEqual(declared.rules.map(ruleText), [`${file}:36 demo/client -> kubernetes demo/nginx * *`]);
    // `- just` / `- a list`: one warning for the document, at its first item.
    assert.deepEqual(declared.warnings, [
      `${file}:24: a string where a Kubernetes object belongs (kubectl refuses it), and 1 more in this document; skipped`,
    ]);
  });

  test('targets written with a YAML merge key are read as kubectl sends them; the document is left to the editor', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-merge-'));
    try {
      const text = [
        'apiVersion: k8s.otterize.com/v2beta1',
        'kind: ClientIntents',
        'metadata: { name: checkout, namespace: shop }',
        'spec:',
        '  workload: { name: checkout }',
        '  targets:',
        '    - kubernetes: &api',
        '        name: orders',
        '        kind: Deployment',
        '        http:',
        '          - path: /orders',
        '            methods: [GET]',
        '    - kubernetes:',
        '        <<: *api',
        '        name: payments',
        '',
      ].join('\n');
      await writeFile(path.join(dir, 'merge.yaml'), text);
      const declared = await loadIntents(['merge.yaml'], { cwd: dir });
      assert.deepEqual(declared.rules.map(ruleText), [
        'merge.yaml:12 shop/checkout -> kubernetes shop/orders(Deployment) GET /orders',
        'merge.yaml:12 shop/checkout -> kubernetes shop/payments(Deployment) GET /orders',
      ]);
      assert.equal(declared.documents[0]!.shared, true);
      // An unknown field merged in is refused where it is written.
      await writeFile(
        path.join(dir, 'merge.yaml'),
        text.replace('        kind: Deployment', '        kind: Deployment\n        port: 80'),
      );
      await assert.rejects(loadIntents(['merge.yaml'], { cwd: dir }), (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.equal(err.line, 10);
        assert.match(err.message, /spec\.targets\[0\]\.kubernetes\.port: unknown field/);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a stray scalar document, a List whose items are not a list, a number item: each said with its line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-strays-'));
    try {
      const intents = [
        'apiVersion: k8s.otterize.com/v2beta1',
        'kind: ClientIntents',
        'metadata: { name: client, namespace: demo }',
        'spec:',
        '  workload: { name: client }',
        '  targets:',
        '    - kubernetes: { name: nginx }',
      ].join('\n');
      const text = `${intents}\n---\njust a stray line\n---\nkind: List\napiVersion: v1\nitems: 5\n---\nkind: List\napiVersion: v1\nitems:\n  - 3\n  - null\n---\n# only a comment\n`;
      await writeFile(path.join(dir, 'strays.yaml'), text);
      const declared = await loadIntents(['strays.yaml'], { cwd: dir });
      assert.equal(declared.rules.length, 1);
      assert.deepEqual(declared.warnings, [
        'strays.yaml:9: a string where a Kubernetes object belongs (kubectl refuses it); skipped',
        "strays.yaml:13: a list's items must be a list (kubectl refuses it); skipped",
        'strays.yaml:18: a number where a Kubernetes object belongs (kubectl refuses it); skipped',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('cloud and internet targets: one not-HTTP rule each, named by their resource', async () => {
    const file = 'fixtures/intents/misc/cloud-targets.yaml';
    assert.deepEqual(await rulesOf([file]), [
      `${file}:11 media/uploader(Deployment) -> aws media/arn:aws:s3:::media-bucket * *`,
      `${file}:14 media/uploader(Deployment) -> gcp media/projects/_/buckets/media * *`,
      `${file}:17 media/uploader(Deployment) -> azure media//subscriptions/123/resourceGroups/media * *`,
      `${file}:20 media/uploader(Deployment) -> internet media/cdn.example.com, *.static.example.com, 203.0.113.7 * *`,
      `${file}:33 media/mailer -> internet media/internet * *`,
      `${file}:36 media/mailer -> aws media/arn:aws:ses:eu-west-1:123:identity/example.com * *`,
    ]);
  });

  test('methods: [] is one rule for any method on its path, at the line of the list, in v2 and v1', async () => {
    const file = 'fixtures/intents/misc/methods-empty.yaml';
    const declared = await load([file]);
    assert.deepEqual(declared.rules.map(ruleText), [
      `${file}:16 demo/client -> kubernetes demo/nginx * /items`,
      `${file}:18 demo/client -> kubernetes demo/nginx GET /admin`,
      `${file}:34 demo/client2 -> kubernetes demo/nginx * /orders`,
    ]);
    assert.deepEqual(
      declared.rules.map((rule) => [rule.method, rule.path]),
      [
        [null, '/items'],
        ['GET', '/admin'],
        [null, '/orders'],
      ],
    );
    assert.deepEqual(declared.warnings, []);
  });

  test('a method written twice for a path, in one list or in two http rules, is one rule, at its first line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-twice-'));
    try {
      const text = [
        'apiVersion: k8s.otterize.com/v2beta1',
        'kind: ClientIntents',
        'metadata: { name: client, namespace: demo }',
        'spec:',
        '  workload: { name: client }',
        '  targets:',
        '    - kubernetes:',
        '        name: nginx',
        '        http:',
        '          - path: /items',
        '            methods: [GET, GET, POST]',
        '          - path: /items',
        '            methods: [POST, PUT]',
        '',
      ].join('\n');
      await writeFile(path.join(dir, 'twice.yaml'), text);
      const declared = await loadIntents(['twice.yaml'], { cwd: dir });
      assert.deepEqual(declared.rules.map(ruleText), [
        'twice.yaml:11 demo/client -> kubernetes demo/nginx GET /items',
        'twice.yaml:11 demo/client -> kubernetes demo/nginx POST /items',
        'twice.yaml:13 demo/client -> kubernetes demo/nginx PUT /items',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('v1 HTTPResources without type: http allow everything, with a warning', async () => {
    const declared = await load(['fixtures/intents/misc/http-without-type.yaml']);
    assert.deepEqual(declared.rules.map(ruleText), [
      'fixtures/intents/misc/http-without-type.yaml:10 demo/client -> kubernetes demo/nginx * *',
      'fixtures/intents/misc/http-without-type.yaml:14 demo/client -> kubernetes demo/orders * *',
    ]);
    // An empty list ignored changes nothing: no warning for spec.calls[1].
    assert.deepEqual(declared.warnings, [
      'fixtures/intents/misc/http-without-type.yaml:12: spec.calls[0].HTTPResources ignored without type: http (the target allows every path)',
    ]);
    // A v1 document's targets are at its `calls:` key, as a v2 one's at `targets:`.
    assert.deepEqual(
      declared.documents.map((d) => [d.line, d.targetsLine]),
      [[1, 9]],
    );
  });
});

describe('loadIntents: the same name twice is an update, as kubectl apply makes it', () => {
  const doc = (workload: string, server: string) =>
    `apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: client\n  namespace: demo\n` +
    `spec:\n  workload:\n    name: ${workload}\n  targets:\n    - kubernetes:\n        name: ${server}\n`;

  test('within a file: the later document replaces the earlier, with a warning', async () => {
    const file = 'fixtures/intents/misc/same-name-update.yaml';
    const declared = await load([file]);
    assert.deepEqual(
      declared.documents.map((d) => `${d.file}:${d.line} ${d.client.name}`),
      [`${file}:11 client2`],
    );
    assert.deepEqual(declared.warnings, [
      `${file}:11: ClientIntents client in namespace demo replaces the one at ${file}:1 ` +
        '(same name: kubectl apply updates it), whose rules are not checked',
    ]);
  });

  test('across paths: "later" is the later path given, as kubectl apply -f b.yaml -f a.yaml applies them', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-update-'));
    try {
      await writeFile(path.join(dir, 'b.yaml'), doc('client', 'old-server'));
      await writeFile(path.join(dir, 'a.yaml'), doc('client', 'new-server'));
      const declared = await loadIntents(['b.yaml', 'a.yaml'], { cwd: dir });
      assert.deepEqual(declared.rules.map(ruleText), [
        'a.yaml:10 demo/client -> kubernetes demo/new-server * *',
      ]);
      assert.equal(declared.warnings.length, 1);
      assert.match(
        declared.warnings[0]!,
        /^a\.yaml:1: ClientIntents client in namespace demo replaces the one at b\.yaml:1 /,
      );
      // The other way round, the other one wins: the paths' order, not the names', decides.
      const swapped = await loadIntents(['a.yaml', 'b.yaml'], { cwd: dir });
      assert.deepEqual(swapped.rules.map(ruleText), [
        'b.yaml:10 demo/client -> kubernetes demo/old-server * *',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a folder given first and then one of its files: the file is applied again last and is in force', async () => {
    // kubectl apply -R -f intents -f intents/a.yaml applies a.yaml twice, the second time after
    // z.yaml: a.yaml's ClientIntents is the one left in the cluster.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-update-'));
    try {
      await mkdir(path.join(dir, 'intents'));
      await writeFile(path.join(dir, 'intents', 'a.yaml'), doc('client', 'a-server'));
      await writeFile(path.join(dir, 'intents', 'z.yaml'), doc('client', 'z-server'));
      const declared = await loadIntents(['intents', 'intents/a.yaml'], { cwd: dir });
      assert.deepEqual(declared.rules.map(ruleText), [
        'intents/a.yaml:10 demo/client -> kubernetes demo/a-server * *',
      ]);
      // Named only by the folder, the walk decides: z.yaml after a.yaml.
      const walked = await loadIntents(['intents/a.yaml', 'intents'], { cwd: dir });
      assert.deepEqual(walked.rules.map(ruleText), [
        'intents/z.yaml:10 demo/client -> kubernetes demo/z-server * *',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('in a folder, "later" is kubectl apply -f\'s walk: a folder\'s files before a longer name beside it, names compared in UTF-8', async () => {
    // cli-runtime reads a folder with Go's filepath.Walk: each folder's names sorted byte by byte
    // in UTF-8, a subfolder read whole at its name's place. So payments/ledger.yaml comes before
    // payments.yaml, and dir/ before dir-a/ (the whole paths compare "." and "-" before "/"), and
    // U+FF41 before U+1F600 (UTF-16 code units put the emoji's surrogates first).
    const cases: [string, string][] = [
      ['payments/ledger.yaml', 'payments.yaml'],
      ['dir/x.yaml', 'dir-a/y.yaml'],
      ['\uFF41.yaml', '\u{1F600}.yaml'],
    ];
    for (const [first, second] of cases) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-walk-'));
      try {
        await mkdir(path.dirname(path.join(dir, first)), { recursive: true });
        await mkdir(path.dirname(path.join(dir, second)), { recursive: true });
        await writeFile(path.join(dir, first), doc('client', 'first-server'));
        await writeFile(path.join(dir, second), doc('client', 'second-server'));
        const declared = await loadIntents(['.'], { cwd: dir });
        assert.deepEqual(declared.rules.map(ruleText), [
          `${second}:10 demo/client -> kubernetes demo/second-server * *`,
        ]);
        assert.deepEqual(
          declared.warnings.map((w) => w.slice(0, w.indexOf(' (same name'))),
          [`${second}:1: ClientIntents client in namespace demo replaces the one at ${first}:1`],
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  });

  test('another name for the same workload is still refused, as the webhook refuses it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-update-'));
    try {
      await writeFile(path.join(dir, 'a.yaml'), doc('client', 'server'));
      await writeFile(
        path.join(dir, 'b.yaml'),
        doc('client', 'server').replace('name: client\n  namespace', 'name: other\n  namespace'),
      );
      await assert.rejects(loadIntents(['.'], { cwd: dir }), {
        message: 'duplicate ClientIntents for workload client in namespace demo; first at a.yaml:1',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  // One document per file, written in path order: [file, name, namespace, workload, kind?].
  const loadDocs = async (docs: [string, string, string, string, string?][]) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-update-'));
    try {
      for (const [file, name, namespace, workload, kind] of docs) {
        const kindLine = kind === undefined ? '' : `    kind: ${kind}\n`;
        await writeFile(
          path.join(dir, file),
          `apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: ${name}\n` +
            `  namespace: ${namespace}\nspec:\n  workload:\n    name: ${workload}\n${kindLine}` +
            `  targets:\n    - kubernetes:\n        name: ${file.replace('.yaml', '')}-server\n`,
        );
      }
      return await loadIntents(['.'], { cwd: dir });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const documentsOf = (declared: Awaited<ReturnType<typeof loadDocs>>) =>
    declared.documents.map((d) => `${d.file} ${d.client.namespace}/${d.client.name}`);

  test('one name, or one workload, in two namespaces: neither an update nor a duplicate', async () => {
    const declared = await loadDocs([
      ['a.yaml', 'client', 'demo', 'client'],
      ['b.yaml', 'client', 'other', 'client'],
      ['c.yaml', 'web', 'third', 'client'],
    ]);
    assert.deepEqual(documentsOf(declared), [
      'a.yaml demo/client',
      'b.yaml other/client',
      'c.yaml third/client',
    ]);
    assert.deepEqual(declared.warnings, []);
  });

  test('a Deployment and a StatefulSet of one name are two workloads, as the webhook compares kinds', async () => {
    const declared = await loadDocs([
      ['a.yaml', 'client-deployment', 'demo', 'client', 'Deployment'],
      ['b.yaml', 'client-statefulset', 'demo', 'client', 'StatefulSet'],
    ]);
    assert.deepEqual(documentsOf(declared), ['a.yaml demo/client', 'b.yaml demo/client']);
  });

  test('an update that names another workload frees the one it held', async () => {
    const declared = await loadDocs([
      ['a.yaml', 'web', 'demo', 'first'],
      ['b.yaml', 'web', 'demo', 'second'],
      ['c.yaml', 'batch', 'demo', 'first'],
    ]);
    assert.deepEqual(documentsOf(declared), ['b.yaml demo/second', 'c.yaml demo/first']);
    assert.equal(declared.warnings.length, 1);
  });

  test('an update takes the place it was applied at: its rules come after those applied before it', async () => {
    const declared = await loadDocs([
      ['a.yaml', 'web', 'demo', 'first'],
      ['b.yaml', 'batch', 'demo', 'second'],
      ['c.yaml', 'web', 'demo', 'first'],
    ]);
    assert.deepEqual(declared.rules.map(ruleText), [
      'b.yaml:10 demo/second -> kubernetes demo/b-server * *',
      'c.yaml:10 demo/first -> kubernetes demo/c-server * *',
    ]);
  });
});
