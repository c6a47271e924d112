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
  INTENT_METHODS,
  type MissingCall,
  type NotCheckedRule,
  type ObservedCall,
  type ObservedMap,
  type StaleReason,
  type StaleRule,
} from '../model.ts';
import { compareCalls, compareRules } from '../order.ts';
import { GroupRules } from './group-rules.ts';
import type { IgnoredBy, IgnoredCall } from './ignore-rules.ts';
import { type IntentsHome, type IntentsHomes, intentsFileFor, intentsHomes } from './intents-homes.ts';
import { readAsPattern } from './istio-match.ts';
import {
  buildRuleIndex,
  callTargetKeys,
  declaredTargetKeys,
  isWorkloadKey,
  type RuleState,
  refKey,
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

  // Without -n every call and rule is in scope: the lists are used as they are, not copied.
  const calls = inOrder(
    scope === null ? observed.calls : observed.calls.filter((c) => inScope(c.client.namespace)),
  );
  const rules = scope === null ? declared.rules : declared.rules.filter((r) => inScope(r.client.namespace));
  const checkable = rules.filter((rule) => CHECKABLE_TARGETS.has(rule.targetType));
  const allCheckable =
    rules === declared.rules ? checkable : declared.rules.filter((r) => CHECKABLE_TARGETS.has(r.targetType));
  const warnings = [...observed.warnings, ...declared.warnings];

  const { index, states } = buildRuleIndex(checkable);
  // Istio closes a declared server to every undeclared caller, whoever declared it.
  const closedTargets = declaredTargetKeys(allCheckable);

  const { covered, ignored, missing } = classifyCalls(calls, {
    index,
    closedTargets,
    homes: intentsHomes(declared),
    opts,
  });
  const external = observed.external.filter((call) => inScope(call.client.namespace));
  const activeClients = activeClientsOf(calls, external);

  const { stale, notChecked } = unmatchedRules(rules, states, activeClients);
  const patterned = patternedPathsWarning(missing);
  if (patterned !== undefined) warnings.push(patterned);
  const undeclarable = undeclarableMethodsWarning(missing);
  if (undeclarable !== undefined) warnings.push(undeclarable);

  // missing, covered and ignored follow `calls`, which are in compareCalls order: already sorted
  // (a missing entry sums calls of one client, server, path and method, the fields that sort first).
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

/** What classifyCalls looks calls up in. */
interface CallLookups {
  index: ReturnType<typeof buildRuleIndex>['index'];
  /** Target keys some ClientIntents declares: Istio closes them to every undeclared caller. */
  closedTargets: Set<string>;
  homes: IntentsHomes;
  opts: DriftOptions;
}

/** Each call covered, ignored (by the config) or missing, in the calls' order. */
function classifyCalls(
  calls: readonly ObservedCall[],
  { index, closedTargets, homes, opts }: CallLookups,
): { covered: ObservedCall[]; ignored: ObservedCall[]; missing: MissingCall[] } {
  const covered: ObservedCall[] = [];
  const ignored: ObservedCall[] = [];
  const missing: MissingCall[] = [];
  // Calls come grouped by client and server (sorted, sharing their reference objects): what
  // depends only on those is looked up once per group.
  let client: ObservedCall['client'] | undefined;
  let server: ObservedCall['server'] | undefined;
  let byTarget: Map<string, RuleState[]> | undefined;
  let home: IntentsHome | undefined;
  let intentsFile: { file: string; line: number } | undefined;
  let rules: GroupRules | undefined;
  let closed = false;
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i]!;
    if (call.client !== client) {
      client = call.client;
      server = undefined;
      byTarget = index.get(refKey(client));
      home = homes.of(client);
    }
    if (call.server !== server) {
      server = call.server;
      intentsFile = home === undefined ? undefined : intentsFileFor(home, server);
      const keys = callTargetKeys(call);
      const targets = keys.map((key) => ({ workload: isWorkloadKey(key), states: byTarget?.get(key) ?? [] }));
      rules = new GroupRules(targets, call);
      closed = keys.some((key) => closedTargets.has(key));
    }
    if (rules!.covers(call)) {
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
      addMissing(missing, call, closed, opts, intentsFile);
    }
  }

  return { covered, ignored, missing };
}

/** The clients that made any call (in scope): their unmatched rules are stale, not idle. */
function activeClientsOf(calls: readonly ObservedCall[], external: readonly ObservedCall[]): Set<string> {
  const activeClients = new Set<string>();
  for (let i = 0; i < calls.length; i++) {
    // Calls of one client are neighbours, sharing its object.
    if (i === 0 || calls[i]!.client !== calls[i - 1]!.client) activeClients.add(refKey(calls[i]!.client));
  }
  for (const call of external) activeClients.add(refKey(call.client));

  return activeClients;
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
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (!CHECKABLE_TARGETS.has(rule.targetType)) notChecked.push({ ...rule, why: 'not-http' });
  }
  for (let i = 0; i < states.length; i++) {
    const state = states[i]!;
    if (state.matched) continue;
    if (!state.calledWithDetail && state.calledWithoutDetail) {
      notChecked.push({ ...state.rule, why: 'no-http-detail' });
    } else {
      stale.push({ ...state.rule, reason: staleReason(state, activeClients) });
    }
  }
  return { stale: stale.sort(compareRules), notChecked: notChecked.sort(compareRules) };
}

