// The YAML readers' kept values (src/yaml/scalar-strings.ts) are the values read, code unit for
// code unit: a copy through UTF-8 once turned a lone surrogate into U+FFFD.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYamlDocuments } from '../../src/yaml/read-yaml.ts';
import { scalarString, scalarValue } from '../../src/yaml/scalar-strings.ts';

const VALUES = [
  '',
  'GET',
  '/api/v1/orders/items/lines',
  'café',
  '\u00ff\u0000\u007f',
  '日本語のパス',
  'Ωmega ő \u0100 \u07ff',
  'emoji 😀 here',
  'lone \ud800 high',
  'lone \udfff low',
  '\udc00\ud800 reversed pair',
  'x'.repeat(256),
  'y'.repeat(300),
];

test('every kept value is the value given, code unit for code unit, and the same value is kept once', () => {
  for (const value of VALUES) {
    // Sliced out of a longer text, as a reader gives it.
    const text = `prefix ${value} suffix`;
    const slice = text.slice(7, 7 + value.length);
    assert.equal(scalarString(slice), value, JSON.stringify(value));
    assert.equal(scalarString(value), value);
  }
  assert.equal(scalarValue(8), 8);
  assert.equal(scalarValue(null), null);
  assert.equal(scalarValue(true), true);
});

test('a lone surrogate keeps its code unit; escaped in YAML, kubectl (go-yaml v2) refuses it, and so does the reader', () => {
  assert.equal(scalarString('a\ud800b-and-more-text'), 'a\ud800b-and-more-text');
  assert.throws(
    () => parseYamlDocuments('name: "a\\ud800b-and-more-text"\n', 'x.yaml'),
    /a surrogate escape/,
  );
});
