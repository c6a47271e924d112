import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  timeOutOfRange
} from "./chunk-ECHFJ74Z.js";
import {
  InputError
} from "./chunk-3OLJVOZR.js";

// src/observe/live/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
var PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
var WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
var RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
function parseDuration(text, flag) {
  const t = text.trim();
  if (!WHOLE.test(t)) {
    throw new InputError(`${flag}: "${text}" is not a duration (like 30s, 15m, 1h30m)`);
  }
  let ms = 0;
  for (const m of t.matchAll(PART)) ms += Number(m[1]) * UNIT_MS[m[2]];
  if (ms <= 0) throw new InputError(`${flag}: the duration must be longer than zero`);
  return ms;
}
var MAX_TIMER_MS = 2 ** 31 - 1;
function parseWait(text, flag) {
  const ms = parseDuration(text, flag);
  if (ms > MAX_TIMER_MS) {
    throw new InputError(`${flag}: ${text.trim()} is longer than the longest wait, 596 hours (2^31-1 ms)`);
  }
  return ms;
}
var MAX_PROMETHEUS_TIMEOUT_MS = 36e5;
function prometheusTimeoutMs(text, flag) {
  return parseTimeout(text, flag, MAX_PROMETHEUS_TIMEOUT_MS);
}
function parseTimeout(text, flag, maxMs) {
  const ms = parseDuration(text, flag);
  if (ms > maxMs) {
    throw new InputError(`${flag}: ${text.trim()} is longer than the limit of ${maxMs / 6e4} minutes`);
  }
  return ms;
}
function parseSince(text, now, flag = "--since") {
  const t = text.trim();
  if (RFC3339.test(t)) {
    const at = new Date(t);
    const outOfRange = timeOutOfRange(t);
    if (outOfRange !== void 0 || Number.isNaN(at.getTime())) {
      throw new InputError(
        `${flag}: "${text}" is not a valid time${outOfRange === void 0 ? "" : ` (${outOfRange})`}`
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
function promRange(ms) {
  return `${Math.max(1, Math.round(ms / 1e3))}s`;
}

export {
  parseDuration,
  parseWait,
  prometheusTimeoutMs,
  parseSince,
  promRange
};