function staleReason(state: RuleState, activeClients: ReadonlySet<string>): StaleReason {
  if (state.calledWithDetail) return 'path-not-called';
  return activeClients.has(refKey(state.rule.client)) ? 'server-not-called' : 'client-idle';
}

/** The calls in compareCalls order, as every source gives them (sorted here when not). */
function inOrder(calls: ObservedCall[]): ObservedCall[] {
  for (let i = 1; i < calls.length; i++) {
    if (compareCalls(calls[i - 1]!, calls[i]!) > 0) return [...calls].sort(compareCalls);
  }
  return calls;
}

/** Same client, server, method and path: one entry of `missing`. */
function sameEntry(a: ObservedCall, b: ObservedCall): boolean {
  return (
    a.client.name === b.client.name &&
    a.client.namespace === b.client.namespace &&
    a.server.name === b.server.name &&
    a.server.namespace === b.server.namespace &&
    a.method === b.method &&
    a.path === b.path
  );
}

/**
 * One missing entry per (client, server, method, path): counts add up, the time span widens.
 * In compareCalls order the calls of one entry are neighbours (those fields sort first), so
 * a call either joins the last entry or starts one. Each entry points where in its client's
 * ClientIntents a reviewer adds it (`intentsFile`).
 */
function addMissing(
  missing: MissingCall[],
  call: ObservedCall,
  wouldBeBlocked: boolean,
  opts: DriftOptions,
  intentsFile: { file: string; line: number } | undefined,
) {
  const known = missing[missing.length - 1];
  if (known === undefined || !sameEntry(known, call)) {
    const suggestedPath = call.path === null ? undefined : opts.suggestPath?.(call.path, call);
    const entry: MissingCall = { ...call, wouldBeBlocked };
    if (suggestedPath !== undefined && suggestedPath !== call.path) entry.suggestedPath = suggestedPath;
    // One object per client and server (intentsFileFor's), shared by its entries: none changes it.
    if (intentsFile !== undefined) entry.intentsFile = intentsFile;
    missing.push(entry);
    return;
  }
  known.count += call.count;
  known.wouldBeBlocked ||= wouldBeBlocked;
  if (
    call.firstSeen !== undefined &&
    (known.firstSeen === undefined || before(call.firstSeen, known.firstSeen))
  ) {
    known.firstSeen = call.firstSeen;
  }
  if (
    call.lastSeen !== undefined &&
    (known.lastSeen === undefined || before(known.lastSeen, call.lastSeen))
  ) {
    known.lastSeen = call.lastSeen;
  }
}

/**
 * Whether RFC 3339 time `a` is before `b`. Compared as times, not as text: a snapshot keeps its
 * times as written, and `10:00:00Z` sorts after `10:00:00.500Z`, `11:30+02:00` after `10:00Z`.
 */
function before(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}

/**
 * Missing calls whose path as called Istio would read as a wildcard or template: a rule for one
 * (check --fix, the suggested patch, a pull request) allows more than the path. Said once.
 */
function patternedPathsWarning(missing: readonly MissingCall[]): string | undefined {
  let first: MissingCall | undefined;
  let count = 0;
  for (let i = 0; i < missing.length; i++) {
    const call = missing[i]!;
    if (call.path === null || !readAsPattern(call.path)) continue;
    first ??= call;
    count++;
  }
  if (first === undefined) return undefined;
  const example = `${first.client.name} -> ${first.server.name} ${first.method ?? ''} ${JSON.stringify(first.path)}`;
  return `${count} missing call(s) have a path holding "*", "{" or "}" (e.g. ${example}), which Istio reads as a wildcard or template: a rule written for such a path allows more than the path called, or never matches`;
}

/**
 * Missing calls with a method ClientIntents cannot name (`get`: Istio matches `:method` as sent,
 * case-sensitively; HEAD: not in the CRD's enum): no HTTP rule allows them. Said once.
 */
function undeclarableMethodsWarning(missing: readonly MissingCall[]): string | undefined {
  const odd = missing.filter((c) => c.method !== null && !INTENT_METHODS.includes(c.method));
  if (odd.length === 0) return undefined;
  const first = odd[0]!;
  const example = `${first.client.name} -> ${first.server.name} ${JSON.stringify(first.method)}`;
  return `${odd.length} missing call(s) use a method ClientIntents cannot declare (e.g. ${example}): Istio matches methods case-sensitively and the CRD takes only ${INTENT_METHODS.join(', ')}, so only a target without http rules, or an http rule with methods: [] for the path, allows them`;
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
