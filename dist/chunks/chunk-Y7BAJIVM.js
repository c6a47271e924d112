import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/observe/rfc3339-time.ts
var FIELDS = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
function timeOutOfRange(text) {
  const m = FIELDS.exec(text);
  if (m === null) return "not an RFC 3339 time";
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12) return `month ${m[2]} is not 01 to 12`;
  const days = new Date(Date.UTC(2e3, month, 0)).getUTCDate() - (month === 2 && !leap(year) ? 1 : 0);
  if (day < 1 || day > days) return `day ${m[3]} is not in ${m[1]}-${m[2]}, which has ${days} days`;
  if (hour > 23 || minute > 59 || second > 59)
    return `time of day ${m[4]}:${m[5]}:${m[6]} is not 00:00:00 to 23:59:59`;
  if (m[7] !== void 0 && (Number(m[7]) > 23 || Number(m[8]) > 59))
    return `offset ${m[7]}:${m[8]} is out of range`;
  return void 0;
}
function leap(year) {
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
}

export {
  timeOutOfRange
};
