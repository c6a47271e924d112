// The streaming JSON reader against JSON.parse, its reference: on random JSON texts, on random
// edits of them, and on every way of cutting them into chunks (inside tokens, escapes and UTF-8
// sequences), it accepts what JSON.parse accepts, rejects what it rejects, and the values its
// events describe are the ones JSON.parse returns.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  JsonEvents,
  type JsonHandler,
  JsonSyntaxError,
  jsonString,
} from '../../src/observe/live/json-events.ts';

const RUNS = Number(process.env.JSON_RUNS ?? 2000);

/** Rebuilds the value the events describe. */
class TreeBuilder implements JsonHandler {
  private readonly stack: (unknown[] | Record<string, unknown>)[] = [];
  private readonly keys: (string | undefined)[] = [];
  result: unknown;

  private put(value: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) this.result = value;
    else if (Array.isArray(top)) top.push(value);
    else
      Object.defineProperty(top, this.keys[this.keys.length - 1]!, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  openObject(): void {
    const value = {};
    this.put(value);
    this.stack.push(value);
    this.keys.push(undefined);
  }
  openArray(): void {
    const value: unknown[] = [];
    this.put(value);
    this.stack.push(value);
    this.keys.push(undefined);
  }
  close(): void {
    this.stack.pop();
    this.keys.pop();
  }
  key(buf: Buffer, start: number, end: number, escaped: boolean): void {
    this.keys[this.keys.length - 1] = jsonString(buf, start, end, escaped);
  }
  string(buf: Buffer, start: number, end: number, escaped: boolean): void {
    this.put(jsonString(buf, start, end, escaped));
  }
  number(buf: Buffer, start: number, end: number): void {
    this.put(Number(buf.toString('latin1', start, end)));
  }
  literal(value: boolean | null): void {
    this.put(value);
  }
}

function streamed(bytes: Buffer, cuts: number[]): unknown {
  const tree = new TreeBuilder();
  const reader = new JsonEvents(tree);
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.write(bytes.subarray(from, cut));
    from = cut;
  }
  reader.write(bytes.subarray(from));
  reader.end();
  return tree.result;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return SyntaxError;
  }
}

/** Checks one text cut at the given places (taken modulo its length). */
function agrees(text: string, cuts: number[]): void {
  const bytes = Buffer.from(text, 'utf8');
  const expected = parsed(bytes.toString('utf8'));
  let got: unknown;
  try {
    got = streamed(
      bytes,
      cuts.map((c) => c % (bytes.length + 1)),
    );
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    got = SyntaxError;
  }
  assert.deepStrictEqual(got, expected, `for ${JSON.stringify(text)} cut at ${cuts}`);
}

const cuts = fc.array(fc.nat(), { maxLength: 6 });
const values = fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 });
const texts = fc.oneof(
  values.map((v) => JSON.stringify(v)),
  fc.tuple(values, fc.constantFrom(1, 2, '\t', ' \r\n ')).map(([v, space]) => JSON.stringify(v, null, space)),
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
      '\\u12',
      '\\x',
      ',',
      ':',
      '[',
      ']',
      '{',
      '}',
      '-',
      '0',
      '.',
      'e',
      'tru',
      'null',
      '\u0001',
      'é',
      '\uFEFF',
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

describe('JsonEvents (streaming JSON reader)', () => {
  test('reads random JSON texts, cut anywhere, as JSON.parse does', () => {
    fc.assert(
      fc.property(texts, cuts, (text, at) => agrees(text, at)),
      { numRuns: RUNS },
    );
  });

  test('accepts and rejects randomly edited texts exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(texts, edits, cuts, (text, changes, at) => agrees(edit(text, changes), at)),
      { numRuns: 2 * RUNS },
    );
  });

  test('edge cases of the grammar', () => {
    const cases = [
      '0',
      '-0',
      '01',
      '1.',
      '.5',
      '1e5',
      '1E+5',
      '1e',
      '-',
      '--1',
      '1.5e-3',
      ' 7 ',
      '[]',
      '{}',
      '[,]',
      '[1,]',
      '{"a":1,}',
      '{"a" 1}',
      '{1:2}',
      '"\\u00e9"',
      '"\\u00AB\\uFfFf"',
      '"\u001f"',
      '"\u007f"',
      '"\\ud800"',
      '"\\u12g4"',
      '"a\nb"',
      '"\t"',
      'true',
      'tru',
      'nul',
      'true false',
      '',
      ' ',
      '\uFEFF1',
      '{"__proto__": {"x": 1}}',
      '{"a":1,"a":2}',
      '[[[[[]]]]]',
      '"\\/"',
      '"\\b\\f\\n\\r\\t"',
      '"\\a"',
      '1 2',
      '[1 2]',
      '{"a":[1,{"b":null}]}',
      // White space is the four JSON names, no other control character.
      '[1,\t2]',
      '[1,\f2]',
      '[1,\v2]',
      // Deeper than the first stack of kinds (64): it grows, each bracket still checked.
      `${'[{"a":'.repeat(50)}1${'}]'.repeat(50)}`,
      `${'[{"a":'.repeat(50)}1${'}]'.repeat(49)}]}`,
    ];
    for (const text of cases) {
      const bytes = Buffer.from(text, 'utf8');
      for (let cut = 0; cut <= bytes.length; cut++) agrees(text, [cut]);
    }
  });

  test('a token longer than the limit is refused rather than carried', () => {
    const reader = new JsonEvents(new TreeBuilder(), { maxToken: 16 });
    reader.write(Buffer.from('["short", "'));
    assert.throws(() => reader.write(Buffer.from('a string far longer than sixteen bytes')), JsonSyntaxError);
  });

  test('a token of exactly the limit is carried; one byte more is refused', () => {
    const at = new TreeBuilder();
    const reader = new JsonEvents(at, { maxToken: 16 });
    reader.write(Buffer.from('["short", "abcdefghijklmno')); // 16 bytes carried: the quote and 15 letters
    reader.write(Buffer.from('"]'));
    reader.end();
    assert.deepEqual(at.result, ['short', 'abcdefghijklmno']);
    const over = new JsonEvents(new TreeBuilder(), { maxToken: 16 });
    assert.throws(() => over.write(Buffer.from('["short", "abcdefghijklmnop')), {
      message: 'a token longer than 16 bytes at byte 10',
    });
  });

  test('an error names the byte of the whole text, wherever the text is cut', () => {
    const bad: [string, string][] = [
      ['["abcdef", 12, x]', 'an unexpected character at byte 15'],
      ['{"key": "value", "n": 1.5e}', 'a bad number at byte 22'],
      ['["abcdef", tru', 'an unknown literal at byte 11'],
      // Cut off (a proxy closed the answer): the string opens at byte 10 (it was said at 15, the
      // length of the text: the bytes carried to end() were counted twice); the array ends at 11.
      ['{"status":"succ', 'unterminated string at byte 10'],
      ['{"a": [1, 2', 'unexpected end of the text at byte 11'],
    ];
    for (const [text, message] of bad) {
      for (let cut = 0; cut <= text.length; cut++) {
        const reader = new JsonEvents(new TreeBuilder());
        assert.throws(
          () => {
            reader.write(Buffer.from(text.slice(0, cut)));
            reader.write(Buffer.from(text.slice(cut)));
            reader.end();
          },
          { message },
          `${text} cut at ${cut}`,
        );
      }
    }
  });
});
