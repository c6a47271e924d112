// The byte-level exposition reader against the reader it replaced (test/support/
// reference-exposition-reader.ts: every wanted line decoded and parsed by parseExpositionLine).
// On generated sidecar-like texts, on random edits of them, and on any cutting into chunks,
// both give the same samples, or the same error with the same file and line; the observed
// map built from the byte reader's interned values equals the one the reference builder
// (test/support/reference-observed-map.ts: istioCallOf per sample, with main's name gate and
// its rule for Services no workload answered) builds from the reference's samples.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../../src/errors.ts';
import { FastLineParser } from '../../src/observe/exposition-fast-line.ts';
import type { Sample } from '../../src/observe/exposition-line.ts';
import { ObservedMapBuilder } from '../../src/observe/observed-map.ts';
import { readPrometheusText, SeriesReader } from '../../src/observe/prometheus-text.ts';
import { readPrometheusTextReference } from '../support/reference-exposition-reader.ts';
import { ReferenceObservedMapBuilder } from '../support/reference-observed-map.ts';
import { cutAt } from './helpers.ts';

const RUNS = Number(process.env.EXPOSITION_RUNS ?? 1500);
const WANTED = new Set(['istio_requests_total', 'istio_tcp_connections_opened_total']);

type Outcome = { samples: Sample[]; lines: number } | { error: string; file?: string; line?: number };

async function outcome(read: () => Promise<{ lines: number }>, samples: Sample[]): Promise<Outcome> {
  try {
    const { lines } = await read();
    return { samples, lines };
  } catch (err) {
    const e = err as { message: string; file?: string; line?: number };
    return { error: e.message, file: e.file, line: e.line };
  }
}

function chunks(bytes: Buffer, cuts: number[]): Uint8Array[] {
  return cutAt(
    bytes,
    cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b),
  );
}

async function agrees(text: string | Buffer, cuts: number[]): Promise<void> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const got: Sample[] = [];
  const want: Sample[] = [];
  const fast = await outcome(
    () =>
      readPrometheusText(chunks(bytes, cuts), {
        source: 'm.prom',
        metrics: WANTED,
        onSample: (s) => got.push(s),
      }),
    got,
  );
  const reference = await outcome(
    () =>
      readPrometheusTextReference([bytes], {
        source: 'm.prom',
        metrics: WANTED,
        onSample: (s) => want.push(s),
      }),
    want,
  );
  assert.deepStrictEqual(fast, reference, `for ${JSON.stringify(bytes.toString('latin1'))}`);
  if ('error' in reference) return;
  // The interned path into the observed map gives the map the samples give, and refuses, at
  // its line, the first value no counter has (counter-value.ts); NaN and +Inf pass.
  const interned = new ObservedMapBuilder();
  const notCounter = want.find(
    (s) => !Number.isNaN(s.value) && s.value !== Infinity && !(s.value >= 0 && Number.isSafeInteger(s.value)),
  );
  if (notCounter !== undefined) {
    await assert.rejects(new SeriesReader(interned).read(chunks(bytes, cuts), 'm.prom'), (err: unknown) => {
      assert.ok(err instanceof InputError && err.line === notCounter.line, String(err));
      return true;
    });
    return;
  }
  await new SeriesReader(interned).read(chunks(bytes, cuts), 'm.prom');
  const fromSamples = new ReferenceObservedMapBuilder();
  for (const s of want) fromSamples.add(s);
  assert.deepStrictEqual(interned.build(), fromSamples.build());
}

const ISTIO = [
  'reporter',
  'source_workload',
  'source_workload_namespace',
  'destination_workload',
  'destination_workload_namespace',
  'destination_service',
  'destination_service_name',
  'destination_service_namespace',
  'request_protocol',
  'request_method',
  'request_path',
  'response_code',
];
const labelName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ISTIO) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'le', 'a', '_x9') },
);
const labelValue = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      'source',
      'destination',
      'unknown',
      '',
      'client',
      'shop',
      'GET',
      'get',
      '/a/../b?x=1',
      'grpc',
      'tcp',
      'nginx',
      'nginx.shop.svc.cluster.local',
      'Bad_Name',
      'db.v2',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom('a', 'é', '😀', '"', '\\', '\n', ' ', '{', '}', ',', '=', '\u0000'),
    }),
  },
);
const sampleValue = fc.constantFrom(
  '1',
  '0',
  '17',
  '1234567890123456',
  '1.5',
  '-0',
  '1e3',
  'NaN',
  '+Inf',
  '-inf',
  'Infinity',
  '0x10',
  '',
  '12a',
);
const blank = fc.constantFrom('', '', '', ' ', '\t', '  ');

function escapeLabelValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

const wantedLine = fc
  .record({
    metric: fc.constantFrom('istio_requests_total', 'istio_tcp_connections_opened_total'),
    labels: fc.array(fc.tuple(labelName, labelValue), { maxLength: 8 }),
    value: sampleValue,
    timestamp: fc.option(fc.constantFrom('1700000000000', '-5', '12.5', 'x'), { nil: undefined }),
    before: blank,
    inner: blank,
    after: blank,
    trailingComma: fc.boolean(),
    braces: fc.constantFrom('{', '{', '{', ' {', ''),
  })
  .map((l) => {
    const pairs = l.labels
      .map(([k, v]) => `${l.inner}${k}${l.inner}=${l.inner}"${escapeLabelValue(v)}"`)
      .join(',');
    const body = l.braces === '' ? '' : `${l.braces}${pairs}${l.trailingComma && pairs !== '' ? ',' : ''}}`;
    const ts = l.timestamp === undefined ? '' : ` ${l.timestamp}`;
    return `${l.before}${l.metric}${body}${l.after} ${l.value}${ts}${l.after}`;
  });
const otherLine = fc.constantFrom(
  '# TYPE istio_requests_total counter',
  '# HELP x y',
  'envoy_cluster_upstream_cx_total{cluster_name="xds-grpc"} 3',
  'istio_request_bytes_bucket{le="1"} 2',
  'istio_requests_totalx{a="b"} 1',
  '',
  '   ',
);
const exposition = fc
  .record({
    lines: fc.array(fc.oneof({ weight: 3, arbitrary: wantedLine }, { weight: 2, arbitrary: otherLine }), {
      minLength: 1,
      maxLength: 12,
    }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ lines, crlf, bom, finalNewline }) => {
    const eol = crlf ? '\r\n' : '\n';
    return `${bom ? '\uFEFF' : ''}${lines.join(eol)}${finalNewline ? eol : ''}`;
  });
/**
 * Series of one family one after another, as a sidecar writes them: each line is a base line
 * with its labels from some position on changed (a value, a name, one dropped or repeated, the
 * braces' end), so the reader's comparison with the previous line (exposition-fast-line.ts,
 * reuse) meets every way two lines can part, between other lines too.
 */
const callLabels = fc.tuple(
  fc.constantFrom('source', 'destination'),
  fc.constantFrom('client', 'shop', 'nginx'),
  fc.constantFrom('client', 'shop', 'nginx'),
  fc.constantFrom('GET', 'POST'),
  fc.constantFrom('/a', '/b/1', ''),
  fc.array(fc.tuple(labelName, labelValue), { maxLength: 2 }),
);
/** A line of a call the map keeps (every label of one, valid names), or any labels at all. */
const baseLabels = fc.oneof(
  callLabels.map(([reporter, client, server, method, path, extra]): [string, string][] => [
    ['reporter', reporter],
    ['source_workload', client],
    ['source_workload_namespace', 'shop'],
    ['destination_workload', server],
    ['destination_workload_namespace', 'shop'],
    ['destination_service', `${server}.shop.svc.cluster.local`],
    ['request_protocol', 'http'],
    ['response_code', '200'],
    ...extra,
    ['request_method', method],
    ['request_path', path],
  ]),
  fc.array(fc.tuple(labelName, labelValue), { minLength: 1, maxLength: 8 }),
);
const similarLines = fc
  .record({
    base: baseLabels,
    lines: fc.array(
      fc.record({
        keep: fc.nat(),
        change: fc.constantFrom('value', 'name', 'drop', 'repeat', 'close', 'comma', 'same'),
        value: fc.oneof(labelValue, fc.constantFrom('client', 'shop', 'nginx', 'GET', 'POST', '/a', '/c')),
        name: labelName,
        sample: sampleValue,
        metric: fc.constantFrom('istio_requests_total', 'istio_tcp_connections_opened_total'),
        other: fc.option(otherLine, { nil: undefined }),
      }),
      { minLength: 2, maxLength: 10 },
    ),
  })
  .map(({ base, lines }) =>
    lines
      .flatMap((l) => {
        const labels = base.map(([k, v]) => [k, v] as [string, string]);
        const at = l.keep % labels.length;
        if (l.change === 'value') labels[at] = [labels[at]![0], l.value];
        if (l.change === 'name') labels[at] = [l.name, labels[at]![1]];
        if (l.change === 'drop') labels.splice(at, 1);
        if (l.change === 'repeat') labels.splice(at, 0, labels[at]!);
        const pairs = labels.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',');
        const body = l.change === 'comma' ? `{${pairs},}` : l.change === 'close' ? `{${pairs}` : `{${pairs}}`;
        const line = `${l.metric}${body} ${l.sample}`;
        return l.other === undefined ? [line] : [line, l.other];
      })
      .join('\n'),
  );
