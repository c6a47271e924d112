// The reader of Prometheus answers takes most rows in one go from their bytes (readPlainRow)
// and the rest token by token. On random answers (labels with escapes and UTF-8, blanks, other
// key orders, extra keys, broken rows) cut into random chunks, the rows and the verdict are the
// ones the token-by-token reader gives alone, and it accepts exactly what JSON.parse accepts.
// Each element of `data.result` is checked as the source checked it when it parsed the whole
// answer (`vectorItem` below, kept as the reference): the same rows, and the same first
// element refused with the same words.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ByteInterner } from '../../src/observe/compact/byte-interner.ts';
import { CALL_LABEL_SLOTS } from '../../src/observe/compact/call-tables.ts';
import { StringTable } from '../../src/observe/compact/string-table.ts';
import { JsonEvents, JsonSyntaxError } from '../../src/observe/live/json-events.ts';
import { VectorAnswerReader } from '../../src/observe/live/prometheus-answer.ts';

const RUNS = Number(process.env.JSON_RUNS ?? 1500);

/** Token by token only: the reference. */
class TokenByToken extends VectorAnswerReader {
  override wholeObject(): number {
    return -1;
  }
}

type Read = { rows: string[]; summary: unknown; problem: string | undefined } | 'syntax error';

function read(text: string, cuts: number[], Reader: typeof VectorAnswerReader): Read {
  const strings = new StringTable();
  const rows: string[] = [];
  const reader = new Reader(new ByteInterner(strings), (ids, value) => {
    const labels = [...ids].map((id, slot) =>
      id === -1 ? '-' : `${CALL_LABEL_SLOTS[slot]}=${strings.value(id)}`,
    );
    rows.push(`${labels.join(' ')} ${value}`);
  });
  const events = new JsonEvents(reader);
  const bytes = Buffer.from(text);
  let from = 0;
  try {
    for (const cut of cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b)) {
      events.write(bytes.subarray(from, cut));
      from = cut;
    }
    events.write(bytes.subarray(from));
    events.end();
  } catch (err) {
    if (err instanceof JsonSyntaxError) return 'syntax error';
    throw err;
  }
  return { rows, summary: { ...reader.summary }, problem: reader.problem };
}

/**
 * The reference: how the source checked each element of a parsed answer's `data.result`
 * before it read answers as streams. The row it gives (labels in slot order, then the value),
 * or what is wrong with the element.
 */
function vectorItem(item: unknown): { row: string } | { problem: string } {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return { problem: 'not an object' };
  const { metric, value } = item as { metric?: unknown; value?: unknown };
  if (typeof metric !== 'object' || metric === null || Array.isArray(metric)) {
    return { problem: 'metric is not an object' };
  }
  for (const [name, text] of Object.entries(metric as object)) {
    if (typeof text !== 'string') return { problem: `metric.${name} is not a string` };
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== 'number' ||
    typeof value[1] !== 'string'
  ) {
    return { problem: 'value is not [time, "number"]' };
  }
  const labels = CALL_LABEL_SLOTS.map((slot) =>
    Object.hasOwn(metric as object, slot) ? `${slot}=${(metric as Record<string, string>)[slot]}` : '-',
  );
  return { row: `${labels.join(' ')} ${Number(value[1])}` };
}

/** What the stream reader must say of a parsed answer whose result is a list: rows, or the first problem. */
function expectedOf(parsed: unknown): { rows: string[]; problem: string | undefined } | undefined {
  const result = (parsed as { data?: { result?: unknown } } | null)?.data?.result;
  if (!Array.isArray(result)) return undefined;
  const rows: string[] = [];
  for (let i = 0; i < result.length; i++) {
    const item = vectorItem(result[i]);
    if ('problem' in item) return { rows: [], problem: `result[${i}]: ${item.problem}` };
    rows.push(item.row);
  }
  return { rows, problem: undefined };
}

function agrees(text: string, cuts: number[]): void {
  const fast = read(text, cuts, VectorAnswerReader);
  assert.deepStrictEqual(fast, read(text, [], TokenByToken), `for ${JSON.stringify(text)}`);
  let parsed: unknown;
  let parses = true;
  try {
    // What the reader gets are the text's UTF-8 bytes (an edit may leave half a surrogate pair).
    parsed = JSON.parse(Buffer.from(text).toString('utf8'));
  } catch {
    parses = false;
  }
  assert.equal(fast !== 'syntax error', parses, `JSON.parse disagrees on ${JSON.stringify(text)}`);
  if (fast === 'syntax error' || !(fast.summary as { rootIsObject: boolean }).rootIsObject) return;
  const expected = expectedOf(parsed);
  // Keys repeated at the top (JSON.parse keeps the last) are beyond what the reader follows.
  if (expected === undefined || !(fast.summary as { resultIsList: boolean }).resultIsList) return;
  assert.equal(fast.problem, expected.problem, `the first element refused, in ${JSON.stringify(text)}`);
  if (expected.problem === undefined) assert.deepEqual(fast.rows, expected.rows, JSON.stringify(text));
}

