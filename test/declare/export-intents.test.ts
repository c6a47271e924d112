import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { buildClientIntents } from '../../src/declare/build-client-intents.ts';
import {
  exportIntentsDir,
  exportIntentsFile,
  renderIntentsFile,
  resolveExportApiVersion,
} from '../../src/declare/export-intents.ts';
import { INTENTS_VERSIONS } from '../../src/declare/parse-client-intents.ts';
import { InputError } from '../../src/errors.ts';
import type { ObservedCall } from '../../src/model.ts';
import { DEMO_CALLS, DEMO_NS, MAPPER_TUTORIAL_CALLS, RICH_CALLS } from './export-calls.ts';
import { assertGolden, ROOT } from './helpers.ts';

const fixture = (name: string) => readFile(path.join(ROOT, 'fixtures/intents', name), 'utf8');

describe('export: the demo, as otterize network-mapper export writes it', () => {
  test("JSON equals network-mapper's real export of its tutorial, byte for byte", async () => {
    // Real: what `otterize network-mapper export --format=json` printed in the network-mapper's
    // end-to-end test (sources in fixtures/intents/upstream/README.md).
    const real = await fixture('upstream/network-mapper/simple-tutorial-intents.json');
    assert.equal(exportIntentsFile(MAPPER_TUTORIAL_CALLS, { format: 'json' }), real);
  });

  test('JSON of the Istio demo deep-equals export-istio-demo.json (the same format, with HTTP rules)', async () => {
    const expected = JSON.parse(await fixture('export-istio-demo.json'));
    const actual = exportIntentsFile(DEMO_CALLS, { format: 'json' });
    assert.deepEqual(JSON.parse(actual), expected);
    assert.ok(
      actual.startsWith('[\n  {\n    "kind": "ClientIntents",\n    "apiVersion"'),
      'key order kind, apiVersion',
    );
  });

  test('YAML parses to the documents of v2beta1.yaml, and matches its golden text', async () => {
    const expected = parseAllDocuments(await fixture('examples/v2beta1.yaml')).map((d) => d.toJS());
    const actual = exportIntentsFile(DEMO_CALLS);
    assert.deepEqual(
      parseAllDocuments(actual).map((d) => d.toJS()),
      expected,
    );
    await assertGolden('export-demo-v2beta1.yaml', actual);
  });

  test('the golden YAML is v2beta1.yaml without its comments, byte for byte', async () => {
    const withoutComments = (await fixture('examples/v2beta1.yaml'))
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
    assert.equal(exportIntentsFile(DEMO_CALLS), withoutComments);
  });

  test('dir output: one <workload>.<namespace>.yaml per client', () => {
    const files = exportIntentsDir(DEMO_CALLS);
    assert.deepEqual(Object.keys(files), [`client.${DEMO_NS}.yaml`, `client2.${DEMO_NS}.yaml`]);
    assert.match(
      files[`client2.${DEMO_NS}.yaml`]!,
      /^apiVersion: k8s.otterize.com\/v2beta1\n[\s\S]*- POST\n$/,
    );
    assert.doesNotMatch(files[`client2.${DEMO_NS}.yaml`]!, /---|client-path/);
    const json = exportIntentsDir(DEMO_CALLS, { format: 'json' });
    assert.deepEqual(Object.keys(json), [`client.${DEMO_NS}.json`, `client2.${DEMO_NS}.json`]);
    assert.equal(JSON.parse(json[`client.${DEMO_NS}.json`]!).length, 1);
  });
});

