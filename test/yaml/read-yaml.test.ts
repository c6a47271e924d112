import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseYamlDocuments } from '../../src/yaml/read-yaml.ts';
import { MAX_YAML_DEPTH, type YamlMap } from '../../src/yaml/yaml-tree.ts';

describe('parseYamlDocuments', () => {
  test('keeps the line of every node, across documents and empty documents', () => {
    const docs = parseYamlDocuments('# c\na:\n  b: [x, y]\n  c:\n    - 1\n---\n---\nz: 2\n', 'f.yaml');
    assert.deepEqual(
      docs.map((d) => [d.line, d.root?.type ?? null]),
      [
        [2, 'map'],
        [6, null],
        [8, 'map'],
      ],
    );
    const a = (docs[0]!.root as YamlMap).entries.get('a')!;
    assert.equal(a.keyLine, 2);
    const inner = a.value as YamlMap;
    assert.equal(inner.line, 3);
    const b = inner.entries.get('b')!.value;
    assert.equal(b.type === 'seq' && b.items.map((i) => i.line).join(), '3,3');
    const c = inner.entries.get('c')!;
    assert.equal(c.keyLine, 4);
    assert.equal(c.value.type === 'seq' && c.value.items[0]!.line, 5);
  });

  test('scalars keep their YAML 1.2 types; an empty value is null at the key line', () => {
    const [doc] = parseYamlDocuments('n: 42\nb: true\ns: "42"\ne:\n', 'f.yaml');
    const entries = (doc!.root as YamlMap).entries;
    assert.deepEqual(
      [...entries].map(([k, e]) => [k, e.value.type === 'scalar' ? e.value.value : '?', e.value.line]),
      [
        ['n', 42, 1],
        ['b', true, 2],
        ['s', '42', 3],
        ['e', null, 4],
      ],
    );
  });

  test('aliases expand to the anchored content at the alias line', () => {
    const [doc] = parseYamlDocuments('a: &x {k: v}\nb: *x\n', 'f.yaml');
    const b = (doc!.root as YamlMap).entries.get('b')!.value;
    assert.equal(b.type, 'map');
    assert.equal(b.line, 2);
  });

  test('a map holding an anchor or an alias, at any depth, is marked shared; its ancestors too, nothing else', () => {
    const [doc] = parseYamlDocuments(
      'spec:\n  targets:\n    - http:\n        - methods: &read [GET]\n        - methods: *read\nother:\n  plain: 1\nscalar: &s 3\n',
      'f.yaml',
    );
    const root = doc!.root as YamlMap;
    assert.equal(root.shared, true);
    assert.equal((root.entries.get('spec')!.value as YamlMap).shared, true);
    assert.equal((root.entries.get('other')!.value as YamlMap).shared, undefined);
    const [plain] = parseYamlDocuments('a:\n  b: [x]\n', 'f.yaml');
    assert.equal((plain!.root as YamlMap).shared, undefined);
  });

  test('a self-referencing alias stops at the depth limit', () => {
    assert.throws(() => parseYamlDocuments('a: &x [1, *x]\n', 'f.yaml'), {
      message: `YAML nested deeper than ${MAX_YAML_DEPTH} levels`,
      file: 'f.yaml',
    });
  });

  test('syntax errors carry the file and line and yaml’s own reason', () => {
    assert.throws(
      () => parseYamlDocuments('a: 1\nb: "x\n', 'x.yaml'),
      (err: Error) => {
        assert.equal(String(err), 'x.yaml:2: Missing closing "quote');
        return true;
      },
    );
  });
});
