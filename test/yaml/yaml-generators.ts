// Generators of the YAML people write, shared by the tests of the readers that must agree with
// the yaml Composer (yaml-cst-tree.ts, plain-yaml.ts): every scalar style, comments, blank lines,
// CRLF, `---` and `...`, and random edits with the characters YAML cares about.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

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
/** Texts go-yaml v2 (kubectl's reader) types otherwise than YAML 1.2: booleans, numbers. */
const kubectlWords = fc.constantFrom('on', 'N', 'y', 'Off', '010', '1_000', '-0x1F', '0b-1', '.5_0', '1e999');
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

export interface YamlShapes {
  scalars: fc.Arbitrary<string>;
  flowItems: fc.Arbitrary<string>;
  keys: fc.Arbitrary<string>;
  blockScalars: boolean;
  separators?: fc.Arbitrary<string>;
  ends?: fc.Arbitrary<string>;
}

/** Multi-document YAML texts built from the given scalars and keys. */
export function yamlStreams(opts: YamlShapes): fc.Arbitrary<string> {
  const { node } = fc.letrec<{ node: Gen }>((tie) => {
    const kinds: fc.WeightedArbitrary<Gen>[] = [
      { weight: 3, arbitrary: opts.scalars.map((text): Gen => ({ kind: 'scalar', text })) },
      {
        weight: 1,
        arbitrary: fc.array(opts.flowItems, { maxLength: 3 }).map((items): Gen => ({ kind: 'flow', items })),
      },
      {
        weight: 1,
        arbitrary: fc
          .array(fc.tuple(opts.keys, tie('node')), { minLength: 1, maxLength: 4 })
          .map((entries): Gen => ({ kind: 'map', entries })),
      },
      {
        weight: 1,
        arbitrary: fc
          .array(tie('node'), { minLength: 1, maxLength: 4 })
          .map((items): Gen => ({ kind: 'seq', items })),
      },
    ];
    if (opts.blockScalars) {
      const block = fc.record({
        header: fc.constantFrom('|', '>', '|-', '>+', '|2'),
        lines: fc.array(opts.flowItems, { minLength: 1, maxLength: 3 }),
      });
      kinds.push({ weight: 1, arbitrary: block.map((b): Gen => ({ kind: 'block', ...b })) });
    }
    return { node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, ...kinds) as fc.Arbitrary<Gen> };
  });

  return fc
    .record({
      docs: fc.array(fc.tuple(node, style), { minLength: 1, maxLength: 3 }),
      start: fc.constantFrom('', '---\n', '# head\n---\n', '--- # c\n'),
      sep: opts.separators ?? fc.constantFrom('---\n', '...\n---\n', '--- \n'),
      end: opts.ends ?? fc.constantFrom('', '...\n', '\n\n', '# tail'),
      crlf: fc.boolean(),
    })
    .map(({ docs, start, sep, end, crlf }) => {
      const text = start + docs.map(([n, s]) => documentText(n, s)).join(sep) + end;
      return crlf ? text.replaceAll('\n', '\r\n') : text;
    });
}

/** Every kind of YAML people write. */
export const streams = yamlStreams({ scalars: scalarText, flowItems: plain, keys: key, blockScalars: true });

/** The same, with texts kubectl types otherwise as values, items and keys too. */
export const kubectlStreams = yamlStreams({
  scalars: fc.oneof(scalarText, kubectlWords),
  flowItems: fc.oneof(plain, kubectlWords),
  keys: fc.oneof(key, kubectlWords),
  blockScalars: true,
});

/** Random edits with the characters YAML cares about. */
export const edits = fc.array(
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

export function edit(text: string, changes: { at: number; drop: number; insert: string }[]): string {
  let t = text;
  for (const c of changes) {
    const at = c.at % (t.length + 1);
    t = t.slice(0, at) + c.insert + t.slice(at + c.drop);
  }
  return t;
}

export function yamlFilesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));
}
