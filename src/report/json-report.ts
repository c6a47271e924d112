// The JSON report (docs/report.schema.json): version 1, fixed key order, 2-space indent, trailing
// newline. Extra fields (protocol, host, wouldBeBlocked, why, external) are additions only.

import type { BaselineOutcome } from '../diff/baseline.ts';
import type { CoverageReport } from '../diff/coverage.ts';
import type { NoiseOutcome } from '../diff/drift-controls.ts';
import type { FailVerdict } from '../diff/fail-policy.ts';
import type { IgnoredBy } from '../diff/ignore-rules.ts';
import type {
  DeclaredRule,
  Drift,
  MissingCall,
  NotCheckedRule,
  ObservedCall,
  ObservedFrom,
  StaleRule,
} from '../model.ts';
import { jsonWithEscapes } from '../safe-text.ts';
import { asControlled, wideningOf } from './drift-extras.ts';

export const JSON_REPORT_VERSION = 1;

interface JsonRef {
  name: string;
  namespace: string;
  kind?: string;
}

export interface JsonCall {
  client: JsonRef;
  server: JsonRef & { service?: { name: string; namespace: string } };
  method: string | null;
  path: string | null;
  count: number;
  protocol: string;
  firstSeen?: string;
  lastSeen?: string;
  host?: string;
  suggestedPath?: string;
  /** What suggestedPath allows beyond the path seen (`any segment for 8812`). */
  suggestedPathWidens?: string;
  wouldBeBlocked?: boolean;
  /** For a missing call: the client's ClientIntents document, where it would be declared. */
  intentsFile?: { file: string; line: number };
  /** For an ignored call: the config's ignore rule that matched. */
  ignoredBy?: IgnoredBy;
}

export interface JsonRule {
  client: JsonRef;
  server: JsonRef;
  targetType: string;
  method: string | null;
  path: string | null;
  file: string;
  line: number;
  reason?: string;
  why?: string;
  ignoredBy?: IgnoredBy;
}

export interface JsonReport {
  version: number;
  summary: Drift['summary'];
  missing: JsonCall[];
  stale: JsonRule[];
  covered: JsonCall[];
  notChecked: JsonRule[];
  unattributed: JsonCall[];
  external: JsonCall[];
  ignored: JsonCall[];
  warnings: string[];
  // Extras from the drift controls, present only when they ran.
  ignoredStale?: JsonRule[];
  coverage?: CoverageReport;
  noise?: NoiseOutcome;
  baseline?: BaselineOutcome;
  environments?: Record<string, string>;
  failure?: FailVerdict;
  /** The config file read, as shown to the user; null: none was found. */
  config?: string | null;
  observedFrom?: ObservedFrom;
}

// Objects are rebuilt field by field so the key order is fixed whatever the input held.
function jsonRef(ref: { name: string; namespace: string; kind?: string }): JsonRef {
  const out: JsonRef = { name: ref.name, namespace: ref.namespace };
  if (ref.kind !== undefined) out.kind = ref.kind;
  return out;
}

export function jsonCall(call: ObservedCall | MissingCall): JsonCall {
  const server: JsonCall['server'] = jsonRef(call.server);
  if (call.server.service)
    server.service = { name: call.server.service.name, namespace: call.server.service.namespace };
  const out: JsonCall = {
    client: jsonRef(call.client),
    server,
    method: call.method,
    path: call.path,
    count: call.count,
    protocol: call.protocol,
  };
  if (call.firstSeen !== undefined) out.firstSeen = call.firstSeen;
  if (call.lastSeen !== undefined) out.lastSeen = call.lastSeen;
  if (call.host !== undefined) out.host = call.host;
  if ('suggestedPath' in call && call.suggestedPath !== undefined) {
    out.suggestedPath = call.suggestedPath;
    const widens = wideningOf(call);
    if (widens !== undefined) out.suggestedPathWidens = widens;
  }
  if ('wouldBeBlocked' in call) out.wouldBeBlocked = call.wouldBeBlocked;
  if ('intentsFile' in call && call.intentsFile !== undefined) {
    out.intentsFile = { file: call.intentsFile.file, line: call.intentsFile.line };
  }
  const ignoredBy = (call as { ignoredBy?: IgnoredBy }).ignoredBy;
  if (ignoredBy !== undefined) out.ignoredBy = { file: ignoredBy.file, line: ignoredBy.line };
  return out;
}

function jsonRule(rule: DeclaredRule | StaleRule | NotCheckedRule): JsonRule {
  const out: JsonRule = {
    client: jsonRef(rule.client),
    server: jsonRef(rule.server),
    targetType: rule.targetType,
    method: rule.method,
    path: rule.path,
    file: rule.file,
    line: rule.line,
  };
  if ('reason' in rule) out.reason = rule.reason;
  if ('why' in rule) out.why = rule.why;
  const ignoredBy = (rule as { ignoredBy?: IgnoredBy }).ignoredBy;
  if (ignoredBy !== undefined) out.ignoredBy = { file: ignoredBy.file, line: ignoredBy.line };
  return out;
}

