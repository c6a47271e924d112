// Two kubernetes or service targets of one ClientIntents that Otterize's intents-operator writes
// into one AuthorizationPolicy. Read in otterize/intents-operator at df11253,
// src/operator/controllers/istiopolicy/policy_manager.go: each target becomes a policy named by
// getPolicyName (the server's name with its kind, and the client), in the server's namespace;
// createOrUpdatePolicies finds an existing one by its server label (findPolicy) and replaces
// its rules with the target's own (updatePolicy), or creates it and fails on the second Create
// with AlreadyExists. So of two such targets only one target's rules are ever in force, and
// counting both as allowing calls would be a false green: such ClientIntents are refused.
import type { DeclaredRule } from '../model.ts';
import { fail } from '../yaml/yaml-fields.ts';
import { policyName, targetIdentity } from './otterize-identity.ts';

/** The policy a target's rules go into: its namespace and name. */
export function policyKey(rule: Pick<DeclaredRule, 'client' | 'server' | 'targetType'>): string {
  const server = targetIdentity(rule);
  return `${server.namespace}/${policyName(rule.client, server)}`;
}

/** Throws InputError at the second of two targets of one ClientIntents that share a policy. */
export function refuseSharedPolicies(file: string, rules: readonly DeclaredRule[]): void {
  const firstTarget = new Map<string, DeclaredRule>();
  // The rules of one target share its server object: each target is looked at once.
  const seen = new Set<object>();
  for (const rule of rules) {
    if ((rule.targetType !== 'kubernetes' && rule.targetType !== 'service') || seen.has(rule.server))
      continue;
    seen.add(rule.server);
    const key = policyKey(rule);
    const first = firstTarget.get(key);
    if (first === undefined) {
      firstTarget.set(key, rule);
      continue;
    }
    const firstLine = first.targetLine ?? first.line;
    fail(
      file,
      rule.targetLine ?? rule.line,
      `this target and the one at line ${firstLine} become the same AuthorizationPolicy ` +
        `(${key}): the intents-operator writes each target's rules over the other's, so only one ` +
        "target's rules are in force; merge their http rules into one target",
    );
  }
}
