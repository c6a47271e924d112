// The short way from the `yaml` package's CST (its Parser's tokens) to YamlNodes, for the
// plain YAML that ClientIntents and manifests are written in: block maps and sequences,
// one-line flow sequences (`methods: [GET, POST]`), plain, quoted and block scalars, comments.
// It skips building the yaml Document, about a third of the package's time over 2,000 intents
// files. Scalars are still resolved by the package (`CST.resolveAsScalar` and
// the core schema's own tags), so values are the ones the Composer would give.
//
// The Composer stays the authority: whenever this meets a token or a shape it does not
// accept here (anchors, aliases, merge keys, tags, flow maps, explicit keys, directives, tabs,
// multi-line keys, duplicate keys, escapes go-yaml v2 may refuse, errors, the node and depth
// limits...) it gives up and the caller composes the same tokens the usual way, which words every error.
// test/yaml/yaml-cst-tree.test.ts checks, on thousands of generated and mutated documents,
// that whatever this accepts the Composer accepts too and turns into the same tree, lines
// included.
import { CST, Document, isScalar, type ScalarTag } from 'yaml';
import { goYamlV2Value, isClosedQuote, isGoYamlV2Float, ODD_ESCAPE, sameScalarValue } from './go-yaml-v2.ts';
import { scalarValue } from './scalar-strings.ts';
import type { YamlDocument, YamlNode } from './yaml-tree.ts';
import { MAX_FAST_KEY_CHARS, MAX_YAML_DEPTH, MAX_YAML_NODES } from './yaml-tree.ts';

/** Thrown inside the walk to give up; never escapes this module. */
const GIVE_UP: unique symbol = Symbol('give up');

// The schema and options a Composer uses for a document without directives (YAML 1.2, core).
const template = new Document();
const schema = template.schema;
const options = template.options;
const scalarTags = schema.tags.filter((tag): tag is ScalarTag => !('collection' in tag && tag.collection));
/** Tags a plain scalar may resolve to by its look, in the schema's order (as the Composer tries them). */
const valueTags = scalarTags.filter((tag) => tag.default === true && tag.test !== undefined);
const keyTags = scalarTags.filter(
  (tag) => (tag.default === true || tag.default === 'key') && tag.test !== undefined,
);
/** A schema with compatibility warnings (YAML 1.1 options) is left to the Composer. */
const usable = schema.compat === null || schema.compat === undefined;

type Token = CST.Token;
type SourceToken = CST.SourceToken;
type FlowScalar = CST.FlowScalar;

/**
 * The documents of `tokens` (one whole text's Parser output), or undefined when the Composer
 * must handle them. `lineOf` turns an offset into the 1-based line errors and rules show.
 */