describe('export: paths Istio refuses', () => {
  test('a called path holding "{" or "}" is left out with a warning, never written as an allow-all target', () => {
    const client = { name: 'web', namespace: 'shop', kind: 'Deployment' };
    const server = { name: 'api', namespace: 'shop', kind: 'Deployment' };
    const call = (path: string) => ({
      client,
      server,
      method: 'GET',
      path,
      count: 1,
      protocol: 'http' as const,
    });
    const { intents, warnings } = buildClientIntents([call('/users/{id}'), call('/health')]);
    assert.deepEqual(intents[0]!.targets[0]!.http, [{ path: '/health', methods: ['GET'] }]);
    assert.equal(buildClientIntents([call('/users/{id}')]).intents.length, 0);
    assert.deepEqual(warnings, [
      'web -> api: path "/users/{id}" is left out: Istio refuses it in an AuthorizationPolicy (segment "{id}" holds "{" or "}", which a path may hold only as a whole {*} or {**} segment); declare the call by hand',
    ]);
  });
});

describe('export: names YAML 1.1 reads as something else', () => {
  test('are quoted, so kubectl (go-yaml v2, YAML 1.1) reads the strings exported', () => {
    const ref = (name: string) => ({ name, namespace: 'on', kind: 'Deployment' });
    const calls: ObservedCall[] = [
      { client: ref('no'), server: ref('y'), method: 'GET', path: '/a', count: 1, protocol: 'http' },
      { client: ref('no'), server: ref('off'), method: null, path: null, count: 1, protocol: 'tcp' },
      // -1 to go-yaml (a sign after 0b), which the yaml package's YAML 1.1 quoting does not know.
      { client: ref('no'), server: ref('0b-1'), method: 'GET', path: '/b', count: 1, protocol: 'http' },
    ];
    const text = renderIntentsFile(buildClientIntents(calls).intents);
    assert.match(text, /name: "0b-1"$/m);
    assert.match(text, /^ {2}name: "no"$/m);
    assert.match(text, /^ {2}namespace: "on"$/m);
    assert.match(text, /name: "y"$/m);
    assert.match(text, /name: "off"$/m);
    const [doc] = parseAllDocuments(text, { version: '1.1' });
    const read = doc!.toJS() as {
      metadata: { name: unknown; namespace: unknown };
      spec: { targets: { kubernetes: { name: unknown } }[] };
    };
    assert.deepEqual([read.metadata.name, read.metadata.namespace], ['no', 'on']);
    assert.deepEqual(read.spec.targets.map((t) => t.kubernetes.name).sort(), ['0b-1', 'off', 'y']);
  });
});

