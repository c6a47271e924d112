// A file kubectl decodes as JSON (its first character past white space is `{`) may hold more
// than one value: apimachinery's YAMLOrJSONDecoder reads it with Go's json.Decoder, value after
// value, white space (or nothing) between them, and skips a `null`. `jq -c '.items[]'` writes
// such a stream. Here each value is cut out, checked as JSON, and read as its own document at
// its own line; a stream of one value is left to the YAML readers, as before.
import { jsonValueProblem, type KubectlReadingProblem } from './kubectl-reading.ts';

/** One JSON value of a stream: its text, the line (1-based) it starts at, and why it is refused. */
export interface JsonStreamValue {
  text: string;
  line: number;
  /** A value that is JSON but read otherwise by kubectl (jsonValueProblem), its line in `text`. */
  problem: KubectlReadingProblem | undefined;
}

const SPACE = /[ \t\r\n]/;
/** What Go's json.Decoder skips between values. */
function isJsonSpace(char: string | undefined): boolean {
  return char !== undefined && SPACE.test(char);
}

/** Where the value starting at `start` ends (exclusive); `text.length` when it never closes. */
function valueEnd(text: string, start: number): number {
  const first = text[start]!;
  if (first === '"') return stringEnd(text, start);
  if (first !== '{' && first !== '[') {
    // A number or a literal runs to the next space, bracket, brace, quote or comma.
    let i = start;
    while (i < text.length && !/[\s{}[\]",:]/.test(text[i]!)) i++;
    return Math.max(i, start + 1);
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i) - 1;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** Where a stream breaks: the value that is not JSON, its line, and how many values came before it. */
export interface JsonStreamBreak {
  brokenAt: number;
  line: number;
  after: number;
}

/**
 * The values of a JSON stream, or where it breaks, or that there are more than `most`. `body`
 * starts (past white space) with `{`; its byte order mark is already taken off.
 */
export function jsonStreamValues(
  body: string,
  most = Number.POSITIVE_INFINITY,
): { values: JsonStreamValue[] } | JsonStreamBreak | { tooMany: true } {
  const values: JsonStreamValue[] = [];
  let line = 1;
  let i = 0;
  for (;;) {
    while (isJsonSpace(body[i])) {
      if (body[i] === '\n') line++;
      i++;
    }
    if (i >= body.length) return { values };
    const end = valueEnd(body, i);
    const text = body.slice(i, end);
    let problem: KubectlReadingProblem | undefined;
    try {
      problem = jsonValueProblem(text);
    } catch {
      return { brokenAt: i, line, after: values.length };
    }
    values.push({ text, line, problem });
    if (values.length > most) return { tooMany: true };
    for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) line++;
    i = end;
  }
}
