// Putting names and paths from traffic or files into GitHub markdown without letting them
// become markup. Everything goes into code spans: inside one, GitHub renders no links,
// images, HTML, headings, emphasis, emoji or @mentions. What a code span cannot stop is
// handled before: line breaks and control characters (shown as escapes), a backtick run
// (the fence is longer), `|` in a table (escaped; cmark-gfm drops exactly the one backslash
// before each pipe, even inside code), and the sticky-comment marker `<!--` (its `!` shown as
// the escape `\x21`, so the comment never holds a second marker and no invisible character is
// added).

import { showControlChars } from './display-text.ts';

/** `<!--` with its `!` written as an escape, in the vocabulary of showControlChars. */
const BROKEN_COMMENT_OPEN = '<\\x21--';

export interface CodeSpanOptions {
  /** The span sits in a table cell: escape `|` so the cell is not split. */
  inTable?: boolean;
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** Any text as an inert inline code span. */
export function codeSpan(text: string, opts: CodeSpanOptions = {}): string {
  let content = showControlChars(text).replaceAll('<!--', BROKEN_COMMENT_OPEN);
  if (content === '') return '*empty*';
  if (opts.inTable) content = content.replaceAll('|', '\\|');
  const fence = '`'.repeat(longestBacktickRun(content) + 1);
  // CommonMark strips one space from each end when both ends have one, and a backtick at an
  // end would merge with the fence: pad both sides then (not for an all-space text).
  const needsPadding = /^[` ]|[` ]$/.test(content) && content.trim() !== '';
  return needsPadding ? `${fence} ${content} ${fence}` : `${fence}${content}${fence}`;
}

/** A code span for a table cell. */
export function cellCode(text: string): string {
  return codeSpan(text, { inTable: true });
}

/**
 * A URL fit for a markdown link destination, or undefined when it is not http(s). Everything
 * but plain URL characters is percent-encoded (UTF-8): nothing can end the destination or
 * the table cell, and no control or direction character reaches the comment.
 */
export function safeLinkUrl(url: string): string | undefined {
  if (!/^https?:\/\/[A-Za-z0-9]/i.test(url)) return undefined;
  return url.replace(/[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/gu, (char) =>
    char.length === 1 && char.charCodeAt(0) < 0x80
      ? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
      : encodeURIComponent(char),
  );
}

/** `[`text`](url)` when the URL is safe, else just the code span. */
export function linkedCode(text: string, url: string | undefined, opts: CodeSpanOptions = {}): string {
  const code = codeSpan(text, opts);
  const safe = url === undefined ? undefined : safeLinkUrl(url);
  return safe === undefined ? code : `[${code}](${safe})`;
}

/** One markdown table row from already-escaped cells. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