describe('export: grouping rules', () => {
  const { intents, warnings } = buildClientIntents(RICH_CALLS);

  test('clients sorted, targets sorted by name, cross-namespace names, methods merged and sorted', () => {
    assert.deepEqual(
      intents.map((i) => `${i.client.namespace}/${i.client.name}`),
      ['jobs/worker', 'shop/frontend'],
    );
    const [worker, frontend] = intents;
    assert.deepEqual(worker!.targets, [
      {
        type: 'kubernetes',
        name: 'orders.payments',
        kind: 'StatefulSet',
        http: [{ path: '/orders/7', methods: ['DELETE', 'GET', 'PUT'] }],
      },
    ]);
    assert.deepEqual(
      frontend!.targets.map((t) => [
        t.name,
        t.http === null ? 'any' : t.http.map((h) => `${h.methods} ${h.path}`).join('; '),
      ]),
      [
        ['catalog', 'GET,POST /products; GET /products/42'],
        ['health', 'any'],
        ['orders.payments', 'POST /orders'],
        ['search', 'any'],
      ],
    );
  });

  test('a method ClientIntents cannot name makes its target allow everything, with a warning', () => {
    assert.deepEqual(warnings, [
      'frontend -> health: method HEAD cannot be declared; the target allows every method',
    ]);
  });

  test('a called path Istio would read as a wildcard or template is written with a warning', () => {
    // `GET /admin/*` is a valid request; `path: /admin/*` allows all of /admin/ (and `*` every path).
    const base = RICH_CALLS.find((c) => c.path === '/products')!;
    const built = buildClientIntents([
      { ...base, path: '/admin/*' },
      { ...base, method: 'POST', path: '/admin/*' },
      { ...base, path: '*' },
      { ...base, path: '/products' },
    ]);
    assert.deepEqual(built.warnings, [
      'frontend -> catalog: 2 called path(s) hold "*", "{" or "}" (e.g. "/admin/*"), which Istio reads as a wildcard or template: their rules allow more than the paths called, or never match',
    ]);
  });

  test('a template the export makes itself (pathOf) is written without the wildcard warning', () => {
    const base = RICH_CALLS.find((c) => c.path === '/products')!;
    const calls = [
      { ...base, method: 'GET', path: '/products/1' },
      { ...base, method: 'GET', path: '/products/2' },
    ];
    const templated = buildClientIntents(calls, { pathOf: () => '/products/{*}' });
    assert.deepEqual(templated.intents[0]!.targets[0]!.http, [{ path: '/products/{*}', methods: ['GET'] }]);
    assert.deepEqual(templated.warnings, []);
  });

  test('servers of one name and two kinds are two targets; a client takes the kind any of its calls knows', () => {
    const base = RICH_CALLS.find((c) => c.path === '/products')!;
    const server = (kind: string) => ({ ...base.server, name: 'api', kind });
    const built = buildClientIntents([
      {
        ...base,
        client: { name: 'web', namespace: 'shop' },
        server: server('Deployment'),
        method: 'GET',
        path: '/health',
      },
      {
        ...base,
        client: { name: 'web', namespace: 'shop', kind: 'StatefulSet' },
        server: server('StatefulSet'),
        method: 'POST',
        path: '/jobs',
      },
    ]);
    assert.equal(built.intents.length, 1);
    assert.equal(built.intents[0]!.client.kind, 'StatefulSet');
    assert.deepEqual(
      built.intents[0]!.targets.map((t) => [t.kind, t.http]),
      [
        ['Deployment', [{ path: '/health', methods: ['GET'] }]],
        ['StatefulSet', [{ path: '/jobs', methods: ['POST'] }]],
      ],
    );
  });

  test('asService writes service targets from the Service the caller used', () => {
    const built = buildClientIntents(RICH_CALLS, { asService: true });
    assert.deepEqual(
      built.intents[1]!.targets.map((t) => `${t.type} ${t.name}`),
      ['service catalog-svc', 'kubernetes health', 'service orders.payments', 'service search'],
    );
    assert.deepEqual(built.warnings, [
      'no Service known for shop/health: written as a kubernetes target',
      'frontend -> health: method HEAD cannot be declared; the target allows every method',
    ]);
  });

  test('pathOf rewrites paths (Istio templates) before merging', () => {
    const built = buildClientIntents(RICH_CALLS, {
      pathOf: (c) => c.path?.replace(/\/\d+$/, '/{*}') ?? null,
    });
    assert.deepEqual(built.intents[0]!.targets[0]!.http, [
      { path: '/orders/{*}', methods: ['DELETE', 'GET', 'PUT'] },
    ]);
    assert.deepEqual(built.intents[1]!.targets[0]!.http, [
      { path: '/products', methods: ['GET', 'POST'] },
      { path: '/products/{*}', methods: ['GET'] },
    ]);
  });
});

