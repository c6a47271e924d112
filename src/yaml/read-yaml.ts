// Reads YAML into plain trees that keep the line of every node, so every later error and
// every declared rule can say `file:line`. The `yaml` package (not js-yaml) is used because
// it keeps positions (and comments, for later edits of the files).
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import {
  Composer,
  CST,
  type Document,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  type Scalar,
} from 'yaml';
import { InputError } from '../errors.ts';
import { goYamlV2Value, sameScalarValue } from './go-yaml-v2.ts';
import { kubectlReadingProblem, yamlTextOf } from './kubectl-text.ts';
import { plainYamlDocuments } from './plain-yaml.ts';
import { documentsFromCst } from './yaml-cst-tree.ts';
import {
  MAX_YAML_BYTES,
  MAX_YAML_DEPTH,
  MAX_YAML_DOCUMENTS,
  MAX_YAML_NODES,
  MAX_YAML_VALUES,
  PRECOUNT_ABOVE_CHARS,
  type YamlDocument,
  type YamlEntry,
  type YamlMap,
  type YamlNode,
  type YamlScalar,
} from './yaml-tree.ts';

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
    text = yamlTextOf(readFileSync(fd));
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
  const plain = plainYamlDocuments(text);
  if (plain !== undefined) return plain;
  const { tokens, lineOf } = tokenizeYaml(text, file);
  return documentsFromCst(tokens, text, lineOf) ?? composeDocuments(tokens, file, lineOf);
}

/**
 * The same, always through the yaml Composer: what parseYamlDocuments falls back on, and
 * the reference its short way is tested against.
 */
export function composeYamlDocuments(text: string, file: string): YamlDocument[] {
  const { tokens, lineOf } = tokenizeYaml(text, file);
  return composeDocuments(tokens, file, lineOf);
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
    const converter = new TreeConverter(doc, file, lineOf);
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

/**
 * YAML 1.1's merge key (`<<: *defaults`), which YAML 1.2 and this package's default schema do
 * not have, but Kubernetes reads: kubectl turns YAML into JSON with k8s.io/apimachinery's
 * util/yaml, which calls sigs.k8s.io/yaml's YAMLToJSON, which reads it with go-yaml v2 (its
 * decode.go: `isMerge`, a plain `<<` scalar or one tagged !!merge; `merge` sets the maps' keys
 * in place). So a map's keys are set
 * in the order written, a merged map's too: a key written after `<<` wins over the merged one,
 * a key written before it loses to it, and of a list of merged maps the first wins. A quoted
 * `"<<"` is an ordinary key.
 */
function isMergeKey(key: Scalar): boolean {
  // Tagged, the package itself reads it as its merge symbol.
  if (key.tag === 'tag:yaml.org,2002:merge') return true;
  return key.tag === undefined && key.type === 'PLAIN' && key.value === '<<';
}

/** Converts one yaml Document into YamlNodes, expanding aliases (and merge keys) within a node budget. */
class TreeConverter {
  private nodes = 0;
  /** Line of the outermost alias being expanded: where a budget overrun is reported. */
  private aliasLine: number | undefined;
  private readonly doc: Document.Parsed;
  private readonly file: string;
  private readonly lineOf: (offset: number) => number;

  constructor(doc: Document.Parsed, file: string, lineOf: (offset: number) => number) {
    this.doc = doc;
    this.file = file;
    this.lineOf = lineOf;
  }

  /** Aliases and anchors converted so far: a map that saw the count grow holds some. */
  private shared = 0;

  convert(node: unknown, depth: number, fallbackLine = 1): YamlNode {
    const line = this.lineOfNode(node, fallbackLine);
    if (isAlias(node) || (isNode(node) && node.anchor !== undefined)) this.shared++;
    if (++this.nodes > MAX_YAML_NODES) {
      throw new InputError(`too many YAML nodes after expanding aliases (limit ${MAX_YAML_NODES})`, {
        file: this.file,
        line: this.aliasLine ?? line,
      });
    }
    if (depth > MAX_YAML_DEPTH) {
      throw new InputError(`YAML nested deeper than ${MAX_YAML_DEPTH} levels`, { file: this.file, line });
    }
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) throw new InputError(`unknown alias *${node.source}`, { file: this.file, line });
      // The alias stands where it is written: keep its line, take the anchored content.
      const outermost = this.aliasLine === undefined;
      if (outermost) this.aliasLine = line;
      const resolved = this.convert(target, depth + 1, line);
      if (outermost) this.aliasLine = undefined;
      return { ...resolved, line };
    }
    if (isMap(node)) {
      const sharedBefore = this.shared - (node.anchor === undefined ? 0 : 1);
      const entries = new Map<string, YamlEntry>();
      // Keys are unique by value, as the Composer would check them: 1 and "1" differ, NaN never repeats.
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyLine = this.lineOfNode(pair.key, line);
        if (!isScalar(pair.key)) {
          throw new InputError('only plain keys are supported', { file: this.file, line: keyLine });
        }
        if (isMergeKey(pair.key)) {
          // Content from elsewhere: the map is shared, as with an alias.
          this.shared++;
          for (const merged of this.mergedMaps(pair.value, depth + 1, keyLine)) {
            for (const [name, entry] of merged.entries) entries.set(name, entry);
          }
          continue;
        }
        const key = pair.key.value;
        if (keys.has(key) && !Number.isNaN(key)) {
          throw new InputError('Map keys must be unique', { file: this.file, line: keyLine });
        }
        keys.add(key);
        const value = this.convert(pair.value, depth + 1, keyLine);
        entries.set(String(key), { keyLine, value });
      }
      return this.shared > sharedBefore
        ? { type: 'map', line, entries, shared: true }
        : { type: 'map', line, entries };
    }
    if (isSeq(node)) {
      return { type: 'seq', line, items: node.items.map((item) => this.convert(item, depth + 1, line)) };
    }
    if (isScalar(node)) {
      const value = node.value;
      const plain =
        value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value)
          ? (value as YamlScalar['value'])
          : String(value);
      // Untagged and unquoted: kubectl's reading (go-yaml v2's), which may not be YAML 1.2's.
      if (node.type === 'PLAIN' && node.tag === undefined && typeof node.source === 'string') {
        const kubectls = goYamlV2Value(node.source);
        if (!sameScalarValue(kubectls, plain))
          return { type: 'scalar', line, value: kubectls, written: node.source };
      }
      return { type: 'scalar', line, value: plain };
    }
    return { type: 'scalar', line, value: null };
  }

  /**
   * The maps a merge key's value sets into its map, in the order they are set: a map (an alias
   * of one, or one written there), or a list of them, the last first so that the first wins.
   */
  private mergedMaps(value: unknown, depth: number, keyLine: number): YamlMap[] {
    const wantMap = () =>
      new InputError('<<: a merge key takes a map or a list of maps', { file: this.file, line: keyLine });
    const converted = this.convert(value, depth, keyLine);
    if (converted.type === 'map') return [converted];
    if (converted.type !== 'seq') throw wantMap();
    return converted.items.toReversed().map((item) => {
      if (item.type !== 'map') throw wantMap();
      return item;
    });
  }

  private lineOfNode(node: unknown, fallbackLine: number): number {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? this.lineOf(range[0]) : fallbackLine;
  }
}
