// The values a counter of the observed families may have (src/observe/counter-value.ts): a
// whole number from 0 to 2^53 - 1, or NaN and +Inf, which the caller ignores with a warning.
// Anything else is refused at its line, and the error says why.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { requireCounterValue } from '../../src/observe/counter-value.ts';

const WHERE = { file: 'm/a.prom', line: 7 };

function refusal(value: number): InputError {
  try {
    requireCounterValue(value, 'istio_requests_total', WHERE);
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return err;
  }
  assert.fail(`${value} was accepted`);
}

describe('requireCounterValue', () => {
  test('0, 1 and 2^53 - 1 are counts; NaN and +Inf are left to the caller', () => {
    for (const value of [0, 1, 291, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY])
      assert.doesNotThrow(() => requireCounterValue(value, 'istio_requests_total', WHERE), String(value));
  });

  test('each value no counter has is refused at its line, naming the series, with the reason', () => {
    for (const [value, why] of [
      [-1, 'counters never go below 0'],
      [Number.NEGATIVE_INFINITY, 'counters never go below 0'],
      [0.5, 'counters are whole numbers'],
      [291.25, 'counters are whole numbers'],
      // 2^53 itself: 2^53 + 1 reads as 2^53, so a count there is no longer exact.
      [2 ** 53, 'a count past 2^53 is not exact'],
      [2 ** 53 + 2, 'a count past 2^53 is not exact'],
      [1e300, 'a count past 2^53 is not exact'],
    ] as const) {
      const err = refusal(value);
      assert.equal(err.file, 'm/a.prom', String(value));
      assert.equal(err.line, 7, String(value));
      assert.ok(err.message.startsWith(`istio_requests_total has the value ${value},`), err.message);
      assert.ok(err.message.includes(`(${why})`), `${value}: ${err.message}`);
    }
  });
});
