// A ClientIntents without metadata.namespace is in the namespace the load gave it
// (`--default-namespace`, or the single `-n` namespace), never in every namespace: the editor
// writes a client's missing call, and prunes its stale rule, only in a document of the client's
// own namespace. Writing shop/client's call into default/client's document grants it to another
// workload (and fixes nothing); pruning there removes a rule default/client uses.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { editIntents } from '../../src/declare/edit-intents.ts';
import { patchLowerBound, patchWithinRoom, planIntentsEdit } from '../../src/declare/intents-edit-plan.ts';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import type { DeclaredIntents, MissingCall, StaleRule } from '../../src/model.ts';
import { call, observedMap } from '../diff/builders.ts';

const FILE = 'intents/client.yaml';

/** client's ClientIntents calling nginx on /a and /old; `namespace` is its metadata line(s). */
function clientDoc(namespace: string): string {
  return [
    'apiVersion: k8s.otterize.com/v2beta1',
    'kind: ClientIntents',
    'metadata:',
    '  name: client',
    `${namespace}spec:`,
    '  workload: {name: client, kind: Deployment}',
    '  targets:',
    '    - kubernetes:',
    '        name: nginx',
    '        kind: Deployment',
    '        http:',
    '          - path: /a',
    '            methods: [GET]',
    '          - path: /old',
    '            methods: [GET]',
    '',
  ].join('\n');
}

const SHOP = clientDoc('  namespace: shop\n');
/** What the edit makes of SHOP: POST /new added, and with pruning GET /old gone. */
const SHOP_ADDED = `${SHOP}          - path: /new\n            methods: [POST]\n`;
const SHOP_PRUNED = SHOP.replace('          - path: /old\n            methods: [GET]\n', '');

/**
 * default/client (no metadata.namespace, or an empty or null one) and shop/client in one file,
 * the namespace-less one first; loaded as `check -n shop --default-namespace default` loads it.
 * shop/client calls POST /new (missing) and not GET /old (stale); default/client calls both.
 */
async function twoNamespaces(unnamed: string, defaultNamespace = 'default') {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-edit-ns-'));
  await mkdir(path.join(dir, 'intents'));
  const text = `${clientDoc(unnamed)}---\n${SHOP}`;
  await writeFile(path.join(dir, FILE), text);
  const declared = await loadIntents(['intents'], { cwd: dir, defaultNamespace });
  const observed = observedMap([
    call('client.shop', 'nginx.shop', 'GET', '/a'),
    call('client.shop', 'nginx.shop', 'POST', '/new'),
    call('client.default', 'nginx.default', 'GET', '/a'),
    call('client.default', 'nginx.default', 'GET', '/old'),
  ]);
  return { dir, text, declared, drift: computeDrift(observed, declared) };
}

const UNNAMED = [
  ['no metadata.namespace', ''],
  ['metadata.namespace: ""', "  namespace: ''\n"],
  ['metadata.namespace: null', '  namespace:\n'],
] as const;

describe('a ClientIntents without metadata.namespace is the default namespace’s, not every namespace’s', () => {
  test('the load records the default it gave such documents', async () => {
    const { declared } = await twoNamespaces('');
    assert.equal(declared.defaultNamespace, 'default');
    assert.deepEqual(
      declared.documents.map((d) => `${d.client.namespace}/${d.client.name} ${d.file}:${d.line}`),
      [`default/client ${FILE}:1`, `shop/client ${FILE}:17`],
    );
  });

  for (const [shape, unnamed] of UNNAMED) {
    test(`${shape}: shop/client's missing call goes into shop/client's document, not default/client's`, async () => {
      const { dir, text, declared, drift } = await twoNamespaces(unnamed);
      assert.deepEqual(
        drift.missing.map((c) => `${c.client.namespace}/${c.client.name} ${c.method} ${c.path}`),
        ['shop/client POST /new'],
      );
      const { edit, patch } = await planIntentsEdit(dir, declared, drift, false);
      assert.deepEqual(edit.skipped, []);
      assert.deepEqual(
        edit.files.map((f) => [f.file, f.after]),
        [[FILE, `${clientDoc(unnamed)}---\n${SHOP_ADDED}`]],
        'default/client is granted nothing',
      );
      assert.equal(edit.files[0]!.before, text);
      // The comment's patch (made file by file) is the same, and its lower bound holds.
      assert.deepEqual(await patchWithinRoom(dir, declared, drift, false, 100_000), { patch, leftOut: 0 });
      const bound = patchLowerBound(drift, declared);
      assert.ok(bound > 0 && bound <= patch.length, `${bound} against ${patch.length}`);
    });

    test(`${shape}: --prune-stale removes shop/client's stale rule, not the one default/client uses`, async () => {
      const { dir, declared, drift } = await twoNamespaces(unnamed);
      assert.deepEqual(
        drift.stale.map((r) => `${r.client.namespace}/${r.client.name} ${r.method} ${r.path} ${r.reason}`),
        ['shop/client GET /old path-not-called'],
      );
      const { edit } = await planIntentsEdit(dir, declared, { ...drift, missing: [] }, true);
      assert.deepEqual(edit.skipped, []);
      assert.deepEqual(
        edit.files.map((f) => [f.file, f.after]),
        [[FILE, `${clientDoc(unnamed)}---\n${SHOP_PRUNED}`]],
        'default/client keeps GET /old',
      );
    });
  }

  for (const [shape, unnamed] of UNNAMED) {
    test(`${shape}: default/client’s own missing call goes into that document`, async () => {
      const { dir, declared } = await twoNamespaces(unnamed);
      const drift = computeDrift(
        observedMap([call('client.default', 'nginx.default', 'PUT', '/a')]),
        declared,
      );
      const { edit } = await planIntentsEdit(dir, declared, { ...drift, stale: [] }, false);
      assert.deepEqual(edit.skipped, []);
      assert.deepEqual(
        edit.files.map((f) => f.after),
        [`${clientDoc(unnamed).replace('methods: [GET]', 'methods: [GET, PUT]')}---\n${SHOP}`],
      );
    });
  }
});

