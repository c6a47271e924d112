// Minimal edits of committed ClientIntents: comments, order and style kept; new documents in
// the repo's own layout; stale rules pruned without ever widening a target.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { editIntents } from '../../src/declare/edit-intents.ts';
import type { IntentsSources } from '../../src/declare/edit-intents-types.ts';
import { parseClientIntentsDocuments } from '../../src/declare/parse-client-intents.ts';
import { suggestedPatch } from '../../src/declare/suggested-patch.ts';
import type { DeclaredIntents, MissingCall, StaleRule, WorkloadRef } from '../../src/model.ts';
import { parseYamlDocuments } from '../../src/yaml/read-yaml.ts';

/** A file's ClientIntents read as the check reads them (kubectl's types): throws where kubectl would differ. */
const loadFromText = (text: string, file: string) =>
  parseClientIntentsDocuments(parseYamlDocuments(text, file), file, { defaultNamespace: 'shop' });

const NS = 'shop';
const ref = (name: string, kind = 'Deployment'): WorkloadRef => ({ name, namespace: NS, kind });

function missing(
  client: string,
  server: string,
  method: string | null,
  path: string | null,
  extra = {},
): MissingCall {
  return {
    client: ref(client),
    server: ref(server),
    method,
    path,
    count: 3,
    protocol: 'http',
    wouldBeBlocked: true,
    ...extra,
  };
}

function stale(
  client: string,
  server: string,
  method: string | null,
  path: string | null,
  file: string,
): StaleRule {
  return {
    client: ref(client),
    server: ref(server),
    targetType: 'kubernetes',
    method,
    path,
    file,
    line: 1,
    reason: 'path-not-called',
  };
}

function declared(docs: [string, string, string?][]): DeclaredIntents {
  return {
    rules: [],
    documents: docs.map(([file, client, apiVersion]) => ({
      client: ref(client),
      apiVersion: apiVersion ?? 'k8s.otterize.com/v2beta1',
      file,
      line: 1,
    })),
    warnings: [],
  };
}

const FRONTEND = `# frontend: owned by the web team
apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: frontend
  namespace: shop # the shop namespace
spec:
  workload:
    name: frontend
    kind: Deployment
  targets:
    # orders first: it is the busiest
    - kubernetes:
        name: orders
        kind: Deployment
        http:
          - path: /orders
            methods: [GET]
          - path: /orders/{*}
            methods: [GET, DELETE] # DELETE for admins
    - kubernetes:
        name: cart
        http:
          - path: /cart
            methods: [GET]
`;

