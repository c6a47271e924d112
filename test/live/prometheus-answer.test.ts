// The reader of Prometheus answers takes most rows in one go from their bytes (readPlainRow)
// and the rest token by token. On random answers (labels with escapes and UTF-8, blanks, other
// key orders, extra keys, broken rows) cut into random chunks, the rows and the verdict are the
// ones the token-by-token reader gives alone, and it accepts exactly what JSON.parse accepts.
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

type Read = { rows: string[]; summary: unknown; malformed: boolean } | 'syntax error';

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
  return { rows, summary: { ...reader.summary }, malformed: reader.malformedRows };
}

function agrees(text: string, cuts: number[]): void {
  const fast = read(text, cuts, VectorAnswerReader);
  assert.deepStrictEqual(fast, read(text, [], TokenByToken), `for ${JSON.stringify(text)}`);
  let parses = true;
  try {
    JSON.parse(text);
  } catch {
    parses = false;
  }
  assert.equal(fast !== 'syntax error', parses, `JSON.parse disagrees on ${JSON.stringify(text)}`);
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
    order: fc.constantFrom('metric-first', 'value-first', 'no-value', 'extra-key'),
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
