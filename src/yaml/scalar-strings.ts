// The YAML readers' string values, each distinct one kept once and as a string of its own.
// A value sliced out of a file's text holds on to the whole text (V8 makes slices of 13
// characters or more views of their parent), and 2,000 intents files of 50 rules each kept
// 8 MB of texts alive through their paths, beside 100,000 separate copies of "GET".
import { Buffer } from 'node:buffer';

/** Longer values are rare (names are at most 253 characters): they stay as read. */
const MAX_KEPT_LENGTH = 256;
/** Distinct values kept for the process: at most 64 Ki of 256 characters (16 MiB, twice that past Latin-1). */
const MAX_KEPT = 1 << 16;

const kept = new Map<string, string>();

/** A code unit past Latin-1: the string needs two bytes a character. */
const TWO_BYTE = /[\u0100-\uffff]/;

/** `text` as the one string kept for its value (copied out of its parent text the first time). */
export function scalarString(text: string): string {
  if (text.length > MAX_KEPT_LENGTH) return text;
  const known = kept.get(text);
  if (known !== undefined) return known;
  if (kept.size >= MAX_KEPT) return text;
  // A copy through bytes is a string of its own, not a view of the file's text: code unit for
  // code unit (UTF-8 would turn a lone surrogate, which a quoted `"\ud800"` gives, into U+FFFD),
  // one byte each while they fit, as V8 keeps such strings.
  const own = TWO_BYTE.test(text)
    ? Buffer.from(text, 'utf16le').toString('utf16le')
    : Buffer.from(text, 'latin1').toString('latin1');
  kept.set(own, own);
  return own;
}

/** A scalar's value, its string kept as scalarString keeps it; other values as they are. */
export function scalarValue<T>(value: T): T {
  return typeof value === 'string' ? (scalarString(value) as T) : value;
}
