// Collapses ID-like path segments into Istio path templates (`/users/{*}/orders`,
// `/static/{**}`), so one intent rule stands for thousands of raw paths.
//
// Two passes: the segment's own shape (id-segment.ts), then what varies across the calls of
// one client -> server: a position whose values change while every other segment stays the
// same, or a prefix under which paths of many depths appear. Every template is checked with
// the diff's own matcher against each raw path it replaces; one that would not match (say an
// empty segment) is dropped and the raw path kept.

import type { ObservedCall } from '../model.ts';
import { isIdLikeSegment } from './id-segment.ts';
import { matchPath, validatePathPattern } from './istio-match.ts';
import {
  collapseVaryingSegments,
  collapseVaryingTails,
  MATCH_ANY,
  MATCH_ONE,
  type PathEntry,
  TEMPLATE_SEGMENT,
} from './path-variance.ts';
import { refKey } from './rule-index.ts';

export { MATCH_ANY, MATCH_ONE } from './path-variance.ts';

export interface TemplateOptions {
  /** Distinct values at one position (same neighbours) before it counts as varying. */
  minVariants?: number;
}

export const DEFAULT_MIN_VARIANTS = 5;

/** Paths with more segments are templated by the shape of their segments only. */
export const MAX_COMPARED_SEGMENTS = 64;

interface SplitPath {
  segments: string[];
  trailingSlash: boolean;
}

function splitPath(path: string): SplitPath | null {
  if (!path.startsWith('/') || path === '/') return null;
  const trailingSlash = path.endsWith('/');
  const segments = (trailingSlash ? path.slice(1, -1) : path.slice(1)).split('/');
  return { segments, trailingSlash };
}

function joinPath(segments: readonly string[], trailingSlash: boolean): string {
  return `/${segments.join('/')}${trailingSlash ? '/' : ''}`;
}

function canBeOneSegment(segment: string): boolean {
  return TEMPLATE_SEGMENT.test(segment) && isIdLikeSegment(segment);
}

/** The template only when it is valid and matches the raw path; otherwise the raw path. */
function checked(raw: string, template: string): string {
  if (template === raw) return raw;
  return validatePathPattern(template) === null && matchPath(template, raw) ? template : raw;
}

/** The path with each ID-like segment as `{*}`, judged by shape alone; unchanged when none. */
export function templatePath(path: string): string {
  const split = splitPath(path);
  if (!split) return path;
  const segments = split.segments.map((s) => (canBeOneSegment(s) ? MATCH_ONE : s));
  return checked(path, joinPath(segments, split.trailingSlash));
}

function entryTemplate(entry: PathEntry): string {
  if (entry.tailFrom !== undefined) {
    return checked(entry.raw, `${joinPath(entry.segments.slice(0, entry.tailFrom), false)}/${MATCH_ANY}`);
  }
  const template = checked(entry.raw, joinPath(entry.segments, entry.trailingSlash));
  // A varying-position template that fails the check still gets the shape-only one.
  return template === entry.raw ? templatePath(entry.raw) : template;
}

/** What a path is by its own shape: its segments, and its template without other paths. */
interface PathShape {
  split: SplitPath;
  /** Segments with ID-like ones as `{*}`. */
  segments: string[];
  /** templatePath(raw). */
  template: string;
}

/** Shapes of the distinct paths a diff meets: each path is split and judged once, whichever pairs call it. */
export class PathShapes {
  private readonly shapes = new Map<string, PathShape | null>();

  of(raw: string): PathShape | null {
    let shape = this.shapes.get(raw);
    if (shape === undefined) {
      const split = splitPath(raw);
      shape =
        split === null
          ? null
          : {
              split,
              segments: split.segments.map((s) => (canBeOneSegment(s) ? MATCH_ONE : s)),
              template: templatePath(raw),
            };
      this.shapes.set(raw, shape);
    }
    return shape;
  }
}

/** Whether templatePaths could collapse anything across these paths (see path-variance.ts). */
function mayVary(paths: readonly [string, PathShape][], minVariants: number): boolean {
  if (paths.length >= minVariants * 2) return true;
  if (paths.length < minVariants) return false;
  const byShape = new Map<string, number>();
  for (const [, shape] of paths) {
    const key = `${shape.split.segments.length}${shape.split.trailingSlash ? '/' : ''}`;
    const n = (byShape.get(key) ?? 0) + 1;
    if (n >= minVariants) return true;
    byShape.set(key, n);
  }
  return false;
}

/** Templates for a set of raw paths seen between one client and one server. */
export function templatePaths(
  paths: Iterable<string>,
  opts: TemplateOptions = {},
  shapes: PathShapes = new PathShapes(),
): Map<string, string> {
  const distinct = distinctShapes(paths, shapes);
  return (
    collapsedTemplates(distinct, opts, shapes) ??
    new Map(distinct.map(([raw, shape]) => [raw, shape.template]))
  );
}

/** Each distinct path that can be templated, with its shape. */
function distinctShapes(paths: Iterable<string>, shapes: PathShapes): [string, PathShape][] {
  const distinct: [string, PathShape][] = [];
  for (const raw of new Set(paths)) {
    const shape = shapes.of(raw);
    if (shape) distinct.push([raw, shape]);
  }
  return distinct;
}

