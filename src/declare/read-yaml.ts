// Reads YAML into plain trees that keep the line of every node, so every later error and
// every declared rule can say `file:line`. The `yaml` package (not js-yaml) is used because
// it keeps positions (and comments, for later edits of the files).
import { readFileSync, statSync } from 'node:fs';
import { Composer, type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Parser } from 'yaml';
import { InputError } from '../errors.ts';

/** Larger files are refused: ClientIntents and manifests are small, and parsing must stay bounded. */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;
/** Documents per file; a stream of empty `---` documents is refused past this. */
export const MAX_YAML_DOCUMENTS = 10_000;
/** Nodes per document after expanding aliases: stops "billion laughs" alias bombs. */
export const MAX_YAML_NODES = 100_000;
/** Nesting depth: stops self-referencing aliases and pathological nesting. */
export const MAX_YAML_DEPTH = 64;

export type YamlNode = YamlMap | YamlSeq | YamlScalar;

export interface YamlMap {
  type: 'map';
  line: number;
  entries: Map<string, YamlEntry>;
}

export interface YamlEntry {
  keyLine: number;
  value: YamlNode;
}

export interface YamlSeq {
  type: 'seq';
  line: number;
  items: YamlNode[];
}

export interface YamlScalar {
  type: 'scalar';
  line: number;
  value: string | number | boolean | bigint | null;
}

export interface YamlDocument {
  /** Null for an empty document (`---` alone, comments only). */
  root: YamlNode | null;
  /** Line where the document's content starts. */
  line: number;
}

/** Reads and parses one file; `file` is the name errors carry. */
export function readYamlFile(absolutePath: string, file: string): YamlDocument[] {
  // Synchronous on purpose: thousands of small intents files read one by one are several times
  // faster without an event-loop round trip per stat, open, read and close.
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(absolutePath);
  } catch (err) {
    throw new InputError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
  }
  // A FIFO or device has no size to check and may never end: only regular files are read.
  if (!info.isFile()) throw new InputError('not a regular file', { file });
  if (info.size > MAX_YAML_BYTES) throw tooLarge(info.size, file);
  return parseYamlDocuments(readFileSync(absolutePath, 'utf8'), file);
}

/** Parses a multi-document YAML text into positioned trees. */
export function parseYamlDocuments(text: string, file: string): YamlDocument[] {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_YAML_BYTES) throw tooLarge(bytes, file);
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ prettyErrors: false });
  // An error at the end of the text points at the last line, not the empty one after it.
  // Found by a scan, not a split: this runs for every intents file.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  const lineOf = (offset: number) =>
    Math.max(1, lineCounter.linePos(Math.min(offset, Math.max(0, end - 1))).line);
  const documents: YamlDocument[] = [];
  for (const doc of composer.compose(parser.parse(text))) {
    const error = doc.errors[0];
    if (error) throw new InputError(error.message, { file, line: lineOf(error.pos[0]) });
    if (documents.length >= MAX_YAML_DOCUMENTS) {
      throw new InputError(`more than ${MAX_YAML_DOCUMENTS} YAML documents`, { file });
    }
    const converter = new TreeConverter(doc, file, lineOf);
    const root = converter.convert(doc.contents, 0);
    const line = lineOf(doc.contents?.range?.[0] ?? doc.range[0]);
    documents.push({ root: root.type === 'scalar' && root.value === null ? null : root, line });
  }
  return documents;
}

function tooLarge(bytes: number, file: string): InputError {
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new InputError(`file too large (${mib(bytes)} MiB, limit ${mib(MAX_YAML_BYTES)} MiB)`, { file });
}

/** Converts one yaml Document into YamlNodes, expanding aliases within a node budget. */
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

  convert(node: unknown, depth: number, fallbackLine = 1): YamlNode {
    const line = this.lineOfNode(node, fallbackLine);
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
      const entries = new Map<string, YamlEntry>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyLine = this.lineOfNode(pair.key, line);
        if (!isScalar(pair.key)) {
          throw new InputError('only plain keys are supported', { file: this.file, line: keyLine });
        }
        const value = this.convert(pair.value, depth + 1, keyLine);
        entries.set(String(pair.key.value), { keyLine, value });
      }
      return { type: 'map', line, entries };
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
      return { type: 'scalar', line, value: plain };
    }
    return { type: 'scalar', line, value: null };
  }

  private lineOfNode(node: unknown, fallbackLine: number): number {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? this.lineOf(range[0]) : fallbackLine;
  }
}
