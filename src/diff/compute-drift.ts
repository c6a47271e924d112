// The diff: which observed calls the declared intents allow (covered), which they do not
// (missing), and which declared rules no call used (stale). Pure; no I/O.
//
// Scoping (`-n`): only clients in the listed namespaces count, on both sides. Unattributed
// calls have no client, so they are kept when their SERVER is in a listed namespace (the
// traffic that reached the namespaces asked about); external calls by their client.

import {
  CHECKABLE_TARGETS,
  type DeclaredIntents,
  type DeclaredRule,
  type Drift,
  type FailOn,
  type MissingCall,
  type NotCheckedRule,
  type ObservedCall,
  type ObservedMap,
  type StaleReason,
  type StaleRule,
} from '../model.ts';
import { compareCalls, compareRules } from '../order.ts';
import type { IgnoredBy, IgnoredCall } from './ignore-rules.ts';
import { validatePathPattern } from './istio-match.ts';
import {
  buildRuleIndex,
  callTargetKeys,
  clientKindAgrees,
  declaredTargetKeys,
  hasHttpDetail,
  type RuleIndex,
  type RuleState,
  refKey,
  ruleAllowsCall,
  serverKindAgrees,
} from './rule-index.ts';

export interface DriftOptions {
  /** Only clients in these namespaces; empty or absent: every namespace. */
  namespaces?: string[];
  /**
   * Known drift from the config: a call it returns true for is ignored instead of missing;
   * when it returns the matching rule's place, the ignored entry carries it as `ignoredBy`.
   */
  isIgnored?: (call: ObservedCall) => boolean | IgnoredBy | undefined;
  /** An Istio path template for a missing call's path, when it has ID-like segments. */
  suggestPath?: (path: string, call: ObservedCall) => string | undefined;
}

export function computeDrift(
  observed: ObservedMap,
  declared: DeclaredIntents,
  opts: DriftOptions = {},
): Drift {
  const scope = opts.namespaces && opts.namespaces.length > 0 ? new Set(opts.namespaces) : null;
  const inScope = (namespace: string) => scope === null || scope.has(namespace);

  const calls = observed.calls.filter((call) => inScope(call.client.namespace));
  const rules = declared.rules.filter((rule) => inScope(rule.client.namespace));
  const checkable = rules.filter((rule) => CHECKABLE_TARGETS.has(rule.targetType));
  const warnings = [...observed.warnings, ...declared.warnings, ...templateWarnings(checkable)];

  const { index, states } = buildRuleIndex(checkable);
  // Istio closes a declared server to every undeclared caller, whoever declared it.
  const closedTargets = declaredTargetKeys(declared.rules.filter((r) => CHECKABLE_TARGETS.has(r.targetType)));

  const covered: ObservedCall[] = [];
  const ignored: ObservedCall[] = [];
  const missingByKey = new Map<string, MissingCall>();
  for (const call of calls) {
    if (isCovered(call, index)) {
      covered.push(call);
      continue;
    }
    const ignoredBy = opts.isIgnored?.(call);
    if (ignoredBy === true) {
      ignored.push(call);
    } else if (ignoredBy) {
      const entry: IgnoredCall = { ...call, ignoredBy: { file: ignoredBy.file, line: ignoredBy.line } };
      ignored.push(entry);
    } else {
      addMissing(
        missingByKey,
        call,
        callTargetKeys(call).some((key) => closedTargets.has(key)),
        opts,
      );
    }
  }

  const activeClients = new Set<string>();
  for (const call of calls) activeClients.add(refKey(call.client));
  const external = observed.external.filter((call) => inScope(call.client.namespace));
  for (const call of external) activeClients.add(refKey(call.client));

  const { stale, notChecked } = unmatchedRules(rules, states, activeClients);

  const missing = withIntentsFiles([...missingByKey.values()], declared).sort(compareCalls);
  covered.sort(compareCalls);
  ignored.sort(compareCalls);
  return {
    missing,
    stale,
    covered,
    notChecked,
    unattributed: observed.unattributed.filter((call) => inScope(call.server.namespace)).sort(compareCalls),
    external: external.sort(compareCalls),
    ignored,
    warnings: [...new Set(warnings)],
    summary: {
      observed: calls.length,
      declared: rules.length,
      covered: covered.length,
      missing: missing.length,
      stale: stale.length,
      notChecked: notChecked.length,
      ignored: ignored.length,
      drift: missing.length > 0 || stale.length > 0,
    },
  };
}

/**
 * Declared rules no call matched: stale (with why), or not checked when the target cannot be
 * seen in HTTP metrics or its calls carried no method and path.
 */
function unmatchedRules(
  rules: readonly DeclaredRule[],
  states: readonly RuleState[],
  activeClients: ReadonlySet<string>,
): { stale: StaleRule[]; notChecked: NotCheckedRule[] } {
  const stale: StaleRule[] = [];
  const notChecked: NotCheckedRule[] = [];
  for (const rule of rules) {
    if (!CHECKABLE_TARGETS.has(rule.targetType)) notChecked.push({ ...rule, why: 'not-http' });
  }
  for (const state of states) {
    if (state.matched) continue;
    if (!state.calledWithDetail && state.calledWithoutDetail) {
      notChecked.push({ ...state.rule, why: 'no-http-detail' });
    } else {
      stale.push({ ...state.rule, reason: staleReason(state, activeClients) });
    }
  }
  return { stale: stale.sort(compareRules), notChecked: notChecked.sort(compareRules) };
}