const key = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...CALL_LABEL_SLOTS) },
  { weight: 1, arbitrary: fc.constantFrom('__name__', 'pod', 'a"b', 'é', '') },
);
const labelValue = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('shop', 'web', '/api/v1/items/7', 'GET', '', 'unknown') },
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.constantFrom('a', 'é', '😀', '"', '\\', '\n', '\u0001', ' ', '/') }),
  },
);
const sampleValue = fc.oneof(
  fc.constantFrom(
    '"3"',
    '"0.7"',
    '"NaN"',
    '"+Inf"',
    '"1e3"',
    '"\\u0035"',
    '" 5"',
    '"\u00a05"',
    '7',
    'null',
    '"x"',
  ),
);
const row = fc
  .record({
    labels: fc.array(fc.tuple(key, labelValue), { maxLength: 6 }),
    time: fc.constantFrom('1700000000.5', '1700000000', '-1', '1e9'),
    value: sampleValue,
    order: fc.constantFrom('metric-first', 'value-first', 'no-value', 'extra-key', 'broken'),
    broken: fc.constantFrom(
      'null',
      '3',
      '"x"',
      '[]',
      '{"metric":null,"value":[1,"2"]}',
      '{"metric":[],"value":[1,"2"]}',
      '{"value":[1,"2"]}',
      '{"metric":{"reporter":5},"value":[1,"2"]}',
      '{"metric":{"a":{"b":"c"}},"value":[1,"2"]}',
      '{"metric":{"reporter":"source","pod":null},"value":[1,"2"]}',
      '{"metric":{},"value":[1]}',
      '{"metric":{},"value":[1,"2",3]}',
      '{"metric":{},"value":["1","2"]}',
      '{"metric":{},"value":[1,2]}',
      '{"metric":{},"value":[true,"2"]}',
      '{"metric":{},"value":{"0":1,"1":"2"}}',
      '{"metric":{},"value":"1"}',
      '{"metric":{"a":"b"},"metric":{"a":1},"value":[1,"2"]}',
      '{"metric":{"a":1},"metric":{"a":"b"},"value":[1,"2"]}',
      '{"metric":5,"metric":{"a":"b"},"value":[1,"2"]}',
      '{"metric":{},"value":[1,"2"],"value":[1]}',
      '{"metric":{},"value":[[1],"2"]}',
    ),
  })
  .map((r) => {
    const metric = `{${r.labels.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
    const value = `[${r.time},${r.value}]`;
    switch (r.order) {
      case 'metric-first':
        return `{"metric":${metric},"value":${value}}`;
      case 'value-first':
        return `{"value":${value},"metric":${metric}}`;
      case 'no-value':
        return `{"metric":${metric}}`;
      case 'broken':
        return r.broken;
      default:
        return `{"metric":${metric},"value":${value},"x":[1,{"y":2}]}`;
    }
  });
const answer = fc
  .record({
    rows: fc.array(row, { maxLength: 6 }),
    resultType: fc.constantFrom('vector', 'vector', 'matrix'),
    status: fc.constantFrom('success', 'success', 'error'),
    spaced: fc.boolean(),
  })
  .map(({ rows, resultType, status, spaced }) => {
    const text = `{"status":"${status}","data":{"resultType":"${resultType}","result":[${rows.join(',')}]}}`;
    return spaced ? JSON.stringify(JSON.parse(text), null, 1) : text;
  });
const edits = fc.array(
  fc.record({
    at: fc.nat(),
    drop: fc.integer({ min: 0, max: 2 }),
    insert: fc.constantFrom('', ' ', '"', '\\', ',', ':', '{', '}', '[', ']', '0', '-', 'e', '\n'),
  }),
  { minLength: 1, maxLength: 3 },
);
const cuts = fc.array(fc.nat(), { maxLength: 5 });

function edit(text: string, changes: { at: number; drop: number; insert: string }[]): string {
  let t = text;
  for (const c of changes) {
    const at = c.at % (t.length + 1);
    t = t.slice(0, at) + c.insert + t.slice(at + c.drop);
  }
  return t;
}

describe('Prometheus answers: rows read in one go against token by token', () => {
  test('the same rows and verdict on random answers cut anywhere', () => {
    fc.assert(
      fc.property(answer, cuts, (text, at) => agrees(text, at)),
      { numRuns: RUNS },
    );
  });

  test('the same on randomly edited answers, and JSON.parse agrees on what is JSON', () => {
    fc.assert(
      fc.property(answer, edits, cuts, (text, changes, at) => agrees(edit(text, changes), at)),
      { numRuns: 2 * RUNS },
    );
  });
});

describe('Prometheus answers: numbers JSON takes and refuses, hand-picked', () => {
  test('a leading zero, a bare sign or point, an empty exponent: what JSON.parse says, and the same rows', () => {
    const metric = '{"reporter":"source","source_workload":"a","source_workload_namespace":"ns"}';
    for (const time of [
      '01',
      '00',
      '-01',
      '-',
      '1.',
      '.5',
      '1e',
      '1e+',
      '+1',
      '0',
      '-0',
      '1.5e3',
      '0.0e-0',
      '1E+2',
    ]) {
      agrees(
        `{"status":"success","data":{"resultType":"vector","result":[{"metric":${metric},"value":[${time},"5"]}]}}`,
        [],
      );
    }
  });
});

describe('Prometheus answers: a label repeated in one metric counts as JSON.parse reads it', () => {
  const answerOf = (metric: string): string =>
    `{"status":"success","data":{"resultType":"vector","result":[{"metric":${metric},"value":[1,"2"]}]}}`;
  const problemOf = (metric: string): string | undefined => {
    const got = read(answerOf(metric), [], VectorAnswerReader);
    assert.notEqual(got, 'syntax error');
    return (got as { problem: string | undefined }).problem;
  };

  // Found by the fuzz test above on a CI run (seed -1229589475): a label first given a number,
  // then a string, was refused although JSON.parse keeps the string.
  test('a label whose last value is a string is taken, with that value', () => {
    const metric = '{"source_workload":0,"source_workload":"web","pod":{"x":1},"pod":"p"}';
    assert.equal(problemOf(metric), undefined);
    const got = read(answerOf(metric), [], VectorAnswerReader) as { rows: string[] };
    assert.match(got.rows[0]!, /source_workload=web/);
    agrees(answerOf(metric), []);
  });

  test('a label whose last value is not a string is refused, named in JSON.parse order', () => {
    assert.equal(problemOf('{"pod":"p","pod":0}'), 'result[0]: metric.pod is not a string');
    // b is the first refused, a the first in order: a repeated key keeps its first place.
    const metric = '{"a":"x","b":0,"a":[1]}';
    assert.equal(problemOf(metric), 'result[0]: metric.a is not a string');
    // JSON.parse lists integer-like keys first.
    assert.equal(problemOf('{"z":null,"7":true}'), 'result[0]: metric.7 is not a string');
    for (const m of [metric, '{"z":null,"7":true}', '{"__proto__":1,"pod":"p"}']) agrees(answerOf(m), []);
  });
});

describe('warnings and infos of an answer', () => {
  // Prometheus writes them after `data` (web/api/v1/api.go's response struct), so they come
  // after every row: the rows are handed on, and the verdict reads them at the end.
  const rows = '[{"metric":{"source_workload":"web"},"value":[1,"3"]}]';

  test('read after data, in order; elements that are not strings still count', () => {
    const text = `{"status":"success","data":{"resultType":"vector","result":${rows}},"warnings":["remote_read: connection refused","b\\"q"],"infos":["PromQL info: metric might not be a counter"]}`;
    for (const Reader of [VectorAnswerReader, TokenByToken]) {
      for (const cuts of [[], [60, 61, 140], [150]]) {
        const got = read(text, cuts, Reader) as {
          rows: string[];
          summary: { warnings: string[]; infos: string[] };
        };
        assert.equal(got.rows.length, 1);
        assert.deepEqual(got.summary.warnings, ['remote_read: connection refused', 'b"q']);
        assert.deepEqual(got.summary.infos, ['PromQL info: metric might not be a counter']);
      }
    }
    const odd = read(
      `{"status":"success","warnings":[1,{"a":"b"},null],"data":{"result":[]}}`,
      [],
      VectorAnswerReader,
    );
    assert.deepEqual((odd as { summary: { warnings: string[] } }).summary.warnings, [
      '(a number, not a string)',
      '(an object, not a string)',
      '(a literal, not a string)',
    ]);
    // A lone string where the list belongs is a warning too.
    const lone = read(
      `{"status":"success","warnings":"partial","data":{"result":[]}}`,
      [],
      VectorAnswerReader,
    );
    assert.deepEqual((lone as { summary: { warnings: string[] } }).summary.warnings, ['partial']);
  });

  test('no warnings: empty lists; many: the first ten and "and more"', () => {
    const none = read(
      `{"status":"success","data":{"resultType":"vector","result":${rows}}}`,
      [],
      VectorAnswerReader,
    );
    assert.deepEqual((none as { summary: { warnings: string[]; infos: string[] } }).summary.warnings, []);
    const many = JSON.stringify(Array.from({ length: 25 }, (_, i) => `w${i}`));
    const got = read(`{"status":"success","data":{"result":[]},"warnings":${many}}`, [], VectorAnswerReader);
    const warnings = (got as { summary: { warnings: string[] } }).summary.warnings;
    assert.equal(warnings.length, 11);
    assert.equal(warnings[10], 'and more');
  });
});

