// What kubectl reads an unquoted, untagged scalar as. kubectl turns YAML into JSON with
// go-yaml v2 (apimachinery's util/yaml -> sigs.k8s.io/yaml YAMLToJSON -> go-yaml v2 Unmarshal
// into interface{}), whose resolver follows YAML 1.1 where this package follows 1.2's core
// schema. Where they part, a file means one thing here and another once applied: `name: on`
// is the workload "on" to YAML 1.2 and the boolean true to kubectl (which the API server then
// refuses), so the readers take go-yaml v2's value, and keep what was written for the error.
//
// The rules, as read in go-yaml v2's resolve.go (v2.4) and decode.go:
// - a fixed table: y Y yes Yes YES true True TRUE on On ON are true; n N no No NO false False
//   FALSE off Off OFF are false; "" ~ null Null NULL are null; .nan .inf and their spellings;
// - only a text starting with a digit, `+` or `-` may be a number: its underscores are dropped,
//   then it is an int as Go's ParseInt(s, 0, 64) reads it (0b, 0o, 0x prefixes in either case,
//   a leading 0 for octal), else a uint64 as ParseUint reads it, else a float when it matches
//   `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` and ParseFloat takes it (not out of
//   range), else `0b` followed by binary digits, a sign allowed after the prefix;
// - a text starting with `.` is a float when Go's ParseFloat takes it whole;
// - anything else, timestamps included (decoded into interface{} they stay strings), is a string.

import type { YamlScalar } from './yaml-tree.ts';

const WORDS = new Map<string, boolean | number | null>();
for (const word of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) {
  WORDS.set(word, true);
}
for (const word of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) {
  WORDS.set(word, false);
}
for (const word of ['', '~', 'null', 'Null', 'NULL']) WORDS.set(word, null);
for (const word of ['.nan', '.NaN', '.NAN']) WORDS.set(word, Number.NaN);
for (const word of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'])
  WORDS.set(word, Number.POSITIVE_INFINITY);
for (const word of ['-.inf', '-.Inf', '-.INF']) WORDS.set(word, Number.NEGATIVE_INFINITY);

/** Go's integer literal syntax for base 0, underscores already dropped: sign, prefix, digits. */
const GO_INTEGER = /^([+-]?)(0[bB][01]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/;
const DECIMAL_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** go-yaml v2's value for a plain scalar's text (folded, as written without quotes or tag). */
export function goYamlV2Value(text: string): YamlScalar['value'] {
  if (WORDS.has(text)) return WORDS.get(text) as YamlScalar['value'];
  const first = text.charCodeAt(0);
  if (first === 0x2e /* . */) {
    return DECIMAL_FLOAT.test(text) && Number.isFinite(Number(text)) ? Number(text) : text;
  }
  const signed = first === 0x2b /* + */ || first === 0x2d; /* - */
  if (!signed && (first < 0x30 || first > 0x39)) return text;
  const plain = text.replaceAll('_', '');
  const integer = goInteger(plain);
  if (integer !== undefined) return integer;
  if (DECIMAL_FLOAT.test(plain) && Number.isFinite(Number(plain))) return Number(plain);
  // The explicit binary branch: what it adds to ParseInt's base 0 is a sign after the prefix.
  const binary = /^0b([+-])([01]+)$/.exec(plain);
  if (binary !== null) {
    const magnitude = BigInt(`0b${binary[2]}`);
    const value = binary[1] === '-' ? -magnitude : magnitude;
    if (value >= INT64_MIN && value <= INT64_MAX) return asNumber(value);
  }
  return text;
}

/** ParseInt(s, 0, 64), else ParseUint(s, 0, 64) (no sign): undefined when neither reads it. */
function goInteger(plain: string): number | bigint | undefined {
  const match = GO_INTEGER.exec(plain);
  if (match === null) return undefined;
  const [, sign, digits] = match as unknown as [string, string, string];
  const prefix = digits.length > 1 && digits[0] === '0' ? digits[1]!.toLowerCase() : '';
  const body =
    prefix === 'b' || prefix === 'o' || prefix === 'x'
      ? `0${prefix}${digits.slice(2)}`
      : digits.length > 1 && digits[0] === '0'
        ? `0o${digits.slice(1)}`
        : digits;
  const magnitude = BigInt(body);
  const value = sign === '-' ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return asNumber(value);
  // ParseUint takes no sign.
  if (sign === '' && value <= UINT64_MAX) return asNumber(value);
  return undefined;
}

function asNumber(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

/** Whether two scalar values are the same value (NaN is NaN; 1 and 1n are not). */
export function sameScalarValue(a: YamlScalar['value'], b: YamlScalar['value']): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

/**
 * What errors add to a scalar's value when kubectl's reading of it is not YAML 1.2's, so that
 * `must be a string, not boolean true` names the `on` the file holds; empty otherwise.
 */
export function kubectlReadingNote(node: YamlScalar): string {
  if (node.written === undefined) return '';
  return ` (kubectl reads the unquoted ${JSON.stringify(node.written)} as YAML 1.1 does; quote it for the string)`;
}