describe('editIntents', () => {
  test('adds a method, a path and a target, keeping comments and the flow style of methods', () => {
    const sources = new Map([['intents/frontend.yaml', FRONTEND]]);
    const result = editIntents(sources, declared([['intents/frontend.yaml', 'frontend']]), {
      missing: [
        missing('frontend', 'orders', 'POST', '/orders'),
        missing('frontend', 'orders', 'GET', '/orders/123/items', { suggestedPath: '/orders/{*}/items' }),
        missing('frontend', 'payments', 'POST', '/pay'),
      ],
      stale: [],
    });
    assert.equal(result.files.length, 1);
    assert.equal(
      suggestedPatch(result.files),
      `--- a/intents/frontend.yaml
+++ b/intents/frontend.yaml
@@ -15,11 +15,19 @@
         kind: Deployment
         http:
           - path: /orders
-            methods: [GET]
+            methods: [GET, POST]
           - path: /orders/{*}
             methods: [GET, DELETE] # DELETE for admins
+          - path: /orders/{*}/items
+            methods: [GET]
     - kubernetes:
         name: cart
         http:
           - path: /cart
             methods: [GET]
+    - kubernetes:
+        name: payments
+        kind: Deployment
+        http:
+          - path: /pay
+            methods: [POST]
`,
    );
    assert.deepEqual(
      result.changes.map((c) => `${c.action} ${c.server} ${c.method} ${c.path}`),
      ['add orders POST /orders', 'add orders GET /orders/{*}/items', 'add payments POST /pay'],
    );
  });

  test('a target of another kind is another workload: the call gets a target of its own kind', () => {
    const file = `apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: frontend
  namespace: shop
spec:
  workload:
    name: frontend
    kind: Deployment
  targets:
    - kubernetes:
        name: db
        kind: StatefulSet
        http:
          - path: /rows
            methods: [GET]
`;
    // The Deployment db, not the StatefulSet db: a rule in the StatefulSet's target would not
    // allow it (the diff compares kinds), and the next check would report it missing again.
    const result = editIntents(
      new Map([['intents/frontend.yaml', file]]),
      declared([['intents/frontend.yaml', 'frontend']]),
      {
        missing: [missing('frontend', 'db', 'GET', '/x')],
        stale: [],
      },
    );
    assert.equal(
      suggestedPatch(result.files),
      `--- a/intents/frontend.yaml
+++ b/intents/frontend.yaml
@@ -14,3 +14,9 @@
         http:
           - path: /rows
             methods: [GET]
+    - kubernetes:
+        name: db
+        kind: Deployment
+        http:
+          - path: /x
+            methods: [GET]
`,
    );
    // A call to the StatefulSet still goes into its target.
    const statefulSet = { ...missing('frontend', 'db', 'POST', '/rows'), server: ref('db', 'StatefulSet') };
    const again = editIntents(
      new Map([['intents/frontend.yaml', file]]),
      declared([['intents/frontend.yaml', 'frontend']]),
      {
        missing: [statefulSet],
        stale: [],
      },
    );
    assert.match(suggestedPatch(again.files), /^- {12}methods: \[GET\]\n\+ {12}methods: \[GET, POST\]$/m);
    assert.equal(again.files[0]!.after.match(/name: db/g)?.length, 1);
  });

  test('an already declared call, or one a target without HTTP rules allows, changes nothing', () => {
    const text = FRONTEND.replace(
      '        name: cart\n        http:\n          - path: /cart\n            methods: [GET]\n',
      '        name: cart\n',
    );
    const sources = new Map([['intents/frontend.yaml', text]]);
    const result = editIntents(sources, declared([['intents/frontend.yaml', 'frontend']]), {
      missing: [
        missing('frontend', 'orders', 'GET', '/orders'),
        missing('frontend', 'cart', 'PUT', '/cart/1'),
      ],
      stale: [],
    });
    assert.deepEqual(result.files, []);
  });

  test('prunes a stale method, then a rule, and drops a target whose last rule goes', () => {
    const sources = new Map([['intents/frontend.yaml', FRONTEND]]);
    const file = 'intents/frontend.yaml';
    const result = editIntents(sources, declared([[file, 'frontend']]), {
      missing: [],
      stale: [
        stale('frontend', 'orders', 'DELETE', '/orders/{*}', file),
        stale('frontend', 'orders', 'GET', '/orders', file),
        stale('frontend', 'cart', 'GET', '/cart', file),
      ],
    });
    const after = result.files[0]!.after;
    assert.ok(after.includes('methods: [GET] # DELETE for admins'));
    assert.ok(!after.includes('- path: /orders\n'));
    assert.ok(!after.includes('cart'), 'an empty rule list would allow everything: the target goes');
    assert.ok(after.startsWith('# frontend: owned by the web team\n'));
    assert.ok(after.includes('# orders first: it is the busiest'));
  });

  // `methods: []` is any method on the path (the operator writes the path without methods).
  const ANY_METHOD = `apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: frontend
  namespace: shop
spec:
  workload:
    name: frontend
    kind: Deployment
  targets:
    - kubernetes:
        name: orders
        kind: Deployment
        http:
          - path: /items
            methods: []
          - path: /orders
            methods:
              - GET
    - kubernetes:
        name: cart
        http:
          - path: /cart
            methods: []
`;

  test('a stale methods: [] goes as its http entry alone; the target only when it was its last', () => {
    const file = 'intents/frontend.yaml';
    const result = editIntents(new Map([[file, ANY_METHOD]]), declared([[file, 'frontend']]), {
      missing: [],
      stale: [
        stale('frontend', 'orders', null, '/items', file),
        stale('frontend', 'cart', null, '/cart', file),
      ],
    });
    assert.equal(
      result.files[0]!.after,
      ANY_METHOD.replace('          - path: /items\n            methods: []\n', '').replace(
        '    - kubernetes:\n        name: cart\n        http:\n          - path: /cart\n            methods: []\n',
        '',
      ),
    );
    assert.deepEqual(
      result.changes.map((c) => `${c.action} ${c.server} ${c.method} ${c.path}`),
      ['remove orders null /items', 'remove cart null /cart'],
    );
  });

  test('beside methods: [] on the same path, a stale method goes from its own entry, and the other way round', () => {
    const file = 'intents/frontend.yaml';
    // /items twice in orders: `methods: []` first, then `- GET`.
    const text = ANY_METHOD.replace('- path: /orders', '- path: /items');
    const orders = (after: string) => after.slice(0, after.indexOf('name: cart'));
    for (const [method, kept, gone] of [
      ['GET', 'methods: []', '- GET'],
      [null, '- GET', 'methods: []'],
    ] as const) {
      const result = editIntents(new Map([[file, text]]), declared([[file, 'frontend']]), {
        missing: [],
        stale: [stale('frontend', 'orders', method, '/items', file)],
      });
      const after = orders(result.files[0]!.after);
      assert.ok(after.includes(kept) && !after.includes(gone) && after.includes('name: orders'), after);
    }
  });

  test('a call on a path with methods: [] is never added: one method would narrow any method to it', () => {
    const file = 'intents/frontend.yaml';
    const result = editIntents(new Map([[file, ANY_METHOD]]), declared([[file, 'frontend']]), {
      missing: [missing('frontend', 'orders', 'POST', '/items'), missing('frontend', 'cart', 'PUT', '/cart')],
      stale: [],
    });
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.changes, []);
    // Beside a rule naming methods on the same path too, whichever comes first.
    const both = ANY_METHOD.replace('- path: /orders', '- path: /items');
    for (const text of [both, both.replace('methods: []', 'methods: [PUT]').replace('- GET', '[]')]) {
      const edit = editIntents(new Map([[file, text]]), declared([[file, 'frontend']]), {
        missing: [missing('frontend', 'orders', 'POST', '/items')],
        stale: [],
      });
      assert.deepEqual(edit.files, [], text);
    }
  });

  test('methods: [] is no flow style: a new rule in a block-style file is block style', () => {
    const file = 'intents/frontend.yaml';
    const result = editIntents(new Map([[file, ANY_METHOD]]), declared([[file, 'frontend']]), {
      missing: [missing('frontend', 'orders', 'POST', '/new')],
      stale: [],
    });
    assert.ok(
      result.files[0]!.after.includes('          - path: /new\n            methods:\n              - POST\n'),
      result.files[0]!.after,
    );
  });

  test('documents that do not change keep their exact bytes', () => {
    const other =
      "---\n# a ConfigMap, untouched\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata:\n  a: 'quoted'\n";
    const sources = new Map([['all.yaml', FRONTEND + other]]);
    const result = editIntents(sources, declared([['all.yaml', 'frontend']]), {
      missing: [missing('frontend', 'cart', 'POST', '/cart')],
      stale: [],
    });
    assert.ok(result.files[0]!.after.endsWith(other));
  });

  test('v1 intents: adds to HTTPResources of the right call, keeping `- ` at the key’s indentation', () => {
    const v1 = `apiVersion: k8s.otterize.com/v1alpha3
kind: ClientIntents
metadata:
  name: frontend
  namespace: shop
spec:
  service:
    name: frontend
  calls:
  - name: orders
    type: http
    HTTPResources:
    - path: /orders
      methods:
      - GET
`;
    const sources = new Map([['intents/frontend.yaml', v1]]);
    const result = editIntents(
      sources,
      declared([['intents/frontend.yaml', 'frontend', 'k8s.otterize.com/v1alpha3']]),
      {
        missing: [missing('frontend', 'orders', 'POST', '/orders/new')],
        stale: [],
      },
    );
    assert.equal(result.files[0]!.after, `${v1}    - path: /orders/new\n      methods:\n      - POST\n`);
  });

  test('names YAML 1.1 reads as booleans (kubectl does) are quoted, in an edited file and a new one', () => {
    const sources = new Map([['intents/frontend.yaml', FRONTEND]]);
    const result = editIntents(sources, declared([['intents/frontend.yaml', 'frontend']]), {
      missing: [
        missing('frontend', 'on', 'GET', '/a'),
        missing('no', 'y', 'GET', '/b'),
        // go-yaml's own rule (a sign after 0b), unknown to the yaml package's YAML 1.1 quoting.
        missing('frontend', '0b-1', 'GET', '/c'),
      ],
      stale: [],
    });
    const after = new Map(result.files.map((f) => [f.file, f.after]));
    assert.match(after.get('intents/frontend.yaml')!, /- kubernetes:\n {8}name: "on"\n/);
    assert.match(after.get('intents/frontend.yaml')!, /- kubernetes:\n {8}name: "0b-1"\n/);
    // Read as kubectl reads them, the edited file and the new one are read whole, names as strings.
    for (const [file, text] of after) assert.doesNotThrow(() => loadFromText(text, file));
    const created = after.get('intents/no.yaml')!;
    assert.match(created, /\n {2}name: "no"\n/);
    assert.match(created, /- kubernetes:\n {8}name: "y"\n/);
    // Read as YAML 1.1 (go-yaml v2, kubectl's), every name is still the string it was.
    for (const text of after.values()) {
      const names = JSON.stringify(parseDocument(text, { version: '1.1' }).toJS()).match(/"name":[^,}]+/g);
      assert.ok(
        names?.every((n) => /"name":"[^"]+"/.test(n)),
        String(names),
      );
    }
  });

  test('a client without intents gets a new file named like its neighbours, in the same folder', () => {
    const sources = new Map([['deploy/intents/frontend.shop.yaml', FRONTEND]]);
    const result = editIntents(sources, declared([['deploy/intents/frontend.shop.yaml', 'frontend']]), {
      missing: [missing('checkout', 'orders', 'POST', '/orders')],
      stale: [],
    });
    assert.equal(result.files.length, 1);
    const created = result.files[0]!;
    assert.equal(created.file, 'deploy/intents/checkout.shop.yaml');
    assert.equal(created.before, null);
    assert.match(
      created.after,
      /^apiVersion: k8s.otterize.com\/v2beta1\nkind: ClientIntents\nmetadata:\n {2}name: checkout\n/,
    );
    assert.match(
      created.after,
      /- kubernetes:\n {8}name: orders\n {8}kind: Deployment\n {8}http:\n {10}- path: \/orders\n/,
    );
    assert.match(
      suggestedPatch(result.files),
      /^--- \/dev\/null\n\+\+\+ b\/deploy\/intents\/checkout.shop.yaml\n/,
    );
  });

  test("a new client's document declares each call's template, once, not the ids called", () => {
    const sources = new Map([['intents/frontend.yaml', FRONTEND]]);
    const result = editIntents(sources, declared([['intents/frontend.yaml', 'frontend']]), {
      missing: [
        missing('checkout', 'orders', 'GET', '/orders/8812', { suggestedPath: '/orders/{*}' }),
        missing('checkout', 'orders', 'GET', '/orders/8813', { suggestedPath: '/orders/{*}' }),
      ],
      stale: [],
    });
    const created = result.files.find((f) => f.before === null)!;
    assert.match(created.after, /\n {8}http:\n {10}- path: \/orders\/\{\*\}\n {12}methods:\n {14}- GET\n$/);
    assert.doesNotMatch(created.after, /8812|8813/);
    assert.deepEqual(
      result.changes.map((c) => `${c.action} ${c.server} ${c.method} ${c.path} ${c.file}`),
      [
        'add orders GET /orders/{*} intents/checkout.yaml',
        'add orders GET /orders/{*} intents/checkout.yaml',
      ],
    );
  });

  test('one multi-document file stays one file: the new client is appended', () => {
    const second = FRONTEND.replaceAll('frontend', 'backend');
    const sources = new Map([['intents.yaml', `${FRONTEND}---\n${second}`]]);
    const result = editIntents(
      sources,
      declared([
        ['intents.yaml', 'frontend'],
        ['intents.yaml', 'backend'],
      ]),
      {
        missing: [
          missing('checkout', 'orders', 'POST', '/orders'),
          missing('frontend', 'cart', 'PUT', '/cart'),
        ],
        stale: [],
      },
    );
    assert.equal(result.files.length, 1);
    const after = result.files[0]!.after;
    assert.equal(after.split(/^---$/m).length, 3);
    assert.ok(
      after.includes('methods: [GET, PUT]'),
      'the edit of frontend is kept under the appended document',
    );
    assert.match(
      after,
      /---\napiVersion: k8s.otterize.com\/v2beta1\nkind: ClientIntents\nmetadata:\n {2}name: checkout\n/,
    );
  });
});