describe('of two ClientIntents with one name in one namespace, the editor edits the one in force', () => {
  test('-n shop alone: both are shop/client’s; the later replaced the earlier, and only it changes', async () => {
    const loaded = await twoNamespaces('', 'shop');
    const { dir, declared } = loaded;
    // default/client has no ClientIntents now: only shop/client's drift is asked for.
    const drift = {
      ...loaded.drift,
      missing: loaded.drift.missing.filter((c) => c.client.namespace === 'shop'),
    };
    assert.match(
      declared.warnings.join('\n'),
      /client.yaml:17: ClientIntents client in namespace shop replaces/,
    );
    assert.deepEqual(
      [...drift.missing, ...drift.stale].map(
        (c) => `${c.client.namespace}/${c.client.name} ${c.method} ${c.path}`,
      ),
      ['shop/client POST /new', 'shop/client GET /old'],
    );
    const { edit } = await planIntentsEdit(dir, declared, drift, true);
    assert.deepEqual(edit.skipped, []);
    assert.deepEqual(
      edit.files.map((f) => f.after),
      [
        `${clientDoc('')}---\n${SHOP_ADDED.replace('          - path: /old\n            methods: [GET]\n', '')}`,
      ],
      'the replaced document is left as it is',
    );
  });

  test('the namespace decides even where the line the load read points at another client’s document', () => {
    // The file changed since the check: default/client's document is now where shop/client's was read.
    const shopClient = { name: 'client', namespace: 'shop', kind: 'Deployment' };
    const declared: DeclaredIntents = {
      rules: [],
      documents: [{ client: shopClient, apiVersion: 'k8s.otterize.com/v2beta1', file: FILE, line: 1 }],
      defaultNamespace: 'default',
      warnings: [],
    };
    const missing: MissingCall = {
      client: shopClient,
      server: { name: 'nginx', namespace: 'shop', kind: 'Deployment' },
      method: 'POST',
      path: '/new',
      count: 3,
      protocol: 'http',
      wouldBeBlocked: true,
    };
    const text = `${clientDoc('')}---\n${SHOP}`;
    const result = editIntents(new Map([[FILE, text]]), declared, { missing: [missing], stale: [] });
    assert.deepEqual(
      result.files.map((f) => f.after),
      [`${clientDoc('')}---\n${SHOP_ADDED}`],
    );
  });
});

describe('without a default namespace, a document without one is nobody’s: skipped with a note', () => {
  // The loader refuses such a document; the file may still hold one the load did not read (it
  // changed since), and the editor never guesses whose it is.
  const shopClient = { name: 'client', namespace: 'shop', kind: 'Deployment' };
  const declared: DeclaredIntents = {
    rules: [],
    documents: [{ client: shopClient, apiVersion: 'k8s.otterize.com/v2beta1', file: FILE, line: 1 }],
    warnings: [],
  };
  const missing: MissingCall = {
    client: shopClient,
    server: { name: 'nginx', namespace: 'shop', kind: 'Deployment' },
    method: 'POST',
    path: '/new',
    count: 3,
    protocol: 'http',
    wouldBeBlocked: true,
  };
  const stale: StaleRule = {
    client: shopClient,
    server: { name: 'nginx', namespace: 'shop' },
    targetType: 'kubernetes',
    method: 'GET',
    path: '/old',
    file: FILE,
    line: 14,
    reason: 'path-not-called',
  };
  const note =
    'client: a ClientIntents for it in intents/client.yaml has no metadata.namespace and no default namespace was given (--default-namespace, or -n with one namespace), so whose it is is not known; edit it by hand';

  test('a missing call and a stale rule are left, each with the note', () => {
    const sources = new Map([[FILE, clientDoc('')]]);
    const added = editIntents(sources, declared, { missing: [missing], stale: [] });
    assert.deepEqual(added, { files: [], changes: [], skipped: [note] });
    const pruned = editIntents(sources, declared, { missing: [], stale: [stale] });
    assert.deepEqual(pruned, { files: [], changes: [], skipped: [note] });
  });

  test('the client’s own document beside it is still found', () => {
    const sources = new Map([[FILE, `${clientDoc('')}---\n${SHOP}`]]);
    const result = editIntents(sources, declared, { missing: [missing], stale: [stale] });
    assert.deepEqual(result.skipped, []);
    assert.deepEqual(
      result.files.map((f) => f.after),
      [
        `${clientDoc('')}---\n${SHOP_ADDED.replace('          - path: /old\n            methods: [GET]\n', '')}`,
      ],
    );
  });
});
