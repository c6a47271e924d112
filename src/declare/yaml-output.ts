// YAML we print (exported intents, policies) carries names and paths from traffic and from the
// intents of a fork. A string holding a control, bidi or zero-width character (or the runner's
// `##[`) is written as a
// double-quoted scalar with that character as an escape (`"\u202e"`): the same value for any
// YAML reader, and nothing raw reaches a terminal or a reviewer's diff view. A string YAML 1.1
// reads as something else (`on`, `no`, `y` as booleans, `1_000` as a number: go-yaml v2's
// resolve.go) is quoted too: kubectl reads YAML with go-yaml v2, as YAML 1.1 (YAML_1_1_SAFE).
import { Document, type Node, Scalar, type ToStringOptions, visit } from 'yaml';
import { goYamlV2Value } from '../yaml/go-yaml-v2.ts';

/**
 * Document options for YAML that kubectl will read: the `yaml` package then quotes each string
 * that YAML 1.1's types would read as another value, as well as those YAML 1.2's would.
 */
export const YAML_1_1_SAFE = { compat: 'yaml-1.1' } as const;

import { hasUnsafeChars, showControlChars } from '../safe-text.ts';

const UNSAFE_BEYOND_NEWLINE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/**
 * Whether kubectl (go-yaml v2) would read the string, written plain, as another value. The
 * `yaml` package's YAML 1.1 quoting covers most (`on`, `1_000`), not go-yaml's own rules:
 * `0b-1`, a valid Kubernetes name, is -1 to it.
 */
function kubectlReadsOtherwise(value: string): boolean {
  return goYamlV2Value(value) !== value;
}

/** New string scalars (not yet given a style) that kubectl would read otherwise, made double-quoted. */
export function quoteNewScalarsForKubectl(root: Document | Node): void {
  visit(root, {
    Scalar(_key, node) {
      if (node.type === undefined && typeof node.value === 'string' && kubectlReadsOtherwise(node.value))
        node.type = Scalar.QUOTE_DOUBLE;
    },
  });
}

/** The value with each string that holds an unsafe character made a double-quoted scalar. */
function quotedWhereUnsafe(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!hasUnsafeChars(value) && !kubectlReadsOtherwise(value)) return value;
    const scalar = new Scalar(value);
    scalar.type = Scalar.QUOTE_DOUBLE;
    return scalar;
  }
  if (Array.isArray(value)) return value.map(quotedWhereUnsafe);
  if (value !== null && typeof value === 'object' && !(value instanceof Scalar)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, quotedWhereUnsafe(v)]));
  }
  return value;
}

/** One YAML document's text; `comment` (our own notes) goes above it, each line escaped. */
export function yamlDocumentText(
  value: unknown,
  options: ToStringOptions,
  comment?: readonly string[],
): string {
  const doc = new Document(quotedWhereUnsafe(value), YAML_1_1_SAFE);
  if (comment !== undefined && comment.length > 0 && doc.contents) {
    // On the contents, not the document: no blank line between the comment and what it describes.
    doc.contents.commentBefore = comment.map((line) => ` ${showControlChars(line)}`).join('\n');
  }
  // Only double-quoted scalars can still hold such a character (or `##[`) here, where `\uXXXX`
  // is an escape. The library folds a double-quoted scalar of 40 characters or more at each `\n`
  // into real line breaks, which would start a line with outside text (`  ::error::...`, a
  // workflow command once the runner trims the indent): every one stays on its line.
  return doc
    .toString({ ...options, doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY })
    .replace(UNSAFE_BEYOND_NEWLINE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('##[', '##\\u005b');
}
