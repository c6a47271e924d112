// What the process runner keeps of output, without a process: a line too long for the log keeps
// its two ends, and a secret the cuts fall inside leaves no piece of itself; output read as data
// is kept whole, masked as one text, and refused past its bound.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { maskSecrets } from '../../src/cluster/command-runner.ts';
import {
  LineCapture,
  MAX_LINE,
  MAX_READ,
  WholeCapture,
  withoutSecretEnd,
  withoutSecretStart,
} from '../../src/cluster/output-capture.ts';

const SECRET = 'ghs_0123456789abcdefghij';
const mask = (text: string) => maskSecrets(text, [SECRET]);
const half = MAX_LINE / 2;

function capture(pieces: readonly string[]) {
  const lines: string[] = [];
  const c = new LineCapture(mask, [SECRET], (l) => lines.push(l));
  for (const piece of pieces) c.push(piece);
  return { lines, kept: c.finish() };
}

/** Equal, without printing two lines of 64 Ki characters when not. */
function same(actual: string, expected: string) {
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  assert.ok(
    actual === expected,
    `differ at ${at} of ${actual.length} (${expected.length}): ${JSON.stringify(actual.slice(at, at + 60))}`,
  );
}

/** Every piece of the secret of 4 characters or more that `text` holds. */
function secretPieces(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 4 <= SECRET.length; i++) {
    for (let j = i + 4; j <= SECRET.length; j++)
      if (text.includes(SECRET.slice(i, j))) found.push(SECRET.slice(i, j));
  }
  return found;
}

describe('a line longer than the log takes', () => {
  test('a secret across the end of the kept head leaves none of it', () => {
    // The secret starts 10 characters before the head's end.
    const line = `${'x'.repeat(half - 10)}${SECRET}${'y'.repeat(MAX_LINE)}`;
    const { lines } = capture([line.slice(0, 1000), line.slice(1000), '\n']);
    assert.equal(lines.length, 1);
    assert.deepEqual(secretPieces(lines[0]!), []);
    assert.ok(lines[0]!.startsWith('x'.repeat(half - 10)));
    assert.match(lines[0]!, / \.\.\. \(\d+ characters not shown\) \.\.\. y+$/);
  });

  test('a secret across the start of the kept tail leaves none of it', () => {
    const line = `${'x'.repeat(MAX_LINE)}${SECRET}${'y'.repeat(half - 10)}`;
    const { lines } = capture([line, '\r\n']);
    assert.deepEqual(secretPieces(lines[0]!), []);
    assert.ok(lines[0]!.endsWith(` ... ${'y'.repeat(half - 10)}`));
  });

  test('a secret inside either end is masked; the count is of the characters left out', () => {
    const line = `${SECRET}${'x'.repeat(MAX_LINE)}${SECRET}`;
    const { lines, kept } = capture([line]);
    const left = line.length - 2 * half;
    assert.equal(
      lines[0],
      `***${'x'.repeat(half - SECRET.length)} ... (${left} characters not shown) ... ${'x'.repeat(half - SECRET.length)}***`,
    );
    assert.equal(kept, lines[0]);
  });

  test("a line of a secret's first character loses one character to the cut, not its whole end", () => {
    // Every `g` could begin the secret (`ghs_...`): only the cut's one straddling piece goes.
    const line = 'g'.repeat(MAX_LINE * 2);
    const { lines } = capture([line]);
    same(lines[0]!, `${'g'.repeat(half - 1)} ... (${MAX_LINE} characters not shown) ... ${'g'.repeat(half)}`);
  });

  test('a line of exactly the limit is whole, with or without its \\r', () => {
    const line = 'z'.repeat(MAX_LINE);
    same(capture([line, '\n']).lines.join('|'), line);
    same(capture([line, '\r', '\nnext']).lines.join('|'), `${line}|next`);
    same(capture([line, '\r\n']).kept, `${line}\r\n`);
    // One character more is a long line.
    same(
      capture([line, 'z\n']).lines.join('|'),
      `${'z'.repeat(half)} ... (1 character not shown) ... ${'z'.repeat(half)}`,
    );
  });

  test('a long line fed one character at a time is cut the same way', () => {
    const line = `${'a'.repeat(MAX_LINE)}${'b'.repeat(100)}`;
    const pieces = [line.slice(0, MAX_LINE - 50), ...line.slice(MAX_LINE - 50)];
    const { lines } = capture(pieces);
    same(
      lines[0]!,
      `${'a'.repeat(half)} ... (100 characters not shown) ... ${'a'.repeat(half - 100)}${'b'.repeat(100)}`,
    );
  });
});

describe('the ends of a cut', () => {
  test('an end that begins a secret is dropped, and only that', () => {
    assert.equal(withoutSecretStart(`abc${SECRET.slice(0, 7)}`, [SECRET]), 'abc');
    assert.equal(withoutSecretStart(`abc${SECRET.slice(0, 1)}`, [SECRET]), 'abc');
    assert.equal(withoutSecretStart('abc', [SECRET]), 'abc');
    assert.equal(withoutSecretEnd(`${SECRET.slice(-7)}abc`, [SECRET]), 'abc');
    assert.equal(withoutSecretEnd('abc', [SECRET]), 'abc');
    // Secrets shorter than four characters are never masked, so never cut either.
    assert.equal(withoutSecretStart('xyab', ['abc']), 'xyab');
  });
});

describe('output read as data', () => {
  test('is kept whole, a secret split between two reads masked', () => {
    let overflows = 0;
    const c = new WholeCapture(mask, () => overflows++);
    const json = `{"a": "${'v'.repeat(MAX_LINE * 3)}", "t": "${SECRET}"}`;
    const cut = json.indexOf(SECRET) + 5;
    c.push(json.slice(0, cut));
    c.push(json.slice(cut));
    assert.equal(c.finish(), json.replace(SECRET, '***'));
    assert.equal(overflows, 0);
  });

  test('past its bound keeps nothing and says so once', () => {
    let overflows = 0;
    const c = new WholeCapture(mask, () => overflows++);
    const piece = 'x'.repeat(1024 * 1024);
    for (let i = 0; i <= MAX_READ / piece.length + 2; i++) c.push(piece);
    assert.equal(overflows, 1);
    assert.equal(c.overflowed, true);
    assert.equal(c.finish(), '');
  });
});
