// A baseline: today's accepted drift, so a large, drifted repository can adopt the check and
// fail only on what is new. Entries are stable keys, never counts, times or line numbers:
// a missing call by client, server, method and path (its template when it has one, so new
// IDs are not new drift; compared as text, never matched as a template), a stale rule by
// client, target, method and path.

import { InputError } from '../errors.ts';
import type { Drift, MissingCall, StaleRule } from '../model.ts';
import { refKey } from './rule-index.ts';

export const BASELINE_VERSION = 1;

export interface BaselineMissing {
  /** `namespace/name` */
  client: string;
  server: string;
  method: string | null;
  path: string | null;
}

export interface BaselineStale {
  client: string;
  server: string;
  targetType: string;
  method: string | null;
  path: string | null;
}

export interface Baseline {
  version: number;
  missing: BaselineMissing[];
  stale: BaselineStale[];
}

/** What applying a baseline took out, and how many of its entries no drift matched any more. */
export interface BaselineOutcome {
  missing: number;
  stale: number;
  /** Baseline entries with no drift now: fixed (or not exercised): refresh the baseline. */
  resolved: number;
}

function missingEntry(call: MissingCall): BaselineMissing {
  return {
    client: refKey(call.client),
    server: refKey(call.server),
    method: call.method,
    path: call.suggestedPath ?? call.path,
  };
}

function staleEntry(rule: StaleRule): BaselineStale {
  return {
    client: refKey(rule.client),
    server: refKey(rule.server),
    targetType: rule.targetType,
    method: rule.method,
    path: rule.path,
  };
}

const keyOf = (entry: object): string => JSON.stringify(Object.values(entry));

/**
 * A missing call's endpoint: client, server, method and the path the report shows for it (its
 * template when it has one). The baseline records it; the noise floor sums requests by it.
 */
export const missingCallKey = (call: MissingCall): string => keyOf(missingEntry(call));

function uniqueSorted<T extends object>(entries: T[]): T[] {
  const byKey = new Map(entries.map((e) => [keyOf(e), e]));
  return [...byKey.keys()].sort().map((key) => byKey.get(key) as T);
}

/** Today's drift as a baseline: deduplicated and sorted, so rewriting it gives a small diff. */
export function baselineOf(drift: Drift): Baseline {
  return {
    version: BASELINE_VERSION,
    missing: uniqueSorted(drift.missing.map(missingEntry)),
    stale: uniqueSorted(drift.stale.map(staleEntry)),
  };
}

export function renderBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/**
 * The drift minus what the baseline holds; the summary counts only what is new. A missing call
 * is in the baseline only when its own key (the path the report shows for it, its template
 * when it has one: what `--write-baseline` records) equals an entry's, exactly as a stale rule
 * is. An entry's path is never read as an Istio template: `GET /api/{*}`, recorded because five
 * order IDs were templated, must not accept a later `GET /api/admin`, nor `DELETE /files/{**}`,
 * a raw path one probe called, every later `DELETE /files/...`.
 */
export function applyBaseline(drift: Drift, baseline: Baseline): { drift: Drift; outcome: BaselineOutcome } {
  const known = (keys: Set<string>, used: Set<string>) => (key: string) => {
    if (!keys.has(key)) return true;
    used.add(key);
    return false;
  };
  const missingKeys = new Set(baseline.missing.map(keyOf));
  const usedMissing = new Set<string>();
  const isNewMissing = known(missingKeys, usedMissing);
  const missing = drift.missing.filter((call) => isNewMissing(missingCallKey(call)));
  const staleKeys = new Set(baseline.stale.map(keyOf));
  const usedStale = new Set<string>();
  const isNewStale = known(staleKeys, usedStale);
  const stale = drift.stale.filter((rule) => isNewStale(keyOf(staleEntry(rule))));
  const outcome: BaselineOutcome = {
    missing: drift.missing.length - missing.length,
    stale: drift.stale.length - stale.length,
    resolved: missingKeys.size - usedMissing.size + (staleKeys.size - usedStale.size),
  };
  const summary = {
    ...drift.summary,
    missing: missing.length,
    stale: stale.length,
    drift: missing.length > 0 || stale.length > 0,
  };
  return { drift: { ...drift, missing, stale, summary }, outcome };
}

/** Reads a baseline written by `--write-baseline`; anything else is an InputError naming the file. */
export function parseBaseline(text: string, file: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not a baseline: ${(err as Error).message}`, {
      file,
      line: jsonErrorLine(text, err),
    });
  }
  const bad = (what: string): never => {
    throw new InputError(`not a baseline: ${what}`, { file });
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('not a JSON object');
  const top = raw as Record<string, unknown>;
  if (top.version !== BASELINE_VERSION) bad(`version must be ${BASELINE_VERSION}`);
  const text_ = (v: unknown, at: string): string =>
    typeof v === 'string' ? v : bad(`${at} must be a string`);
  const nullable = (v: unknown, at: string): string | null => (v === null ? null : text_(v, at));
  const list = (v: unknown, at: string): Record<string, unknown>[] => {
    if (!Array.isArray(v)) return bad(`${at} must be a list`);
    return v.map((x, i) =>
      typeof x === 'object' && x !== null && !Array.isArray(x)
        ? (x as Record<string, unknown>)
        : bad(`${at}[${i}] must be an object`),
    );
  };
  return {
    version: BASELINE_VERSION,
    missing: list(top.missing ?? [], 'missing').map((x, i) => ({
      client: text_(x.client, `missing[${i}].client`),
      server: text_(x.server, `missing[${i}].server`),
      method: nullable(x.method ?? null, `missing[${i}].method`),
      path: nullable(x.path ?? null, `missing[${i}].path`),
    })),
    stale: list(top.stale ?? [], 'stale').map((x, i) => ({
      client: text_(x.client, `stale[${i}].client`),
      server: text_(x.server, `stale[${i}].server`),
      targetType: text_(x.targetType, `stale[${i}].targetType`),
      method: nullable(x.method ?? null, `stale[${i}].method`),
      path: nullable(x.path ?? null, `stale[${i}].path`),
    })),
  };
}

/** The line of a JSON syntax error, when the engine says where (`at position N`). */
function jsonErrorLine(text: string, err: unknown): number | undefined {
  const position = /position (\d+)/.exec(String((err as Error).message))?.[1];
  if (position === undefined) return undefined;
  return text.slice(0, Number(position)).split('\n').length;
}