/**
 * Meets the call with its client's rules for the targets it reached, marking every rule it
 * matches and every rule whose target it called. Covered when a rule allows it, or when it
 * carries no method/path and its client declared the target at all (nothing to refute).
 */
function isCovered(call: ObservedCall, index: RuleIndex): boolean {
  const byTarget = index.get(refKey(call.client));
  if (!byTarget) return false;
  const detail = hasHttpDetail(call);
  let allowed = false;
  let targetDeclared = false;
  for (const targetKey of callTargetKeys(call)) {
    for (const state of byTarget.get(targetKey) ?? []) {
      if (!clientKindAgrees(state.rule, call.client) || !serverKindAgrees(state.rule, targetKey, call))
        continue;
      targetDeclared = true;
      if (detail) state.calledWithDetail = true;
      else state.calledWithoutDetail = true;
      if (ruleAllowsCall(state.rule, call)) {
        state.matched = true;
        allowed = true;
      }
    }
  }
  return allowed || (!detail && targetDeclared);
}

function staleReason(state: RuleState, activeClients: ReadonlySet<string>): StaleReason {
  if (state.calledWithDetail) return 'path-not-called';
  return activeClients.has(refKey(state.rule.client)) ? 'server-not-called' : 'client-idle';
}

/** One missing entry per (client, server, method, path): counts add up, the time span widens. */
function addMissing(
  byKey: Map<string, MissingCall>,
  call: ObservedCall,
  wouldBeBlocked: boolean,
  opts: DriftOptions,
) {
  const key = [refKey(call.client), refKey(call.server), call.method ?? '', call.path ?? ''].join('\u0000');
  const known = byKey.get(key);
  if (!known) {
    const suggestedPath = call.path === null ? undefined : opts.suggestPath?.(call.path, call);
    const entry: MissingCall = { ...call, wouldBeBlocked };
    if (suggestedPath !== undefined && suggestedPath !== call.path) entry.suggestedPath = suggestedPath;
    byKey.set(key, entry);
    return;
  }
  known.count += call.count;
  known.wouldBeBlocked ||= wouldBeBlocked;
  if (call.firstSeen !== undefined && (known.firstSeen === undefined || call.firstSeen < known.firstSeen)) {
    known.firstSeen = call.firstSeen;
  }
  if (call.lastSeen !== undefined && (known.lastSeen === undefined || call.lastSeen > known.lastSeen)) {
    known.lastSeen = call.lastSeen;
  }
}

function templateWarnings(rules: readonly DeclaredRule[]): string[] {
  const warnings: string[] = [];
  for (const rule of rules) {
    const problem = rule.path === null ? null : validatePathPattern(rule.path);
    if (problem !== null) {
      warnings.push(`${rule.file}:${rule.line}: path ${JSON.stringify(rule.path)} never matches: ${problem}`);
    }
  }
  return warnings;
}

/** The exit code `--fail-on` asks for: 1 when the chosen kind of drift is present. */
export function exitCodeFor(drift: Drift, failOn: FailOn): 0 | 1 {
  switch (failOn) {
    case 'missing':
      return drift.summary.missing > 0 ? 1 : 0;
    case 'stale':
      return drift.summary.stale > 0 ? 1 : 0;
    case 'any':
      return drift.summary.missing > 0 || drift.summary.stale > 0 ? 1 : 0;
    case 'none':
      return 0;
  }
}

/**
 * Points each missing call where a reviewer adds it, as the suggested edit does: the target in
 * its client's ClientIntents that names the server (its workload first, else the Service the
 * caller used), else that document's list of targets, where a new target goes.
 */
function withIntentsFiles(missing: MissingCall[], declared: DeclaredIntents): MissingCall[] {
  const home = new Map<string, DeclaredIntents['documents'][number]>();
  for (const d of declared.documents) {
    const key = `${d.client.namespace}/${d.client.name}`;
    if (!home.has(key)) home.set(key, d);
  }
  return missing.map((call) => {
    const doc = home.get(`${call.client.namespace}/${call.client.name}`);
    if (doc === undefined) return call;
    const inDoc = declared.rules.filter(
      (r) =>
        r.file === doc.file &&
        r.client.name === call.client.name &&
        r.client.namespace === call.client.namespace &&
        r.targetLine !== undefined,
    );
    const names = (type: string, ref: { name: string; namespace: string } | undefined) =>
      inDoc.find(
        (r) =>
          r.targetType === type &&
          ref !== undefined &&
          r.server.name === ref.name &&
          r.server.namespace === ref.namespace,
      );
    const target = names('kubernetes', call.server) ?? names('service', call.server.service);
    const line = target?.targetLine ?? doc.targetsLine ?? doc.line;
    return { ...call, intentsFile: { file: doc.file, line } };
  });
}
