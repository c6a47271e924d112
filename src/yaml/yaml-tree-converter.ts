// Converts one `yaml` Document into the positioned tree (yaml-tree.ts): aliases and merge keys
// expanded within a node budget, every value typed as kubectl types it (go-yaml-v2.ts), what
// kubectl would read otherwise refused at its line. read-yaml.ts's Composer path uses it.
import { type Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, type Scalar } from 'yaml';
import { InputError } from '../errors.ts';
import {
  goYamlV2EscapeProblem,
  goYamlV2Value,
  isClosedQuote,
  isGoYamlV2Float,
  isGoYamlV2Uint64,
  refusedTag,
  sameScalarValue,
} from './go-yaml-v2.ts';
import { isJsonToKubectl, withoutMark } from './kubectl-reading.ts';
import { scalarValue } from './scalar-strings.ts';
import {
  MAX_YAML_DEPTH,
  MAX_YAML_NODES,
  type YamlEntry,
  type YamlMap,
  type YamlNode,
  type YamlScalar,
} from './yaml-tree.ts';

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

/** Written without quotes or tag: what kubectl types by go-yaml v2's rules (go-yaml-v2.ts). */
function isPlainUntagged(node: Scalar): node is Scalar & { source: string } {
  return node.type === 'PLAIN' && node.tag === undefined && typeof node.source === 'string';
}

/** Converts one yaml Document into YamlNodes, expanding aliases (and merge keys) within a node budget. */
export class TreeConverter {
  private nodes = 0;
  /** Line of the outermost alias being expanded: where a budget overrun is reported. */
  private aliasLine: number | undefined;
  private readonly doc: Document.Parsed;
  private readonly file: string;
  private readonly lineOf: (offset: number) => number;

  /** The whole text the document is part of. */
  private readonly text: string;
  private readonly json: boolean;

  constructor(doc: Document.Parsed, text: string, file: string, lineOf: (offset: number) => number) {
    this.doc = doc;
    this.text = text;
    // JSON to kubectl, which Go's JSON decoder reads: \/ and a surrogate pair are JSON's escapes.
    this.json = isJsonToKubectl(withoutMark(text));
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
    const tagRefused = refusedTag(isNode(node) ? node.tag : undefined);
    if (tagRefused !== undefined) throw new InputError(tagRefused, { file: this.file, line });
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
    // go-yaml takes only letters, digits, `_` and `-` in an anchor's name (`&a&b` it refuses).
    const anchor = isAlias(node) ? node.source : isNode(node) ? node.anchor : undefined;
    if (anchor !== undefined && !/^[A-Za-z0-9_-]+$/.test(anchor)) {
      throw new InputError(
        `anchor or alias name ${JSON.stringify(anchor.slice(0, 20))}: kubectl's YAML reader (go-yaml) takes only letters, digits, _ and -`,
        { file: this.file, line },
      );
    }
    if (isMap(node)) {
      if (node.flow) this.refuseIndicatorLike([node], line);
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
        this.refuseQuote(pair.key, keyLine);
        // A plain key is kubectl's too: `y:` is the key "true" to go-yaml v2.
        const key = isPlainUntagged(pair.key) ? goYamlV2Value(pair.key.source) : pair.key.value;
        if (isPlainUntagged(pair.key) && isGoYamlV2Float(pair.key.source)) {
          throw new InputError(
            `${pair.key.source.slice(0, 20)}: a number with a fraction or exponent as a key, which kubectl writes as a 32-bit float (1e9: is the key "1e+09"); quote it`,
            { file: this.file, line: keyLine },
          );
        }
        if (isPlainUntagged(pair.key) && isGoYamlV2Uint64(pair.key.source)) {
          throw new InputError(
            `${pair.key.source.slice(0, 24)}: a whole number past 64-bit signed integers as a key, which kubectl refuses (Unsupported map key of type: uint64); quote it`,
            { file: this.file, line: keyLine },
          );
        }
        if (key === null) {
          throw new InputError('a null key (~, null or nothing): kubectl cannot turn it into JSON', {
            file: this.file,
            line: keyLine,
          });
        }
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
      if (node.flow) this.refuseIndicatorLike(node.items, line);
      return { type: 'seq', line, items: node.items.map((item) => this.convert(item, depth + 1, line)) };
    }
    if (isScalar(node)) {
      this.refuseQuote(node, line);
      const value = node.value;
      const plain =
        value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value)
          ? (value as YamlScalar['value'])
          : String(value);
      // Untagged and unquoted: kubectl's reading (go-yaml v2's), which may not be YAML 1.2's.
      const kubectls = isPlainUntagged(node) ? goYamlV2Value(node.source) : plain;
      if (typeof kubectls === 'number' && !Number.isFinite(kubectls)) {
        throw new InputError(
          `${String(node.source)}: kubectl cannot turn an infinity or NaN into JSON (sigs.k8s.io/yaml refuses it), so it refuses the file`,
          { file: this.file, line },
        );
      }
      if (!sameScalarValue(kubectls, plain))
        return { type: 'scalar', line, value: kubectls, written: String(node.source) };
      return { type: 'scalar', line, value: scalarValue(plain) };
    }
    return { type: 'scalar', line, value: null };
  }

  /**
   * Inside brackets, a plain value starting with `?` or `:` is a key or value indicator to
   * go-yaml (libyaml's flow rules), a string to YAML 1.2: `[a, ?x]` is `[a, {x: null}]` to kubectl.
   */
  private refuseIndicatorLike(items: readonly unknown[], line: number): void {
    for (const item of items) {
      // An item, or the key and value of a pair written in the brackets (`[a: b]`, `{a: b}`).
      const pairs = isPair(item) ? [item] : isMap(item) ? item.items : [];
      const scalars = isScalar(item) ? [item] : pairs.flatMap((pair) => [pair.key, pair.value]);
      for (const scalar of scalars) {
        if (isScalar(scalar) && isPlainUntagged(scalar) && /^[?:]/.test(scalar.source)) {
          throw new InputError(
            `${scalar.source.slice(0, 20)}: inside [...] or {...} a plain value starting with ? or : is an indicator to kubectl's YAML reader (go-yaml); quote it`,
            { file: this.file, line: this.lineOfNode(scalar, line) },
          );
        }
      }
    }
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

  /**
   * A quoted scalar go-yaml v2 refuses: one cut short by the end of its document (this package
   * closes it, go-yaml reading the part kubectl cut at the `---` refuses it), or one with an
   * escape it does not know (goYamlV2EscapeProblem).
   */
  private refuseQuote(node: Scalar, line: number): void {
    if (node.type !== 'QUOTE_SINGLE' && node.type !== 'QUOTE_DOUBLE') return;
    const raw = node.range ? this.text.slice(node.range[0], node.range[1]) : '';
    if (!isClosedQuote(raw)) {
      throw new InputError('a quoted value without its closing quote', { file: this.file, line });
    }
    const problem = this.json ? undefined : goYamlV2EscapeProblem(raw);
    if (problem !== undefined) throw new InputError(problem, { file: this.file, line });
  }

  private lineOfNode(node: unknown, fallbackLine: number): number {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? this.lineOf(range[0]) : fallbackLine;
  }
}
