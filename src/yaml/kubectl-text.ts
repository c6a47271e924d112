// The text of a YAML file as kubectl reads it. cli-runtime's FileVisitor (pkg/resource/
// visitor.go) reads every file through golang.org/x/text's unicode.BOMOverride(UTF8 decoder):
// a UTF-16 byte order mark, in either byte order, makes the file UTF-16; anything else is
// UTF-8. Windows PowerShell 5 writes UTF-16 with a mark (`kubectl get clientintents -o yaml >
// intents.yaml`), and kubectl applies that file: read as UTF-8 it held no ClientIntents here.
// Bytes that are not UTF-16 become U+FFFD, as in Go's decoder. A UTF-8 mark is left in the text,
// where the YAML readers already skip it.

const UTF16LE = new TextDecoder('utf-16le');
const UTF16BE = new TextDecoder('utf-16be');

/** The file's bytes as text, decoded by its byte order mark as kubectl decodes them. */
export function yamlTextOf(bytes: Uint8Array): string {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return UTF16LE.decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return UTF16BE.decode(bytes.subarray(2));
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Whether the bytes are UTF-16 to kubectl (a UTF-16 byte order mark). */
export function isUtf16(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

/**
 * NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end a line for go-yaml (its scanner's is_break,
 * from libyaml: YAML 1.1's line breaks) and not for YAML 1.2, which this package reads. Raw in a
 * file, one makes kubectl read other content than the check: `# note<U+2028>  http: [...]` is a
 * comment here and a key to kubectl.
 */
const KUBECTL_ONLY_BREAKS = /[\u0085\u2028\u2029]/;
const BREAK_NAMES: Record<string, string> = {
  '\u0085': 'U+0085 (NEXT LINE)',
  '\u2028': 'U+2028 (LINE SEPARATOR)',
  '\u2029': 'U+2029 (PARAGRAPH SEPARATOR)',
};

/**
 * apimachinery's YAMLReader (util/yaml, which kubectl reads files with) splits a stream at each
 * line starting with `---`, and refuses one with anything after it but spaces and a comment
 * (`--- {a: 1}`, `--- !!map`, `----`); go-yaml then reads only the first document of each part,
 * so content after a `...` line and before the next `---` is never applied. YAML 1.2 reads both
 * as documents.
 */
const MARKER_LINE = /^(---|\.\.\.)(.*)$/gm;
const SEPARATOR_LINE = /^---/m;
/** A line with content: not blank, not a comment, not another `...`. */
const CONTENT_LINE = /^(?!\.\.\.(?:\s|$))[ \t]*[^\s#]/m;

export interface KubectlReadingProblem {
  line: number;
  message: string;
}

/**
 * Where a YAML text means something else to kubectl than to a YAML 1.2 reader, and what; undefined
 * when it means the same. JSON (a stream starting with `{`, as apimachinery's YAMLOrJSONDecoder
 * tells them apart) is decoded as JSON by kubectl and never differs.
 */
export function kubectlReadingProblem(text: string): KubectlReadingProblem | undefined {
  if (/^\s*\{/.test(text)) return undefined;
  const broken = text.search(KUBECTL_ONLY_BREAKS);
  if (broken !== -1) {
    return {
      line: lineAt(text, broken),
      message: `${BREAK_NAMES[text[broken]!]} is a line break to kubectl (go-yaml reads YAML 1.1's line breaks) and not to YAML 1.2: the file would say one thing to kubectl and another here; remove it, or write it escaped in a double-quoted string`,
    };
  }
  if (!text.includes('---') && !text.includes('...')) return undefined;
  for (const match of text.matchAll(MARKER_LINE)) {
    const [whole, marker, rest] = match as unknown as [string, string, string];
    if (marker === '---') {
      const after = rest.trim();
      if (after !== '' && !after.startsWith('#')) {
        return {
          line: lineAt(text, match.index),
          message: `kubectl refuses a document separator with more than a comment after it (${JSON.stringify(whole.trim().slice(0, 40))}): start the document on the next line`,
        };
      }
    } else if (rest === '' || /^\s/.test(rest)) {
      const from = match.index + whole.length;
      const next = text.slice(from).search(SEPARATOR_LINE);
      const part = text.slice(from, next === -1 ? text.length : from + next);
      const content = part.search(CONTENT_LINE);
      if (content !== -1) {
        return {
          line: lineAt(text, from + content),
          message: `kubectl reads only the first document of each part between "---" lines: this one, after the "..." at line ${lineAt(text, match.index)}, would never be applied; start it with "---"`,
        };
      }
    }
  }
  return undefined;
}

/** The 1-based line of an offset, as the YAML readers count lines (LF). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
