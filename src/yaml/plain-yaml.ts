// A reader for the plain block YAML ClientIntents are written in, line by line, without the
// `yaml` package's lexer and parser (about 1 s for 2,000 files of 50 rules each): block maps
// and sequences (compact `- key: value` included), one-line flow sequences (`[GET, POST]`),
// plain scalars that can only be strings or small integers, simply quoted ones, comments,
// blank lines, `---` between documents, CRLF.
//
// Anything else (anchors, tags, flow maps, block or multi-line scalars, keys that are not
// plain names or are over MAX_FAST_KEY_CHARS, values YAML would type as null, booleans or
// floats or kubectl would read as another type than YAML 1.2 does (go-yaml-v2.ts), duplicate
// keys, tabs, directives, `...`, a line at an unexpected indentation, an empty document, the node and
// depth limits, any error) gives up, and the caller reads the text with `yaml` as before,
// which also words every error. test/yaml/plain-yaml.test.ts checks, on the fixtures and on
// thousands of generated and mutated documents, that whatever this accepts the Composer
// accepts too and turns into the same tree, lines included.
import { goYamlV2Value } from './go-yaml-v2.ts';
import { scalarString } from './scalar-strings.ts';
import {
  MAX_FAST_KEY_CHARS,
  MAX_YAML_BYTES,
  MAX_YAML_DEPTH,
  MAX_YAML_DOCUMENTS,
  MAX_YAML_NODES,
  type YamlDocument,
  type YamlNode,
} from './yaml-tree.ts';

/** Thrown inside the reader to give up; never escapes this module. */
const GIVE_UP: unique symbol = Symbol('give up');

/**
 * Texts longer than the readers' byte limit go to `yaml`, which refuses them with its message.
 * (A 128 KiB cap here once sent every larger file, such as one manifest of 2,000 Deployments, to
 * `yaml` at about ten times the cost.) Counted in characters here, in bytes below.
 */
const MAX_PLAIN_CHARS = MAX_YAML_BYTES;
/**
 * More lines with content than this give up before the reading starts: every such line holds
 * a node or is one of at most MAX_YAML_DOCUMENTS `---`, so beyond it the node or document limit
 * would be passed anyway (and a hostile text of short lines does not become millions of line
 * records first).
 */
const MAX_PLAIN_LINES = 2 * MAX_YAML_NODES;

const KEY = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/;
/**
 * A plain scalar YAML's core schema can only read as a string (nulls and booleans excluded
 * below); a colon only inside (`svc:nginx`, `image:1.0`), never before a space.
 */
