// The families the map is built from (istio_requests_total, istio_tcp_connections_opened_total)
// are Envoy counters: "unsigned integers that only increase and never decrease" (Envoy's
// statistics overview). A negative value is no sidecar's, and would cancel a real call's count:
// a meshed app can append its own series to the sidecar's merged :15020 endpoint, so
// `istio_requests_total{...its undeclared call...} -1e15` hid that call from the gate. A
// fractional or larger-than-exact value is no counter's either (and summed past 2^53 a count
// stops being exact). Such a value is bad input at its line, never a count. NaN and +Inf are
// left to the caller (ignored there with a warning, as a stale or broken series).

import { InputError } from '../errors.ts';

/**
 * Throws InputError at `where` when `value` cannot be a counter's; NaN and +Inf pass. `what`
 * names the series (the metric, or `stats[3] (metric)` in Envoy's JSON).
 */
export function requireCounterValue(
  value: number,
  what: string,
  where: { file: string; line?: number },
): void {
  if (Number.isNaN(value) || value === Number.POSITIVE_INFINITY) return;
  if (value >= 0 && Number.isSafeInteger(value)) return;
  const why =
    value < 0
      ? 'counters never go below 0'
      : Number.isInteger(value)
        ? 'a count past 2^53 is not exact'
        : 'counters are whole numbers';
  throw new InputError(
    `${what} has the value ${value}, which no sidecar writes (${why}): the series was written by something else, such as an app that appends its own metrics to the sidecar's :15020 endpoint`,
    where,
  );
}
