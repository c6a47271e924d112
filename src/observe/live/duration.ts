// Durations as users write them on the command line (`60s`, `15m`, `1h30m`) and `--since`
// values (a duration back from now, or an RFC 3339 instant).
import { InputError } from '../../errors.ts';
import { timeOutOfRange } from '../rfc3339-time.ts';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** `90s`, `15m`, `1h30m`, `500ms` -> milliseconds. Throws InputError naming the flag. */
export function parseDuration(text: string, flag: string): number {
  const t = text.trim();
  if (!WHOLE.test(t)) {
    throw new InputError(`${flag}: "${text}" is not a duration (like 30s, 15m, 1h30m)`);
  }
  let ms = 0;
  for (const m of t.matchAll(PART)) ms += Number(m[1]) * UNIT_MS[m[2]!]!;
  if (ms <= 0) throw new InputError(`${flag}: the duration must be longer than zero`);
  return ms;
}

/** The longest a Node.js timer waits: past 2^31-1 ms (about 596 hours) it fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A duration something waits for (`--window`, `--pod-timeout`): as parseDuration, and within a
 * timer's reach, since a longer one would end the wait at once (two readings of the window 1 ms
 * apart, every pod timed out) rather than never.
 */
export function parseWait(text: string, flag: string): number {
  const ms = parseDuration(text, flag);
  if (ms > MAX_TIMER_MS) {
    throw new InputError(`${flag}: ${text.trim()} is longer than the longest wait, 596 hours (2^31-1 ms)`);
  }
  return ms;
}

/** The longest `--prometheus-timeout` (or action input `prometheus-timeout`). */
const MAX_PROMETHEUS_TIMEOUT_MS = 3_600_000;

/** `--prometheus-timeout` (action input `prometheus-timeout`): up to an hour. */
export function prometheusTimeoutMs(text: string, flag: string): number {
  return parseTimeout(text, flag, MAX_PROMETHEUS_TIMEOUT_MS);
}

/** A timeout flag's duration: as parseDuration, and at most `maxMs` (a read must end). */
function parseTimeout(text: string, flag: string, maxMs: number): number {
  const ms = parseDuration(text, flag);
  if (ms > maxMs) {
    throw new InputError(`${flag}: ${text.trim()} is longer than the limit of ${maxMs / 60_000} minutes`);
  }
  return ms;
}

/** `--since`: a duration back from `now`, or an RFC 3339 time in the past. Returns the start. */
export function parseSince(text: string, now: Date, flag = '--since'): Date {
  const t = text.trim();
  if (RFC3339.test(t)) {
    const at = new Date(t);
    const outOfRange = timeOutOfRange(t);
    if (outOfRange !== undefined || Number.isNaN(at.getTime())) {
      throw new InputError(
        `${flag}: "${text}" is not a valid time${outOfRange === undefined ? '' : ` (${outOfRange})`}`,
      );
    }
    if (at.getTime() >= now.getTime()) throw new InputError(`${flag}: ${t} is not in the past`);
    return at;
  }
  if (!WHOLE.test(t)) {
    throw new InputError(`${flag}: "${text}" is neither a duration (15m) nor an RFC 3339 time`);
  }
  return new Date(now.getTime() - parseDuration(t, flag));
}

/** Prometheus range selector text for a span, in whole seconds (at least 1s). */
export function promRange(ms: number): string {
  return `${Math.max(1, Math.round(ms / 1000))}s`;
}
