import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/observe/rfc3339-time.ts
var FIELDS = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
var MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function timeOutOfRange(text) {
  const m = FIELDS.exec(text);
  if (m === null) return "not an RFC 3339 time";
  const [, y, mo, d, h, mi, s, oh, om] = m;
  const month = Number(mo);
  if (month < 1 || month > 12) return `month ${mo} is not 01 to 12`;
  const days = month === 2 && leap(Number(y)) ? 29 : MONTH_DAYS[month - 1];
  if (Number(d) < 1 || Number(d) > days) return `day ${d} is not in ${y}-${mo}, which has ${days} days`;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return `time of day ${h}:${mi}:${s} is not 00:00:00 to 23:59:59`;
  if (oh !== void 0 && (Number(oh) > 23 || Number(om) > 59)) return `offset ${oh}:${om} is out of range`;
  return void 0;
}
function leap(year) {
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
}

export {
  timeOutOfRange
};
