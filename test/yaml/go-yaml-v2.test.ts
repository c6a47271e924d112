// kubectl's reading of unquoted scalars (go-yaml v2, YAML 1.1) where it is not YAML 1.2's.
// The expected values are go-yaml v2's, worked out from its resolve.go (v2.4) by hand.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { workloadsFromDocuments } from '../../src/declare/workload-manifests.ts';
import { goYamlV2Value } from '../../src/yaml/go-yaml-v2.ts';
import { plainYamlDocuments } from '../../src/yaml/plain-yaml.ts';
import { composeYamlDocuments, parseYamlDocuments, tokenizeYaml } from '../../src/yaml/read-yaml.ts';
import { documentsFromCst } from '../../src/yaml/yaml-cst-tree.ts';
import type { YamlMap, YamlScalar } from '../../src/yaml/yaml-tree.ts';

/** [text, go-yaml v2's value] */
const READINGS: [string, string | number | bigint | boolean | null][] = [
  // YAML 1.1's booleans, all spellings go-yaml v2 lists; 1.2 reads the first ones as strings.
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'].map(
    (w) => [w, true] as [string, boolean],
  ),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'].map(
    (w) => [w, false] as [string, boolean],
  ),
  ['', null],
  ['~', null],
  ['Null', null],
  ['NULL', null],
  // go-yaml v2's table of floats: every spelling it lists, the sign of -.inf kept.
  ...['.nan', '.NaN', '.NAN'].map((w) => [w, Number.NaN] as [string, number]),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map(
    (w) => [w, Number.POSITIVE_INFINITY] as [string, number],
  ),
  ...['-.inf', '-.Inf', '-.INF'].map((w) => [w, Number.NEGATIVE_INFINITY] as [string, number]),
  // Underscores dropped; Go's base prefixes in either case; a leading 0 is octal.
  ['1_000', 1000],
  ['1_', 1],
  ['0777', 511],
  ['010', 8],
  ['08', 8], // not octal: the float rule takes it
  ['0x1F', 31],
  ['0X1F', 31],
  ['-0x1F', -31],
  ['+0x1F', 31],
  ['0b101', 5],
  ['0B101', 5],
  ['-0b101', -5],
  ['0b-101', -5], // the explicit binary branch takes a sign after the prefix
  ['0b+11', 3],
  ['0o17', 15],
  ['0O17', 15],
  ['1_0.5', 10.5],
  ['.5', 0.5],
  ['.5_0', 0.5], // Go's ParseFloat takes `_` between digits (the `.` rule keeps them)
  ['.1_2e1_0', 1.2e9],
  ['.5__0', '.5__0'],
  ['._5', '._5'],
  ['.5_', '.5_'],
  ['1e3', 1000],
  ['9223372036854775807', 9223372036854775807n],
  ['18446744073709551615', 18446744073709551615n], // ParseUint's
  ['-9223372036854775809', -(2 ** 63)], // past int64: a float
  ['-9223372036854775808', -(2n ** 63n)], // int64's least: an int
  ['18446744073709551616', 2 ** 64], // past uint64: a float
  ['+18446744073709551615', 2 ** 64], // ParseUint takes no sign: a float
  ['1.', 1], // the float pattern allows no digits after the point
  ['0B-101', '0B-101'], // the explicit binary branch is `0b` only
  [`0b+${'1'.repeat(64)}`, `0b+${'1'.repeat(64)}`], // ParseInt overflows, ParseUint takes no sign
  // Strings to both.
  ['1e999', '1e999'], // ParseFloat's range error: not a float
  ['0x1FFFFFFFFFFFFFFFFF', '0x1FFFFFFFFFFFFFFFFF'], // past uint64, and no float
  ['2006-01-02', '2006-01-02'], // a timestamp decoded into interface{} stays a string
  ['1:20', '1:20'], // no base-60 numbers in go-yaml v2
  ['_1', '_1'],
  ['3scale', '3scale'],
  ['yess', 'yess'],
  ['oN', 'oN'],
  ['-', '-'],
  ['+.5x', '+.5x'],
];

const scalarAt = (text: string, key: string): YamlScalar => {
  const root = parseYamlDocuments(text, 'f.yaml')[0]!.root as YamlMap;
  return root.entries.get(key)!.value as YamlScalar;
};

