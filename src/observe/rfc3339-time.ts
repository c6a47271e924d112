// Whether an RFC 3339 time names a moment that exists. V8's Date reads `2026-02-30` as 2 March
// and `24:00:00` as the next day's midnight instead of refusing them, as Go's time.Parse (and so
// Prometheus, and the snapshot's writer) does: a mistyped `--since` would move the range
// silently. The text is assumed to match the RFC's shape already (each caller has its pattern).

const FIELDS =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** Undefined when the date, the time of day and the offset are all in range; else what is not. */
export function timeOutOfRange(text: string): string | undefined {
  const m = FIELDS.exec(text);
  if (m === null) return 'not an RFC 3339 time';
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[];
  if (month! < 1 || month! > 12) return `month ${m[2]} is not 01 to 12`;
  const days = new Date(Date.UTC(2000, month!, 0)).getUTCDate() - (month === 2 && !leap(year!) ? 1 : 0);
  if (day! < 1 || day! > days) return `day ${m[3]} is not in ${m[1]}-${m[2]}, which has ${days} days`;
  if (hour! > 23 || minute! > 59 || second! > 59)
    return `time of day ${m[4]}:${m[5]}:${m[6]} is not 00:00:00 to 23:59:59`;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59))
    return `offset ${m[7]}:${m[8]} is out of range`;
  return undefined;
}

function leap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
