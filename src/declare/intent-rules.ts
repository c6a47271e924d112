// Rules shared by every ClientIntents version: target names, kinds, HTTP methods, and the
// expansion of HTTP rules into one DeclaredRule per (path, method).
import { acceptedPathFor, pathRefusal } from '../diff/istio-match.ts';
import { type DeclaredRule, INTENT_METHODS, type TargetType, type WorkloadRef } from '../model.ts';
import { expectMap, expectString, fail, lineOf, requiredString } from '../yaml/yaml-fields.ts';
import type { YamlMap, YamlSeq } from '../yaml/yaml-tree.ts';

/** `nginx` is in the client's namespace, `nginx.other-ns` in other-ns; more dots are refused. */
export function resolveTargetName(
  file: string,
  line: number,
  field: string,
  name: string,
  clientNamespace: string,
): { name: string; namespace: string } {
  const parts = name.split('.');
  if (parts.length > 2) fail(file, line, `${field}: "${name}" has more than one dot (use name.namespace)`);
  const [server, namespace] = parts as [string, string | undefined];
  if (server === '' || namespace === '')
    fail(file, line, `${field}: "${name}" is not name or name.namespace`);
  return { name: server, namespace: namespace ?? clientNamespace };
}

/** Webhook rule: kinds start with an upper-case letter (`Deployment`, not `deployment`). */
export function checkKind(file: string, line: number, field: string, kind: string | undefined): void {
  if (kind !== undefined && !/^[A-Z]/.test(kind)) {
    fail(file, line, `${field}: "${kind}" must start with an upper-case letter`);
  }
}

/** The server, type and place of one target: what its rules share. */
export interface TargetBase {
  client: WorkloadRef;
  server: { name: string; namespace: string; kind?: string };
  targetType: TargetType;
  file: string;
  line: number;
}

/**
 * One rule per (path, method) of an HTTP rule list, each at the line of its method; one rule
 * with null method for a path with `methods: []` (any method on that path); one rule with null
 * method and path when the target has no HTTP rules (allows all).
 */
export function expandHttpRules(base: TargetBase, http: YamlSeq | undefined, field: string): DeclaredRule[] {
  const whole = (): DeclaredRule => ({ ...base, method: null, path: null, targetLine: base.line });
  if (!http || http.items.length === 0) return [whole()];
  const rules: DeclaredRule[] = [];
  const seen = new Set<string>();
  http.items.forEach((item, i) => {
    const ruleField = `${field}[${i}]`;
    const rule = expectMap(base.file, item, ruleField);
    const path = requiredString(base.file, rule, 'path', `${ruleField}.path`);
    checkPathAccepted(base.file, lineOf(rule, 'path'), `${ruleField}.path`, path);
    for (const { method, line } of readMethods(base.file, rule, `${ruleField}.methods`)) {
      const key = `${method} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rules.push(httpRule(base, method, path, line));
    }
  });
  return rules;
}

/**
 * One rule of `base`'s target, field by field in the order a spread of `base` gives. A spread
 * and four more fields made V8 keep the last ones in a second object per rule (100,000 of them
 * for 2,000 files of 50 rules).
 */
function httpRule(base: TargetBase, method: string | null, path: string, line: number): DeclaredRule {
  return {
    client: base.client,
    server: base.server,
    targetType: base.targetType,
    file: base.file,
    line,
    method,
    path,
    targetLine: base.line,
  };
}

/**
 * Refuses a path Istio cannot apply. The operator writes all of a target's HTTP rules into one
 * AuthorizationPolicy (intents-operator policy_manager.go intentsHTTPResourceToIstioOperations)
 * and stops at the first policy the API server refuses (createOrUpdatePolicies returns), so
 * istiod's webhook refusing it leaves the target's other rules and the later targets unapplied;
 * a template Envoy refuses leaves the server's sidecar on its old configuration. Either way the
 * rules next to it are not in force, and counting them as allowing calls would be a false green.
 */
function checkPathAccepted(file: string, line: number, field: string, path: string): void {
  const refusal = pathRefusal(path);
  if (refusal === null) return;
  const consequence =
    refusal.refusedBy === 'istiod'
      ? "Istio's validation refuses the AuthorizationPolicy the intents-operator writes for this target, " +
        "so none of the target's rules apply, nor do those of the ClientIntents' later targets"
      : "the sidecar's Envoy refuses the path template in the AuthorizationPolicy for this target, " +
        'so the server keeps its old policies';
  const instead = acceptedPathFor(path);
  const advice =
    instead === undefined
      ? '{*} (one segment) and {**} (any rest, the last operator) must each be a whole segment'
      : `write ${JSON.stringify(instead)} instead ({*} is any one segment)`;
  fail(file, line, `${field}: ${JSON.stringify(path)}: ${refusal.problem}; ${consequence}; ${advice}`);
}

/**
 * The methods of one HTTP rule; `methods: []` is one entry with null method, at the list's line:
 * any method on the path. The CRD requires the key but sets no minItems (every served version),
 * the webhooks (clientintents_webhook_v2alpha1.go, _v2beta1.go validateHTTP) check only the path,
 * and the operator writes an Operation with the path and no methods (policy_manager.go
 * intentsHTTPResourceToIstioOperations), which Istio matches for any method.
 */
function readMethods(file: string, rule: YamlMap, field: string): { method: string | null; line: number }[] {
  const entry = rule.entries.get('methods');
  const node = entry?.value;
  if (!node || (node.type === 'scalar' && node.value === null))
    fail(file, entry?.keyLine ?? rule.line, `${field}: required`);
  if (node.type !== 'seq') fail(file, node.line, `${field}: must be a list of methods`);
  if (node.items.length === 0) return [{ method: null, line: node.line }];
  return node.items.map((item, i) => {
    const method = expectString(file, item, `${field}[${i}]`);
    if (!INTENT_METHODS.includes(method)) {
      const upper = method.toUpperCase();
      const reason = INTENT_METHODS.includes(upper)
        ? `"${method}" must be upper case (${upper})`
        : `unsupported method "${method}" (allowed: ${INTENT_METHODS.join(', ')})`;
      fail(file, item.line, `${field}[${i}]: ${reason}`);
    }
    return { method, line: item.line };
  });
}