describe('ClientIntents inside a kind: List (as kubectl get -o yaml writes them)', () => {
  // As kubectl writes it: items and every list at its key's indentation.
  const list = `apiVersion: v1
items:
- apiVersion: k8s.otterize.com/v2beta1
  kind: ClientIntents
  metadata:
    name: frontend
    namespace: shop
  spec:
    targets:
    - kubernetes:
        name: orders
        http:
        - methods:
          - GET
          path: /orders
    - kubernetes:
        name: cart
    workload:
      kind: Deployment
      name: frontend
kind: List
metadata:
  resourceVersion: ""
`;
  const file = 'intents/all.yaml';

  test('a missing call is added to the item, and no second ClientIntents of the same name is made', () => {
    const result = editIntents(new Map([[file, list]]), declared([[file, 'frontend']]), {
      missing: [
        missing('frontend', 'orders', 'POST', '/orders'),
        missing('frontend', 'payments', 'POST', '/pay'),
      ],
      stale: [],
    });
    assert.deepEqual(
      result.files.map((f) => f.file),
      [file],
    );
    assert.equal(
      suggestedPatch(result.files),
      `--- a/intents/all.yaml
+++ b/intents/all.yaml
@@ -12,9 +12,17 @@
         http:
         - methods:
           - GET
+          - POST
           path: /orders
     - kubernetes:
         name: cart
+    - kubernetes:
+        name: payments
+        kind: Deployment
+        http:
+        - path: /pay
+          methods:
+          - POST
     workload:
       kind: Deployment
       name: frontend
`,
    );
    assert.deepEqual(result.skipped, []);
  });

  test('an item printed again quotes a name YAML 1.1 reads as a boolean, as kubectl would', () => {
    const result = editIntents(new Map([[file, list]]), declared([[file, 'frontend']]), {
      missing: [missing('frontend', 'on', 'GET', '/a'), missing('frontend', '0b-1', 'GET', '/b')],
      stale: [],
    });
    assert.match(suggestedPatch(result.files), /^\+ {8}name: "on"$/m);
    assert.match(suggestedPatch(result.files), /^\+ {8}name: "0b-1"$/m);
  });

  test('a stale rule is pruned from the item', () => {
    const result = editIntents(new Map([[file, list]]), declared([[file, 'frontend']]), {
      missing: [],
      stale: [stale('frontend', 'orders', 'GET', '/orders', file)],
    });
    const after = result.files[0]!.after;
    assert.ok(!after.includes('/orders'));
    assert.ok(!after.includes('name: orders'), 'a target whose last rule goes is dropped');
    assert.ok(after.includes('name: cart'));
  });
});

