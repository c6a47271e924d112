// Whether an RFC 3339 time names a moment that exists. V8's Date reads `2026-02-30` as 2 March
// and `24:00:00` as the next day's midnight instead of refusing them, as Go's time.Parse (and so
// Prometheus, and the snapshot's writer) does: a mistyped `--since` would move the range
// silently. The text is assumed to match the RFC's shape already (each caller has its pattern).

const FIELDS =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** Days in each month of a common year; February has 29 in a leap year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Undefined when the date, the time of day and the offset are all in range; else what is not. */
export function timeOutOfRange(text: string): string | undefined {
  const m = FIELDS.exec(text);
  if (m === null) return 'not an RFC 3339 time';
  const [, y, mo, d, h, mi, s, oh, om] = m as unknown as string[];
  const month = Number(mo);
  if (month < 1 || month > 12) return `month ${mo} is not 01 to 12`;
  const days = month === 2 && leap(Number(y)) ? 29 : MONTH_DAYS[month - 1]!;
  if (Number(d) < 1 || Number(d) > days) return `day ${d} is not in ${y}-${mo}, which has ${days} days`;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return `time of day ${h}:${mi}:${s} is not 00:00:00 to 23:59:59`;
  if (oh !== undefined && (Number(oh) > 23 || Number(om) > 59)) return `offset ${oh}:${om} is out of range`;
  return undefined;
}

function leap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
