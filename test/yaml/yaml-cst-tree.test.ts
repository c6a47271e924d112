// The short way from CST to YamlNodes against the yaml Composer, its reference: whatever the
// short way accepts, the Composer must accept too and turn into the same tree, lines included.
// Documents come from the fixtures, from a generator of the YAML people write (every scalar
// style, comments, blank lines, CRLF, `---` and `...`), and from random edits of those.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { kubectlReadingProblem } from '../../src/yaml/kubectl-reading.ts';
import { composeYamlDocuments, parseYamlDocuments, tokenizeYaml } from '../../src/yaml/read-yaml.ts';
import { documentsFromCst } from '../../src/yaml/yaml-cst-tree.ts';
import type { YamlDocument } from '../../src/yaml/yaml-tree.ts';
import { edit, edits, streams, yamlFilesUnder } from './yaml-generators.ts';

const root = path.join(import.meta.dirname, '..', '..');

/** The short way's answer, or undefined when it hands the text to the Composer. */
function shortWay(text: string): YamlDocument[] | undefined {
  const { tokens, lineOf } = tokenizeYaml(text, 't.yaml');
  return documentsFromCst(tokens, text, lineOf);
}

function composed(text: string): YamlDocument[] | Error {
  try {
    return composeYamlDocuments(text, 't.yaml');
  } catch (err) {
    return err as Error;
  }
}

/** Checks one text; says whether the short way took it. */
function agrees(text: string): boolean {
  const fast = shortWay(text);
  if (fast === undefined) return false;
  const reference = composed(text);
  if (reference instanceof Error) {
    assert.fail(
      `the short way accepted what the Composer refuses (${reference.message}):\n${JSON.stringify(text)}`,
    );
  }
  assert.deepStrictEqual(fast, reference, `trees differ for ${JSON.stringify(text)}`);
  return true;
}

describe('documentsFromCst (the short way past the Composer)', () => {
  test('takes every good intents and manifest fixture, with the Composer’s trees', () => {
    // Upstream's files are real, not all good (docs samples with YAML errors): they are below.
    const upstream = path.join(root, 'fixtures', 'intents', 'upstream');
    const good = [
      ...yamlFilesUnder(path.join(root, 'fixtures', 'intents')).filter((f) => !f.startsWith(upstream)),
      ...yamlFilesUnder(path.join(root, 'fixtures', 'demo')),
    ];
    assert.ok(good.length >= 10, `only ${good.length} fixtures found`);
    for (const file of good) assert.ok(agrees(readFileSync(file, 'utf8')), `${file} went the long way`);
  });

  test('never accepts a bad fixture the Composer refuses, and agrees on the rest', () => {
    const bad = [
      ...yamlFilesUnder(path.join(root, 'fixtures', 'bad')),
      ...yamlFilesUnder(path.join(root, 'fixtures', 'config')),
      ...yamlFilesUnder(path.join(root, 'fixtures', 'intents', 'upstream')),
    ];
    assert.ok(bad.length >= 30);
    for (const file of bad) agrees(readFileSync(file, 'utf8'));
  });

  test('agrees with the Composer on generated documents, and takes most of them', () => {
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(streams, (text) => {
        runs++;
        if (agrees(text)) taken++;
      }),
      { numRuns: Number(process.env.YAML_RUNS ?? 3000) },
    );
    // Keys such as `<<` or duplicates, and some block scalars, are meant to go the long way,
    // but most generated documents must not: otherwise this test would check little.
    assert.ok(taken > runs / 3, `the short way took only ${taken} of ${runs}`);
  });

  test('agrees with the Composer on randomly edited documents', () => {
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(streams, edits, (text, changes) => {
        runs++;
        if (agrees(edit(text, changes))) taken++;
      }),
      { numRuns: 2 * Number(process.env.YAML_RUNS ?? 3000) },
    );
    assert.ok(taken > runs / 10, `the short way took only ${taken} of ${runs}`);
  });

  test('takes a document that is only null as an empty document, as the Composer does', () => {
    for (const text of ['null\n', '--- ~\n', '# c\n---\nnull\n']) {
      assert.ok(agrees(text), JSON.stringify(text));
      assert.equal(shortWay(text)![0]!.root, null);
    }
  });

  test('hands over what it does not take, and parseYamlDocuments still gives the Composer’s tree or error', () => {
    const cases = [
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      'a: {b: c}\n', // flow maps
      '? a\n: b\n', // explicit keys
      '%YAML 1.2\n---\na: 1\n', // directives
      'a:\n\t- b\n', // tabs
      'a: 1\na: 2\n', // duplicate keys
      'a: "x\n  y"\n', // a quoted value over two lines
      'a: b: c\n', // an error
      'a: [x]#c\n', // a comment touching the flow sequence
      'a:\n  - x\n b: 1\n', // a key at the wrong indentation
      `${'k'.repeat(1025)}: 1\n`, // a key past YAML's 1,024 characters, which the Composer and kubectl refuse
      '--- a: 1\n', // a block map on the `---` line
      'a: 1\n<<: x\n', // a merge key (here of a scalar, which the Composer refuses)
      '<<:\n  b: 1\n', // a merge key the Composer merges
      'null: a\n', // a null key, which kubectl refuses
      '~: a\n', // the same
      '1.50: a\n', // a float key, which kubectl writes as a 32-bit float
      'a: [, x]\n', // a leading comma
      'a: [:x]\n', // `:x` inside brackets, an indicator to go-yaml
      'a: [x\n', // an unclosed flow sequence
      'a: [x}\n', // a `[` closed by `}`
      'a: .inf\n', // an infinity, which kubectl cannot send as JSON
      'a: {]\n', // a `{` closed by `]`, which the Composer refuses
      'a: "\\/"\n', // an escape go-yaml v2 refuses
      'a: ["\\udc00"]\n', // the same: a surrogate
      // 65 nested maps, one past the depth limit the Composer words
      `${Array.from({ length: 64 }, (_, i) => `${'  '.repeat(i)}k:\n`).join('')}${'  '.repeat(64)}v: 1\n`,
      `a: [${Array(100_001).fill('x').join(', ')}]\n`, // a flow sequence past the node limit
    ];
    for (const text of cases) {
      assert.equal(shortWay(text), undefined, JSON.stringify(text));
      // What kubectl reads otherwise (a directive) is refused before any reader: nothing to compare.
      if (kubectlReadingProblem(text) !== undefined) continue;
      const reference = composed(text);
      if (reference instanceof Error)
        assert.throws(() => parseYamlDocuments(text, 't.yaml'), { message: reference.message });
      else assert.deepStrictEqual(parseYamlDocuments(text, 't.yaml'), reference);
    }
  });
});
