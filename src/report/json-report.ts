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

export function toJsonReport(drift: Drift): JsonReport {
  const s = drift.summary;
  const report: JsonReport = {
    version: JSON_REPORT_VERSION,
    summary: {
      observed: s.observed,
      declared: s.declared,
      covered: s.covered,
      missing: s.missing,
      stale: s.stale,
      notChecked: s.notChecked,
      ignored: s.ignored,
      drift: s.drift,
    },
    missing: drift.missing.map(jsonCall),
    stale: drift.stale.map(jsonRule),
    covered: drift.covered.map(jsonCall),
    notChecked: drift.notChecked.map(jsonRule),
    unattributed: drift.unattributed.map(jsonCall),
    external: drift.external.map(jsonCall),
    ignored: drift.ignored.map(jsonCall),
    warnings: [...drift.warnings],
  };
  const extras = asControlled(drift);
  if (extras.ignoredStale) report.ignoredStale = extras.ignoredStale.map(jsonRule);
  if (extras.coverage) report.coverage = extras.coverage;
  if (extras.noise) report.noise = { ...extras.noise };
  if (extras.baseline) report.baseline = { ...extras.baseline };
  if (extras.environments) report.environments = { ...extras.environments };
  if (extras.failure) report.failure = { ...extras.failure };
  if (extras.config !== undefined) report.config = extras.config;
  if (extras.observedFrom) report.observedFrom = jsonObservedFrom(extras.observedFrom);
  return report;
}

function jsonObservedFrom(from: ObservedFrom): ObservedFrom {
  const out: ObservedFrom = { source: from.source, inputs: [...from.inputs] };
  if (from.window) out.window = { from: from.window.from, to: from.window.to };
  if (from.since !== undefined) out.since = from.since;
  return out;
}

/** A JSON document as the report files are written: 2-space indent, trailing newline, no raw control characters. */
export function jsonText(value: unknown): string {
  return `${jsonWithEscapes(JSON.stringify(value, null, 2))}\n`;
}

export function renderJsonReport(drift: Drift): string {
  return jsonText(toJsonReport(drift));
}
