// The characters that must never reach a terminal, a log, a comment or a page raw: written out
// here by code point, apart from src/safe-text.ts, so the tests do not grade the code by its own
// rule. C0 (ESC, BEL, CR, LF, TAB, ...), DEL, C1 (CSI, OSC, NEL), the Arabic letter mark, the
// Mongolian vowel separator, zero-width space/non-joiner/joiner and LRM/RLM, line and paragraph
// separators, bidi embeddings and overrides (U+202A-U+202E), the word joiner and invisible
// operators, bidi isolates (U+2066-U+2069) and the deprecated format characters, and the BOM.

const RANGES: [number, number][] = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0x61c, 0x61c],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfeff, 0xfeff],
];

/** Every unsafe code point, for generators. */
export const UNSAFE_CODE_POINTS: number[] = RANGES.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i),
);

function isUnsafe(code: number): boolean {
  return RANGES.some(([from, to]) => code >= from && code <= to);
}

/**
 * The unsafe characters in `text` (as `U+XXXX`), apart from the line feeds given as allowed (a
 * multi-line report's own line ends).
 */
export function rawUnsafeChars(text: string, allowed: readonly string[] = ['\n']): string[] {
  const found = new Set<string>();
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (isUnsafe(code) && !allowed.includes(char)) found.add(`U+${code.toString(16).padStart(4, '0')}`);
  }
  return [...found];
}

/** The character itself, for building hostile text. */
export const UNSAFE_SAMPLES = {
  esc: '\u001b',
  bel: '\u0007',
  osc: '\u009d',
  csi: '\u009b',
  del: '\u007f',
  nel: '\u0085',
  rlo: '\u202e',
  lri: '\u2066',
  pdi: '\u2069',
  zwsp: '\u200b',
  zwj: '\u200d',
  rlm: '\u200f',
  bom: '\ufeff',
  lineSeparator: '\u2028',
};
