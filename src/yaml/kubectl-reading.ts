// Where a YAML text means something else to kubectl, which applies it, than to this package's
// YAML 1.2 reading: such a text is refused at its line rather than read one way here while the
// cluster gets another (or nothing). kubectl reads a file through apimachinery's util/yaml: a
// stream starting with `{` is JSON to it (YAMLOrJSONDecoder), any other is cut into parts at
// lines starting with `---` (YAMLReader) and each part read by go-yaml, first document only.
// What go-yaml does with a part was read in its sources (is_break in yamlprivateh.go) and is
// checked against go-yaml v2.4 itself by test/yaml/kubectl-oracle.test.ts.

export interface KubectlReadingProblem {
  line: number;
  message: string;
}

/**
 * Characters go-yaml's reader refuses anywhere in a file, comments included (it allows tab, LF,
 * CR, printable ASCII, NEL, U+00A0 to U+D7FF, U+E000 to U+FFFD and beyond), and the three it
 * takes as line breaks where YAML 1.2 does not: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR (its
 * scanner's is_break, from libyaml). `# note<U+2028>  http: [...]` is a comment here and a key
 * to kubectl.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const KUBECTL_ODD_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/;
const BREAK_NAMES: Record<string, string> = {
  '\u0085': 'U+0085 (NEXT LINE)',
  '\u2028': 'U+2028 (LINE SEPARATOR)',
  '\u2029': 'U+2029 (PARAGRAPH SEPARATOR)',
};

/** A CR that ends no CRLF: a line break to go-yaml, not to apimachinery's YAMLReader. */
const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

/** A line starting with `---` or `...`, and what follows on it. */
const MARKER_LINE = /^(---|\.\.\.)(.*)$/gm;
const SEPARATOR_LINE = /^---/m;
/** A line with content: not blank, not a comment, not a `...`. */
const CONTENT_LINE = /^(?!\.\.\.(?:\s|$))[ \t]*[^\s#]/m;

/** The first place `text` (a whole file) means something else to kubectl, or undefined. */
export function kubectlReadingProblem(text: string): KubectlReadingProblem | undefined {
  const body = withoutMark(text);
  // JSON holds no raw control character (JSON.parse refuses them) but a lone CR between values,
  // white space to Go's JSON decoder and a line break to the YAML readers here.
  if (isJsonToKubectl(body)) return loneCarriageReturn(body);
  return oddCharacter(body) ?? innerMark(body) ?? directive(body) ?? splitProblem(body);
}

/**
 * A byte order mark at the start of a line (after the file's own, which kubectl drops first):
 * go-yaml drops one at the start of each part it reads, so files saved with a mark and joined
 * with `---` give kubectl `kind: ClientIntents` where YAML reads the key "\uFEFFkind".
 */
function innerMark(body: string): KubectlReadingProblem | undefined {
  const at = body.search(/^\uFEFF/m);
  if (at === -1) return undefined;
  return {
    line: lineAt(body, at),
    message:
      "a byte order mark (U+FEFF) at the start of a line: go-yaml (kubectl's YAML reader) drops it at the start of a document, where YAML reads it as text; remove it",
  };
}

function loneCarriageReturn(body: string): KubectlReadingProblem | undefined {
  const carriage = body.search(LONE_CARRIAGE_RETURN);
  if (carriage === -1) return undefined;
  return {
    line: lineAt(body, carriage),
    message:
      'a carriage return not followed by a line feed: kubectl cuts lines at line feeds only and go-yaml breaks there too, where YAML 1.2 readers differ; end lines with LF or CRLF',
  };
}

/** A surrogate without its pair, in a decoded string. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A surrogate's escape in JSON text, where the line of a lone one is looked for. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

/**
 * Why JSON text that parses is still refused, at which line (1-based, in `json`): a number no
 * 64-bit float holds (1e400, which JSON.parse makes Infinity), or a lone surrogate escape
 * (`\ud800`, which Go's decoder makes U+FFFD and JSON.parse keeps). Throws as JSON.parse does
 * on text that is not JSON.
 */
export function jsonValueProblem(json: string): KubectlReadingProblem | undefined {
  let huge = false;
  let lone = false;
  JSON.parse(json, (key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) huge = true;
    if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value))) lone = true;
    return value;
  });
  if (huge) {
    for (const match of json.matchAll(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) {
      if (!Number.isFinite(Number(match[0])))
        return { line: lineAt(json, match.index), message: HUGE_NUMBER };
    }
    return { line: 1, message: HUGE_NUMBER };
  }
  if (lone) {
    const at = json.search(SURROGATE_ESCAPE);
    return {
      line: at === -1 ? 1 : lineAt(json, at),
      message:
        'a lone surrogate escape (\\ud800 to \\udfff without its pair): kubectl decodes JSON with Go, which makes it U+FFFD, where it is kept here; write the character itself or its pair',
    };
  }
  return undefined;
}

