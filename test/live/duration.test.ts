// Durations and times as users write them: --window, --pod-timeout, --prometheus-timeout, --since,
// and the range Prometheus is asked for.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  MAX_TIMER_MS,
  parseDuration,
  parseSince,
  parseWait,
  prometheusTimeoutMs,
  promRange,
} from '../../src/observe/live/duration.ts';

const now = new Date('2026-03-01T10:00:00Z');

describe('durations', () => {
  test('every unit, fractions and surrounding blanks', () => {
    assert.equal(parseDuration('2d', '--window'), 2 * 86_400_000);
    assert.equal(parseDuration('1.5h', '--window'), 5_400_000);
    assert.equal(parseDuration('0.5s', '--window'), 500);
    assert.equal(parseDuration(' 15m\n', '--window'), 900_000);
  });

  test('a wait is at most what a timer can wait: 596h is taken, 597h and 2^31 ms are not', () => {
    assert.equal(parseWait('596h', '--window'), 596 * 3_600_000);
    assert.equal(parseWait(`${MAX_TIMER_MS}ms`, '--window'), MAX_TIMER_MS);
    for (const text of ['597h', `${MAX_TIMER_MS + 1}ms`, '25d']) {
      assert.throws(
        () => parseWait(text, '--pod-timeout'),
        new RegExp(`^--pod-timeout: ${text} is longer than the longest wait, 596 hours`),
      );
    }
    // The bound is the timer's own: a longer timeout fires at once, with a warning.
    assert.equal(MAX_TIMER_MS, 2_147_483_647);
  });

  test('zero is no duration', () => {
    for (const text of ['0s', '0m0s', '0.0h']) {
      assert.throws(
        () => parseDuration(text, '--pod-timeout'),
        /--pod-timeout: the duration must be longer than zero/,
      );
    }
  });

  test('a duration with anything after it is refused', () => {
    for (const text of ['15m ago', '15mx', '1h30', '10s-']) {
      assert.throws(() => parseDuration(text, '--window'), /--window: ".*" is not a duration/, text);
    }
  });

  test('--prometheus-timeout may be an hour, not more', () => {
    assert.equal(prometheusTimeoutMs('1h', '--prometheus-timeout'), 3_600_000);
    assert.equal(prometheusTimeoutMs('60m', '--prometheus-timeout'), 3_600_000);
    assert.throws(
      () => prometheusTimeoutMs('3601s', '--prometheus-timeout'),
      /--prometheus-timeout: 3601s is longer than the limit of 60 minutes/,
    );
  });
});

describe('--since', () => {
  test('a time must be in the past: now itself and later are refused', () => {
    assert.throws(
      () => parseSince('2026-03-01T10:00:00Z', now),
      /--since: 2026-03-01T10:00:00Z is not in the past/,
    );
    assert.throws(() => parseSince('2026-03-01T10:00:01Z', now), /is not in the past/);
    assert.equal(parseSince('2026-03-01T09:59:59Z', now).toISOString(), '2026-03-01T09:59:59.000Z');
  });

  test('a time of RFC 3339 shape that is no time is refused, naming the flag', () => {
    assert.throws(
      () => parseSince('2026-01-01T25:00:00Z', now, 'since'),
      /since: "2026-01-01T25:00:00Z" is not a valid time/,
    );
  });

  test('a date or time of day that does not exist is refused, where JavaScript would roll it over', () => {
    // new Date() reads each of these as another day; Go's time.Parse (Prometheus) refuses them.
    for (const [text, why] of [
      ['2025-02-29T10:00:00Z', 'day 29 is not in 2025-02, which has 28 days'],
      ['2025-04-31T10:00:00+02:00', 'day 31 is not in 2025-04, which has 30 days'],
      ['2025-06-00T10:00:00Z', 'day 00 is not in 2025-06, which has 30 days'],
      ['2025-06-01T24:00:00Z', 'time of day 24:00:00 is not 00:00:00 to 23:59:59'],
      ['2025-06-01T10:00:00+24:00', 'offset 24:00 is out of range'],
    ]) {
      assert.throws(
        () => parseSince(text!, now),
        { message: `--since: "${text}" is not a valid time (${why})` },
        text,
      );
    }
    assert.equal(
      parseSince('2024-02-29T10:00:00Z', now).toISOString(),
      '2024-02-29T10:00:00.000Z',
      'a leap day',
    );
    assert.equal(parseSince('2000-02-29T10:00:00Z', now).toISOString(), '2000-02-29T10:00:00.000Z');
    assert.throws(
      () => parseSince('1900-02-29T10:00:00Z', now),
      /day 29 is not in 1900-02, which has 28 days/,
    );
  });

  test('a duration counts back from now, blanks around it ignored', () => {
    assert.equal(parseSince(' 1d ', now).toISOString(), '2026-02-28T10:00:00.000Z');
  });
});

describe('the range Prometheus is asked for', () => {
  test('in whole seconds, at least one', () => {
    assert.equal(promRange(300_000), '300s');
    assert.equal(promRange(90_400), '90s');
    assert.equal(promRange(200), '1s');
  });
});