describe('export: every API version (golden files)', () => {
  for (const version of INTENTS_VERSIONS) {
    test(`${version}`, async () => {
      await assertGolden(`export-${version}.yaml`, exportIntentsFile(RICH_CALLS, { apiVersion: version }));
    });
  }
  test('asService in v2beta1 and v1alpha3', async () => {
    await assertGolden('export-as-service-v2beta1.yaml', exportIntentsFile(RICH_CALLS, { asService: true }));
    await assertGolden(
      'export-as-service-v1alpha3.yaml',
      exportIntentsFile(RICH_CALLS, { asService: true, apiVersion: 'k8s.otterize.com/v1alpha3' }),
    );
  });

  test('API version names: full, bare, Otterize v1/v2, unknown', () => {
    assert.equal(resolveExportApiVersion(), 'k8s.otterize.com/v2beta1');
    assert.equal(resolveExportApiVersion('v1'), 'k8s.otterize.com/v1alpha3');
    assert.equal(resolveExportApiVersion('v2'), 'k8s.otterize.com/v2beta1');
    assert.equal(resolveExportApiVersion('k8s.otterize.com/v1beta1'), 'k8s.otterize.com/v1beta1');
    assert.throws(() => resolveExportApiVersion('v3'), InputError);
    assert.throws(
      () => renderIntentsFile([], { apiVersion: 'k8s.otterize.com/v9' }),
      /unknown ClientIntents API version/,
    );
  });

  test('no calls: empty outputs', () => {
    assert.equal(exportIntentsFile([]), '');
    assert.equal(exportIntentsFile([], { format: 'json' }), '[]\n');
  });
});

describe('export: names no target spells (buildClientIntents takes calls from any caller)', () => {
  const web = { name: 'web', namespace: 'shop' };
  const call = (
    client: { name: string; namespace: string },
    server: { name: string; namespace: string },
  ) => ({
    client,
    server,
    method: 'GET',
    path: '/a',
    count: 1,
    protocol: 'http' as const,
  });
  const LEFT_OUT =
    'the intents-operator reads a dot in a target name as name.namespace, so this workload cannot be named in a target; the call is left out';

  test('a dotted namespace is left out: `api.pay.ments` would name api in pay', () => {
    const { intents, warnings } = buildClientIntents([call(web, { name: 'api', namespace: 'pay.ments' })]);
    assert.deepEqual(intents, []);
    assert.deepEqual(warnings, [`shop/web -> pay.ments/api: ${LEFT_OUT}`]);
  });

  test('an empty server or client name is never written', () => {
    const noServer = buildClientIntents([call(web, { name: '', namespace: 'shop' })]);
    assert.deepEqual(noServer.intents, []);
    assert.match(noServer.warnings.join('\n'), /^shop\/web -> shop\/: /);
    const noClient = buildClientIntents([
      call({ name: '', namespace: 'shop' }, { name: 'api', namespace: 'shop' }),
    ]);
    assert.deepEqual(noClient.intents, []);
    assert.match(noClient.warnings.join('\n'), /^shop\/: /);
  });

  test("a left-out server's or client's control characters are shown escaped in the warning", () => {
    const { warnings } = buildClientIntents([call(web, { name: 'api.x\u001b[2J', namespace: 'shop' })]);
    assert.deepEqual(warnings, [`shop/web -> shop/api.x\\x1b[2J: ${LEFT_OUT}`]);
    const client = buildClientIntents([call({ name: 'we.b\u001b[2J', namespace: 'shop' }, web)]);
    assert.deepEqual(client.warnings, [
      "shop/we.b\\x1b[2J: a client whose name holds a dot cannot have ClientIntents (the operator's webhook refuses it); its calls are left out",
    ]);
  });

  test('a long path is written on one line, never folded', () => {
    const long = `/search/${'word '.repeat(30)}end`;
    const text = exportIntentsFile([{ ...call(web, { name: 'api', namespace: 'shop' }), path: long }]);
    assert.ok(text.includes(`\n          - path: ${long}\n`), text);
  });
});

describe('export: a service target handed in with a kind', () => {
  test('is written without it in v2 and v1, whose schemas give a service target no kind', () => {
    const one = {
      client: { name: 'web', namespace: 'shop' },
      targets: [{ type: 'service' as const, name: 'api-svc', kind: 'Deployment', http: null }],
    };
    const head =
      'apiVersion: k8s.otterize.com/%V\nkind: ClientIntents\nmetadata:\n  name: web\n  namespace: shop\nspec:\n';
    assert.equal(
      renderIntentsFile([one]),
      `${head.replace('%V', 'v2beta1')}  workload:\n    name: web\n  targets:\n    - service:\n        name: api-svc\n`,
    );
    assert.equal(
      renderIntentsFile([one], { apiVersion: 'v1' }),
      `${head.replace('%V', 'v1alpha3')}  service:\n    name: web\n  calls:\n    - name: svc:api-svc\n`,
    );
  });
});

