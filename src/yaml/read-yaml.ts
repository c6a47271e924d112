// Reads YAML into plain trees that keep the line of every node, so every later error and
// every declared rule can say `file:line`. The `yaml` package (not js-yaml) is used because
// it keeps positions (and comments, for later edits of the files).
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { Composer, CST, isScalar, Lexer, LineCounter, Parser } from 'yaml';
import { InputError } from '../errors.ts';
import { readAtMost } from '../regular-file.ts';
import { jsonStreamValues } from './json-stream.ts';
import {
  isJsonToKubectl,
  kubectlJsonProblem,
  kubectlReadingProblem,
  withLastLineEnded,
  withoutMark,
} from './kubectl-reading.ts';
import { yamlTextOf } from './kubectl-text.ts';
import { plainYamlDocuments } from './plain-yaml.ts';
import { documentsFromCst } from './yaml-cst-tree.ts';
import {
  MAX_YAML_BYTES,
  MAX_YAML_DOCUMENTS,
  MAX_YAML_VALUES,
  PRECOUNT_ABOVE_CHARS,
  type YamlDocument,
  type YamlNode,
} from './yaml-tree.ts';
import { TreeConverter } from './yaml-tree-converter.ts';

/** Reads and parses one file; `file` is the name errors carry. */
export function readYamlFile(absolutePath: string, file: string): YamlDocument[] {
  // Synchronous on purpose: thousands of small intents files read one by one are several times
  // faster without an event-loop round trip per open, stat, read and close. The size is asked
  // of the open file, so the path is looked up once; O_NONBLOCK keeps a FIFO from blocking the open.
  let text: string;
  let fd: number;
  try {
    fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw cannotRead(err, file);
  }
  try {
    const info = fstatSync(fd);
    // A FIFO or device has no size to check and may never end: only regular files are read.
    if (!info.isFile()) throw new InputError('not a regular file', { file });
    if (info.size > MAX_YAML_BYTES) throw tooLarge(info.size, file);
    text = yamlTextOf(readAtMost(fd, info.size, MAX_YAML_BYTES, file));
  } catch (err) {
    throw err instanceof InputError ? err : cannotRead(err, file);
  } finally {
    closeSync(fd);
  }
  return parseYamlDocuments(text, file);
}

/**
 * Parses a multi-document YAML text into positioned trees: plain block YAML by a reader of its
 * own, the rest through `yaml`'s parser (the CST short way when it can, else the Composer).
 */
export function parseYamlDocuments(text: string, file: string): YamlDocument[] {
  // Read as YAML 1.2, a text must mean what it means to kubectl, which applies it.
  const problem = kubectlReadingProblem(text);
  if (problem !== undefined) throw new InputError(problem.message, { file, line: problem.line });
  const stream = jsonStreamDocuments(text, file);
  if (stream !== undefined) return stream;
  const documents = readDocuments(withLastLineEnded(text), file);
  // JSON to kubectl: read as YAML first, whose errors say where broken JSON breaks.
  const notJson = kubectlJsonProblem(text);
  if (notJson !== undefined) throw new InputError(notJson.message, { file, line: notJson.line });
  return documents;
}

/**
 * A JSON stream of two values or more (json-stream.ts), each value read as its own document at
 * its own lines, `null` skipped as kubectl skips it; undefined for anything else, which the
 * readers take whole (a first value that is not JSON is refused there, where the YAML reader
 * finds the break). A later value that is not JSON is refused at its line.
 */
function jsonStreamDocuments(text: string, file: string): YamlDocument[] | undefined {
  const body = withoutMark(text);
  if (!isJsonToKubectl(body)) return undefined;
  const stream = jsonStreamValues(body, MAX_YAML_DOCUMENTS);
  if ('tooMany' in stream) throw tooManyDocuments(file);
  if (!('values' in stream)) {
    if (stream.after === 0) return undefined;
    throw new InputError(
      `kubectl reads a file starting with "{" as a stream of JSON values, and value ${stream.after + 1} of it is not valid JSON: write each value as JSON, or the file as YAML that does not start with "{"`,
      { file, line: stream.line },
    );
  }
  if (stream.values.length < 2) return undefined;
  // The bounds on bytes and values are the file's, whichever values hold them.
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_YAML_BYTES) throw tooLarge(bytes, file);
  refuseTooManyValues(text, file);
  const documents: YamlDocument[] = [];
  for (const value of stream.values) {
    if (value.text === 'null') continue;
    const below = value.line - 1;
    const problem = value.problem;
    if (problem !== undefined) throw new InputError(problem.message, { file, line: problem.line + below });
    let read: YamlDocument[];
    try {
      read = readDocuments(withLastLineEnded(value.text), file);
    } catch (err) {
      if (!(err instanceof InputError) || err.line === undefined) throw err;
      throw new InputError(err.message, { file: err.file ?? file, line: err.line + below });
    }
    for (const doc of read) {
      if (doc.root !== null) moveDown(doc.root, below);
      documents.push({ ...doc, line: doc.line + below });
    }
  }
  return documents;
}

/** Adds `lines` to the line of every node (a JSON value's tree has no shared nodes). */
function moveDown(node: YamlNode, lines: number): void {
  node.line += lines;
  if (node.type === 'map') {
    for (const entry of node.entries.values()) {
      entry.keyLine += lines;
      moveDown(entry.value, lines);
    }
  } else if (node.type === 'seq') {
    for (const item of node.items) moveDown(item, lines);
  }
}