const edits = fc.array(
  fc.record({
    at: fc.nat(),
    drop: fc.integer({ min: 0, max: 2 }),
    insert: fc.constantFrom(
      '',
      ' ',
      '"',
      '\\',
      ',',
      '=',
      '{',
      '}',
      '\n',
      '\r',
      'x',
      '9',
      '\t',
      '\u00e9',
      '#',
    ),
  }),
  { minLength: 1, maxLength: 3 },
);
const cuts = fc.array(fc.nat(), { maxLength: 6 });

function edit(text: string, changes: { at: number; drop: number; insert: string }[]): string {
  let t = text;
  for (const c of changes) {
    const at = c.at % (t.length + 1);
    t = t.slice(0, at) + c.insert + t.slice(at + c.drop);
  }
  return t;
}

describe('byte-level exposition reader against the string reader it replaced', () => {
  test('the same samples, or the same error at the same line, on generated expositions cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(exposition, cuts, (text, at) => agrees(text, at)),
      { numRuns: RUNS },
    );
  });

  test('the same on randomly edited expositions', async () => {
    await fc.assert(
      fc.asyncProperty(exposition, edits, cuts, (text, changes, at) => agrees(edit(text, changes), at)),
      { numRuns: 2 * RUNS },
    );
  });

  test('the same on series that share their first labels with the line before, cut anywhere and edited', async () => {
    await fc.assert(
      fc.asyncProperty(similarLines, cuts, (text, at) => agrees(text, at)),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(similarLines, edits, cuts, (text, changes, at) => agrees(edit(text, changes), at)),
      { numRuns: RUNS },
    );
  });

  test("labels shared with the line before are this line's: their ranges point into it", () => {
    const first = 'istio_requests_total{reporter="source",request_path="/a"} 1\n';
    const buf = Buffer.from(`${first}istio_requests_total{reporter="source",request_path="/b"} 2\n`);
    const fast = new FastLineParser();
    const name = 'istio_requests_total'.length;
    assert.ok(fast.parse(buf, name, first.length - 1));
    assert.ok(fast.parse(buf, first.length + name, buf.length - 1));
    assert.equal(fast.reused, 1, 'reporter is shared');
    const values = [0, 1].map((i) => buf.toString('utf8', fast.starts[i], fast.ends[i]));
    assert.deepEqual(values, ['source', '/b']);
    assert.ok(fast.starts[0]! > first.length, 'the shared value is read from the second line');
  });

  test('lines the comparison with the line before could mistake, cut anywhere', async () => {
    const cases = [
      // A line the byte reader leaves to the full parser (an escape) between two it reads.
      'istio_requests_total{a="1",b="2"} 1\nistio_requests_total{a="1",c="3",d="\\""} 1\nistio_requests_total{a="1",b="2"} 1\n',
      // Everything shared but the `,` after a label.
      'istio_requests_total{a="1",b="2"} 1\nistio_requests_total{a="1"xb="2"} 1\n',
      'istio_requests_total{a="1",b="2"} 1\nistio_requests_total{a="1"} 1\nistio_requests_total{a="1",} 1\n',
    ];
    for (const text of cases) for (let cut = 0; cut <= text.length; cut++) await agrees(text, [cut]);
  });

  test('lines the random ones rarely make, hand-picked: the same samples or error, cut anywhere', async () => {
    const at = (body: string) => `istio_requests_total${body}\n`;
    const cases = [
      // Not "=" after a label name, but one character and the quote: refused.
      at('{reporter:"source"} 1'),
      at('{reporter "source"} 1'),
      // The same after a line with that label, whose name the reader tries first.
      `${at('{reporter="source"} 1')}${at('{reporter:"x"} 2')}${at('{reporterX"x"} 3')}`,
      // A name as long as the one the reader tries first, or alike but for its last bytes.
      `${at('{reporter="source"} 1')}${at('{response="x"} 2')}`,
      `${at('{request_method="GET"} 1')}${at('{request_methox="GET"} 2')}`,
      // A point or a sign in the value: read as the number it is.
      at('{reporter="source"} 1.5'),
      at('{reporter="source"} -0'),
      at('{reporter="source"} -12'),
      at('{reporter="source"} +7'),
      // Timestamps are -?digits: +5 and a lone minus are refused.
      at('{reporter="source"} 1 +5'),
      at('{reporter="source"} 1 -'),
      at('{reporter="source"} 1 -5'),
      // A label named __proto__ is an ordinary label of the sample.
      at('{__proto__="x",reporter="source"} 1'),
      // The TCP family read on the same path keeps its name.
      'istio_tcp_connections_opened_total{reporter="source",source_workload="a"} 2\n',
      // Values no counter has: the samples read them, the map refuses them at their line.
      `${at('{reporter="source"} 1')}${at('{reporter="source"} 1.5')}`,
      at('{reporter="destination"} -5'),
    ];
    for (const text of cases) for (let cut = 0; cut <= text.length; cut += 3) await agrees(text, [cut]);
  });

  test('a label repeated after one that grew a new reader’s table is refused', async () => {
    // A new reader's table of label stamps has 64 entries, the process's names many more: a
    // label met first on a line, then one whose id is past the table, then the first again.
    const grow = Array.from({ length: 300 }, (_, i) => `grow_${i}="x"`).join(',');
    await agrees(`istio_requests_total{dup_first="1",${grow}} 1\n`, []);
    await agrees('istio_requests_total{dup_first="1",grow_299="x",dup_first="2"} 1\n', []);
    await agrees('istio_requests_total{grow_0="1",grow_299="x",grow_0="2"} 1\n', []);
  });

  test('a duplicate label is refused by a new reader after the process met hundreds of label names', async () => {
    // Label name ids are the process's: a reader made later meets ids far past its own table.
    const names = Array.from({ length: 300 }, (_, i) => `many_${i}="x"`).join(',');
    await agrees(`istio_requests_total{${names}} 1\n`, []);
    await agrees('istio_requests_total{many_299="1",many_299="2"} 1\n', []);
  });

  test('a line with more labels than the reader had room for keeps the ones it shares', async () => {
    // The reader's per-label table starts at 64 entries: the second line shares the first 64
    // labels (the call's among them) and brings 8 more.
    const call =
      'reporter="source",source_workload="alpha",source_workload_namespace="shop",destination_workload="api",destination_workload_namespace="shop",request_protocol="http"';
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `x${i}="${i}"`).join(',');
    const line = (n: number) => `istio_requests_total{${call},${filler(n)}} 1\n`;
    await agrees(`${line(58)}${line(66)}`, []);
  });

  test('a chunk refilled in the same memory is not compared with the line that was there', async () => {
    // A stream may hand over one Buffer again with new bytes: the line at the same place then
    // looks like the one before it, byte for byte, though the bytes it was read from are gone.
    const line = (client: string) =>
      `istio_requests_total{reporter="source",source_workload="${client}",source_workload_namespace="shop",destination_workload="api",destination_workload_namespace="shop",request_protocol="http"} 1\n`;
    const first = Buffer.from(line('alpha'));
    const second = Buffer.from(line('bravo'));
    const memory = Buffer.alloc(first.length);
    function* refilled() {
      first.copy(memory);
      yield memory;
      second.copy(memory);
      yield memory;
    }
    const interned = new ObservedMapBuilder();
    await new SeriesReader(interned).read(refilled(), 'm.prom');
    const clients = interned.build().calls.map((c) => c.client.name);
    assert.deepEqual(clients.sort(), ['alpha', 'bravo']);
  });

  test('the same on invalid UTF-8 in values and elsewhere', async () => {
    const bytes = (...parts: (string | number[])[]) =>
      Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
    const cases = [
      bytes('istio_requests_total{source_workload="a', [0xff, 0xfe], '"} 1\n'),
      bytes('istio_requests_total{source_workload="', [0xe2, 0x82], '"} 1\n'),
      bytes('istio_requests_total{source_workload="x"} 1', [0xc3], '\n'),
      bytes('istio_requests_total{a', [0xc3, 0xa9], '="x"} 1\n'),
      bytes(
        'istio_requests_total{source_workload="',
        [0xe2, 0x82],
        '",source_workload_namespace="',
        [0xe2, 0x82, 0xac],
        '"} 1\n',
      ),
    ];
    for (const text of cases) for (let cut = 0; cut <= text.length; cut++) await agrees(text, [cut]);
  });
});