describe('Prometheus answers: shapes the random answers rarely make, hand-picked', () => {
  const wrap = (rows: string) => `{"status":"success","data":{"resultType":"vector","result":[${rows}]}}`;
  const rowsOf = (text: string): string[] => {
    const got = read(text, [], VectorAnswerReader);
    assert.notEqual(got, 'syntax error', text);
    return (got as { rows: string[] }).rows;
  };

  test('an answer that is not a JSON object is no API answer, whatever it holds', () => {
    for (const text of ['[]', `[${wrap('')}]`, 'null', '"success"', '3']) {
      const got = read(text, [], VectorAnswerReader) as { summary: { rootIsObject: boolean } };
      assert.equal(got.summary.rootIsObject, false, text);
    }
    assert.equal(
      (read(wrap(''), [], VectorAnswerReader) as { summary: { rootIsObject: boolean } }).summary.rootIsObject,
      true,
    );
  });

  test('rows are read under data only, not under another key of the answer', () => {
    const row = '{"metric":{"source_workload":"web"},"value":[1,"3"]}';
    const text = `{"status":"success","stats":{"resultType":"vector","result":[${row}]},"data":{"resultType":"vector","result":[]}}`;
    for (const Reader of [VectorAnswerReader, TokenByToken]) {
      const got = read(text, [], Reader) as { rows: string[]; summary: { resultIsList: boolean } };
      assert.deepEqual(got.rows, []);
      assert.equal(got.summary.resultIsList, true);
    }
    agrees(text, []);
  });

  test('keys of a row repeated or spelled with escapes count as JSON.parse reads them', () => {
    // The metric given again as a number or a list: JSON.parse keeps the last, not an object.
    for (const again of ['5', '[]', 'null']) {
      const text = wrap(`{"metric":{"source_workload":"web"},"metric":${again},"value":[1,"2"]}`);
      const got = read(text, [], VectorAnswerReader) as { problem: string | undefined };
      assert.equal(got.problem, 'result[0]: metric is not an object', text);
      agrees(text, []);
    }
    // The metric given again, without the label: the row has none.
    const again = wrap('{"metric":{"source_workload":"web","pod":"p"},"metric":{"pod":"q"},"value":[1,"2"]}');
    assert.doesNotMatch(rowsOf(again)[0]!, /source_workload=web/);
    agrees(again, []);
    // "\u006detric" is "metric", "valu\u0065" is "value".
    const escaped = wrap('{"\\u006detric":{"source_workload":"web"},"valu\\u0065":[1,"4"]}');
    const rows = rowsOf(escaped);
    assert.equal(rows.length, 1);
    assert.match(rows[0]!, /source_workload=web.* 4$/);
    agrees(escaped, []);
    // A label name with an escape is the label it spells.
    const label = wrap(
      '{"metric":{"source\\u005fworkload":"web","destination_workloa\\u0064":"api"},"value":[1,"4"]}',
    );
    assert.match(rowsOf(label)[0]!, /source_workload=web .*destination_workload=api/);
    agrees(label, []);
  });

  test('rows of the common shape but not JSON are syntax errors, as token by token', () => {
    for (const row of [
      '{"metric":{"source_workload":"a\u001fb"},"value":[1,"2"]}',
      '{"metric":{"source_workload":"a\u0000b"},"value":[1,"2"]}',
      '{"metric":{"source_workload","web"},"value":[1,"2"]}',
      '{"metric":{"source_workload" "web"},"value":[1,"2"]}',
      '{"metric":{"source_workload":"web""pod":"p"},"value":[1,"2"]}',
      '{"metric":{"source_workload":"web" "pod":"p"},"value":[1,"2"]}',
    ]) {
      assert.equal(read(wrap(row), [], VectorAnswerReader), 'syntax error', row);
      agrees(wrap(row), []);
    }
  });

  test('a sample value is read as Number reads it, hex, blanks and trailing letters included', () => {
    const metric = '{"source_workload":"web"}';
    for (const value of ['0x10', '5x', '', ' 5 ', 'Infinity', '-Infinity', '1_0', '0b11', '.5', '5.']) {
      const text = wrap(`{"metric":${metric},"value":[1,${JSON.stringify(value)}]}`);
      const rows = rowsOf(text);
      assert.equal(rows.length, 1);
      assert.ok(rows[0]!.endsWith(` ${Number(value)}`), `${JSON.stringify(value)}: ${rows[0]}`);
      agrees(text, []);
    }
  });
});
