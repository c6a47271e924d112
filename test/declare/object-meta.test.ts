// A ClientIntents' metadata as kubectl and the API server check it (src/declare/object-meta.ts):
// a document either refuses is never applied, so its rules must not count. Each refusal is an
// error at its line; metadata as `kubectl get -o yaml` writes it is read as before.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isGoRfc3339 } from '../../src/declare/object-meta.ts';
import { parseClientIntentsDocuments } from '../../src/declare/parse-client-intents.ts';
import { parseYamlDocuments } from '../../src/yaml/read-yaml.ts';

/** A ClientIntents whose metadata lines are `lines` (indented under `metadata:`, from line 4). */
function intents(lines: string[]): string {
  return [
    'apiVersion: k8s.otterize.com/v2beta1',
    'kind: ClientIntents',
    'metadata:',
    ...lines.map((l) => `  ${l}`),
    'spec:',
    '  workload: {name: client}',
    '  targets:',
    '  - kubernetes: {name: server}',
    '',
  ].join('\n');
}

function read(text: string): number {
  return parseClientIntentsDocuments(parseYamlDocuments(text, 'm.yaml'), 'm.yaml')[0]!.rules.length;
}

function errorOf(lines: string[]): string {
  try {
    read(intents(lines));
  } catch (err) {
    return String(err);
  }
  return 'no error';
}

const BASE = ['name: client', 'namespace: shop'];

