// Which path segments are values (IDs, hashes, dates, tokens) rather than names (`api`,
// `v1.2`, `orders`, `app.js`). Decided from the segment alone; the templater adds what
// varies across calls. Wrongly templating a name widens access, so every rule leans to
// "a name" when unsure.
//
// Decisions (README, "Path templates"): integers, UUIDs, hex of 8+ characters holding a
// digit, dates (2024-06-01, 2024-06-01T10:00:00Z) and random-looking tokens are values;
// versions (v1, v1.2, v2beta1, 1.2.3), words, slugs and file names are names, except a
// file name whose stem is itself a value (`8812.png`).

const INTEGER = /^\d+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{8,}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}(:?\d{2}){1,2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
// v1, v1.2, v2beta1, v1alpha3, V3; and bare dotted numbers such as 1.2 or 1.2.3.
const VERSION = /^v\d+([._]\d+)*([a-z]+\d*)?$/i;
const DOTTED_NUMBER = /^\d+(\.\d+){1,3}$/;
const FILE_NAME = /^(.+)\.([A-Za-z][A-Za-z0-9]{0,4})$/;
const TOKEN_CHARS = /^[A-Za-z0-9_-]+$/;

export function isVersionSegment(segment: string): boolean {
  return VERSION.test(segment) || DOTTED_NUMBER.test(segment);
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * A random-looking run: 10+ letters and digits mixed the way generators mix them (two or
 * more digits, or one digit among three or more capitals as in `NffrFeUfNV2Hib`), so
 * `getUserProfile2` and `healthcheck` stay names.
 */
function isRandomRun(run: string): boolean {
  if (run.length < 10) return false;
  const digits = count(run, /\d/g);
  const letters = count(run, /[A-Za-z]/g);
  if (digits === 0 || letters === 0) return false;
  return digits >= 2 || (count(run, /[A-Z]/g) >= 3 && count(run, /[a-z]/g) >= 2);
}

/**
 * A generated token, alone or behind a short prefix (`cus_NffrFeUfNV2Hib`, `tok-...`), base64
 * padding (`=`, `==`) included: Envoy's `{*}` matches `=`.
 */
function isToken(segment: string): boolean {
  const body = segment.replace(/={1,2}$/, '');
  if (body.length < 16 || !TOKEN_CHARS.test(body)) return false;
  return body.split(/[-_]/).some(isRandomRun);
}

function isValueShape(segment: string): boolean {
  if (INTEGER.test(segment) || UUID.test(segment) || DATE.test(segment) || DATE_TIME.test(segment)) {
    return true;
  }
  if (HEX.test(segment) && /\d/.test(segment) && /[a-f]/i.test(segment)) return true;
  return isToken(segment);
}

/** True when the segment is a value an intent should not spell out. */
export function isIdLikeSegment(segment: string): boolean {
  if (segment === '' || isVersionSegment(segment)) return false;
  if (isValueShape(segment)) return true;
  const file = FILE_NAME.exec(segment);
  return file !== null && file[1] !== undefined && isValueShape(file[1]);
}
