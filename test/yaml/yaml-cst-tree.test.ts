// The short way from CST to YamlNodes against the yaml Composer, its reference: whatever the
// short way accepts, the Composer must accept too and turn into the same tree, lines included.
// Documents come from the fixtures, from a generator of the YAML people write (every scalar
// style, comments, blank lines, CRLF, `---` and `...`), and from random edits of those.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { composeYamlDocuments, parseYamlDocuments, tokenizeYaml } from '../../src/yaml/read-yaml.ts';
import { documentsFromCst } from '../../src/yaml/yaml-cst-tree.ts';
import type { YamlDocument } from '../../src/yaml/yaml-tree.ts';

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

// ---- a generator of everyday YAML ----

type Gen =
  | { kind: 'map'; entries: [string, Gen][] }
  | { kind: 'seq'; items: Gen[] }
  | { kind: 'flow'; items: string[] }
  | { kind: 'scalar'; text: string }
  | { kind: 'block'; header: string; lines: string[] };

const plain = fc.constantFrom(
  'GET',
  '/api/v1/users/{*}',
  'svc-1.team-1',
  '1',
  '1.0',
  '1.50',
  '0x1F',
  '0o17',
  '+12',
  '-0',
  '1e3',
  '.inf',
  '-.Inf',
  '.nan',
  'true',
  'False',
  'yes',
  'null',
  'Null',
  '~',
  'a b',
  'a:b',
  'a #b',
  'x.y',
  'ÿ é',
  '2026-11-26',
  '-x',
  '?x',
  '12345678901234567890',
);
const quoted = fc.constantFrom("'it''s'", '"a\\"b\\n"', '"1"', "'true'", '""', "''", '"\\u00e9\\t"', '"#x"');
const scalarText = fc.oneof(
  { weight: 4, arbitrary: plain },
  { weight: 2, arbitrary: quoted },
  fc.constant(''),
);
const key = fc.constantFrom(
  'a',
  'b',
  'name',
  'path',
  'methods',
  '1',
  '1.0',
  '"q"',
  "'s'",
  'true',
  '~',
  'a b',
  'x.y',
  '<<',
  '"a"',
);

const { node } = fc.letrec<{ node: Gen }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: scalarText.map((text): Gen => ({ kind: 'scalar', text })) },
    fc.array(plain, { maxLength: 3 }).map((items): Gen => ({ kind: 'flow', items })),
    fc
      .record({
        header: fc.constantFrom('|', '>', '|-', '>+', '|2'),
        lines: fc.array(plain, { minLength: 1, maxLength: 3 }),
      })
      .map((b): Gen => ({ kind: 'block', ...b })),
    fc
      .array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 })
      .map((entries): Gen => ({ kind: 'map', entries })),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((items): Gen => ({ kind: 'seq', items })),
  ),
}));

interface Style {
  step: number;
  gap: string;
  comments: boolean[];
  blank: boolean[];
  compactSeq: boolean;
  compactMap: boolean;
}

const style = fc.record({
  step: fc.integer({ min: 1, max: 4 }),
  gap: fc.constantFrom(' ', '  '),
  comments: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  blank: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  compactSeq: fc.boolean(),
  compactMap: fc.boolean(),
});

/** Renders `n` as the value after `lead` (`key:` or `-`), at indentation `indent`. */
function render(n: Gen, lead: string, indent: number, s: Style, out: string[]): void {
  const pad = ' '.repeat(indent);
  const tail = () => (s.comments[out.length % 8] ? ' # note' : '');
  if (s.blank[out.length % 8])
    out.push(s.comments[(out.length + 3) % 8] ? `${pad}# about the next line` : '');
  const head = `${pad}${lead}`;
  switch (n.kind) {
    case 'scalar':
      out.push(n.text === '' ? `${head}${tail()}` : `${head}${s.gap}${n.text}${tail()}`);
      return;
    case 'flow':
      out.push(`${head}${s.gap}[${n.items.join(', ')}]${tail()}`);
      return;
    case 'block':
      out.push(`${head}${s.gap}${n.header}${tail()}`);
      for (const line of n.lines) out.push(`${' '.repeat(indent + s.step + 1)}${line}`);
      return;
    case 'map': {
      if (lead === '-' && s.compactMap) {
        // `- key: value` with the other keys under the first: how most intents are written.
        const inner: string[] = [];
        for (const [k, v] of n.entries) render(v, `${k}:`, indent + 2, s, inner);
        const first = inner.findIndex((line) => line.trim() !== '' && !line.trim().startsWith('#'));
        out.push(
          ...inner.slice(0, first),
          `${pad}- ${inner[first]!.slice(indent + 2)}`,
          ...inner.slice(first + 1),
        );
        return;
      }
      out.push(`${head}${tail()}`);
      for (const [k, v] of n.entries) render(v, `${k}:`, indent + s.step, s, out);
      return;
    }
    case 'seq': {
      out.push(`${head}${tail()}`);
      const inner = lead.endsWith(':') && s.compactSeq ? indent : indent + s.step;
      for (const item of n.items) render(item, '-', inner, s, out);
    }
  }
}

function documentText(n: Gen, s: Style): string {
  const out: string[] = [];
  if (n.kind === 'map') for (const [k, v] of n.entries) render(v, `${k}:`, 0, s, out);
  else if (n.kind === 'seq') for (const item of n.items) render(item, '-', 0, s, out);
  else
    out.push(
      n.kind === 'scalar' ? n.text : n.kind === 'flow' ? `[${n.items.join(', ')}]` : `|\n ${n.lines[0]}`,
    );
  return `${out.join('\n')}\n`;
}

const streams = fc
  .record({
    docs: fc.array(fc.tuple(node, style), { minLength: 1, maxLength: 3 }),
    start: fc.constantFrom('', '---\n', '# head\n---\n', '--- # c\n'),
    sep: fc.constantFrom('---\n', '...\n---\n', '--- \n'),
    end: fc.constantFrom('', '...\n', '\n\n', '# tail'),
    crlf: fc.boolean(),
  })
  .map(({ docs, start, sep, end, crlf }) => {
    const text = start + docs.map(([n, s]) => documentText(n, s)).join(sep) + end;
    return crlf ? text.replaceAll('\n', '\r\n') : text;
  });

/** Random edits with the characters YAML cares about. */
const edits = fc.array(
  fc.record({
    at: fc.nat(),
    drop: fc.integer({ min: 0, max: 2 }),
    insert: fc.constantFrom(
      '',
      ' ',
      '\n',
      ':',
      '- ',
      '#',
      '"',
      "'",
      '[',
      ']',
      ',',
      '{',
      '}',
      '|',
      '>',
      '&a ',
      '*a',
      '!!str ',
      '? ',
      '%',
      '\t',
      '  ',
      'x',
    ),
  }),
  { minLength: 1, maxLength: 3 },
);

function edit(text: string, changes: { at: number; drop: number; insert: string }[]): string {
  let t = text;
  for (const c of changes) {
    const at = c.at % (t.length + 1);
    t = t.slice(0, at) + c.insert + t.slice(at + c.drop);
  }
  return t;
}

function yamlFilesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));
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
    ];
    for (const text of cases) {
      assert.equal(shortWay(text), undefined, JSON.stringify(text));
      const reference = composed(text);
      if (reference instanceof Error)
        assert.throws(() => parseYamlDocuments(text, 't.yaml'), { message: reference.message });
      else assert.deepStrictEqual(parseYamlDocuments(text, 't.yaml'), reference);
    }
  });
});