/** The report's fields in order: the long lists as lazily converted items, the rest as values. */
function reportFields(
  drift: Drift,
): [string, unknown | { list: readonly unknown[]; item: (x: never) => unknown }][] {
  const s = drift.summary;
  const list = <T>(items: readonly T[], item: (x: T) => unknown) => ({ list: items, item });
  const fields: [string, unknown][] = [
    ['version', JSON_REPORT_VERSION],
    [
      'summary',
      {
        observed: s.observed,
        declared: s.declared,
        covered: s.covered,
        missing: s.missing,
        stale: s.stale,
        notChecked: s.notChecked,
        ignored: s.ignored,
        drift: s.drift,
      },
    ],
    ['missing', list(drift.missing, jsonCall)],
    ['stale', list(drift.stale, jsonRule)],
    ['covered', list(drift.covered, jsonCall)],
    ['notChecked', list(drift.notChecked, jsonRule)],
    ['unattributed', list(drift.unattributed, jsonCall)],
    ['external', list(drift.external, jsonCall)],
    ['ignored', list(drift.ignored, jsonCall)],
    ['warnings', [...drift.warnings]],
  ];
  const extras = asControlled(drift);
  if (extras.ignoredStale) fields.push(['ignoredStale', list(extras.ignoredStale, jsonRule)]);
  if (extras.coverage) fields.push(['coverage', extras.coverage]);
  if (extras.noise) fields.push(['noise', { ...extras.noise }]);
  if (extras.baseline) fields.push(['baseline', { ...extras.baseline }]);
  if (extras.environments) fields.push(['environments', { ...extras.environments }]);
  if (extras.failure) fields.push(['failure', { ...extras.failure }]);
  if (extras.config !== undefined) fields.push(['config', extras.config]);
  if (extras.observedFrom) fields.push(['observedFrom', jsonObservedFrom(extras.observedFrom)]);
  return fields as [string, unknown][];
}

function jsonObservedFrom(from: ObservedFrom): ObservedFrom {
  const out: ObservedFrom = { source: from.source, inputs: [...from.inputs] };
  if (from.window) out.window = { from: from.window.from, to: from.window.to };
  if (from.since !== undefined) out.since = from.since;
  return out;
}

function isList(value: unknown): value is { list: readonly unknown[]; item: (x: unknown) => unknown } {
  return typeof value === 'object' && value !== null && 'list' in value && 'item' in value;
}

export function toJsonReport(drift: Drift): JsonReport {
  const report: Record<string, unknown> = {};
  for (const [key, value] of reportFields(drift)) {
    report[key] = isList(value) ? value.list.map((x) => value.item(x)) : value;
  }
  return report as unknown as JsonReport;
}

/**
 * Entries per JSON.stringify call: large enough that the native code does the work, small enough
 * that each piece (about 450 bytes an entry) stays well under V8's large-object size (128 KiB).
 * A larger string goes to the large-object space, which only a full collection empties: with
 * 1,024 entries a piece, the high-cardinality benchmark's JSON check kept about 85 MiB of spent
 * pieces (289 against 205 MiB peak RSS) and was slower (medians 2.97 against 2.48 s).
 */
const BATCH = 128;

/**
 * `value` as JSON.stringify(value, null, 2) writes it one level down (inside the report's
 * object): stringified inside an array, which indents it, and the array's brackets cut off.
 */
function nested(value: unknown): string {
  return JSON.stringify([value], null, 2).slice(4, -2);
}

/**
 * Items of a list two levels down, already joined by `,` and newlines and indented, escaped as
 * jsonWithEscapes does: a batch stringified inside two arrays, whose brackets are cut off
 * (`[\n  [\n` and `\n  ]\n]`, which escaping leaves as they are). The escapes are looked for in
 * JSON.stringify's own flat string: on a string joined from pieces, the check for characters
 * to escape first copies it into one, which took about three times as long as the check (a
 * third of the JSON report's time on the benchmark's high-cardinality mesh).
 */
function nestedItems(items: unknown[]): string {
  return jsonWithEscapes(JSON.stringify([items], null, 2)).slice(6, -6);
}

/** A JSON document as the report files are written: 2-space indent, trailing newline, no raw control characters. */
export function jsonText(value: unknown): string {
  return `${jsonWithEscapes(JSON.stringify(value, null, 2))}\n`;
}

/**
 * The JSON report in pieces, for a writer that streams: the same characters as
 * `jsonText(toJsonReport(drift))`, without ever holding the whole text or every entry's object
 * at once (a report of 200,000 calls is about 100 MB). Each piece ends between two values, so
 * no string is cut and jsonWithEscapes gives the same escapes piece by piece.
 */
export function* renderJsonReportChunks(drift: Drift): Generator<string> {
  let head = '{';
  const fields = reportFields(drift);
  for (let f = 0; f < fields.length; f++) {
    const [key, value] = fields[f]!;
    head += `${f === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (!isList(value)) {
      head += nested(value);
      continue;
    }
    if (value.list.length === 0) {
      head += '[]';
      continue;
    }
    for (let from = 0; from < value.list.length; from += BATCH) {
      const batch = value.list.slice(from, from + BATCH).map((x) => value.item(x));
      yield jsonWithEscapes(`${head}${from === 0 ? '[\n' : ',\n'}`);
      yield nestedItems(batch);
      head = '';
    }
    head += '\n  ]';
  }
  yield jsonWithEscapes(`${head}\n}\n`);
}

export function renderJsonReport(drift: Drift): string {
  return [...renderJsonReportChunks(drift)].join('');
}
