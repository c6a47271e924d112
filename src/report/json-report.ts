// The JSON report of the contract (§2): version 1, fixed key order, 2-space indent, trailing
// newline. Extra fields (protocol, host, wouldBeBlocked, why, external) are additions only.

import type { DeclaredRule, Drift, MissingCall, NotCheckedRule, ObservedCall, StaleRule } from '../model.ts';

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
  wouldBeBlocked?: boolean;
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
}

// Objects are rebuilt field by field so the key order is fixed whatever the input held.
function jsonRef(ref: { name: string; namespace: string; kind?: string }): JsonRef {
  const out: JsonRef = { name: ref.name, namespace: ref.namespace };
  if (ref.kind !== undefined) out.kind = ref.kind;
  return out;
}

function jsonCall(call: ObservedCall | MissingCall): JsonCall {
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
  if ('suggestedPath' in call && call.suggestedPath !== undefined) out.suggestedPath = call.suggestedPath;
  if ('wouldBeBlocked' in call) out.wouldBeBlocked = call.wouldBeBlocked;
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
  return out;
}

export function toJsonReport(drift: Drift): JsonReport {
  const s = drift.summary;
  return {
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
}

export function renderJsonReport(drift: Drift): string {
  return `${JSON.stringify(toJsonReport(drift), null, 2)}\n`;
}