describe('ClientIntents metadata as kubectl and the API server check it', () => {
  test('metadata as kubectl get -o yaml writes it is read', () => {
    const text = intents([
      ...BASE,
      'annotations:',
      '  kubectl.kubernetes.io/last-applied-configuration: |',
      '    {"apiVersion":"k8s.otterize.com/v2beta1","kind":"ClientIntents"}',
      '  Example.COM/Owner: web-team',
      'creationTimestamp: "2024-02-29T10:00:00Z"',
      'deletionTimestamp: 2024-03-01T10:00:00.123456+01:00',
      'finalizers: [intents.otterize.com/client-intents-finalizer]',
      'generation: 3',
      'labels: {app: client, "example.com/tier": "", empty: null}',
      'managedFields:',
      '- {apiVersion: k8s.otterize.com/v2beta1, fieldsType: FieldsV1, manager: kubectl, operation: Update}',
      'ownerReferences:',
      '- {apiVersion: apps/v1, kind: Deployment, name: client, uid: 1c2d, controller: true}',
      'resourceVersion: "1234"',
      'uid: 0b6a6c5e-6f1e-4b7a-9a3e-0c7a8e1d2f3a',
      'selfLink: null',
      'generateName: client-',
    ]);
    assert.equal(read(text), 1);
  });

  test('a field of the wrong type: kubectl refuses the document before sending it', () => {
    const cases: [string, string][] = [
      ['labels: {tier: 1}', 'm.yaml:6: metadata.labels.tier: must be a string, not number 1'],
      [
        'labels: {tier: y}',
        'm.yaml:6: metadata.labels.tier: must be a string, not boolean true (kubectl reads the unquoted "y" as YAML 1.1 does; quote it for the string)',
      ],
      ['annotations: {note: [a]}', 'm.yaml:6: metadata.annotations.note: must be a string, not a list'],
      ['labels: [a]', 'm.yaml:6: metadata.labels: must be a map, not a list'],
      ['resourceVersion: 5', 'm.yaml:6: metadata.resourceVersion: must be a string, not number 5'],
      ['uid: 3', 'm.yaml:6: metadata.uid: must be a string, not number 3'],
      ['generation: "3"', 'm.yaml:6: metadata.generation: must be an integer (kubectl refuses the document)'],
      ['generation: 1.5', 'm.yaml:6: metadata.generation: must be an integer (kubectl refuses the document)'],
      ['finalizers: x', 'm.yaml:6: metadata.finalizers: must be a list, not a string'],
      ['ownerReferences: 3', 'm.yaml:6: metadata.ownerReferences: must be a list, not number 3'],
      ['managedFields: [3]', 'm.yaml:6: metadata.managedFields[0]: must be a map, not number 3'],
      [
        'creationTimestamp: yesterday',
        'm.yaml:6: metadata.creationTimestamp: "yesterday" is not an RFC 3339 time (kubectl refuses the document)',
      ],
      [
        'creationTimestamp: "2023-02-29T10:00:00Z"',
        'm.yaml:6: metadata.creationTimestamp: "2023-02-29T10:00:00Z" is not an RFC 3339 time (kubectl refuses the document)',
      ],
      [
        'deletionTimestamp: "2024-01-01T24:00:00Z"',
        'm.yaml:6: metadata.deletionTimestamp: "2024-01-01T24:00:00Z" is not an RFC 3339 time (kubectl refuses the document)',
      ],
      [
        'deletionTimestamp: "2024-01-01 10:00:00Z"',
        'm.yaml:6: metadata.deletionTimestamp: "2024-01-01 10:00:00Z" is not an RFC 3339 time (kubectl refuses the document)',
      ],
    ];
    for (const [line, expected] of cases) assert.equal(errorOf([...BASE, line]), expected, line);
  });

  test('a field ObjectMeta does not have: strict field validation refuses it', () => {
    assert.equal(
      errorOf([...BASE, 'label: {app: client}']),
      'm.yaml:6: metadata.label: unknown field (kubectl apply refuses it: strict field validation)',
    );
    assert.equal(
      errorOf([...BASE, 'clusterName: x']),
      'm.yaml:6: metadata.clusterName: unknown field (kubectl apply refuses it: strict field validation)',
    );
    assert.equal(
      errorOf([...BASE, 'ownerReferences:', '- {apiVersion: v1, kind: Pod, name: p, uid: u, owner: yes}']),
      'm.yaml:7: metadata.ownerReferences[0].owner: unknown field (kubectl apply refuses it: strict field validation)',
    );
  });

  test('values the API server refuses: names, namespaces, label keys and values, annotation keys and size', () => {
    assert.equal(
      errorOf(['name: Client_1', 'namespace: shop']),
      "m.yaml:4: metadata.name: \"Client_1\" is not a valid name (a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', at most 253); the API server refuses it",
    );
    assert.equal(
      errorOf(['name: client', 'namespace: shop.eu']),
      'm.yaml:5: metadata.namespace: "shop.eu" is not a valid namespace (a DNS-1123 label: lower-case letters, digits and \'-\', at most 63); the API server refuses it',
    );
    assert.equal(
      errorOf([...BASE, 'generateName: Client-']),
      'm.yaml:6: metadata.generateName: "Client-" is not a valid name prefix',
    );
    assert.equal(
      errorOf([...BASE, 'labels:', '  "tier/a/b": x']),
      'm.yaml:7: metadata.labels: "tier/a/b" is not a valid label key',
    );
    assert.equal(
      errorOf([...BASE, 'labels: {tier: "-x"}']),
      'm.yaml:6: metadata.labels.tier: "-x" is not a valid label value',
    );
    assert.equal(
      errorOf([...BASE, `labels: {tier: ${'a'.repeat(64)}}`]),
      `m.yaml:6: metadata.labels.tier: "${'a'.repeat(64)}" is not a valid label value`,
    );
    assert.equal(
      errorOf([...BASE, 'annotations: {"a b": x}']),
      'm.yaml:6: metadata.annotations: "a b" is not a valid annotation key',
    );
    const big = 'x'.repeat(128 * 1024);
    assert.equal(
      errorOf([...BASE, `annotations: {a: ${big}, b: ${big}}`]),
      `m.yaml:6: metadata.annotations: ${256 * 1024 + 2} bytes, more than the API server's limit of ${256 * 1024}`,
    );
    assert.equal(errorOf([...BASE, `annotations: {a: ${big}, b: ${big.slice(2)}}`]), 'no error');
    assert.equal(
      errorOf([...BASE, 'generation: -1']),
      'm.yaml:6: metadata.generation: must be greater than or equal to 0',
    );
    assert.equal(
      errorOf([...BASE, 'finalizers: ["bad finalizer"]']),
      'm.yaml:6: metadata.finalizers[0]: "bad finalizer" is not a valid finalizer name',
    );
  });

  test('a hostile label key or name is refused, and named escaped, never as raw control bytes', () => {
    assert.equal(
      errorOf([...BASE, 'labels: {"x\\e[31mred": a}']),
      'm.yaml:6: metadata.labels: "x\\u001b[31mred" is not a valid label key',
    );
    assert.equal(
      errorOf(['name: ../../etc', 'namespace: shop']),
      "m.yaml:4: metadata.name: \"../../etc\" is not a valid name (a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', at most 253); the API server refuses it",
    );
  });

  test('owner references: the required fields, and one controller at most', () => {
    assert.equal(
      errorOf([...BASE, 'ownerReferences:', '- {apiVersion: v1, kind: Pod, name: p}']),
      'm.yaml:7: metadata.ownerReferences[0].uid: required',
    );
    assert.equal(
      errorOf([
        ...BASE,
        'ownerReferences:',
        '- {apiVersion: v1, kind: Pod, name: p, uid: u, controller: "yes"}',
      ]),
      'm.yaml:7: metadata.ownerReferences[0].controller: must be true or false (kubectl refuses the document)',
    );
    assert.equal(
      errorOf([
        ...BASE,
        'ownerReferences:',
        '- {apiVersion: v1, kind: Pod, name: p, uid: u, controller: true}',
        '- {apiVersion: v1, kind: Pod, name: q, uid: v, controller: true}',
      ]),
      'm.yaml:7: metadata.ownerReferences: only one reference can have controller: true',
    );
  });
});

