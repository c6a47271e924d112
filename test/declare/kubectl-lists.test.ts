// Lists as kubectl apply reads them (src/yaml/kubectl-list.ts): any object with `items` is a
// list whose items are applied, items that name neither kind nor apiVersion take the list's
// (`ClientIntentsList` gives `ClientIntents`), and a ClientIntents with `items` is never applied.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { InputError } from '../../src/errors.ts';
import { ruleText } from './helpers.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-lists-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** The rules of one file written with `text`, as `file:line client -> server method path`. */
async function rulesOf(name: string, text: string): Promise<string[]> {
  await writeFile(path.join(dir, name), text);
  return (await loadIntents([name], { cwd: dir })).rules.map(ruleText);
}

async function errorOf(name: string, text: string): Promise<string> {
  await writeFile(path.join(dir, name), text);
  try {
    await loadIntents([name], { cwd: dir });
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return String(err);
  }
  assert.fail('loaded without an error');
}

const item = (name: string, server: string) => `- metadata: {name: ${name}, namespace: shop}
  spec:
    workload: {name: ${name}}
    targets:
    - kubernetes: {name: ${server}}
`;

describe('lists as kubectl applies them', () => {
  test('a ClientIntentsList as the API server lists it: items without kind or apiVersion are ClientIntents of its version', async () => {
    const text = `apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntentsList\nmetadata: {resourceVersion: "7"}\nitems:\n${item('a', 'b')}${item('c', 'd')}`;
    assert.deepEqual(await rulesOf('server-list.yaml', text), [
      'server-list.yaml:9 shop/a -> kubernetes shop/b * *',
      'server-list.yaml:14 shop/c -> kubernetes shop/d * *',
    ]);
  });

  test("an item's kind that is not a string names no kind, as Go's GetKind reads it: the item is a ClientIntents, refused for it", async () => {
    const text = `apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntentsList\nitems:\n- kind: 1\n  ${item('a', 'b').slice(2)}`;
    assert.equal(
      await errorOf('kind-number.yaml', text),
      'kind-number.yaml:4: kind: must be a string, not 1',
    );
  });

  test('v1alpha3 items take v1alpha3 (calls, not targets); an item naming its own kind keeps it; one naming only an apiVersion has no kind', async () => {
    const text = [
      'apiVersion: k8s.otterize.com/v1alpha3',
      'kind: ClientIntentsList',
      'items:',
      '- metadata: {name: a, namespace: shop}',
      '  spec: {service: {name: a}, calls: [{name: b}]}',
      '- {apiVersion: v1, kind: ConfigMap, metadata: {name: cm, namespace: shop}}',
      '- apiVersion: k8s.otterize.com/v1alpha3',
      '  metadata: {name: x, namespace: shop}',
      '  spec: {service: {name: x}, calls: [{name: y}]}',
      '',
    ].join('\n');
    assert.deepEqual(await rulesOf('v1-list.yaml', text), ['v1-list.yaml:5 shop/a -> kubernetes shop/b * *']);
  });

  test('the items of any kind with items are applied; a list inside a list is refused by kubectl: warned and skipped', async () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMapList',
      'items:',
      '- apiVersion: k8s.otterize.com/v2beta1',
      '  kind: ClientIntents',
      '  metadata: {name: a, namespace: shop}',
      '  spec: {workload: {name: a}, targets: [{kubernetes: {name: b}}]}',
      '- apiVersion: v1',
      '  kind: List',
      '  items:',
      '  - apiVersion: k8s.otterize.com/v2beta1',
      '    kind: ClientIntents',
      '    metadata: {name: c, namespace: shop}',
      '    spec: {workload: {name: c}, targets: [{kubernetes: {name: d}}]}',
      '',
    ].join('\n');
    await writeFile(path.join(dir, 'nested.yaml'), text);
    const declared = await loadIntents(['nested.yaml'], { cwd: dir });
    assert.deepEqual(declared.rules.map(ruleText), ['nested.yaml:7 shop/a -> kubernetes shop/b * *']);
    assert.deepEqual(declared.warnings, [
      'nested.yaml:8: a list inside a list (kubectl refuses it); skipped',
    ]);
  });

  test('a ClientIntents with items is a list to kubectl, which never applies it: an error at items', async () => {
    const intents = (items: string) =>
      `apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata: {name: a, namespace: shop}\nspec:\n  workload: {name: a}\n  targets:\n  - kubernetes: {name: b}\n${items}\n`;
    for (const items of ['items: []', 'items:', 'items: null']) {
      assert.equal(
        await errorOf('with-items.yaml', intents(items)),
        'with-items.yaml:8: items: kubectl reads an object with items as a list and applies its items, not the object, so this ClientIntents would never be applied; remove items',
      );
    }
  });

  test("a list in the wrong group gives its items that group: the near-miss error names the list's apiVersion line", async () => {
    const text = `kind: ClientIntentsList\napiVersion: otterize.com/v2beta1\nitems:\n${item('a', 'b')}`;
    assert.equal(
      await errorOf('wrong-group.yaml', text),
      'wrong-group.yaml:2: apiVersion: "otterize.com/v2beta1" puts ClientIntents in the API group "otterize.com"; Otterize\'s is k8s.otterize.com (k8s.otterize.com/v2beta1, for instance)',
    );
  });

  test('a path holding only lists of other kinds names what their items are', async () => {
    const text =
      'apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- metadata: {name: web}\n- metadata: {name: api}\n';
    await writeFile(path.join(dir, 'deployments.yaml'), text);
    await assert.rejects(loadIntents(['deployments.yaml'], { cwd: dir }), (err) => {
      assert.equal(String(err), 'deployments.yaml: no ClientIntents here; found Deployment (2)');
      return true;
    });
  });
});