describe('goYamlV2Value (what kubectl reads an unquoted scalar as)', () => {
  for (const [text, expected] of READINGS) {
    test(`${JSON.stringify(text)} -> ${typeof expected} ${String(expected)}`, () => {
      assert.equal(goYamlV2Value(text), expected);
    });
  }
});

describe('the readers take kubectl’s reading, and keep what was written', () => {
  test('unquoted scalars kubectl reads otherwise carry their text; quoted, tagged and folded ones do not', () => {
    const text = [
      'a: on',
      'b: "on"',
      "c: 'no'",
      'd: !!str yes',
      'e: [y, n, GET]',
      'f: 1_000',
      'g: yes',
      '  no',
      'h: online',
      'i: 42',
      'j: &x off',
      'k: *x',
      '',
    ].join('\n');
    const root = parseYamlDocuments(text, 'f.yaml')[0]!.root as YamlMap;
    const shown = [...root.entries].map(([key, { value }]) =>
      value.type === 'seq'
        ? `${key}=[${value.items.map((i) => `${String((i as YamlScalar).value)}/${(i as YamlScalar).written}`)}]`
        : `${key}=${String((value as YamlScalar).value)}/${(value as YamlScalar).written}`,
    );
    assert.deepEqual(shown, [
      'a=true/on',
      'b=on/undefined',
      'c=no/undefined',
      'd=yes/undefined',
      'e=[true/y,false/n,GET/undefined]',
      'f=1000/1_000',
      'g=yes no/undefined',
      'h=online/undefined',
      'i=42/undefined',
      'j=false/off',
      'k=false/off',
    ]);
  });

  test('the two short ways hand such a value to the Composer; the rest they still take', () => {
    for (const text of ['name: on\n', 'name: x\nlist: [a, N]\n', 'port: 010\n', 'n: -0x1F\n', 'n: 1_0\n']) {
      assert.equal(plainYamlDocuments(text), undefined, text);
      const { tokens, lineOf } = tokenizeYaml(text, 'f.yaml');
      assert.equal(documentsFromCst(tokens, text, lineOf), undefined, text);
      assert.deepEqual(parseYamlDocuments(text, 'f.yaml'), composeYamlDocuments(text, 'f.yaml'));
    }
    const plain = 'name: online\nmethods: [GET, POST]\nport: 80\n';
    assert.notEqual(plainYamlDocuments(plain), undefined);
    const { tokens, lineOf } = tokenizeYaml(plain, 'f.yaml');
    assert.notEqual(documentsFromCst(tokens, plain, lineOf), undefined);
  });

  test('keys are kubectl’s too: `on:` is the key "true", `010:` the key "8"; quoted ones stay', () => {
    assert.equal(scalarAt('on: 1\n', 'true').value, 1);
    assert.equal(scalarAt('010: 1\n', '8').value, 1);
    assert.equal(scalarAt('"on": 1\n', 'on').value, 1);
    // int64's greatest is an int key to kubectl; a binary with a sign after its prefix too.
    assert.equal(scalarAt('9223372036854775807: 1\n', '9223372036854775807').value, 1);
    assert.equal(scalarAt(`0b-${'1'.repeat(40)}: 1\n`, '-1099511627775').value, 1);
    // The standard tags both read alike.
    assert.equal(scalarAt('a: !!seq [x]\n', 'a').type, 'seq');
    // Two keys kubectl reads as one (`y` and `true`) are a repeated key.
    assert.throws(() => parseYamlDocuments('y: 1\ntrue: 2\n', 'f.yaml'), /Map keys must be unique/);
  });
});

describe('manifests are read leniently: the text written', () => {
  test('a Deployment named on, labelled app: yes, is the workload "on" with label "yes"', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: on',
      '  namespace: no',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: yes',
      '',
    ].join('\n');
    const workloads = workloadsFromDocuments(parseYamlDocuments(text, 'd.yaml'), 'd.yaml', 'default');
    assert.deepEqual(
      workloads.map((w) => `${w.namespace}/${w.name} ${JSON.stringify(w.labels)}`),
      ['no/on {"app":"yes"}'],
    );
  });
});