describe("ClientIntents inside a ClientIntentsList whose items name no kind (kubectl gives them the list's)", () => {
  // As the API server lists them: the items carry neither kind nor apiVersion.
  const list = (apiVersion: string, targets: string) => `apiVersion: ${apiVersion}
kind: ClientIntentsList
items:
- metadata:
    name: frontend
    namespace: shop
  spec:
${targets}
`;
  const file = 'intents/list.yaml';
  const edit = (text: string, apiVersion: string) =>
    editIntents(new Map([[file, text]]), declared([[file, 'frontend', apiVersion]]), {
      missing: [missing('frontend', 'orders', 'POST', '/orders')],
      stale: [],
    });

  test('v2beta1: the call is added to the item as a target, and the result reads back as ClientIntents', () => {
    const text = list(
      'k8s.otterize.com/v2beta1',
      '    workload:\n      name: frontend\n    targets:\n    - kubernetes:\n        name: cart',
    );
    const result = edit(text, 'k8s.otterize.com/v2beta1');
    assert.deepEqual(result.skipped, []);
    const after = result.files[0]!.after;
    assert.match(after, /- kubernetes:\n {8}name: orders\n/);
    assert.deepEqual(
      loadFromText(after, file).flatMap((d) => d.rules.map((r) => `${r.server.name} ${r.method} ${r.path}`)),
      ['cart null null', 'orders POST /orders'],
    );
  });

  test("v1alpha3: the item takes the list's apiVersion, so the call goes under calls, not targets", () => {
    const text = list(
      'k8s.otterize.com/v1alpha3',
      '    service:\n      name: frontend\n    calls:\n    - name: cart',
    );
    const result = edit(text, 'k8s.otterize.com/v1alpha3');
    assert.deepEqual(result.skipped, []);
    const after = result.files[0]!.after;
    assert.doesNotMatch(after, /targets:/);
    assert.deepEqual(
      loadFromText(after, file).flatMap((d) => d.rules.map((r) => `${r.server.name} ${r.method} ${r.path}`)),
      ['cart null null', 'orders POST /orders'],
    );
  });
});

