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
// - a text starting with `.` is a float when Go's ParseFloat takes it whole (its underscores
//   kept: Go's syntax allows one between two digits, `.5_0`);
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
/** Go's float literal starting with `.` (ParseFloat's syntax): `_` only between two digits. */
const GO_POINT_FLOAT = /^\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?$/;
const DECIMAL_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** go-yaml v2's value for a plain scalar's text (folded, as written without quotes or tag). */
export function goYamlV2Value(text: string): YamlScalar['value'] {
  if (WORDS.has(text)) return WORDS.get(text) as YamlScalar['value'];
  const first = text.charCodeAt(0);
  if (first === 0x2e /* . */) {
    if (!GO_POINT_FLOAT.test(text)) return text;
    const value = Number(text.replaceAll('_', ''));
    return Number.isFinite(value) ? value : text;
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

/**
 * Whether go-yaml v2 reads the text as a float (not an int): as a map key, sigs.k8s.io/yaml then
 * writes it as a 32-bit float (`1e9:` is the key "1e+09"), where a YAML 1.2 reading differs.
 */
export function isGoYamlV2Float(text: string): boolean {
  const value = goYamlV2Value(text);
  if (typeof value !== 'number') return false;
  if (!Number.isFinite(value) || text.charCodeAt(0) === 0x2e /* . */) return true;
  return goInteger(text.replaceAll('_', '')) === undefined && !/^0b[+-]/.test(text.replaceAll('_', ''));
}

/**
 * Whether go-yaml v2 reads the text as a uint64 (a whole number past int64, within uint64): as a
 * map key, sigs.k8s.io/yaml refuses it ("Unsupported map key of type: uint64"), so kubectl
 * refuses the file.
 */
export function isGoYamlV2Uint64(text: string): boolean {
  const value = goYamlV2Value(text);
  return typeof value === 'bigint' && value > INT64_MAX;
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

const YAML_TAG_PREFIX = 'tag:yaml.org,2002:';
/** The standard tags both readers resolve alike: `!!str` (the text), `!!map`, `!!seq`. */
const SAME_TO_KUBECTL = new Set(['str', 'map', 'seq'].map((t) => `${YAML_TAG_PREFIX}${t}`));

/**
 * Why a node's explicit tag is refused, or undefined. go-yaml v2 resolves a standard tag by YAML
 * 1.1's rules (`!!bool on` is true, `!!int 1_000` is 1000, `!!set` a map) where YAML 1.2 differs
 * or fails; the two part on the syntax of a tag of one's own (`!x#`), which no Kubernetes file
 * needs: only `!!str`, `!!map`, `!!seq` and the bare `!` are read.
 */
export function refusedTag(tag: string | undefined): string | undefined {
  if (tag === undefined || tag === '!' || SAME_TO_KUBECTL.has(tag)) return undefined;
  if (!tag.startsWith(YAML_TAG_PREFIX)) {
    // A tag of one's own: no Kubernetes file needs one, and the two readers part on their syntax.
    return `the tag ${tag.slice(0, 40)}: kubectl's YAML reader (go-yaml) and YAML 1.2 read tags of one's own differently; write the value without it`;
  }
  return `the tag !!${tag.slice(YAML_TAG_PREFIX.length)}: kubectl (go-yaml v2) reads tagged values by YAML 1.1's rules (!!bool on is true to it), not YAML 1.2's; write the value without the tag (quoted, for a string)`;
}

/**
 * Whether a quoted scalar, as written (its quotes included), ends with its closing quote: this
 * package closes one cut short by the end of its document (`'it''` before a `---`), go-yaml,
 * reading the part kubectl cut there, refuses it.
 */
export function isClosedQuote(raw: string): boolean {
  return raw.startsWith("'") ? /^'(?:[^']|'')*'$/.test(raw) : /^"(?:[^"\\]|\\[\s\S])*"$/.test(raw);
}

/**
 * Why go-yaml v2 (kubectl's reader) refuses an escape this package takes in a double-quoted
 * scalar, as written (`raw`, its quotes included): `\/` (YAML 1.2's, not in v2's list: "found
 * unknown escape character") and a surrogate code point (`\ud800`, a pair's halves written as
 * two escapes: "found invalid Unicode character escape code"). Undefined for any other.
 */
export function goYamlV2EscapeProblem(raw: string): string | undefined {
  if (!raw.startsWith('"')) return undefined;
  for (let i = raw.indexOf('\\'); i !== -1; i = raw.indexOf('\\', i + 2)) {
    const letter = raw[i + 1];
    if (letter === '/')
      return 'the escape \\/ in a double-quoted value: kubectl (go-yaml v2) does not know it and refuses the file; write / itself';
    if (letter !== 'u' && letter !== 'U') continue;
    const code = Number.parseInt(raw.slice(i + 2, i + (letter === 'u' ? 6 : 10)), 16);
    if (code >= 0xd800 && code <= 0xdfff) {
      return 'a surrogate escape (\\ud800 to \\udfff) in a double-quoted value: kubectl (go-yaml v2) refuses it, and the file; write the character itself, or \\U and its 8-digit code point';
    }
  }
  return undefined;
}

/** A text that may hold an escape goYamlV2EscapeProblem names (or one in a comment, or a single-quoted value). */
export const ODD_ESCAPE = /\\(?:\/|u[dD][89a-fA-F]|U0000[dD][89a-fA-F])/;