export function documentsFromCst(
  tokens: readonly Token[],
  text: string,
  lineOf: (offset: number) => number,
): YamlDocument[] | undefined {
  if (!usable || text.includes('\t') || ODD_ESCAPE.test(text)) return undefined;
  try {
    return new CstWalk(text, lineOf).stream(tokens);
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

class CstWalk {
  private nodes = 0;
  private readonly text: string;
  private readonly lineOf: (offset: number) => number;

  constructor(text: string, lineOf: (offset: number) => number) {
    this.text = text;
    this.lineOf = lineOf;
  }

  stream(tokens: readonly Token[]): YamlDocument[] {
    const documents: YamlDocument[] = [];
    // `...` must close a document; a second one, or one before any document, is left to the Composer.
    let open = false;
    for (const token of tokens) {
      switch (token.type) {
        case 'document':
          documents.push(this.document(token));
          open = true;
          break;
        case 'doc-end':
          if (!open) giveUp();
          this.trivia(token.end);
          open = false;
          break;
        case 'comment':
          this.comment(token);
          break;
        case 'newline':
        case 'space':
          break;
        default:
          giveUp();
      }
    }
    return documents;
  }

  private document(doc: CST.Document): YamlDocument {
    let docStart = false;
    let newline = false;
    for (const token of doc.start) {
      if (token.type === 'doc-start') {
        if (docStart) giveUp();
        docStart = true;
      } else if (token.type === 'newline') newline = true;
      else if (token.type === 'comment') this.comment(token);
      else if (token.type !== 'space') giveUp();
    }
    const value = doc.value;
    // "Block collection cannot start on same line with directives-end marker".
    if (docStart && !newline && (value?.type === 'block-map' || value?.type === 'block-seq')) giveUp();
    this.trivia(doc.end);
    if (value === undefined) {
      return { root: null, line: this.lineOf(emptyValueOffset(doc.start, endOf(doc.start, doc.offset))) };
    }
    // A whole document that is a block scalar: the Composer refuses it (see read-yaml.ts).
    if (value.type === 'block-scalar') giveUp();
    const root = this.node(value, 0);
    return {
      root: root.type === 'scalar' && root.value === null ? null : root,
      line: this.lineOf(value.offset),
    };
  }

  private node(token: Token, depth: number): YamlNode {
    this.count();
    if (depth > MAX_YAML_DEPTH) giveUp();
    switch (token.type) {
      case 'block-map':
        return this.blockMap(token, depth);
      case 'block-seq':
        return this.blockSeq(token, depth);
      case 'flow-collection':
        return this.flowSeq(token);
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        // A value spread over lines is left to the Composer, with its indentation rules.
        if (token.source.includes('\n')) giveUp();
        return { type: 'scalar', line: this.lineOf(token.offset), value: this.scalar(token, false) };
      case 'block-scalar':
        return { type: 'scalar', line: this.lineOf(token.offset), value: this.scalar(token, false) };
      default:
        return giveUp();
    }
  }

  private blockMap(map: CST.BlockMap, depth: number): YamlNode {
    const entries = new Map<string, { keyLine: number; value: YamlNode }>();
    const last = map.items.length - 1;
    map.items.forEach((item, i) => {
      this.trivia(item.start);
      if (item.key === undefined && item.sep === undefined) {
        // Comments after the last entry; anywhere else the Composer objects.
        if (i !== last) giveUp();
        return;
      }
      const key = item.key;
      if (!isOneLineFlowScalar(key) || key.indent !== map.indent || item.explicitKey) giveUp();
      // A merge key (read-yaml.ts isMergeKey) is the Composer's to expand.
      if (key.type === 'scalar' && key.source === '<<') giveUp();
      const sep = item.sep ?? giveUp();
      let indicator: SourceToken | undefined;
      let newline = false;
      for (const token of sep) {
        if (token.type === 'map-value-ind') {
          if (indicator) giveUp();
          indicator = token;
        } else if (token.type === 'newline') {
          if (!indicator) giveUp();
          newline = true;
        } else if (token.type === 'comment') {
          if (!indicator) giveUp();
          this.comment(token);
        } else if (token.type !== 'space') giveUp();
      }
      // No `:` (an implicit key needs one), a key near YAML's 1,024-character limit, or a
      // map right after `key:` on the same line: all left to the Composer.
      if (!indicator || indicator.offset - key.offset > MAX_FAST_KEY_CHARS) giveUp();
      const value = item.value;
      if (value?.type === 'block-map' && !newline) giveUp();
      const keyValue = this.scalar(key, true);
      // A null key kubectl refuses (no JSON for it), a float key it writes otherwise: the
      // Composer says so.
      if (keyValue === null || (key.type === 'scalar' && isGoYamlV2Float(key.source))) giveUp();
      const name = String(keyValue);
      // Keys equal as text may differ as values (1 and "1"): either way, the Composer decides.
      if (entries.has(name)) giveUp();
      const node =
        value === undefined
          ? this.emptyScalar(sep, endOf(sep, indicator.offset))
          : this.node(value, depth + 1);
      entries.set(name, { keyLine: this.lineOf(key.offset), value: node });
    });
    return { type: 'map', line: this.lineOf(map.offset), entries };
  }

  private blockSeq(seq: CST.BlockSequence, depth: number): YamlNode {
    const items: YamlNode[] = [];
    const last = seq.items.length - 1;
    seq.items.forEach((item, i) => {
      let indicator = false;
      for (const token of item.start) {
        if (token.type === 'seq-item-ind') {
          if (indicator) giveUp();
          indicator = true;
        } else if (token.type === 'comment') this.comment(token);
        else if (token.type !== 'space' && token.type !== 'newline') giveUp();
      }
      if (!indicator) {
        if (item.value !== undefined || i !== last) giveUp();
        return;
      }
      items.push(
        item.value === undefined
          ? this.emptyScalar(item.start, endOf(item.start, seq.offset))
          : this.node(item.value, depth + 1),
      );
    });
    return { type: 'seq', line: this.lineOf(seq.offset), items };
  }

  /** `[a, b, "c"]` on one line; flow maps and anything spread over lines go to the Composer. */
  private flowSeq(flow: CST.FlowCollection): YamlNode {
    if (flow.start.source !== '[') giveUp();
    const items: YamlNode[] = [];
    flow.items.forEach((item, i) => {
      let commas = 0;
      for (const token of item.start) {
        if (token.type === 'comma') commas++;
        else if (token.type !== 'space') giveUp();
      }
      const value = item.value;
      if (commas !== (i === 0 ? 0 : 1) || item.key !== undefined || item.sep !== undefined) giveUp();
      if (!isOneLineFlowScalar(value)) giveUp();
      // `?x` and `:x` are indicators to go-yaml inside brackets: the Composer refuses them.
      if (value.type === 'scalar' && /^[?:]/.test(value.source)) giveUp();
      this.count();
      items.push({ type: 'scalar', line: this.lineOf(value.offset), value: this.scalar(value, false) });
    });
    const [close, ...after] = flow.end;
    if (close?.type !== 'flow-seq-end') giveUp();
    this.trivia(after);
    return { type: 'seq', line: this.lineOf(flow.offset), items };
  }

  /**
   * A scalar's value, typed as the core schema types it (plain scalars only; quoted ones are
   * strings). A plain value kubectl reads otherwise (go-yaml v2: `on` is true) is the
   * Composer's to read, which keeps what was written for the error.
   */
  private scalar(
    token: FlowScalar | CST.BlockScalar,
    atKey: boolean,
  ): string | number | boolean | bigint | null {
    const resolved = CST.resolveAsScalar(token, options.strict, giveUp);
    // A quoted value without its closing quote: the Composer refuses it (see isClosedQuote).
    if (token.type !== 'scalar' && token.type !== 'block-scalar' && !isClosedQuote(token.source)) giveUp();
    if (token.type !== 'scalar') return scalarValue(resolved.value);
    const value = resolvePlain(resolved.value, atKey);
    if (!sameScalarValue(goYamlV2Value(resolved.value), value)) giveUp();
    // An infinity or NaN: kubectl refuses it (no JSON for it), the Composer says so.
    if (typeof value === 'number' && !Number.isFinite(value)) giveUp();
    return scalarValue(value);
  }

  /** `key:` or `-` with nothing after: null, placed as the Composer places it. */
  private emptyScalar(before: SourceToken[], end: number): YamlNode {
    this.count();
    return { type: 'scalar', line: this.lineOf(emptyValueOffset(before, end)), value: null };
  }

  /** One more node; past the limit the Composer's path reports it, with its line. */
  private count(): void {
    if (++this.nodes > MAX_YAML_NODES) giveUp();
  }

  /** Spaces, newlines and comments only. */
  private trivia(tokens: SourceToken[] | undefined): void {
    for (const token of tokens ?? []) {
      if (token.type === 'comment') this.comment(token);
      else if (token.type !== 'space' && token.type !== 'newline') giveUp();
    }
  }

  /** A comment must follow white space ("Comments must be separated from other tokens..."). */
  private comment(token: SourceToken): void {
    const before = this.text.charCodeAt(token.offset - 1);
    if (token.offset > 0 && before !== 32 && before !== 10 && before !== 13) giveUp();
  }
}

function isOneLineFlowScalar(token: Token | null | undefined): token is FlowScalar {
  if (token == null) return false;
  if (
    token.type !== 'scalar' &&
    token.type !== 'single-quoted-scalar' &&
    token.type !== 'double-quoted-scalar'
  ) {
    return false;
  }
  if (token.source.includes('\n')) return false;
  for (const t of token.end ?? []) if (t.type !== 'space') return false;
  return true;
}

/** Offset just past the last of `tokens`, or `fallback` when there are none. */
function endOf(tokens: SourceToken[], fallback: number): number {
  const last = tokens[tokens.length - 1];
  return last === undefined ? fallback : last.offset + last.source.length;
}

/**
 * Where an empty value sits: after the indicator before it and the spaces that follow it,
 * not after the newlines and comments that close the line (the line a rule or error names).
 */
function emptyValueOffset(before: SourceToken[], end: number): number {
  let i = before.length - 1;
  let offset = end;
  while (i >= 0) {
    const type = before[i]!.type;
    if (type !== 'space' && type !== 'comment' && type !== 'newline') break;
    offset -= before[i]!.source.length;
    i--;
  }
  if (i < 0) return offset;
  for (i++; before[i]?.type === 'space'; i++) offset += before[i]!.source.length;
  return offset;
}

/** A plain scalar's text as the core schema types it, key or value. */
function resolvePlain(text: string, atKey: boolean): string | number | boolean | bigint | null {
  const tag = (atKey ? keyTags : valueTags).find((t) => t.test?.test(text));
  if (tag === undefined) return text;
  let result: unknown;
  try {
    result = tag.resolve(text, giveUp, options);
  } catch (err) {
    if (err === GIVE_UP) throw err;
    return giveUp();
  }
  const value = isScalar(result) ? result.value : result;
  if (value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value)) {
    return value as string | number | boolean | bigint | null;
  }
  return giveUp();
}
