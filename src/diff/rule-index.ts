// Declared rules indexed by (client, target) so each observed call only meets the few rules
// written for its own client and server, never the whole list.

import type { DeclaredRule, ObservedCall, WorkloadRef } from '../model.ts';
import { matchMethod, matchPath } from './istio-match.ts';

/** One checkable rule and what the observed calls told about it. */
export interface RuleState {
  rule: DeclaredRule;
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
export function ruleTargetKeys(rule: DeclaredRule): string[] {
  const key = refKey(rule.server);
  if (rule.targetType === 'service') return [SERVICE + key];
  if (rule.server.kind === 'Service') return [SERVICE + key, WORKLOAD + key];
  return [WORKLOAD + key];
}

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

function kindsAgree(declared: string | undefined, observed: string | undefined): boolean {
  return declared === undefined || observed === undefined || declared === observed;
}

/** Same client: name and namespace are keyed; the kind must agree when both sides know it. */
export function clientKindAgrees(rule: DeclaredRule, client: WorkloadRef): boolean {
  return kindsAgree(rule.client.kind, client.kind);
}

/** Same server: through a workload key the kinds must agree, unless the rule names a Service. */
export function serverKindAgrees(rule: DeclaredRule, targetKey: string, call: ObservedCall): boolean {
  if (!targetKey.startsWith(WORKLOAD) || rule.server.kind === 'Service') return true;
  return kindsAgree(rule.server.kind, call.server.kind);
}

export function hasHttpDetail(call: ObservedCall): boolean {
  return call.method !== null && call.path !== null;
}

/** Whether the rule's operation allows the call; a call without detail only meets allow-all rules. */
export function ruleAllowsCall(rule: DeclaredRule, call: ObservedCall): boolean {
  if (rule.method !== null && (call.method === null || !matchMethod(rule.method, call.method))) return false;
  if (rule.path !== null && (call.path === null || !matchPath(rule.path, call.path))) return false;
  return true;
}

export function buildRuleIndex(rules: readonly DeclaredRule[]): { index: RuleIndex; states: RuleState[] } {
  const index: RuleIndex = new Map();
  const states: RuleState[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const state: RuleState = { rule, matched: false, calledWithDetail: false, calledWithoutDetail: false };
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
