// The plain-YAML reader against the yaml Composer, its reference: whatever the reader accepts,
// the Composer must accept too and turn into the same tree, lines included. Documents come from
// the fixtures, from the generators of everyday YAML (yaml-generators.ts), from a generator of
// intents-shaped YAML the reader is meant to take, and from random edits of all of them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { kubectlReadingProblem } from '../../src/yaml/kubectl-reading.ts';
import { plainYamlDocuments } from '../../src/yaml/plain-yaml.ts';
import { composeYamlDocuments, parseYamlDocuments } from '../../src/yaml/read-yaml.ts';
import { MAX_YAML_DOCUMENTS, MAX_YAML_NODES, type YamlDocument } from '../../src/yaml/yaml-tree.ts';
import { edit, edits, streams, yamlFilesUnder } from './yaml-generators.ts';

const root = path.join(import.meta.dirname, '..', '..');
const RUNS = Number(process.env.YAML_RUNS ?? 3000);

function composed(text: string): YamlDocument[] | Error {
  try {
    return composeYamlDocuments(text, 't.yaml');
  } catch (err) {
    return err as Error;
  }
}

/** Checks one text; says whether the plain reader took it. */
function agrees(text: string): boolean {
  const plain = plainYamlDocuments(text);
  if (plain === undefined) return false;
  const reference = composed(text);
  if (reference instanceof Error) {
    assert.fail(
      `the plain reader accepted what the Composer refuses (${reference.message}):\n${JSON.stringify(text)}`,
    );
  }
  assert.deepStrictEqual(plain, reference, `trees differ for ${JSON.stringify(text)}`);
  return true;
}

/** A value as intents hold it, now and then one YAML would type or the reader hands over. */
const value = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.constantFrom(
      'GET',
      '/api/v1/users/{*}',
      '/static/{**}',
      'svc-1.team-1',
      'svc:nginx-service',
      'example/frontend:1.0',
      'Deployment',
      'a b',
      '80',
      '"quoted"',
      "'single'",
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('true', 'null', '1.5', '~', '-x', '"a\\"b"', '', '[x]') },
);
const method = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('GET', 'POST', 'DELETE', '"PUT"') },
  { weight: 1, arbitrary: fc.constantFrom('true', '1', '') },
);
const target = fc.record({
  name: value,
  kind: fc.option(value),
  http: fc.array(fc.record({ path: value, methods: fc.array(method, { maxLength: 3 }) }), { maxLength: 3 }),
});
const layout = fc.record({
  step: fc.integer({ min: 1, max: 4 }),
  compactSeq: fc.boolean(),
  flowMethods: fc.boolean(),
  comment: fc.nat({ max: 9 }),
  blank: fc.nat({ max: 9 }),
});

interface Layout {
  step: number;
  compactSeq: boolean;
  flowMethods: boolean;
  comment: number;
  blank: number;
}
interface Target {
  name: string;
  kind: string | null;
  http: { path: string; methods: string[] }[];
}