const HUGE_NUMBER =
  'a number larger than a 64-bit float holds (1e400): kubectl decodes JSON numbers with Go, where such a number is not what it is here; write a smaller number, or a string';

/**
 * A stream starting with `{` is decoded as JSON by kubectl, which refuses YAML's flow syntax
 * (`{a: b}`) there: a text YAML reads that is not JSON. Asked after YAML has read the text,
 * whose errors place broken JSON better than JSON.parse's (which V8 no longer positions).
 */
export function kubectlJsonProblem(text: string): KubectlReadingProblem | undefined {
  const body = withoutMark(text);
  if (!isJsonToKubectl(body)) return undefined;
  try {
    return jsonValueProblem(body);
  } catch (err) {
    // Only the position: V8's message quotes the text.
    const at = /position (\d+)/.exec((err as Error).message);
    return {
      line: at === null ? 1 : lineAt(body, Number(at[1])),
      message:
        'kubectl reads a file starting with "{" as JSON, and this is not valid JSON: write it as JSON, or as YAML that does not start with "{"',
    };
  }
}

function oddCharacter(body: string): KubectlReadingProblem | undefined {
  const carriage = loneCarriageReturn(body);
  if (carriage !== undefined) return carriage;
  const at = body.search(KUBECTL_ODD_CHARACTER);
  if (at === -1) return undefined;
  const char = body[at]!;
  const name = BREAK_NAMES[char];
  if (name !== undefined) {
    return {
      line: lineAt(body, at),
      message: `${name} is a line break to kubectl (go-yaml reads YAML 1.1's line breaks) and not to YAML 1.2: the file would say one thing to kubectl and another here; remove it, or write it escaped in a double-quoted string`,
    };
  }
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    line: lineAt(body, at),
    message: `${code} is a control character go-yaml (kubectl's YAML reader) refuses anywhere in a file, comments included, so kubectl refuses the file; remove it, or write it escaped in a double-quoted string`,
  };
}

/**
 * A `%YAML` or `%TAG` line. At the head of a part (between `---` lines), the `---` after it cuts
 * it off and go-yaml refuses a directive alone. After a `...` that ends the part's document,
 * go-yaml never reads it (only a part's first document is), so kubectl applies the next
 * document without it where YAML applies it there: refused too, said so.
 */
function directive(body: string): KubectlReadingProblem | undefined {
  const at = body.search(/^%/m);
  if (at === -1) return undefined;
  // The directive's part: the lines after the last separator line (SEPARATOR_LINE) before it.
  const lines = body.slice(0, at).split('\n');
  const part = lines.slice(lines.findLastIndex((l) => l.startsWith('---')) + 1).join('\n');
  const end = /^\.\.\.(?:\s|$)/m.exec(part);
  if (end !== null && part.slice(0, end.index).search(CONTENT_LINE) !== -1) {
    return {
      line: lineAt(body, at),
      message:
        'kubectl ignores a YAML directive (%YAML, %TAG) after a "..." (go-yaml reads only the first document between "---" lines) and applies the next document without it, where YAML applies it to that document; remove the line',
    };
  }
  return {
    line: lineAt(body, at),
    message:
      'kubectl refuses a file with a YAML directive (%YAML, %TAG) at the head of a document: it cuts the file at the "---" after it, and go-yaml refuses a directive alone; remove the line',
  };
}

