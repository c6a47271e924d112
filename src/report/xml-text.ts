// Text from traffic and files inside XML: markup characters escaped, and characters XML 1.0
// cannot hold at all (most C0 controls, lone surrogates) shown as escapes instead.
import { showControlChars } from './display-text.ts';

const MARKUP: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// Lone surrogates and the two noncharacters XML 1.0 excludes.
const NOT_XML = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

/** One line of text, safe in an attribute value or element content. */
export function xmlText(text: string): string {
  return showControlChars(text.replace(NOT_XML, '\uFFFD')).replace(/[&<>"']/g, (c) => MARKUP[c]!);
}

/** Several lines as element content: each line escaped, the line breaks kept. */
export function xmlLines(lines: readonly string[]): string {
  return lines
    .flatMap((line) => line.split('\n'))
    .map(xmlText)
    .join('\n');
}
