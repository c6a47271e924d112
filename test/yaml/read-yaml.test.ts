import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseYamlDocuments } from '../../src/yaml/read-yaml.ts';
import { MAX_YAML_DEPTH, MAX_YAML_NODES, type YamlMap } from '../../src/yaml/yaml-tree.ts';

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
    const [doc] = parseYamlDocuments('i: 42\nb: true\ns: "42"\ne:\n', 'f.yaml');
    const entries = (doc!.root as YamlMap).entries;
    assert.deepEqual(
      [...entries].map(([k, e]) => [k, e.value.type === 'scalar' ? e.value.value : '?', e.value.line]),
      [
        ['i', 42, 1],
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

  test('merge keys as Kubernetes reads them (goyaml.v2): keys set in the order written, merged maps too', () => {
    const entries = (text: string, key = 'b') => {
      const [doc] = parseYamlDocuments(text, 'f.yaml');
      const map = (doc!.root as YamlMap).entries.get(key)!.value as YamlMap;
      return [...map.entries]
        .map(([k, e]) => `${k}=${e.value.type === 'scalar' ? e.value.value : e.value.type}@${e.keyLine}`)
        .sort();
    };
    // A key written after `<<` wins; the merged ones keep the lines they were written at.
    assert.deepEqual(entries('a: &x\n  k: 1\n  m: 2\nb:\n  <<: *x\n  m: 3\n'), ['k=1@2', 'm=3@6']);
    // One written before it loses to the merged map, as goyaml.v2's decoder sets them.
    assert.deepEqual(entries('a: &x\n  k: 1\n  m: 2\nb:\n  m: 3\n  <<: *x\n'), ['k=1@2', 'm=2@3']);
    // Of a list of maps, the first wins.
    assert.deepEqual(entries('a: &x {k: 1}\nc: &y {k: 2, z: 5}\nb:\n  <<: [*x, *y]\n'), ['k=1@1', 'z=5@2']);
    // A map written in place, block or flow, and the !!merge tag.
    assert.deepEqual(entries('b:\n  <<:\n    k: 1\n  j: 2\n'), ['j=2@4', 'k=1@3']);
    assert.deepEqual(entries('b:\n  <<: {k: 1}\n  j: 2\n'), ['j=2@3', 'k=1@2']);
    assert.deepEqual(entries('b:\n  !!merge <<: {k: 1}\n'), ['k=1@2']);
    // Quoted, `<<` is an ordinary key.
    assert.deepEqual(entries('b:\n  "<<": {k: 1}\n'), ['<<=map@2']);
  });

  test('a map with a merge key is shared (the editor leaves it); what a merge key cannot take is refused at its line', () => {
    const [doc] = parseYamlDocuments('b:\n  <<: {k: 1}\nc:\n  d: 1\n', 'f.yaml');
    const root = doc!.root as YamlMap;
    assert.equal((root.entries.get('b')!.value as YamlMap).shared, true);
    assert.equal((root.entries.get('c')!.value as YamlMap).shared, undefined);
    for (const [text, line] of [
      ['a: &s 3\nb:\n  <<: *s\n', 3],
      ['a: &s {k: 1}\nb:\n  <<: [*s, 4]\n', 3],
      ['b:\n  <<:\n', 2],
      ['b:\n  <<: [[1]]\n', 2],
    ] as const) {
      assert.throws(() => parseYamlDocuments(text, 'f.yaml'), {
        message: '<<: a merge key takes a map or a list of maps',
        file: 'f.yaml',
        line,
      });
    }
    // Written twice outside a merge, a key is still refused.
    assert.throws(() => parseYamlDocuments('b:\n  <<: {j: 1}\n  j: 2\n  j: 3\n', 'f.yaml'), {
      message: 'Map keys must be unique',
      line: 4,
    });
  });

  test('a merge of a merge of aliases counts toward the node budget', () => {
    const bomb = ['a0: &a0 {k: v}'];
    for (let i = 1; i <= 20; i++)
      bomb.push(`a${i}: &a${i}\n  <<: [*a${i - 1}]\n  x${i}: [*a${i - 1}, *a${i - 1}]`);
    assert.throws(
      () => parseYamlDocuments(`${bomb.join('\n')}\n`, 'f.yaml'),
      /too many YAML nodes after expanding aliases/,
    );
  });

  test('an anchored map is shared itself, an alias to it too', () => {
    const [doc] = parseYamlDocuments('a: &m\n  k: 1\nb: *m\nc:\n  k: 1\n', 'f.yaml');
    const root = doc!.root as YamlMap;
    assert.equal((root.entries.get('a')!.value as YamlMap).shared, true);
    assert.equal((root.entries.get('c')!.value as YamlMap).shared, undefined);
  });

  test('the node budget: reached exactly is read, one past it refused, at the alias that expanded past it', () => {
    const head = 'a: &s x\nb: *s\nitems:\n';
    // The map, a's value, the alias and what it stands for, the list: 5 nodes besides the items.
    const items = (n: number) => `${head}${'- x\n'.repeat(n)}`;
    assert.equal(parseYamlDocuments(items(MAX_YAML_NODES - 5), 'f.yaml').length, 1);
    // Past the budget after an alias was expanded: the line of the item, not the alias's.
    assert.throws(() => parseYamlDocuments(items(MAX_YAML_NODES - 4), 'f.yaml'), {
      message: /too many YAML nodes/,
      line: MAX_YAML_NODES - 4 + 3,
    });
    const wide = `a: &a [${'x, '.repeat(60_000)}x]\nb: *a\n`;
    assert.throws(() => parseYamlDocuments(wide, 'f.yaml'), { message: /too many YAML nodes/, line: 2 });
  });

  test('nested exactly to the depth limit is read, one level more refused', () => {
    // The anchor sends the text through the Composer; b's value is at depth 1, its innermost x at brackets + 1.
    const nested = (brackets: number) => `a: &s x\nb: ${'['.repeat(brackets)}x${']'.repeat(brackets)}\n`;
    assert.equal(parseYamlDocuments(nested(MAX_YAML_DEPTH - 1), 'f.yaml').length, 1);
    assert.throws(() => parseYamlDocuments(nested(MAX_YAML_DEPTH), 'f.yaml'), {
      message: `YAML nested deeper than ${MAX_YAML_DEPTH} levels`,
      line: 2,
    });
  });

  test('inside brackets, a plain value starting with ? or : is refused, as an indicator to kubectl', () => {
    for (const text of ['a: [x, :b]\n', 'a: {k: :b}\n', 'a: {?k: b}\n', 'a: [k: ?b]\n']) {
      assert.throws(() => parseYamlDocuments(text, 'f.yaml'), { message: /indicator/ }, text);
    }
  });

  test('escapes go-yaml v2 (kubectl) refuses in a double-quoted value, \\/ and a surrogate, are refused at their line', () => {
    // The short way (a plain map), the Composer's (an anchor), a flow sequence's item, a key.
    for (const before of ['a: 1\n', 'a: &x 1\n']) {
      for (const [escaped, message] of [
        ['\\/', /the escape \\\/ in a double-quoted value: kubectl \(go-yaml v2\) does not know it/],
        ['\\ud800', /a surrogate escape/],
        ['\\uD83D\\uDE00', /a surrogate escape/],
        ['\\U0000DFFF', /a surrogate escape/],
      ] as const) {
        for (const text of [
          `${before}b: "x${escaped}"\n`,
          `${before}b: [y, "${escaped}"]\n`,
          `${before}"${escaped}": 1\n`,
        ]) {
          assert.throws(
            () => parseYamlDocuments(text, 'f.yaml'),
            (err: Error & { file?: string; line?: number }) =>
              err.name === 'InputError' &&
              err.file === 'f.yaml' &&
              err.line === 2 &&
              message.test(err.message),
            JSON.stringify(text),
          );
        }
      }
    }
    // JSON to kubectl is read by Go's JSON decoder, where \\/ and a surrogate pair are escapes.
    for (const text of ['{"a": "\\/", "b": "\\ud83d\\ude00"}\n', '{"a": "\\/"}\n{"b": "\\ud83d\\ude00"}\n']) {
      const json = parseYamlDocuments(text, 'f.json').flatMap((d) =>
        [...(d.root as YamlMap).entries.values()].map((e) => (e.value as { value: unknown }).value),
      );
      assert.deepEqual(json, ['/', '\u{1F600}'], JSON.stringify(text));
    }
    // What go-yaml v2 reads: an escaped backslash before a slash, a code point past the surrogates, single quotes.
    const read = parseYamlDocuments('a: "\\\\/"\nb: "\\U0001F600\\ue000"\nc: \'\\/\'\n', 'f.yaml');
    const values = [...(read[0]!.root as YamlMap).entries.values()].map(
      (e) => (e.value as { value: unknown }).value,
    );
    assert.deepEqual(values, ['\\/', '\u{1F600}\ue000', '\\/']);
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
