// Prints an edited intents file: documents that did not change keep their bytes; a changed
// document is printed in its own indentation; in a list document (`kind: List`,
// `ClientIntentsList`) only the changed items are printed again, the other items keep their
// bytes (a List joined by hand may hold items written in two styles). Used by edit-intents.ts.
import { Document, isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { ParsedFile } from './edit-intents-homes.ts';
import { quoteNewScalarsForKubectl, YAML_1_1_SAFE } from './yaml-output.ts';

interface Indentation {
  indent?: number;
  indentSeq?: boolean;
}

const PRINT = { lineWidth: 0, flowCollectionPadding: false } as const;

/** The file's text after the edit. */
export function printEditedFile(entry: ParsedFile): string {
  const inFile = indentationIn(entry.text);
  let out = '';
  let start = 0;
  entry.docs.forEach((doc, i) => {
    const end = doc.range[2];
    const text = entry.text.slice(start, end);
    if (entry.changed.has(i)) {
      quoteNewScalarsForKubectl(doc);
      // yaml holds the comment after the last document's `...` as the document's own, but its
      // bytes are after the document's range and stay there: printed with it, it would be written twice.
      const own = doc.comment;
      const after = i === entry.docs.length - 1 ? commentAfterEnd(entry.text.slice(end)) : '';
      if (after !== '' && own?.endsWith(after))
        doc.comment = own.slice(0, -after.length).replace(/\n+$/, '') || null;
      try {
        out +=
          itemsOrNothing(doc, entry, start, text, inFile) ??
          doc.toString({ ...PRINT, ...style(text, inFile) });
      } finally {
        doc.comment = own;
      }
    } else out += text;
    start = end;
  });
  return out + entry.text.slice(start);
}

/**
 * The comment lines after the last document, as yaml holds them in a comment (each line without
 * its `#`, blank lines empty); '' when there are none, or anything else is there.
 */
function commentAfterEnd(tail: string): string {
  const lines = tail.trim().split('\n');
  if (!lines.every((line) => line.trim() === '' || line.trimStart().startsWith('#'))) return '';
  return lines.map((line) => (line.trim() === '' ? '' : line.trim().slice(1))).join('\n');
}

/** printedItems, or undefined when printing an item alone fails: the whole document is printed then. */
function itemsOrNothing(...args: Parameters<typeof printedItems>): string | undefined {
  try {
    return printedItems(...args);
  } catch {
    return undefined;
  }
}

/**
 * A changed list document (`kind: List`, `ClientIntentsList`) with only its changed items printed again, each in its own
 * indentation; undefined (print the whole document) when the changes are not all items, or an
 * item's text, on its line, would not read back as the edited item. Only the changed items are
 * read back: reading a List of 2,000 items again for each edit cost more than the edit.
 */
function printedItems(
  doc: Document.Parsed,
  entry: ParsedFile,
  docStart: number,
  docText: string,
  inFile: Indentation,
): string | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const items = root.get('items', true);
  // A list to kubectl (kubectl-list.ts): the editor changes only its items.
  if (!isSeq(items)) return undefined;
  const changed = items.items.filter((item): item is YAMLMap => entry.changedNodes.has(item as YAMLMap));
  if (changed.length === 0) return undefined;
  let out = '';
  let from = 0;
  for (const item of changed) {
    if (item.range === undefined || item.range === null) return undefined;
    const [s, , e] = item.range;
    const at = s - docStart;
    const column = at - (docText.lastIndexOf('\n', at - 1) + 1);
    const own = dedent(docText.slice(at, e - docStart), column);
    let printed = printAlone(item, style(own, inFile));
    if (!own.endsWith('\n')) printed = printed.replace(/\n$/, '');
    const text = indentAfterFirst(printed, column);
    // Read back where it stands (after its line's `- `), it must be the item as edited.
    const lead = docText.slice(at - column, at);
    if (!/^ *- +$/.test(lead) || !readsAs(`${lead}${text}`, item.toJS(doc))) return undefined;
    out += docText.slice(from, at) + text;
    from = e - docStart;
  }
  return out + docText.slice(from);
}

/**
 * The item printed as a document of its own, without the comment and blank line before it: those
 * stay where they are, in the text before the item. (Cleared for the printing and put back,
 * rather than printed from a clone: cloning 1,000 items took a third of the printing.)
 */
function printAlone(item: YAMLMap, indentation: { indent: number; indentSeq: boolean }): string {
  const { commentBefore, spaceBefore } = item;
  item.commentBefore = undefined;
  item.spaceBefore = false;
  try {
    return new Document(item, YAML_1_1_SAFE).toString({ ...PRINT, ...indentation });
  } finally {
    item.commentBefore = commentBefore;
    item.spaceBefore = spaceBefore;
  }
}

/** Whether `text` (one sequence item) reads back as a list of just `value`. */
function readsAs(text: string, value: unknown): boolean {
  const read = parseDocument(text, { uniqueKeys: false });
  return read.errors.length === 0 && sameData(read.toJS(), [value]);
}

function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Each line after the first without its first `column` spaces (an item's text, as if at column 0). */
function dedent(text: string, column: number): string {
  const pad = ' '.repeat(column);
  return text
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(pad) ? line.slice(column) : line))
    .join('\n');
}

/** Each non-empty line after the first moved right by `column` spaces. */
function indentAfterFirst(text: string, column: number): string {
  const pad = ' '.repeat(column);
  return text
    .split('\n')
    .map((line, i) => (i > 0 && line !== '' ? pad + line : line))
    .join('\n');
}

function style(text: string, inFile: Indentation): { indent: number; indentSeq: boolean } {
  const own = indentationIn(text);
  return { indent: own.indent ?? inFile.indent ?? 2, indentSeq: own.indentSeq ?? inFile.indentSeq ?? true };
}

/** The indentation `text` shows, each part undefined when it shows none. */
function indentationIn(text: string): Indentation {
  const nested = text.match(/^[^\s#-][^\n]*:\s*\n( +)\S/m);
  // `key:\n- item` (a sequence at its key's indentation) is the one common alternative to
  // `key:\n  - item`; where both occur, the more frequent wins (a tie: the flat one, as before).
  const flat = text.match(/^( *)[^\s#-][^\n]*:\s*\n\1- /gm)?.length ?? 0;
  const indented = text.match(/^( *)[^\s#-][^\n]*:\s*\n\1 +- /gm)?.length ?? 0;
  const found: Indentation = {};
  if (nested?.[1] !== undefined) found.indent = nested[1].length;
  if (flat + indented > 0) found.indentSeq = indented > flat;
  return found;
}

/**
 * `after` written as `before` was: CRLF line ends when every line of `before` ends so, and its
 * byte order mark when it had one (yaml prints LF and drops the mark).
 */
export function withConventionsOf(before: string, after: string): string {
  const crlf = before.includes('\r\n') && !/(?:^|[^\r])\n/.test(before);
  const text = crlf ? after.replace(/\r?\n/g, '\r\n') : after;
  return before.startsWith('\uFEFF') && !text.startsWith('\uFEFF') ? `\uFEFF${text}` : text;
}