/**
 * The templates of paths compared across each other; undefined when too few paths of any one
 * shape for a position to vary, too few for a tail to: then each path keeps its own template
 * (the common case: a client calls a server on a few paths).
 */
function collapsedTemplates(
  distinct: readonly [string, PathShape][],
  opts: TemplateOptions,
  shapes: PathShapes,
): Map<string, string> | undefined {
  const minVariants = opts.minVariants ?? DEFAULT_MIN_VARIANTS;
  if (!mayVary(distinct, minVariants)) return undefined;
  const entries: PathEntry[] = distinct.map(([raw, shape]) => ({
    raw,
    rawSegments: shape.split.segments,
    segments: [...shape.segments],
    trailingSlash: shape.split.trailingSlash,
  }));
  // Paths deeper than any API's are left to the shape pass alone: bounded work per path.
  const compared = entries.filter((e) => e.segments.length <= MAX_COMPARED_SEGMENTS);
  collapseVaryingSegments(compared, minVariants);
  collapseVaryingTails(compared, minVariants);
  const out = new Map<string, string>();
  for (const entry of entries) {
    // Nothing collapsed across paths: the path's own template, already known.
    const own = shapes.of(entry.raw);
    const alone = entry.tailFrom === undefined && entry.segments.every((s, i) => s === own?.segments[i]);
    out.set(entry.raw, alone ? (own?.template ?? entry.raw) : entryTemplate(entry));
  }
  return out;
}

export interface PathTemplater {
  /** The template for a call's path (its own path when nothing collapses), null without a path. */
  pathOf(call: ObservedCall): string | null;
  /** A template that differs from the path, for `suggestedPath`; undefined otherwise. */
  suggest(path: string, call?: ObservedCall): string | undefined;
}

function pairKey(call: ObservedCall): string {
  return `${refKey(call.client)}\u0000${refKey(call.server)}`;
}

/** Learns templates from every call (covered ones too) of each client -> server pair. */
export function buildPathTemplater(
  calls: readonly ObservedCall[],
  opts: TemplateOptions = {},
): PathTemplater {
  const pathsByPair = new Map<string, string[]>();
  // Calls come grouped by client and server: the list of the last pair is mostly the next one's.
  let last: ObservedCall | undefined;
  let list: string[] = [];
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i]!;
    if (call.path === null) continue;
    if (last === undefined || call.client !== last.client || call.server !== last.server) {
      const key = pairKey(call);
      const known = pathsByPair.get(key);
      if (known) list = known;
      else {
        list = [];
        pathsByPair.set(key, list);
      }
      last = call;
    }
    list.push(call.path);
  }
  // Each pair's templates are worked out when first asked for (most pairs never are: only
  // missing calls get suggestions), each distinct path's shape once for all pairs.
  const shapes = new PathShapes();
  // A pair whose paths keep their own templates (most) holds none: templateOf falls back to
  // each path's shape, the same template.
  const templates = new Map<string, Map<string, string> | null>();
  const pairTemplates = (key: string): Map<string, string> | undefined => {
    let known = templates.get(key);
    if (known === undefined) {
      const paths = pathsByPair.get(key);
      if (paths === undefined) return undefined;
      known = collapsedTemplates(distinctShapes(paths, shapes), opts, shapes) ?? null;
      templates.set(key, known);
    }
    return known ?? undefined;
  };
  // Asked in call order, so mostly for the pair asked last: its objects say it is the same one.
  let lastClient: object | undefined;
  let lastServer: object | undefined;
  let lastTemplates: Map<string, string> | undefined;
  const templatesOf = (call: ObservedCall): Map<string, string> | undefined => {
    if (call.client !== lastClient || call.server !== lastServer) {
      lastClient = call.client;
      lastServer = call.server;
      lastTemplates = pairTemplates(pairKey(call));
    }
    return lastTemplates;
  };
  const templateOf = (path: string, call: ObservedCall | undefined): string =>
    (call && templatesOf(call)?.get(path)) ?? shapes.of(path)?.template ?? templatePath(path);
  return {
    pathOf: (call) => (call.path === null ? null : templateOf(call.path, call)),
    suggest: (path, call) => {
      const template = templateOf(path, call);
      return template === path ? undefined : template;
    },
  };
}

/**
 * What a template allows beyond the raw path it came from, in words, or undefined when it
 * allows nothing more: `any segment for 8812` or `anything under /static/ (seen: css/a.css)`.
 */
export function templateWidening(raw: string, template: string): string | undefined {
  if (raw === template) return undefined;
  const rawSplit = splitPath(raw);
  const templateSplit = splitPath(template);
  if (!rawSplit || !templateSplit) return undefined;
  const parts: string[] = [];
  templateSplit.segments.forEach((segment, i) => {
    if (segment === MATCH_ONE) parts.push(`any segment for ${rawSplit.segments[i] ?? ''}`);
    if (segment === MATCH_ANY) {
      const prefix = joinPath(templateSplit.segments.slice(0, i), true);
      const seen = `${rawSplit.segments.slice(i).join('/')}${rawSplit.trailingSlash ? '/' : ''}`;
      parts.push(`anything under ${prefix} (seen: ${seen})`);
    }
  });
  return parts.length === 0 ? undefined : parts.join('; ');
}