const PLAIN_STRING = /^[A-Za-z_/][A-Za-z0-9_.\-/{}*~%@+= ]*(?::[A-Za-z0-9_.\-/{}*~%@+=]+)*$/;
/** The same inside `[...]`, where `{`, `}` and `,` mean structure. */
const FLOW_STRING = /^[A-Za-z_/][A-Za-z0-9_.\-/*~%@+= ]*$/;
const SMALL_INTEGER = /^[0-9]{1,15}$/;
const NOT_STRINGS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

function giveUp(): never {
  throw GIVE_UP;
}

/** The documents of `text`, or undefined when `yaml` must read it. */
export function plainYamlDocuments(text: string): YamlDocument[] | undefined {
  if (text.length > MAX_PLAIN_CHARS || text.includes('\t') || text.charCodeAt(0) === 0xfeff) return undefined;
  // The limit is in bytes: a text of fewer characters may still pass it (a character is up to
  // three bytes), and `yaml` refuses it. Below a third of the limit, no text can.
  if (text.length > MAX_PLAIN_CHARS / 3 && Buffer.byteLength(text, 'utf8') > MAX_YAML_BYTES) return undefined;
  // A CR ends a line only before LF: at the very end, yaml reads it as part of the last value
  // (or refuses it after a quoted one). Those texts go to the Composer.
  if (text.endsWith('\r')) return undefined;
  try {
    return new PlainReader(text).documents();
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}

/** One line: its content without the indentation, a trailing CR or a comment. */
interface Line {
  number: number;
  indent: number;
  /** The content, comments left in (a scalar decides where its comment starts). */
  text: string;
}

class PlainReader {
  private readonly lines: Line[] = [];
  private at = 0;
  private nodes = 0;

  constructor(text: string) {
    // Line by line without splitting the whole text first: a hostile text of short lines gives
    // up at the line limit, never holding millions of strings.
    for (let start = 0, number = 1; start < text.length; number++) {
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end === -1 ? text.length : end);
      start = end === -1 ? text.length : end + 1;
      let content = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (content.includes('\r')) giveUp();
      let indent = 0;
      while (content.charCodeAt(indent) === 32) indent++;
      content = content.slice(indent);
      // Blank lines and whole-line comments carry nothing.
      if (content === '' || content.startsWith('#')) continue;
      if (this.lines.length >= MAX_PLAIN_LINES) giveUp();
      this.lines.push({ number, indent, text: content });
    }
  }

  documents(): YamlDocument[] {
    const documents: YamlDocument[] = [];
    let started = false;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (isDocumentStart(line)) {
        // `---` with nothing before it opens the first document; any other closes one, empty or not.
        if (started || documents.length > 0) giveUp();
        started = true;
        this.at++;
        continue;
      }
      if (line.text.startsWith('%') || line.text.startsWith('...')) giveUp();
      const root = this.block(line.indent, 0);
      // Past the documents limit, `yaml` refuses the text in its own words.
      if (documents.length >= MAX_YAML_DOCUMENTS) giveUp();
      documents.push({ root, line: root.line });
      started = false;
      const next = this.lines[this.at];
      if (next !== undefined) {
        if (!isDocumentStart(next)) giveUp();
        this.at++;
        started = true;
        if (this.at >= this.lines.length) giveUp(); // an empty last document
      }
    }
    if (documents.length === 0) giveUp();
    return documents;
  }

  private count(depth: number): void {
    if (++this.nodes > MAX_YAML_NODES || depth > MAX_YAML_DEPTH) giveUp();
  }

  /** A block map or sequence whose first line is the current one, at `indent`. */
  private block(indent: number, depth: number): YamlNode {
    const line = this.lines[this.at]!;
    if (line.indent !== indent) giveUp();
    return isSeqItem(line.text) ? this.seq(indent, depth) : this.map(indent, depth);
  }

  private map(indent: number, depth: number): YamlNode {
    this.count(depth);
    const entries = new Map<string, { keyLine: number; value: YamlNode }>();
    const first = this.lines[this.at]!.number;
    for (;;) {
      const line = this.lines[this.at];
      if (line === undefined || line.indent < indent || isDocumentStart(line)) break;
      if (line.indent > indent || isSeqItem(line.text)) giveUp();
      const colon = line.text.indexOf(':');
      // No `:`, or one past YAML's 1,024 characters from the key's start, which the Composer
      // and go-yaml v2 (kubectl) refuse: left to them, as the CST short way leaves it.
      if (colon === -1 || colon > MAX_FAST_KEY_CHARS) giveUp();
      const key = line.text.slice(0, colon);
      const after = line.text.slice(colon + 1);
      // A key kubectl reads otherwise (`y:` is true to go-yaml v2) is the Composer's.
      if (!KEY.test(key) || NOT_STRINGS.has(key) || goYamlV2Value(key) !== key || entries.has(key)) giveUp();
      if (after !== '' && !after.startsWith(' ')) giveUp();
      this.at++;
      entries.set(key, { keyLine: line.number, value: this.value(after, line, indent, depth, true) });
    }
    return { type: 'map', line: first, entries };
  }

  private seq(indent: number, depth: number): YamlNode {
    this.count(depth);
    const items: YamlNode[] = [];
    const first = this.lines[this.at]!.number;
    for (;;) {
      const line = this.lines[this.at];
      if (line === undefined || line.indent < indent || isDocumentStart(line)) break;
      if (line.indent > indent) giveUp();
      if (!isSeqItem(line.text)) break;
      const rest = line.text.slice(1);
      const gap = rest.length - rest.trimStart().length;
      const content = rest.slice(gap);
      if (content !== '' && !content.startsWith('#') && looksLikeKey(content)) {
        // `- key: value`: a map whose keys sit where this one does.
        line.indent = indent + 1 + gap;
        line.text = content;
        items.push(this.map(line.indent, depth + 1));
        continue;
      }
      this.at++;
      items.push(this.value(rest, line, indent, depth, false));
    }
    return { type: 'seq', line: first, items };
  }

  /**
   * The value after `key:` or `-` (`after`, with its leading spaces), at the parent's indent:
   * a scalar or flow sequence on the line, a block on the next lines, or null.
   */
  private value(after: string, line: Line, indent: number, depth: number, inMap: boolean): YamlNode {
    const text = after.trimStart();
    const next = this.lines[this.at];
    if (text === '' || text.startsWith('#')) {
      if (next !== undefined && !isDocumentStart(next)) {
        if (next.indent > indent) return this.block(next.indent, depth + 1);
        // A map's value may be a sequence at the map's own indentation.
        if (inMap && next.indent === indent && isSeqItem(next.text)) return this.seq(indent, depth + 1);
      }
      this.count(depth + 1);
      return { type: 'scalar', line: line.number, value: null };
    }
    // A scalar spread over more lines (or a line at a deeper indentation) is left to `yaml`.
    if (next !== undefined && next.indent > indent && !isDocumentStart(next)) giveUp();
    this.count(depth + 1);
    if (text.startsWith('[')) return this.flow(text, line.number, depth + 1);
    return { type: 'scalar', line: line.number, value: scalar(withoutComment(text), PLAIN_STRING) };
  }

  /** `[a, b, "c"]` on one line, nothing but a comment after it. */
  private flow(text: string, line: number, depth: number): YamlNode {
    const close = text.indexOf(']');
    const rest = text.slice(close + 1);
    if (close === -1 || (rest !== '' && !rest.startsWith(' ')) || withoutComment(rest) !== '') giveUp();
    const inner = text.slice(1, close).trim();
    const items: YamlNode[] = [];
    if (inner !== '') {
      for (const item of inner.split(',')) {
        this.count(depth + 1);
        items.push({ type: 'scalar', line, value: scalar(item.trim(), FLOW_STRING) });
      }
    }
    return { type: 'seq', line, items };
  }
}