describe('a file joining two styles (one written by kubectl, one by hand) keeps both', () => {
  const byHand = (name: string) => `apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: ${name}
  namespace: shop
spec:
  workload:
    name: ${name}
  targets:
    - kubernetes:
        name: orders
        http:
          - path: /orders
            methods:
              - GET
`;
  const byKubectl = (name: string) => `apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: ${name}
  namespace: shop
spec:
  targets:
  - kubernetes:
      name: orders
      http:
      - methods:
        - GET
        path: /orders
  workload:
    name: ${name}
`;
  /** The edit that adds the call `client` → orders POST /orders/new to `file`. */
  const addOrdersNew = (file: string, text: string, client: string) =>
    editIntents(new Map([[file, text]]), declared([[file, client]]), {
      missing: [missing(client, 'orders', 'POST', '/orders/new')],
      stale: [],
    });
  /** The lines the patch adds and removes (the hunks' bodies without context). */
  const changedLines = (patch: string) => patch.split('\n').filter((l) => /^[+-](?![+-]{2} )/.test(l));

  test('documents: the changed one is printed in its own style, so only the new rule is added', () => {
    const file = 'intents/all.yaml';
    // Two kubectl documents outvote the hand-written one across the file.
    const text = `${byHand('frontend')}---\n${byKubectl('a')}---\n${byKubectl('b')}`;
    const result = addOrdersNew(file, text, 'frontend');
    assert.deepEqual(changedLines(suggestedPatch(result.files)), [
      '+          - path: /orders/new',
      '+            methods:',
      '+              - POST',
    ]);
  });

  test('List items: the changed item alone is printed again, in its own style; the others keep their bytes', () => {
    const file = 'intents/list.yaml';
    const item = (doc: string, comment: string) =>
      `${comment}\n${doc
        .trimEnd()
        .split('\n')
        .map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`))
        .join('\n')}\n`;
    const text = `apiVersion: v1\nkind: List\nitems:\n${item(byHand('frontend'), '# by hand')}${item(byKubectl('a'), '# from kubectl')}${item(byKubectl('b'), '# from kubectl too')}`;
    const result = addOrdersNew(file, text, 'frontend');
    assert.deepEqual(changedLines(suggestedPatch(result.files)), [
      '+            - path: /orders/new',
      '+              methods:',
      '+                - POST',
    ]);
    const after = result.files[0]!.after;
    assert.equal(after.split('# by hand').length, 2, 'the comment before the item stays once');
    // An edit of a kubectl-style item keeps the hand-written one as it was.
    const other = addOrdersNew(file, text, 'a');
    assert.deepEqual(changedLines(suggestedPatch(other.files)), [
      '+        - path: /orders/new',
      '+          methods:',
      '+          - POST',
    ]);
  });
});

describe('ClientIntents with YAML anchors or aliases are left to a human', () => {
  const file = 'intents/list.yaml';
  const itemOf = (name: string, methods: string) => `- apiVersion: k8s.otterize.com/v2beta1
  kind: ClientIntents
  metadata:
    name: ${name}
    namespace: shop
  spec:
    workload:
      name: ${name}
    targets:
    - kubernetes:
        name: orders
        http:
        - path: /orders
          methods: ${methods}
`;
  // frontend's methods are shared with \`b\` through an alias; \`c\` shares nothing.
  const text = `apiVersion: v1\nkind: List\nitems:\n${itemOf('frontend', '&read [GET]')}${itemOf('b', '*read')}${itemOf('c', '[GET]')}`;
  const docs = declared([
    [file, 'frontend'],
    [file, 'b'],
    [file, 'c'],
  ]);

  test('a call that would go into an anchored list is not added: it would be granted to the alias too', () => {
    const result = editIntents(new Map([[file, text]]), docs, {
      missing: [
        missing('frontend', 'orders', 'POST', '/orders'),
        missing('b', 'orders', 'DELETE', '/orders'),
        missing('c', 'orders', 'PUT', '/orders'),
      ],
      stale: [],
    });
    assert.deepEqual(result.skipped, [
      'frontend: its ClientIntents (intents/list.yaml) use YAML anchors or aliases, so an edit there could change other rules too; edit them by hand',
      'b: its ClientIntents (intents/list.yaml) use YAML anchors or aliases, so an edit there could change other rules too; edit them by hand',
    ]);
    // Only c's item changes; what the file grants frontend and b is what it granted before.
    const read = parseDocument(result.files[0]!.after).toJS() as {
      items: { spec: { targets: { kubernetes: { http: { path: string; methods: string[] }[] } }[] } }[];
    };
    assert.deepEqual(
      read.items.map((i) => i.spec.targets[0]!.kubernetes.http[0]!.methods),
      [['GET'], ['GET'], ['GET', 'PUT']],
    );
    assert.ok(result.files[0]!.after.startsWith(text.slice(0, text.indexOf('- apiVersion', 40))));
  });

  test('a stale rule is not pruned from them either', () => {
    const result = editIntents(new Map([[file, text]]), docs, {
      missing: [],
      stale: [stale('b', 'orders', 'GET', '/orders', file)],
    });
    assert.deepEqual(result.files, []);
    assert.equal(result.skipped.length, 1);
    assert.match(
      result.skipped[0]!,
      /^b: its ClientIntents \(intents\/list\.yaml\) use YAML anchors or aliases/,
    );
  });
});

describe('a client whose ClientIntents the editor cannot find gets no second one', () => {
  test('its document changed since the check: the call is skipped with where it was read', () => {
    const file = 'intents/frontend.yaml';
    const renamed = FRONTEND.replace('    name: frontend\n', '    name: web\n');
    const result = editIntents(new Map([[file, renamed]]), declared([[file, 'frontend']]), {
      missing: [missing('frontend', 'orders', 'POST', '/orders')],
      stale: [],
    });
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.skipped, [
      `frontend: its ClientIntents (${file}:1) are not where the editor can change them; edit them by hand`,
    ]);
  });
});

describe('JSON intents are read, never edited', () => {
  const json = '[\n  {"kind": "ClientIntents", "apiVersion": "k8s.otterize.com/v2beta1"}\n]\n';
  const sources = new Map([['intents/all.json', json]]);
  const decl = declared([['intents/all.json', 'frontend']]);

  test('a path with control, bidi or zero-width characters is never written, for a home or a new client', () => {
    const sources = new Map([['intents/frontend.yaml', FRONTEND]]);
    const decl = declared([['intents/frontend.yaml', 'frontend']]);
    const result = editIntents(sources, decl, {
      missing: [
        missing('frontend', 'orders', 'GET', '/orders\n::warning::x'),
        missing('frontend', 'orders', 'GET', '/admin\u202eexe.gpj'),
        missing('batch', 'orders', 'GET', '/jobs\u200b'),
        missing('frontend', 'orders', 'POST', '/orders'),
      ],
      stale: [],
    });
    assert.deepEqual(
      result.changes.map((c) => [c.file, c.method, c.path]),
      [['intents/frontend.yaml', 'POST', '/orders']],
    );
    assert.equal(result.files.length, 1, 'no new file for batch');
    assert.ok(!/[\n\u202e\u200b]::|\u202e|\u200b|::warning/.test(result.files[0]!.after));
    assert.deepEqual(result.skipped, [
      'frontend: /orders\\n::warning::x holds control, bidi or zero-width characters; declare it by hand if it is real',
      'frontend: /admin\\u202eexe.gpj holds control, bidi or zero-width characters; declare it by hand if it is real',
      'batch: /jobs\\u200b holds control, bidi or zero-width characters; declare it by hand if it is real',
    ]);
  });

  test('a called path Istio refuses in a policy is never written, for a home or a new client', () => {
    const sources = new Map([['intents/frontend.yaml', FRONTEND]]);
    const decl = declared([['intents/frontend.yaml', 'frontend']]);
    const result = editIntents(sources, decl, {
      missing: [
        missing('frontend', 'orders', 'GET', '/users/{id}'),
        missing('batch', 'orders', 'GET', '/jobs/{name}'),
        missing('frontend', 'orders', 'POST', '/orders'),
      ],
      stale: [],
    });
    assert.deepEqual(
      result.changes.map((c) => [c.file, c.method, c.path]),
      [['intents/frontend.yaml', 'POST', '/orders']],
    );
    assert.equal(result.files.length, 1, 'no new file for batch');
    assert.ok(!result.files[0]!.after.includes('{id}'));
    const refused = (client: string, path: string, segment: string) =>
      `${client}: path "${path}" is left out: Istio refuses it in an AuthorizationPolicy (segment "${segment}" holds "{" or "}", which a path may hold only as a whole {*} or {**} segment); declare the call by hand`;
    assert.deepEqual(result.skipped, [
      refused('frontend', '/users/{id}', '{id}'),
      refused('batch', '/jobs/{name}', '{name}'),
    ]);
  });

  test('a new target that would become the same AuthorizationPolicy as one the file has is never written', () => {
    const text = `apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: frontend
  namespace: shop
spec:
  workload:
    name: frontend
    kind: Deployment
  targets:
    - kubernetes:
        name: orders-deployment
        http:
          - path: /a
            methods: [GET]
`;
    const sources = new Map([['intents/frontend.yaml', text]]);
    const result = editIntents(sources, declared([['intents/frontend.yaml', 'frontend']]), {
      missing: [missing('frontend', 'orders', 'GET', '/orders')],
      stale: [],
    });
    assert.deepEqual(result.changes, []);
    assert.deepEqual(result.skipped, [
      "frontend → orders: a new target would become the same AuthorizationPolicy as a target the file has (only one's rules would be in force); declare it by hand",
    ]);
  });

  test('a method the CRD cannot take (`get`, HEAD) is never written, for a home or a new client', () => {
    const sources = new Map([['intents/frontend.yaml', FRONTEND]]);
    const decl = declared([['intents/frontend.yaml', 'frontend']]);
    const result = editIntents(sources, decl, {
      missing: [
        missing('frontend', 'orders', 'get', '/orders'),
        missing('frontend', 'payments', 'HEAD', '/pay'),
        missing('batch', 'orders', 'get', '/jobs'),
        missing('frontend', 'orders', 'POST', '/orders'),
      ],
      stale: [],
    });
    assert.deepEqual(
      result.changes.map((c) => [c.file, c.method, c.path]),
      [['intents/frontend.yaml', 'POST', '/orders']],
    );
    assert.equal(result.files.length, 1, 'no new file for batch');
    assert.doesNotMatch(result.files[0]!.after, /\bget\b|HEAD|payments/);
    const why =
      'cannot be declared (ClientIntents take GET, POST, PUT, DELETE, OPTIONS, TRACE, PATCH, CONNECT; Istio matches methods case-sensitively); only a target without http, or an http rule with methods: [] for the path, allows it: declare that by hand if the call is meant';
    assert.deepEqual(result.skipped, [
      `frontend → orders: method "get" ${why}`,
      `frontend → payments: method "HEAD" ${why}`,
      `batch → orders: method "get" ${why}`,
    ]);
  });

  test('a missing call of a client whose intents are JSON is skipped, the JSON untouched', () => {
    const result = editIntents(sources, decl, {
      missing: [missing('frontend', 'catalog', 'GET', '/products')],
      stale: [stale('frontend', 'catalog', 'GET', '/old', 'intents/all.json')],
    });
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.changes, []);
    assert.deepEqual(result.skipped, [
      'frontend: its ClientIntents are JSON (intents/all.json); edit them by hand',
    ]);
  });

  test('each note is said once, however many calls it leaves out', () => {
    const result = editIntents(sources, decl, {
      missing: [
        missing('frontend', 'catalog', 'GET', '/products'),
        missing('frontend', 'catalog', 'POST', '/products'),
        missing('frontend', 'orders', 'GET', '/orders'),
      ],
      stale: [],
    });
    assert.deepEqual(result.skipped, [
      'frontend: its ClientIntents are JSON (intents/all.json); edit them by hand',
    ]);
  });

  test('a stale rule in a JSON ClientIntents (one object, not a list) is left: the JSON is never rewritten', () => {
    const file = 'intents/frontend.json';
    const text = `${JSON.stringify(
      {
        apiVersion: 'k8s.otterize.com/v2beta1',
        kind: 'ClientIntents',
        metadata: { name: 'frontend', namespace: 'shop' },
        spec: {
          workload: { name: 'frontend' },
          targets: [{ kubernetes: { name: 'catalog', http: [{ path: '/old', methods: ['GET', 'POST'] }] } }],
        },
      },
      null,
      2,
    )}\n`;
    assert.equal(loadFromText(text, file)[0]!.rules.length, 2, 'the check reads it');
    const result = editIntents(new Map([[file, text]]), declared([[file, 'frontend']]), {
      missing: [],
      stale: [stale('frontend', 'catalog', 'GET', '/old', file)],
    });
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.changes, []);
    assert.deepEqual(result.skipped, [`frontend: its ClientIntents are JSON (${file}); edit them by hand`]);
  });

  test('a new client gets a YAML file beside the JSON, never a YAML document inside it', () => {
    const result = editIntents(sources, decl, {
      missing: [missing('worker', 'catalog', 'GET', '/a')],
      stale: [],
    });
    assert.deepEqual(
      result.files.map((f) => [f.file, f.before]),
      [['intents/worker.yaml', null]],
    );
    assert.match(result.files[0]!.after, /^apiVersion: k8s.otterize.com\/v2beta1\nkind: ClientIntents\n/);
  });
});

const BLOCK_FRONTEND = `apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: frontend
  namespace: shop
spec:
  workload:
    name: frontend
  targets:
    - kubernetes:
        name: cart
        http:
          - path: /cart
            methods:
              - GET
`;

describe('editIntents work grows with the calls added, not their square', () => {
  // Counted, not timed: reads of a YAML list's `flow` flag (the style walk read the whole file for
  // each added call) and of a map's keys (each added path was looked up rule by rule).
  test('3,000 new paths for one server: bounded reads per path', () => {
    const N = 3000;
    const flows = new WeakMap<object, boolean | undefined>();
    let flowReads = 0;
    let gets = 0;
    Object.defineProperty(YAMLSeq.prototype, 'flow', {
      configurable: true,
      get(this: object) {
        flowReads++;
        return flows.get(this);
      },
      set(this: object, value: boolean | undefined) {
        flows.set(this, value);
      },
    });
    const get = YAMLMap.prototype.get;
    YAMLMap.prototype.get = function (this: YAMLMap, ...args: Parameters<typeof get>) {
      gets++;
      return get.apply(this, args);
    } as typeof get;
    try {
      // Block lists of methods: the walk finds no flow list, so it reads every one it passes.
      const sources = new Map([['intents/frontend.yaml', BLOCK_FRONTEND]]);
      const calls = Array.from({ length: N }, (_, i) => missing('frontend', 'cart', 'GET', `/cart/c${i}`));
      const result = editIntents(sources, declared([['intents/frontend.yaml', 'frontend']]), {
        missing: calls,
        stale: [],
      });
      assert.equal(result.changes.length, N);
      // Added in the file's block style, each once.
      const after = result.files[0]!.after;
      assert.match(after, /- path: \/cart\/c2999\n {12}methods:\n {14}- GET/);
      assert.equal(after.split('/cart/c17\n').length, 2);
    } finally {
      delete (YAMLSeq.prototype as { flow?: unknown }).flow;
      YAMLMap.prototype.get = get;
    }
    // Quadratic was about N * N / 2 of each (4,500,000).
    assert.ok(flowReads < 50 * N, `${flowReads} reads of flow`);
    assert.ok(gets < 50 * N, `${gets} map lookups`);
  });
});

describe('line ends and the byte order mark', () => {
  const file = 'intents/frontend.yaml';
  const crlf = BLOCK_FRONTEND.replaceAll('\n', '\r\n');

  test('a CRLF file stays CRLF: the patch adds lines and changes no other', () => {
    const result = editIntents(new Map([[file, crlf]]), declared([[file, 'frontend']]), {
      missing: [
        missing('frontend', 'orders', 'POST', '/orders/new'),
        missing('frontend', 'cart', 'GET', '/cart'),
      ],
      stale: [],
    });
    const after = result.files[0]!.after;
    assert.ok(!/(^|[^\r])\n/.test(after), 'every line ends CRLF');
    const patch = suggestedPatch(result.files);
    assert.ok(!patch.split('\n').some((l) => l.startsWith('-') && !l.startsWith('---')), patch);
  });

  test('a byte order mark stays', () => {
    const result = editIntents(new Map([[file, `\uFEFF${crlf}`]]), declared([[file, 'frontend']]), {
      missing: [missing('frontend', 'orders', 'POST', '/orders/new')],
      stale: [],
    });
    assert.ok(result.files[0]!.after.startsWith('\uFEFFapiVersion:'));
    assert.ok(!/(^|[^\r])\n/.test(result.files[0]!.after));
  });

  test('a file with LF line ends, or mixed ones, is left as yaml prints it', () => {
    const mixed = `${crlf.slice(0, crlf.indexOf('\r\n'))}\n${crlf.slice(crlf.indexOf('\r\n') + 2)}`;
    for (const text of [BLOCK_FRONTEND, mixed]) {
      const result = editIntents(new Map([[file, text]]), declared([[file, 'frontend']]), {
        missing: [missing('frontend', 'orders', 'POST', '/orders/new')],
        stale: [],
      });
      assert.match(result.files[0]!.after, /- path: \/orders\/new\n/);
    }
  });
});

describe('printing an edited file: what it keeps of the text around the edit', () => {
  const file = 'intents/all.yaml';
  // A kubectl-style item: every list at its key's indentation.
  const ITEM = `apiVersion: k8s.otterize.com/v2beta1
  kind: ClientIntents
  metadata:
    name: frontend
    namespace: shop
  spec:
    workload:
      name: frontend
    targets:
    - kubernetes:
        name: orders
        http:
        - path: /orders
          methods:
          - GET`;
  const addPost = (text: string) =>
    editIntents(new Map([[file, text]]), declared([[file, 'frontend']]), {
      missing: [missing('frontend', 'orders', 'POST', '/orders')],
      stale: [],
    });

  test('a byte order mark before an unchanged document is kept once, not doubled', () => {
    const text = `\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n---\n${ITEM.replaceAll('\n  ', '\n')}\n`;
    const after = addPost(text).files[0]!.after;
    assert.ok(
      after.startsWith('\uFEFFapiVersion: v1\nkind: ConfigMap\n'),
      JSON.stringify(after.slice(0, 20)),
    );
    assert.ok(!after.startsWith('\uFEFF\uFEFF'));
    assert.ok(after.endsWith('        - GET\n        - POST\n'), JSON.stringify(after.slice(-40)));
  });

  test('a comment after the last document, and one after an edited document, stay once', () => {
    const doc = ITEM.replaceAll('\n  ', '\n');
    const after = addPost(`${doc}\n# after frontend\n---\nkind: ConfigMap\n---\n${doc}\n# end of file\n`)
      .files[0]!.after;
    assert.equal(after.split('# after frontend').length, 2, after);
    assert.equal(after.split('# end of file').length, 2, after);
    assert.ok(after.endsWith('# end of file\n'), JSON.stringify(after.slice(-40)));
  });

  test('a blank line before an edited List item stays one blank line', () => {
    const other = ITEM.replaceAll('name: frontend', 'name: other');
    const after = addPost(`apiVersion: v1\nkind: List\nitems:\n- ${other}\n\n- ${ITEM}\n`).files[0]!.after;
    assert.match(after, /- GET\n\n- apiVersion[\s\S]*- POST\n$/);
    assert.doesNotMatch(after, /\n\n\n/);
  });

  test("as many lists at their key's indentation as indented ones: the document keeps the former", () => {
    const text = `apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: frontend
  namespace: shop
spec:
  workload:
    name: frontend
  targets:
  - kubernetes:
      name: orders
      http:
        - path: /orders
          methods: [GET]
`;
    const result = editIntents(new Map([[file, text]]), declared([[file, 'frontend']]), {
      missing: [missing('frontend', 'payments', 'POST', '/pay')],
      stale: [],
    });
    assert.match(result.files[0]!.after, /\n {2}targets:\n {2}- kubernetes:\n/);
  });

  test('a comment after the end marker (`...`) of the last, edited document stays once', () => {
    const after = addPost(`${ITEM.replaceAll('\n  ', '\n')}\n...\n# end of file\n`).files[0]!.after;
    assert.ok(after.endsWith('- POST\n...\n# end of file\n'), JSON.stringify(after.slice(-40)));
  });

  test('the last item of a List without a final newline gets none', () => {
    const after = addPost(`apiVersion: v1\nkind: List\nitems:\n- ${ITEM}`).files[0]!.after;
    assert.ok(after.endsWith('          - GET\n          - POST'), JSON.stringify(after.slice(-40)));
  });

  test('a List printed whole (its item opens with a comment) keeps the 2-space indentation its text shows nowhere else', () => {
    // No key at column 0 has a nested map, so the file shows no indentation of its own: the
    // default (2) is kubectl's, and the patch is the comment moved and the new method.
    const result = addPost(`apiVersion: v1\nkind: List\nitems:\n- # frontend\n  ${ITEM}\n`);
    assert.deepEqual(
      suggestedPatch(result.files)
        .split('\n')
        .filter((l) => /^[+-](?![+-]{2} )/.test(l)),
      [
        '-- # frontend',
        '-  apiVersion: k8s.otterize.com/v2beta1',
        '+# frontend',
        '+- apiVersion: k8s.otterize.com/v2beta1',
        '+          - POST',
      ],
    );
  });
});

