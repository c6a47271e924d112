// Text from traffic, files and libraries on its way to people: one rule for which characters
// are never shown raw, and one for which secrets are never shown at all. Every renderer, every
// log line and every error message goes through these (src/report/display-text.ts re-exports
// the first for the renderers).
import { Buffer } from 'node:buffer';

// Characters that move the cursor, recolour or retitle a terminal (C0 with ESC and BEL, DEL, C1
// with CSI and OSC), end a line (\n, \r, NEL, U+2028/2029), reorder what is shown (bidi marks,
// embeddings, overrides and isolates: "Trojan Source") or hide text (zero-width characters, the
// word joiner and invisible operators, the BOM, the Mongolian vowel separator).
const UNSAFE_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

// The same class, to test: most text has none, and a test costs less than a replace that finds nothing.
const HAS_UNSAFE = new RegExp(UNSAFE_CHARS.source);

const UNSAFE_BEYOND_C0 =
  /[\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// GitHub's runner reads `##[name ...]` anywhere in a line of a step's output as a workflow
// command (its legacy form; actions/runner ActionCommand.TryParse), and the CLI runs in CI steps
// too: outside text never shows this sequence as it is.
const LEGACY_COMMAND = '##[';

/** Whether the text holds a character (or sequence) that showControlChars would escape. */
export function hasUnsafeChars(text: string): boolean {
  return HAS_UNSAFE.test(text) || text.includes(LEGACY_COMMAND);
}

/** `\x1b`, `\u202e`: how one unsafe character is shown. */
export function escapeOf(char: string): string {
  const named = NAMED_ESCAPES[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * The text on one line, each unsafe character shown as an escape (`\n`, `\x1b`, `\u202e`), and
 * the runner's legacy command opener `##[` as `##\x5b`.
 */
export function showControlChars(text: string): string {
  if (!hasUnsafeChars(text)) return text;
  return text.replace(UNSAFE_CHARS, escapeOf).replaceAll(LEGACY_COMMAND, '##\\x5b');
}

/**
 * JSON text (from JSON.stringify) with every unsafe character it still holds raw written as a
 * `\uXXXX` escape: the same data, but nothing that moves a terminal's cursor or text.
 */
export function jsonWithEscapes(json: string): string {
  // Every character escaped here but DEL is beyond ASCII: text that is ASCII (its UTF-8 length
  // is its length, a native count), without DEL or `##[`, has nothing to escape. Three native
  // scans cost about a third of the replace's on a report of 100 MB.
  if (
    Buffer.byteLength(json, 'utf8') === json.length &&
    !json.includes('\u007f') &&
    !json.includes(LEGACY_COMMAND)
  )
    return json;
  // JSON.stringify escapes C0 inside strings already; the line feeds left are its own layout.
  // `##[` can only stand inside a string, where `\u005b` is the same `[`.
  return json
    .replace(UNSAFE_BEYOND_C0, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll(LEGACY_COMMAND, '##\\u005b');
}

// `scheme://user:password@host/path?query#fragment` anywhere in a message. The character class
// stops at white space, quotes and brackets, which end a URL in prose and in library messages.
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s"'<>()[\]{}`]+/gi;

// `token: abc`, `password=abc`, `"client-key-data": "..."`, `Authorization: Bearer abc`: the value
// after a key that names a credential (kubeconfig fields, HTTP headers, query parameters).
const SECRET_FIELD =
  /\b((?:access[-_]?|id[-_]?|refresh[-_]?|auth[-_]?|bearer[-_]?)?token|password|passwd|secret|api[-_]?key|client-key-data|client-key|authorization|private[-_]?key)(["']?\s*[:=]\s*["']?)(?:(?:bearer|basic)\s+)?[^\s"',;&]+/gi;

// A YAML or JSON parser's code frame (`  10 |     token: abc`): it quotes the file around the
// error, credentials included.
const CODE_FRAME_LINE = /^\s*(?:>\s*)?\d+\s*\|.*$|^\s*-+\^\s*$/gm;

function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.host === '') return `${u.protocol}//…`;
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    // Not parseable: keep the scheme and what follows up to userinfo, query or fragment.
    const cut = url.replace(/\/\/[^/]*@/, '//').replace(/[?#].*$/, '');
    return cut;
  }
}

/**
 * A message with the secrets it may quote taken out: URLs without userinfo, query string or
 * fragment; values of credential fields replaced by `***`; parsers' code frames dropped.
 */
export function scrubSecrets(message: string): string {
  return message
    .replace(CODE_FRAME_LINE, '')
    .replace(/\n{2,}/g, '\n')
    .trim()
    .replace(URL_IN_TEXT, shownUrl)
    .replace(SECRET_FIELD, (_match, key: string, separator: string) => `${key}${separator}***`);
}

/** One line for a terminal or a log: secrets scrubbed, every unsafe character escaped. */
export function safeLine(message: string): string {
  return showControlChars(scrubSecrets(message));
}