describe('export: what each ClientIntents holds, and in what order', () => {
  const at = (name: string, namespace: string) => ({ name, namespace });
  const http = (
    client: { name: string; namespace: string },
    server: { name: string; namespace: string; service?: { name: string; namespace: string } },
    method: string | null,
    p: string | null,
    protocol: 'http' | 'tcp' = 'http',
  ): ObservedCall => ({ client, server, method, path: p, count: 1, protocol });

  test('clients of one name in two namespaces are two ClientIntents, namespace first then name', () => {
    const { intents } = buildClientIntents([
      http(at('web', 'shop'), at('api', 'shop'), 'GET', '/a'),
      http(at('web', 'jobs'), at('queue', 'jobs'), 'POST', '/q'),
      http(at('aaa', 'zeta'), at('api', 'zeta'), 'GET', '/z'),
    ]);
    assert.deepEqual(
      intents.map((i) => `${i.client.namespace}/${i.client.name} ${i.targets.map((t) => t.name).join(',')}`),
      ['jobs/web queue', 'shop/web api', 'zeta/aaa api'],
    );
  });

  test('with asService, a Service and a workload of one name are two targets, kubernetes first', () => {
    const web = at('web', 'shop');
    const { intents } = buildClientIntents(
      [
        http(web, { ...at('api', 'shop'), service: at('api', 'shop') }, 'GET', '/via-service'),
        http(web, at('api', 'shop'), 'POST', '/direct'),
      ],
      { asService: true },
    );
    assert.deepEqual(intents[0]!.targets, [
      { type: 'kubernetes', name: 'api', http: [{ path: '/direct', methods: ['POST'] }] },
      { type: 'service', name: 'api', http: [{ path: '/via-service', methods: ['GET'] }] },
    ]);
  });

  test('a TCP connection to a server also called over HTTP makes its target allow everything', () => {
    const web = at('web', 'shop');
    for (const order of [
      [http(web, at('db', 'shop'), 'GET', '/a'), http(web, at('db', 'shop'), null, null, 'tcp')],
      [http(web, at('db', 'shop'), null, null, 'tcp'), http(web, at('db', 'shop'), 'GET', '/a')],
    ]) {
      assert.deepEqual(buildClientIntents(order).intents[0]!.targets, [
        { type: 'kubernetes', name: 'db', http: null },
      ]);
    }
  });

  test('with asService, a client the operator cannot name is left out, not written with a service target', () => {
    const built = buildClientIntents(
      [http(at('we.b', 'shop'), { ...at('api', 'shop'), service: at('api', 'shop') }, 'GET', '/a')],
      { asService: true },
    );
    assert.deepEqual(built.intents, []);
    assert.deepEqual(built.warnings, [
      "shop/we.b: a client whose name holds a dot cannot have ClientIntents (the operator's webhook refuses it); its calls are left out",
    ]);
  });

  test("paths and methods in Go's byte order, as network-mapper's export: capitals before lower case", () => {
    const web = at('web', 'shop');
    const { intents } = buildClientIntents([
      http(web, at('api', 'shop'), 'GET', '/apple'),
      http(web, at('api', 'shop'), 'GET', '/Zebra'),
      http(web, at('api', 'shop'), 'PUT', '/apple'),
      http(web, at('api', 'shop'), 'DELETE', '/apple'),
    ]);
    assert.deepEqual(intents[0]!.targets[0]!.http, [
      { path: '/Zebra', methods: ['GET'] },
      { path: '/apple', methods: ['DELETE', 'GET', 'PUT'] },
    ]);
  });
});
