// The templater's second pass: what varies across the paths of one client -> server. A position
// whose values change while every other segment stays the same becomes `{*}`; a prefix under
// which paths of many depths appear becomes `prefix/{**}`.
//
// Paths come from traffic, so their number and depth are the sender's to choose. Every prefix
// and suffix of segments is therefore interned as a number once per pass (a trie of ids), and
// "all segments but the i-th" is the pair (prefix id before i, suffix id after i): each pass
// costs time in proportion to the total length of the paths, never to length times depth.
import { isVersionSegment } from './id-segment.ts';

export const MATCH_ONE = '{*}';
export const MATCH_ANY = '{**}';

// What `{*}` matches on every Istio with templates: the pchars, `=` included. A segment holding
// `*` is matched by Envoy 1.35 and later only (Istio 1.27), so it stays raw in suggestions.
export const TEMPLATE_SEGMENT = /^[A-Za-z0-9\-._~%!$&'()+,;:@=]+$/;

/** One distinct raw path of a client -> server, and the template it is becoming. */
export interface PathEntry {
  raw: string;
  rawSegments: string[];
  segments: string[];
  trailingSlash: boolean;
  /** Set when a varying tail collapsed into `{**}`: the prefix's length. */
  tailFrom?: number;
}

/** Numbers for sequences of segments, shared by the sequences that extend one another. */
class SequenceIds {
  private readonly children = new Map<number, Map<string, number>>();
  private next = 1;

  /** The id of `parent` extended by `segment` (0 is the empty sequence). */
  extend(parent: number, segment: string): number {
    let children = this.children.get(parent);
    if (children === undefined) {
      children = new Map();
      this.children.set(parent, children);
    }
    let id = children.get(segment);
    if (id === undefined) {
      id = this.next++;
      children.set(segment, id);
    }
    return id;
  }

  /** ids[k]: the first k segments (ids[0] = 0, the empty prefix). */
  prefixes(segments: readonly string[]): number[] {
    const out = [0];
    for (let k = 0; k < segments.length; k++) out.push(this.extend(out[k]!, segments[k]!));
    return out;
  }

  /** ids[k]: the segments from k to the end (ids[length] = 0, the empty suffix). */
  suffixes(segments: readonly string[]): number[] {
    const out = new Array<number>(segments.length + 1);
    out[segments.length] = 0;
    for (let k = segments.length - 1; k >= 0; k--) out[k] = this.extend(-1 - out[k + 1]!, segments[k]!);
    return out;
  }
}

function hasDigit(value: string): boolean {
  return /\d/.test(value);
}

/**
 * Whether the distinct values seen at one position are data: enough of them, not versions,
 * and mostly holding digits; words only at a much higher count (slugs, user names), since
 * a service's own endpoint names (`/api/users`, `/api/orders`) also vary with equal neighbours.
 */
function valuesVary(values: readonly string[], minVariants: number): boolean {
  if (values.length < minVariants) return false;
  if (values.some(isVersionSegment)) return false;
  const withDigits = values.filter(hasDigit).length;
  return withDigits * 2 >= values.length || values.length >= minVariants * 10;
}

function pushTo<K, T>(groups: Map<K, T[]>, key: K, item: T): void {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}

/**
 * One round over the entries of one shape, position by position, left to right: marks varying
 * positions and returns whether any changed. A position sees the changes made to the positions
 * before it in the same round (the prefix ids grow as the round goes); those after it are not
 * changed yet, so their suffix ids, taken at the start, hold.
 */
function collapseShape(sameShape: readonly PathEntry[], minVariants: number): boolean {
  const ids = new SequenceIds();
  const suffixes = sameShape.map((e) => ids.suffixes(e.segments));
  const prefix = sameShape.map(() => 0);
  const width = sameShape[0]?.segments.length ?? 0;
  let changed = false;
  for (let i = 0; i < width; i++) {
    const neighbours = new Map<string, number[]>();
    for (let n = 0; n < sameShape.length; n++) pushTo(neighbours, `${prefix[n]}:${suffixes[n]![i + 1]}`, n);
    for (const bucket of neighbours.values()) {
      const values = [...new Set(bucket.map((n) => sameShape[n]!.rawSegments[i] ?? ''))];
      if (!valuesVary(values, minVariants)) continue;
      for (const n of bucket) {
        const entry = sameShape[n]!;
        const value = entry.rawSegments[i] ?? '';
        if (entry.segments[i] !== MATCH_ONE && TEMPLATE_SEGMENT.test(value)) {
          entry.segments[i] = MATCH_ONE;
          changed = true;
        }
      }
    }
    sameShape.forEach((entry, n) => {
      prefix[n] = ids.extend(prefix[n]!, entry.segments[i]!);
    });
  }
  return changed;
}

/** Marks positions whose values vary under equal neighbours; repeats until nothing changes. */
export function collapseVaryingSegments(entries: PathEntry[], minVariants: number): void {
  // A position varies only among at least minVariants paths of one shape.
  if (entries.length < minVariants) return;
  const byShape = new Map<string, PathEntry[]>();
  for (const e of entries) pushTo(byShape, `${e.segments.length}${e.trailingSlash ? '/' : ''}`, e);
  for (let changed = true, rounds = 0; changed && rounds < 16; rounds++) {
    changed = false;
    for (const sameShape of byShape.values()) {
      if (sameShape.length >= minVariants) changed = collapseShape(sameShape, minVariants) || changed;
    }
  }
}

/**
 * A prefix under which paths of several depths and many first segments appear (a file tree,
 * a proxy) becomes `prefix/{**}`. Never at the root, after `api` or after a version: that
 * would allow a whole API.
 */
export function collapseVaryingTails(entries: PathEntry[], minVariants: number): void {
  // A tail collapses only under at least 2 x minVariants distinct tails.
  if (entries.length < minVariants * 2) return;
  const ids = new SequenceIds();
  const prefixes = entries.map((e) => ids.prefixes(e.segments));
  const rawTails = entries.map((e) => ids.suffixes(e.rawSegments));
  // Entries by length: the candidates at a depth are those longer than it.
  const byLength: number[][] = [];
  entries.forEach((e, n) => {
    const sameLength = byLength[e.segments.length];
    if (sameLength === undefined) byLength[e.segments.length] = [n];
    else sameLength.push(n);
  });
  const longer: number[] = [];
  for (let depth = byLength.length - 2; depth >= 1; depth--) {
    for (const n of byLength[depth + 1] ?? []) longer.push(n);
    const byPrefix = new Map<number, number[]>();
    for (const n of longer) if (entries[n]!.tailFrom === undefined) pushTo(byPrefix, prefixes[n]![depth]!, n);
    for (const group of byPrefix.values()) {
      const last = entries[group[0]!]!.segments[depth - 1] ?? '';
      if (last === 'api' || last === MATCH_ONE || isVersionSegment(last)) continue;
      const tails = new Set(group.map((n) => rawTails[n]![depth]));
      const depths = new Set(group.map((n) => entries[n]!.segments.length));
      const firsts = new Set(group.map((n) => entries[n]!.rawSegments[depth]));
      if (tails.size >= minVariants * 2 && depths.size >= 2 && firsts.size >= minVariants) {
        for (const n of group) entries[n]!.tailFrom = depth;
      }
    }
  }
}
