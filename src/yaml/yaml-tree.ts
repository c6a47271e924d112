// The positioned tree every YAML reader here produces, and the limits that keep reading bounded.

/** Larger files are refused: ClientIntents and manifests are small, and parsing must stay bounded. */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;
/** Documents per file; a stream of empty `---` documents is refused past this. */
export const MAX_YAML_DOCUMENTS = 10_000;
/** Nodes per document after expanding aliases: stops "billion laughs" alias bombs. */
export const MAX_YAML_NODES = 100_000;
/** Nesting depth: stops self-referencing aliases and pathological nesting. */
export const MAX_YAML_DEPTH = 64;
/**
 * Scalars and collections written in one file, counted by the lexer before the parser runs
 * (on texts over PRECOUNT_ABOVE_CHARS): the parser's memory grows by about 1 KB for each, so a
 * 4 MiB list of one-letter items would otherwise take seconds and a gigabyte.
 */
export const MAX_YAML_VALUES = 200_000;
/** Texts up to this length are parsed without the count: even at worst, they stay small. */
export const PRECOUNT_ABOVE_CHARS = 128 * 1024;
/**
 * The longest key the fast readers (plain-yaml.ts, yaml-cst-tree.ts) take; a longer one is left
 * to the Composer, which refuses a `:` more than 1,024 characters after a key's start, as go-yaml
 * v2 (kubectl) does. Kept below 1,024 so that neither fast reader decides the edge itself.
 */
export const MAX_FAST_KEY_CHARS = 1000;

export type YamlNode = YamlMap | YamlSeq | YamlScalar;

export interface YamlMap {
  type: 'map';
  line: number;
  entries: Map<string, YamlEntry>;
  /** Set when the map holds a YAML anchor or alias: some of its content may be shared. */
  shared?: true;
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
  /**
   * A plain scalar's text, set only when `value` (go-yaml v2's reading, as kubectl's) differs
   * from what YAML 1.2 reads it as: `on` is true, `1_000` is 1000 (see go-yaml-v2.ts).
   */
  written?: string;
}

export interface YamlDocument {
  /** Null for an empty document (`---` alone, comments only). */
  root: YamlNode | null;
  /** Line where the document's content starts. */
  line: number;
}