describe("a new client's document: its file and its API version", () => {
  const newClient = (sources: Map<string, string>, docs: [string, string, string?][]) =>
    editIntents(sources, declared(docs), {
      missing: [missing('checkout', 'orders', 'POST', '/orders')],
      stale: [],
    });

  test("takes the API version most of the repository's intents use", () => {
    const v1 = (name: string) =>
      `apiVersion: k8s.otterize.com/v1alpha3\nkind: ClientIntents\nmetadata:\n  name: ${name}\n`;
    const result = newClient(
      new Map([
        ['intents/a.yaml', v1('a')],
        ['intents/b.yaml', v1('b')],
        ['intents/c.yaml', FRONTEND],
      ]),
      [
        ['intents/a.yaml', 'a', 'k8s.otterize.com/v1alpha3'],
        ['intents/b.yaml', 'b', 'k8s.otterize.com/v1alpha3'],
        ['intents/c.yaml', 'c'],
      ],
    );
    const created = result.files.find((f) => f.before === null)!;
    assert.equal(created.file, 'intents/checkout.yaml');
    assert.match(created.after, /^apiVersion: k8s.otterize.com\/v1alpha3\n/);
    assert.match(created.after, /\n {2}calls:\n/);
  });

  test('a file of that name that holds no intents of the client is not written over: the name takes the namespace', () => {
    const kustomization = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
    const result = newClient(
      new Map([
        ['intents/frontend.yaml', FRONTEND],
        ['intents/checkout.yaml', kustomization],
      ]),
      [['intents/frontend.yaml', 'frontend']],
    );
    assert.deepEqual(
      result.files.map((f) => [f.file, f.before]),
      [['intents/checkout.shop.yaml', null]],
    );
  });

  test('appended to a multi-document file without a final newline: `---` on a line of its own', () => {
    const both = `${FRONTEND}---\n${FRONTEND.replaceAll('frontend', 'backend').trimEnd()}`;
    const result = newClient(new Map([['intents.yaml', both]]), [
      ['intents.yaml', 'frontend'],
      ['intents.yaml', 'backend'],
    ]);
    const after = result.files[0]!.after;
    assert.ok(after.startsWith(both), 'the file as it was, then the new document');
    assert.match(
      after.slice(both.length),
      /^\n---\napiVersion: k8s.otterize.com\/v2beta1\nkind: ClientIntents\nmetadata:\n {2}name: checkout\n/,
    );
    assert.equal(loadFromText(after, 'intents.yaml').length, 3);
    // The file was there: its patch changes it (`--- a/intents.yaml`), it does not create it.
    assert.equal(result.files[0]!.before, both);
    assert.match(suggestedPatch(result.files), /^--- a\/intents\.yaml\n\+\+\+ b\/intents\.yaml\n/);
  });
});