describe('ClientIntents metadata: the edges of what kubectl and the API server take', () => {
  test('taken: generation 0, a grace period, a dotted name, a generated name ending in "-"', () => {
    for (const lines of [
      [...BASE, 'generation: 0'],
      [...BASE, 'deletionGracePeriodSeconds: 30'],
      ['name: client.v2', 'namespace: shop'],
      [...BASE, 'generateName: a-'],
    ]) {
      assert.equal(errorOf(lines), 'no error', lines.join('; '));
    }
  });

  test('refused: a generated name of "-" alone (the API server masks a trailing "-" only after another character)', () => {
    assert.equal(
      errorOf([...BASE, 'generateName: "-"']),
      'm.yaml:6: metadata.generateName: "-" is not a valid name prefix',
    );
  });

  test('refused: an Object.prototype key is no ObjectMeta field', () => {
    for (const key of ['toString', 'constructor', 'hasOwnProperty']) {
      assert.equal(
        errorOf([...BASE, `${key}: x`]),
        `m.yaml:6: metadata.${key}: unknown field (kubectl apply refuses it: strict field validation)`,
      );
    }
  });

  test('refused: a generation past int64 (kubectl cannot decode it)', () => {
    assert.equal(
      errorOf([...BASE, 'generation: 9223372036854775808']),
      'm.yaml:6: metadata.generation: must be an integer (kubectl refuses the document)',
    );
    assert.equal(errorOf([...BASE, 'generation: 9223372036854775807']), 'no error');
  });

  test('annotations are counted in UTF-8 bytes, as the API server counts them', () => {
    // 2 bytes each: 131,072 characters, 262,144 bytes, with the key's byte past the limit.
    const wide = 'é'.repeat(128 * 1024);
    assert.equal(
      errorOf([...BASE, `annotations: {a: ${wide}}`]),
      `m.yaml:6: metadata.annotations: ${256 * 1024 + 1} bytes, more than the API server's limit of ${256 * 1024}`,
    );
  });

  test('owner references: an empty required field is as missing as an absent one, apiVersion included', () => {
    assert.equal(
      errorOf([...BASE, 'ownerReferences:', '- {apiVersion: v1, kind: Pod, name: p, uid: ""}']),
      'm.yaml:7: metadata.ownerReferences[0].uid: required',
    );
    assert.equal(
      errorOf([...BASE, 'ownerReferences:', '- {kind: Pod, name: p, uid: u}']),
      'm.yaml:7: metadata.ownerReferences[0].apiVersion: required',
    );
  });

  test('times: leap days by the Gregorian rule, 30-day months, minutes, comma fractions, offsets to 24:60', () => {
    const cases: [string, boolean][] = [
      ['2000-02-29T10:00:00Z', true],
      ['1900-02-29T10:00:00Z', false],
      ['2024-09-30T10:00:00Z', true],
      ['2024-09-31T10:00:00Z', false],
      ['2024-04-31T10:00:00Z', false],
      ['2024-01-01T10:59:59Z', true],
      ['2024-01-01T10:60:00Z', false],
      ['2024-01-01T10:00:60Z', false],
      ['2024-01-01T10:00:00,5Z', true],
      ['2024-01-01T10:00:00.5Z', true],
      ['2024-01-01T10:00:00+24:00', true],
      ['2024-01-01T10:00:00-24:60', true],
      ['2024-01-01T10:00:00+25:00', false],
    ];
    for (const [text, taken] of cases) assert.equal(isGoRfc3339(text), taken, text);
    assert.equal(errorOf([...BASE, 'creationTimestamp: "2000-02-29T10:00:00Z"']), 'no error');
  });
});
