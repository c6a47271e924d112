// The one door through which text from traffic or files (names, paths, files, warnings) enters
// a picture: the DOT behind the SVG and PNG, the interactive HTML page and the Mermaid graph.
// Each of those escapes for its own syntax afterwards; what they share, making invisible
// characters visible, happens here and only here, so a stricter rule changes every picture at once.

import { showControlChars } from './display-text.ts';

/** The text as it may be shown: on one line, no control, direction or invisible characters. */
export function pictureText(text: string): string {
  return showControlChars(text);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Any text as HTML text or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return pictureText(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
