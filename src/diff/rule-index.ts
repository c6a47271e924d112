// Declared rules indexed by (client, target) so each observed call only meets the few rules
// written for its own client and server, never the whole list.

import type { DeclaredRule, ObservedCall, WorkloadRef } from '../model.ts';
import { matchMethod, matchPath } from './istio-match.ts';

/** One checkable rule and what the observed calls told about it. */
export interface RuleState {
  rule: DeclaredRule;
  /** The rule's method is null or matched by equality alone (no `*`): worked out once per rule. */
  plainMethod: boolean;
  /** The same for its path (no `*`, no template). */
  plainPath: boolean;
  /** Some call matched the rule (its method and path, or any call for a rule without them). */
  matched: boolean;
  /** The client called the rule's target with method and path known. */
  calledWithDetail: boolean;
  /** The client called the rule's target without method or path (service-level evidence). */
  calledWithoutDetail: boolean;
}

/** client key -> target key -> the rules of that client for that target. */
export type RuleIndex = Map<string, Map<string, RuleState[]>>;

// Kubernetes names cannot hold "/", so "namespace/name" is unambiguous. Remembered per object:
// an observed map shares one object per workload among all its calls, and the declared rules
// of one document share their client, so a diff of 200,000 calls builds a few thousand keys,
// not a million. (Nothing changes a reference's name or namespace after it is made.)
const refKeys = new WeakMap<object, string>();

export function refKey(ref: { name: string; namespace: string }): string {
  let key = refKeys.get(ref);
  if (key === undefined) {
    key = `${ref.namespace}/${ref.name}`;
    refKeys.set(ref, key);
  }
  return key;
}

const WORKLOAD = 'w:';
const SERVICE = 's:';

/**
 * The targets a rule names: a workload for `kubernetes`, a Service for `service`.
 * A `kubernetes` target of kind Service names a Service; it is also tried as a workload
 * name, in case the declare stage kept it as written.
 */
export function ruleTargetKeys(rule: DeclaredRule): readonly string[] {
  // The rules of one target share its server object: the keys are made once per target, and
  // the same strings (their hashes known) are looked up for every call.
  const known = ruleKeys.get(rule.server);
  if (known !== undefined && known.type === rule.targetType) return known.keys;
  const key = refKey(rule.server);
  const keys =
    rule.targetType === 'service'
      ? [SERVICE + key]
      : rule.server.kind === 'Service'
        ? [SERVICE + key, WORKLOAD + key]
        : [WORKLOAD + key];
  ruleKeys.set(rule.server, { type: rule.targetType, keys });
  return keys;
}

const ruleKeys = new WeakMap<object, { type: string; keys: readonly string[] }>();

const targetKeys = new WeakMap<object, readonly string[]>();

/** The targets a call reached: its server workload, and the Service it went through. */
export function callTargetKeys(call: ObservedCall): readonly string[] {
  let keys = targetKeys.get(call.server);
  if (keys === undefined) {
    keys = [WORKLOAD + refKey(call.server)];
    if (call.server.service) keys = [...keys, SERVICE + refKey(call.server.service)];
    targetKeys.set(call.server, keys);
  }
  return keys;
}

/** Whether two workload kinds may be one workload's: either unknown, or the same. */
export function kindsAgree(declared: string | undefined, observed: string | undefined): boolean {
  return declared === undefined || observed === undefined || declared === observed;
}

/** Same client: name and namespace are keyed; the kind must agree when both sides know it. */
export function clientKindAgrees(rule: DeclaredRule, client: WorkloadRef): boolean {
  return kindsAgree(rule.client.kind, client.kind);
}

/** Whether a target key (of ruleTargetKeys or callTargetKeys) names a workload. */
export function isWorkloadKey(targetKey: string): boolean {
  return targetKey.startsWith(WORKLOAD);
}

/**
 * Same server: through a workload key (`throughWorkload`, isWorkloadKey of the key the rule
 * was found by) the kinds must agree, unless the rule names a Service.
 */
export function serverKindAgrees(rule: DeclaredRule, throughWorkload: boolean, call: ObservedCall): boolean {
  if (!throughWorkload || rule.server.kind === 'Service') return true;
  return kindsAgree(rule.server.kind, call.server.kind);
}

export function hasHttpDetail(call: ObservedCall): boolean {
  return call.method !== null && call.path !== null;
}

/**
 * Whether the rule's operation allows the call; a call without detail only meets allow-all
 * rules. Plain methods and paths are compared by equality (what Istio's match does for them).
 */
export function stateAllowsCall(state: RuleState, call: ObservedCall): boolean {
  const { method, path } = state.rule;
  if (method !== null) {
    if (call.method === null) return false;
    if (state.plainMethod ? call.method !== method : !matchMethod(method, call.method)) return false;
  }
  if (path !== null) {
    if (call.path === null) return false;
    if (state.plainPath ? call.path !== path : !matchPath(path, call.path)) return false;
  }
  return true;
}

/** Matched by equality alone: no `*` (Istio's prefix, suffix and any) and so no template either. */
function plain(pattern: string | null): boolean {
  return pattern === null || !pattern.includes('*');
}

export function buildRuleIndex(rules: readonly DeclaredRule[]): { index: RuleIndex; states: RuleState[] } {
  const index: RuleIndex = new Map();
  const states: RuleState[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const state: RuleState = {
      rule,
      plainMethod: plain(rule.method),
      plainPath: plain(rule.path),
      matched: false,
      calledWithDetail: false,
      calledWithoutDetail: false,
    };
    states.push(state);
    const clientKey = refKey(rule.client);
    let byTarget = index.get(clientKey);
    if (!byTarget) {
      byTarget = new Map();
      index.set(clientKey, byTarget);
    }
    for (const targetKey of ruleTargetKeys(rule)) {
      const list = byTarget.get(targetKey);
      if (list) list.push(state);
      else byTarget.set(targetKey, [state]);
    }
  }
  return { index, states };
}

/** Every target some checkable rule names, of any client: Istio closes these to other callers. */
export function declaredTargetKeys(rules: readonly DeclaredRule[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < rules.length; i++) for (const key of ruleTargetKeys(rules[i]!)) keys.add(key);
  return keys;
}
