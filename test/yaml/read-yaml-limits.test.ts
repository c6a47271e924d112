// The YAML reader's bounds at their edges (src/yaml/read-yaml.ts): a file of exactly the byte
// limit, exactly MAX_YAML_DOCUMENTS documents each after its `---` in a text long enough to be
// counted before parsing, flow maps counted among the values, the line of the value over the
// bound, and the line of an error in a JSON stream's later value.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { parseYamlDocuments, readYamlFile } from '../../src/yaml/read-yaml.ts';
import {
  MAX_YAML_BYTES,
  MAX_YAML_DOCUMENTS,
  MAX_YAML_VALUES,
  PRECOUNT_ABOVE_CHARS,
} from '../../src/yaml/yaml-tree.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'intent-drift-yaml-limits-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const lineOf = (fn: () => unknown): number | undefined => {
  try {
    fn();
  } catch (err) {
    return (err as { line?: number }).line;
  }
  assert.fail('not refused');
};

describe('the YAML reader at its bounds', () => {
  test('a file of exactly the byte limit is read (a tag sends it past the plain reader); one byte more is refused', () => {
    const head = 'a: !!str x\n#';
    const text = head + 'x'.repeat(MAX_YAML_BYTES - head.length - 1) + '\n';
    assert.equal(Buffer.byteLength(text), MAX_YAML_BYTES);
    writeFileSync(path.join(dir, 'full.yaml'), text);
    assert.equal(readYamlFile(path.join(dir, 'full.yaml'), 'full.yaml').length, 1);
    assert.equal(parseYamlDocuments(text, 'f.yaml').length, 1);
    writeFileSync(path.join(dir, 'over.yaml'), `${text}\n`);
    assert.throws(() => readYamlFile(path.join(dir, 'over.yaml'), 'over.yaml'), /file too large/);
  });

  test('exactly MAX_YAML_DOCUMENTS documents, each after its `---`, in a text counted before parsing', () => {
    const text = '---\na: !!str x\n'.repeat(MAX_YAML_DOCUMENTS);
    assert.ok(text.length > PRECOUNT_ABOVE_CHARS);
    assert.equal(parseYamlDocuments(text, 'f.yaml').length, MAX_YAML_DOCUMENTS);
    assert.throws(() => parseYamlDocuments(`${text}---\na: 1\n`, 'f.yaml'), /more than 10000 YAML documents/);
  });

  test('flow maps count among the values: a list of empty maps past the bound is refused before parsing', () => {
    const text = `[${'{}, '.repeat(MAX_YAML_VALUES)}{}]\n`;
    assert.throws(
      () => parseYamlDocuments(text, 'f.yaml'),
      /YAML values \(scalars and collections\); refused before parsing/,
    );
  });

  test('the value over the bound is reported at its own line, even when a line feed follows it', () => {
    // Line 1 holds three values (-, [, v); each later line two (-, v): value MAX + 1 is the v
    // ending line MAX / 2.
    const text = `- [v]\n${'- v\n'.repeat(MAX_YAML_VALUES / 2 + 10)}`;
    assert.equal(
      lineOf(() => parseYamlDocuments(text, 'f.yaml')),
      MAX_YAML_VALUES / 2,
    );
  });

  test('a JSON stream is held to the byte limit as a whole, not value by value', () => {
    const value = `{"a": "${'x'.repeat(3 * 1024 * 1024)}"}\n`;
    assert.equal(parseYamlDocuments(value, 'f.json').length, 1);
    assert.throws(
      () => parseYamlDocuments(value + value, 'f.json'),
      /file too large \(6\.0 MiB, limit 4\.0 MiB\)/,
    );
  });

  test("an error in a JSON stream's later value is at the file's line, not the value's", () => {
    const deep = `${'['.repeat(70)}${']'.repeat(70)}`;
    assert.equal(
      lineOf(() => parseYamlDocuments(`{"a": 1}\n\n{"b":\n ${deep}}\n`, 'f.json')),
      4,
    );
  });
});