/**
 * apimachinery's YAMLReader refuses a line starting with `---` with more than spaces and a
 * comment after it (`--- {a: 1}`, `--- !!map`, `----`); go-yaml reads the first document of
 * each part only, so content after a `...` and before the next `---` is never applied, and
 * refuses a part that is only a `...`. YAML 1.2 reads all of these as documents.
 */
function splitProblem(body: string): KubectlReadingProblem | undefined {
  if (!body.includes('---') && !body.includes('...')) return undefined;
  let partStart = 0;
  for (const match of body.matchAll(MARKER_LINE)) {
    const [whole, marker, rest] = match as unknown as [string, string, string];
    if (marker === '---') {
      // `---#x` ends a part for kubectl, and is text to YAML, which wants a space before the `#`.
      if (rest.startsWith('#')) {
        return {
          line: lineAt(body, match.index),
          message:
            'a "#" right after "---" (no space): a separator and a comment to kubectl, text to YAML; put a space before the "#"',
        };
      }
      const after = rest.trim();
      if (after !== '' && !after.startsWith('#')) {
        return {
          line: lineAt(body, match.index),
          message: `kubectl refuses a document separator with more than a comment after it (${JSON.stringify(whole.trim().slice(0, 40))}): start the document on the next line`,
        };
      }
      partStart = match.index + whole.length;
      continue;
    }
    if (rest !== '' && !/^\s/.test(rest)) continue;
    if (body.slice(partStart, match.index).search(CONTENT_LINE) === -1) {
      return {
        line: lineAt(body, match.index),
        message:
          'kubectl refuses a "..." with no document before it in its part (between "---" lines): remove the line',
      };
    }
    const from = match.index + whole.length;
    const next = body.slice(from).search(SEPARATOR_LINE);
    const part = body.slice(from, next === -1 ? body.length : from + next);
    const content = part.search(CONTENT_LINE);
    if (content !== -1) {
      return {
        line: lineAt(body, from + content),
        message: `kubectl reads only the first document of each part between "---" lines: this one, after the "..." at line ${lineAt(body, match.index)}, would never be applied; start it with "---"`,
      };
    }
  }
  return undefined;
}

/**
 * The text with its last line ended, as apimachinery's YAMLReader gives go-yaml every line: a
 * `>+` or `|+` block scalar at the very end keeps one more line break to kubectl than to a
 * reader of the text as it stands. JSON is left as it is.
 */
export function withLastLineEnded(text: string): string {
  return text === '' || text.endsWith('\n') || isJsonToKubectl(withoutMark(text)) ? text : `${text}\n`;
}

/** kubectl drops a UTF-8 byte order mark first (BOMOverride); the lines stay the same. */
export function withoutMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** How many bytes kubectl looks at to tell JSON from YAML (cli-runtime's NewYAMLOrJSONDecoder(r, 4096)). */
const JSON_PEEK_BYTES = 4096;
/** The first character that is not white space to Go's unicode.IsSpace. */
const NOT_GO_SPACE = /[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/**
 * apimachinery's YAMLOrJSONDecoder (GuessJSONStream): JSON when the first character past white
 * space is `{` and stands within the first 4,096 bytes; past them the file is YAML to kubectl.
 */
export function isJsonToKubectl(body: string): boolean {
  const at = body.search(NOT_GO_SPACE);
  if (at === -1 || body[at] !== '{') return false;
  return Buffer.byteLength(body.slice(0, at), 'utf8') < JSON_PEEK_BYTES;
}

/** The 1-based line of an offset, as the YAML readers count lines (LF). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