function isDocumentStart(line: Line): boolean {
  return line.indent === 0 && (line.text === '---' || line.text.startsWith('--- #'));
}

function isSeqItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** `name:` or `name: ...` (a plain key and a colon that ends it). */
function looksLikeKey(text: string): boolean {
  const colon = text.indexOf(':');
  return (
    colon > 0 && (colon === text.length - 1 || text[colon + 1] === ' ') && KEY.test(text.slice(0, colon))
  );
}

/** The text before a comment (` #`), trailing spaces dropped; a `#` touching text gives up. */
function withoutComment(text: string): string {
  const hash = text.indexOf('#');
  if (hash === -1) return text.trimEnd();
  if (hash > 0 && text[hash - 1] !== ' ') giveUp();
  return text.slice(0, hash).trimEnd();
}

/** A plain string, a small integer, or a simply quoted string; anything else gives up. */
function scalar(text: string, plain: RegExp): string | number {
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const body = text.slice(1, -1);
    if (text.length < 2 || text[text.length - 1] !== quote || body.includes(quote) || body.includes('\\'))
      giveUp();
    return scalarString(body);
  }
  // A value kubectl reads otherwise (go-yaml v2: `on` is true, `010` is 8) is the Composer's.
  if (SMALL_INTEGER.test(text)) {
    const value = Number.parseInt(text, 10);
    if (goYamlV2Value(text) !== value) giveUp();
    return value;
  }
  // (YAML 1.2's null and boolean words are go-yaml v2's too.)
  if (!plain.test(text) || text.endsWith(' ') || goYamlV2Value(text) !== text) giveUp();
  return scalarString(text);
}