describe('which of a client’s documents the editor edits', () => {
  const addCart = (sources: IntentsSources, docs: DeclaredIntents) =>
    editIntents(sources, docs, { missing: [missing('frontend', 'cart', 'POST', '/cart')], stale: [] });

  test('a client also declared in JSON is left to a human, wherever its JSON document is listed', () => {
    const json = '{"apiVersion": "k8s.otterize.com/v2beta1", "kind": "ClientIntents"}\n';
    const sources = new Map([
      ['intents/a.yaml', FRONTEND],
      ['intents/b.json', json],
    ]);
    const result = addCart(
      sources,
      declared([
        ['intents/a.yaml', 'frontend'],
        ['intents/b.json', 'frontend'],
      ]),
    );
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.skipped, [
      'frontend: its ClientIntents are JSON (intents/b.json); edit them by hand',
    ]);
  });

  test('a file ending .JSON is JSON too', () => {
    const file = 'intents/export.JSON';
    const json = `${JSON.stringify(parseDocument(FRONTEND).toJS(), null, 2)}\n`;
    const result = addCart(new Map([[file, json]]), declared([[file, 'frontend']]));
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.skipped, [`frontend: its ClientIntents are JSON (${file}); edit them by hand`]);
  });

  test('a client of the same name in another namespace, declared in JSON, is another client', () => {
    const decl = declared([['intents/frontend.yaml', 'frontend']]);
    decl.documents.push({
      client: { name: 'frontend', namespace: 'other', kind: 'Deployment' },
      apiVersion: 'k8s.otterize.com/v2beta1',
      file: 'intents/other.json',
      line: 1,
    });
    const result = addCart(new Map([['intents/frontend.yaml', FRONTEND]]), decl);
    assert.deepEqual(result.skipped, []);
    assert.deepEqual(
      result.changes.map((c) => `${c.file} ${c.server} ${c.method} ${c.path}`),
      ['intents/frontend.yaml cart POST /cart'],
    );
  });

  test('a stale rule is pruned from the document it was read from, not from the client’s first', () => {
    // frontend has a document in each file (the second names no kind: a workload may have one of
    // each), both declaring orders GET /orders.
    const second = FRONTEND.replace(
      '  name: frontend\n  namespace',
      '  name: frontend-extra\n  namespace',
    ).replace('    name: frontend\n    kind: Deployment\n', '    name: frontend\n');
    const sources = new Map([
      ['intents/a.yaml', FRONTEND],
      ['intents/b.yaml', second],
    ]);
    const docs = declared([
      ['intents/a.yaml', 'frontend'],
      ['intents/b.yaml', 'frontend'],
    ]);
    const result = editIntents(sources, docs, {
      missing: [],
      stale: [stale('frontend', 'orders', 'GET', '/orders', 'intents/b.yaml')],
    });
    assert.deepEqual(
      result.files.map((f) => f.file),
      ['intents/b.yaml'],
    );
    assert.deepEqual(
      result.changes.map((c) => `${c.action} ${c.file} ${c.method} ${c.path}`),
      ['remove intents/b.yaml GET /orders'],
    );
  });

  test('a client whose first file is one the editor leaves alone (UTF-16) is edited in its next one', () => {
    const second = FRONTEND.replace(
      '  name: frontend\n  namespace',
      '  name: frontend-extra\n  namespace',
    ).replace('    name: frontend\n    kind: Deployment\n', '    name: frontend\n');
    const sources: IntentsSources = {
      has: (file) => file === 'intents/a.yaml' || file === 'intents/b.yaml',
      get: (file) => (file === 'intents/b.yaml' ? second : undefined),
      leftAlone: (file) =>
        file === 'intents/a.yaml' ? 'UTF-16, which the editor does not write' : undefined,
    };
    const result = addCart(
      sources,
      declared([
        ['intents/a.yaml', 'frontend'],
        ['intents/b.yaml', 'frontend'],
      ]),
    );
    assert.deepEqual(result.skipped, []);
    assert.deepEqual(
      result.changes.map((c) => `${c.file} ${c.server} ${c.method} ${c.path}`),
      ['intents/b.yaml cart POST /cart'],
    );
  });

  test('another kind naming the same workload (an ApprovedClientIntents) before the ClientIntents is not edited', () => {
    const approved = FRONTEND.replace('kind: ClientIntents', 'kind: ApprovedClientIntents').replace(
      '# frontend: owned by the web team\n',
      '',
    );
    const text = `${approved}---\n${FRONTEND}`;
    const result = addCart(
      new Map([['intents/all.yaml', text]]),
      declared([['intents/all.yaml', 'frontend']]),
    );
    const after = result.files[0]!.after;
    assert.ok(after.startsWith(`${approved}---\n`), 'the ApprovedClientIntents keeps its bytes');
    assert.ok(after.slice(approved.length).includes('methods: [GET, POST]'));
  });
});