function readDocuments(text: string, file: string): YamlDocument[] {
  const plain = plainYamlDocuments(text);
  if (plain !== undefined) return plain;
  const { tokens, lineOf } = tokenizeYaml(text, file);
  return documentsFromCst(tokens, text, lineOf) ?? composeDocuments(tokens, text, file, lineOf);
}

/**
 * The same, always through the yaml Composer: what parseYamlDocuments falls back on, and
 * the reference its short way is tested against.
 */
export function composeYamlDocuments(text: string, file: string): YamlDocument[] {
  const { tokens, lineOf } = tokenizeYaml(text, file);
  return composeDocuments(tokens, text, file, lineOf);
}

/** The Parser's tokens of a whole text, and the line of an offset as errors and rules show it. */
export function tokenizeYaml(
  text: string,
  file: string,
): { tokens: CST.Token[]; lineOf: (offset: number) => number } {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_YAML_BYTES) throw tooLarge(bytes, file);
  refuseTooManyValues(text, file);
  const lineCounter = new LineCounter();
  const tokens: CST.Token[] = [];
  let documents = 0;
  for (const token of new Parser(lineCounter.addNewLine).parse(text)) {
    // The document limit, for both readers of these tokens: counted as they come, so a stream
    // of a million `---` stops here rather than after parsing them all.
    if (token.type === 'document' && ++documents > MAX_YAML_DOCUMENTS) throw tooManyDocuments(file);
    tokens.push(token);
  }
  // An error at the end of the text points at the last line, not the empty one after it.
  // Found by a scan, not a split: this runs for every intents file.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  const lineOf = (offset: number) =>
    Math.max(1, lineCounter.linePos(Math.min(offset, Math.max(0, end - 1))).line);
  return { tokens, lineOf };
}

function composeDocuments(
  tokens: CST.Token[],
  text: string,
  file: string,
  lineOf: (offset: number) => number,
): YamlDocument[] {
  // The Composer's own duplicate-key check compares each key with every earlier one, which
  // takes seconds on a map of 20,000 keys; TreeConverter checks with a Set instead.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  const documents: YamlDocument[] = [];
  for (const doc of composer.compose(tokens)) {
    const error = doc.errors[0];
    if (error) {
      // The Composer runs out of stack on nesting thousands deep and says so in engine words.
      const message =
        error.code === 'RESOURCE_EXHAUSTION'
          ? `YAML nested too deeply to read (${error.message})`
          : error.message;
      throw new InputError(message, { file, line: lineOf(errorOffset(doc.errors)) });
    }
    // A whole document written as a block scalar (`|`, `>`) is no Kubernetes object, and its
    // lines at column 0 are read otherwise by go-yaml (a `#` line is a comment to it).
    const contents = doc.contents;
    if (isScalar(contents) && (contents.type === 'BLOCK_LITERAL' || contents.type === 'BLOCK_FOLDED')) {
      throw new InputError(
        'a whole document written as a block scalar (| or >): no Kubernetes object, and kubectl (go-yaml) reads its lines otherwise',
        { file, line: lineOf(contents.range?.[0] ?? doc.range[0]) },
      );
    }
    const converter = new TreeConverter(doc, text, file, lineOf);
    const root = converter.convert(doc.contents, 0);
    const line = lineOf(doc.contents?.range?.[0] ?? doc.range[0]);
    documents.push({ root: root.type === 'scalar' && root.value === null ? null : root, line });
  }
  return documents;
}

/**
 * Where the first error is. A key indented under a plain value (`apiVersion: v1` then
 * `   kind: X` one line down) is reported by the parser at the value's start, a line above the
 * mistake; its companion error spans the whole would-be key, whose end is the offending line.
 */
function errorOffset(errors: readonly { code: string; pos: [number, number] }[]): number {
  const first = errors[0]!;
  if (first.code !== 'BLOCK_AS_IMPLICIT_KEY') return first.pos[0];
  const key = errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && e.pos[0] === first.pos[0]);
  return key ? key.pos[1] : first.pos[0];
}

function tooManyDocuments(file: string): InputError {
  return new InputError(`more than ${MAX_YAML_DOCUMENTS} YAML documents`, { file });
}

/**
 * Large texts are lexed once before parsing, counting scalars, collections and `---` (the lexer
 * keeps nothing, the parser keeps every token): past MAX_YAML_VALUES the file is refused at the
 * line where the count ran over, past MAX_YAML_DOCUMENTS as the parse would refuse it.
 */
function refuseTooManyValues(text: string, file: string): void {
  if (text.length <= PRECOUNT_ABOVE_CHARS) return;
  let values = 0;
  let documents = 0;
  let offset = 0;
  for (const lexeme of new Lexer().lex(text)) {
    // The lexer's markers stand for no source text; every other lexeme is the next piece of it.
    if (lexeme === CST.SCALAR) {
      values++;
      continue;
    }
    if (lexeme === CST.DOCUMENT || lexeme === CST.FLOW_END) continue;
    if (lexeme === '-' || lexeme === '[' || lexeme === '{') values++;
    else if (lexeme === '---' && ++documents > MAX_YAML_DOCUMENTS) throw tooManyDocuments(file);
    offset += lexeme.length;
    if (values > MAX_YAML_VALUES) {
      throw new InputError(
        `more than ${MAX_YAML_VALUES} YAML values (scalars and collections); refused before parsing`,
        {
          file,
          line: lineAt(text, offset),
        },
      );
    }
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function cannotRead(err: unknown, file: string): InputError {
  return new InputError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
}

function tooLarge(bytes: number, file: string): InputError {
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new InputError(`file too large (${mib(bytes)} MiB, limit ${mib(MAX_YAML_BYTES)} MiB)`, { file });
}