/** A ClientIntents document written with the given indentation, comments and blank lines. */
function intentsText(doc: { name: string; targets: Target[] }, l: Layout): string {
  const { step, compactSeq, flowMethods, comment, blank } = l;
  const out: string[] = [];
  const line = (indent: number, text: string) => {
    if (blank > 0 && out.length % (blank + 2) === 0) out.push('');
    out.push(
      `${' '.repeat(indent)}${text}${comment > 0 && out.length % (comment + 2) === 0 ? ' # note' : ''}`,
    );
  };
  const field = (indent: number, key: string, v: string) =>
    line(indent, v === '' ? `${key}:` : `${key}: ${v}`);
  line(0, 'apiVersion: k8s.otterize.com/v2beta1');
  line(0, 'kind: ClientIntents');
  line(0, 'metadata:');
  field(step, 'name', doc.name);
  line(0, 'spec:');
  line(step, 'targets:');
  const item = compactSeq ? step : 2 * step;
  for (const t of doc.targets) {
    line(item, '- kubernetes:');
    const inner = item + 2 + step;
    field(inner, 'name', t.name);
    if (t.kind !== null) field(inner, 'kind', t.kind);
    if (t.http.length === 0) continue;
    line(inner, 'http:');
    for (const r of t.http) {
      field(inner + step, '- path', r.path);
      if (flowMethods) line(inner + step + 2, `methods: [${r.methods.join(', ')}]`);
      else {
        line(inner + step + 2, 'methods:');
        for (const m of r.methods) line(inner + step + 2 + step, m === '' ? '-' : `- ${m}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

const intentsShaped = fc
  .record({
    docs: fc.array(
      fc.tuple(fc.record({ name: value, targets: fc.array(target, { minLength: 1, maxLength: 3 }) }), layout),
      { minLength: 1, maxLength: 3 },
    ),
    start: fc.constantFrom('', '---\n', '# head\n'),
    crlf: fc.boolean(),
  })
  .map(({ docs, start, crlf }) => {
    const text = start + docs.map(([d, l]) => intentsText(d, l)).join('---\n');
    return crlf ? text.replaceAll('\n', '\r\n') : text;
  });

describe('plainYamlDocuments (plain block YAML without the yaml parser)', () => {
  test('takes the demo and most intents fixtures, with the Composer’s trees', () => {
    const demo = yamlFilesUnder(path.join(root, 'fixtures', 'demo'));
    for (const file of demo) assert.ok(agrees(readFileSync(file, 'utf8')), `${file} went to yaml`);
    const intents = yamlFilesUnder(path.join(root, 'fixtures', 'intents'));
    const taken = new Set(intents.filter((file) => agrees(readFileSync(file, 'utf8'))));
    // The repository's own fixtures are what intents look like in a repository; the files copied
    // from Otterize's docs (upstream/) also show AWS ARNs, IP lists and doc markup, which the
    // reader leaves to yaml: most of those are taken too, with the same trees.
    const upstream = `${path.sep}upstream${path.sep}`;
    const own = intents.filter((file) => !file.includes(upstream));
    const copied = intents.filter((file) => file.includes(upstream));
    const ownTaken = own.filter((file) => taken.has(file)).length;
    const copiedTaken = copied.filter((file) => taken.has(file)).length;
    assert.ok(ownTaken >= own.length - 3, `only ${ownTaken} of ${own.length} taken`);
    assert.ok(
      copied.length >= 40 && copiedTaken >= copied.length * 0.8,
      `${copiedTaken} of ${copied.length} upstream`,
    );
  });

  test('never accepts a bad fixture the Composer refuses, and agrees on the rest', () => {
    const bad = [
      ...yamlFilesUnder(path.join(root, 'fixtures', 'bad')),
      ...yamlFilesUnder(path.join(root, 'fixtures', 'config')),
    ];
    assert.ok(bad.length >= 30);
    for (const file of bad) agrees(readFileSync(file, 'utf8'));
  });

  test('agrees with the Composer on generated documents of every kind', () => {
    fc.assert(
      fc.property(streams, (text) => {
        agrees(text);
      }),
      { numRuns: RUNS },
    );
  });

  test('agrees on intents-shaped documents, and takes most of them', () => {
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(intentsShaped, (text) => {
        runs++;
        if (agrees(text)) taken++;
      }),
      { numRuns: RUNS },
    );
    // Values YAML types (true, null, 1.5) are meant for yaml; most documents hold none.
    assert.ok(taken > runs / 3, `the plain reader took only ${taken} of ${runs}`);
  });

  test('agrees with the Composer on randomly edited documents', () => {
    fc.assert(
      fc.property(fc.oneof(streams, intentsShaped), edits, (text, changes) => {
        agrees(edit(text, changes));
      }),
      { numRuns: 2 * RUNS },
    );
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
      'a: GET\r', // a CR not before LF: part of the value for yaml (a fuzz run found it)
      'a:\r\n  - GET\r', // the same at the end of a CRLF document
      "k: 'q'\r", // after a quoted value: yaml's error
      'a: b\n  c\n', // a plain value over two lines
      'a: b: c\n', // an error
      'a: [x]#c\n', // a comment touching the flow sequence
      'a: x#c\n', // a '#' inside a value
      'a:\n  - x\n b: 1\n', // a key at the wrong indentation
      'a: true\n', // a boolean
      'a: ~\n', // a null
      'a: 1.5\n', // a float
      '1: a\n', // a key YAML types
      'a: 1\n---\n', // an empty last document
      'a: |\n  x\n', // a block scalar
      '- - a\n', // a nested sequence on one line
      'a: "x\\"y"\n', // an escape
      '- \ta: 1\n', // a tab after `-`, which the Composer refuses as indentation (and kubectl too)
      'a: [x\r, z]\n', // a CR inside a line: part of the item to yaml, not space to trim
      'a: \rb\n', // the same before a value
      '---\n---\na: 1\n', // an empty first document, which the Composer keeps
      'x: 1\n--- y\nb: 1\n', // `---` with a value after it
      'y: 1\n', // a key go-yaml v2 (kubectl) reads as true
      'On: x\n', // the same
      'a: "\n', // a lone double quote
      "a: '\n", // a lone single quote
      'a: 010\n', // an integer go-yaml v2 reads as octal (8)
      'a:b\n', // no space after the colon: the string "a:b", not a map
      'a: "\\u0041"\n', // an escape the Composer turns into "A"
      `a: 1\n${'k'.repeat(1025)}: 1\n`, // a key past YAML's 1,024 characters, which yaml and kubectl refuse
      `- ${'k'.repeat(1025)}: 1\n`, // the same in a list item
    ];
    for (const text of cases) {
      assert.equal(plainYamlDocuments(text), undefined, JSON.stringify(text));
      // What kubectl reads otherwise (a directive) is refused before any reader: nothing to compare.
      if (kubectlReadingProblem(text) !== undefined) continue;
      const reference = composed(text);
      if (reference instanceof Error)
        assert.throws(() => parseYamlDocuments(text, 't.yaml'), { message: reference.message });
      else assert.deepStrictEqual(parseYamlDocuments(text, 't.yaml'), reference);
    }
  });

  test('takes the benchmark’s intents shape (the case it exists for)', () => {
    const text = [
      'apiVersion: k8s.otterize.com/v2beta1',
      'kind: ClientIntents',
      'metadata:',
      '  name: svc-1',
      '  namespace: team-1',
      'spec:',
      '  workload:',
      '    name: svc-1',
      '    kind: Deployment',
      '  targets:',
      '    - kubernetes:',
      '        name: svc-2.team-2',
      '        kind: Deployment',
      '        http:',
      '          - path: /api/v1/orders',
      '            methods: [GET]',
      '          - path: /api/v1/items/17',
      '            methods: [GET, POST]',
      '',
    ].join('\n');
    assert.ok(agrees(text));
    assert.ok(agrees(text.replaceAll('\n', '\r\n')));
  });

  test('takes a large file of many documents (one manifest of 2,000 Deployments, about 800 KB)', () => {
    const deployment = (i: number) =>
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: svc-${i}`,
        `  namespace: team-${i % 20}`,
        'spec:',
        '  selector:',
        '    matchLabels:',
        `      app: svc-${i}`,
        '  template:',
        '    metadata:',
        '      labels:',
        `        app: svc-${i}`,
        '    spec:',
        `      serviceAccountName: svc-${i}`,
        '      containers:',
        '        - name: app',
        '          image: registry.example/app:1.0',
        '',
      ].join('\n');
    const text = Array.from({ length: 2000 }, (_, i) => deployment(i)).join('---\n');
    assert.ok(text.length > 512 * 1024);
    assert.ok(agrees(text));
  });

  test('hands over a text over 4 MiB in bytes though not in characters, which the reader refuses', () => {
    const text = `# ${'é'.repeat(2_500_000)}\na: b\n`;
    assert.ok(text.length < 4 * 1024 * 1024 && Buffer.byteLength(text) > 4 * 1024 * 1024);
    assert.ok(plainYamlDocuments(text) === undefined, 'handed over');
    assert.throws(() => parseYamlDocuments(text, 'big.yaml'), /file too large \(4\.8 MiB, limit 4\.0 MiB\)/);
  });

  test('hands over more documents than the limit, and more lines than the node limit allows, to the Composer', () => {
    const many = Array.from({ length: MAX_YAML_DOCUMENTS + 1 }, () => 'a: b\n').join('---\n');
    assert.ok(plainYamlDocuments(many) === undefined, 'handed over'); // (not assert.equal: it would print the trees)
    assert.throws(() => parseYamlDocuments(many, 't.yaml'), /more than 10000 YAML documents/);
    assert.ok(agrees(Array.from({ length: MAX_YAML_DOCUMENTS }, () => 'a: b\n').join('---\n')));
    const long = `items:\n${'  - x\n'.repeat(2 * MAX_YAML_NODES)}`;
    assert.ok(plainYamlDocuments(long) === undefined, 'handed over');
    assert.throws(() => parseYamlDocuments(long, 't.yaml'), /more than 200000 YAML values/);
  });
});
