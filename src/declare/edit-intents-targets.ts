// Target-level edits inside one ClientIntents document, for both shapes: v2 `spec.targets[]`
// ({kubernetes|service: {name, kind, http}}) and v1 `spec.calls[]` ({name, kind, type, HTTPResources}).
import { type Document, isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { kindsAgree } from '../diff/rule-index.ts';
import type { MissingCall, StaleRule, TargetType, WorkloadRef } from '../model.ts';
import type { TargetList } from './edit-intents-types.ts';
import { policyKey } from './shared-policies.ts';

export interface TargetMatch {
  item: YAMLMap;
  /** Where the HTTP rules live: the v2 target's body, or the v1 call itself. */
  body: YAMLMap;
  /** The server's name as the file writes it. */
  writtenName: string;
}

/**
 * The target naming this server, of this type. A kubernetes target whose `kind` is another than
 * the server's is another workload (a StatefulSet `db` beside a Deployment `db`): the diff does
 * not count its rules for the server, so a rule added there would stay missing.
 */
export function findTarget(
  list: TargetList,
  server: { name: string; namespace: string; kind?: string },
  type: TargetType,
  client: WorkloadRef,
): TargetMatch | undefined {
  if (type !== 'kubernetes' && type !== 'service') return undefined;
  for (const item of list.seq.items) {
    if (!isMap(item)) continue;
    const found = writtenTarget(list, item);
    if (!found || found.type !== type || !kindsAgree(found.kind, server.kind)) continue;
    const [name, namespace = client.namespace] = found.name.split('.');
    if (name === server.name && namespace === server.namespace) {
      return { item, body: found.body, writtenName: String(found.body.get('name')) };
    }
  }
  return undefined;
}

/**
 * Whether a new kubernetes target for this server would become the same AuthorizationPolicy as
 * a target the list has (`api` of kind Deployment beside a target named `api-deployment`): the
 * operator would keep one target's rules only, and reading the intents refuses the pair.
 */
export function sharesPolicy(
  list: TargetList,
  server: { name: string; namespace: string; kind?: string },
  client: WorkloadRef,
): boolean {
  const key = policyKey({ client, server, targetType: 'kubernetes' });
  return list.seq.items.some((item) => {
    if (!isMap(item)) return false;
    const found = writtenTarget(list, item);
    if (!found) return false;
    const [name = '', namespace = client.namespace] = found.name.split('.');
    const written = found.kind === undefined ? { name, namespace } : { name, namespace, kind: found.kind };
    return policyKey({ client, server: written, targetType: found.type }) === key;
  });
}

interface WrittenTarget {
  type: TargetType;
  name: string;
  body: YAMLMap;
  /** A kubernetes target's `kind`, when it writes one. */
  kind?: string;
}

/** A target (v2) or call (v1) as the file writes it. */
function writtenTarget(list: TargetList, item: YAMLMap): WrittenTarget | undefined {
  const found = list.v2 ? v2Target(item) : v1Call(item);
  if (found === undefined || found.type !== 'kubernetes') return found;
  const kind = found.body.get('kind');
  return typeof kind === 'string' && kind !== '' ? { ...found, kind } : found;
}

function v2Target(item: YAMLMap): { type: TargetType; name: string; body: YAMLMap } | undefined {
  for (const key of ['kubernetes', 'service'] as const) {
    const body = item.get(key, true);
    if (!isMap(body)) continue;
    const isService = key === 'service' || body.get('kind') === 'Service';
    return { type: isService ? 'service' : 'kubernetes', name: String(body.get('name') ?? ''), body };
  }
  return undefined;
}

function v1Call(item: YAMLMap): { type: TargetType; name: string; body: YAMLMap } | undefined {
  // A kafka, database or cloud call is no HTTP target, whatever it names (parse-v1.ts): adding
  // to it writes nothing the check counts, and pruning a stale target there takes the wrong call.
  const type = item.get('type');
  if (type !== undefined && type !== null && type !== 'http') return undefined;
  const raw = String(item.get('name') ?? '');
  const isService = raw.startsWith('svc:') || item.get('kind') === 'Service';
  return { type: isService ? 'service' : 'kubernetes', name: raw.replace(/^svc:/, ''), body: item };
}

function rulesOf(list: TargetList, match: TargetMatch): YAMLSeq | undefined {
  const rules = match.body.get(list.v2 ? 'http' : list.resourcesKey, true);
  return isSeq(rules) && rules.items.length > 0 ? rules : undefined;
}

function methodsOf(rule: unknown): YAMLSeq | undefined {
  if (!isMap(rule)) return undefined;
  const methods = rule.get('methods', true);
  return isSeq(methods) ? methods : undefined;
}

/** `methods: []`: any method on the rule's path (the operator writes the path without methods). */
function allowsAnyMethod(rule: unknown): boolean {
  return methodsOf(rule)?.items.length === 0;
}

function ruleNode(doc: Document, path: string, method: string, flow: boolean) {
  const node = doc.createNode({ path, methods: [method] });
  const methods = node.get('methods', true);
  if (flow && isSeq(methods)) methods.flow = true;
  return node;
}

// A target's rules by path (the first rule of each path, or its first `methods: []` rule), made
// once per list and kept up to date by addCallToTarget: looking each added path up in the list
// was quadratic (20,000 new paths for one server took half a minute).
const rulesByPathOf = new WeakMap<YAMLSeq, Map<unknown, unknown>>();

function rulesByPath(rules: YAMLSeq): Map<unknown, unknown> {
  let byPath = rulesByPathOf.get(rules);
  if (byPath === undefined) {
    byPath = new Map();
    for (const rule of rules.items) {
      if (!isMap(rule)) continue;
      const path = rule.get('path');
      if (!byPath.has(path) || (allowsAnyMethod(rule) && !allowsAnyMethod(byPath.get(path))))
        byPath.set(path, rule);
    }
    rulesByPathOf.set(rules, byPath);
  }
  return byPath;
}

/**
 * Adds `method path` to an existing target; false when it is already there, the path allows any
 * method (`methods: []`: adding one would narrow it to that method) or the target allows all.
 */
export function addCallToTarget(
  doc: Document,
  list: TargetList,
  match: TargetMatch,
  method: string,
  path: string,
  flow: boolean,
): boolean {
  const rules = rulesOf(list, match);
  if (!rules) return false;
  const byPath = rulesByPath(rules);
  const methods = methodsOf(byPath.get(path));
  if (!methods) {
    const node = ruleNode(doc, path, method, flow);
    rules.items.push(node);
    if (!byPath.has(path)) byPath.set(path, node);
    return true;
  }
  if (methods.items.length === 0 || methods.items.some((m) => isScalar(m) && m.value === method))
    return false;
  methods.items.push(doc.createNode(method));
  return true;
}

export function newTargetNode(
  doc: Document,
  list: TargetList,
  call: MissingCall,
  name: string,
  flow: boolean,
) {
  const path = call.suggestedPath ?? call.path;
  const kind = call.server.kind;
  const rules = call.method !== null && path !== null ? [ruleNode(doc, path, call.method, flow)] : undefined;
  if (list.v2) {
    const body = doc.createNode(kind ? { name, kind } : { name }) as YAMLMap;
    if (rules) body.set('http', doc.createNode(rules));
    return doc.createNode({ kubernetes: body });
  }
  const item = doc.createNode(
    kind && list.resourcesKey !== 'resources' ? { name, kind } : { name },
  ) as YAMLMap;
  if (rules) {
    item.set('type', 'http');
    item.set(list.resourcesKey, doc.createNode(rules));
  }
  return item;
}

/**
 * Removes one stale (method, path); for a stale `methods: []` (any method on a path), that http
 * entry; the whole target for a stale target without HTTP rules. A target whose last rule goes
 * is removed too: an empty rule list would allow everything.
 */
export function removeRuleFromTarget(list: TargetList, match: TargetMatch, rule: StaleRule): boolean {
  const dropTarget = () => {
    list.seq.items.splice(list.seq.items.indexOf(match.item), 1);
    return true;
  };
  if (rule.path === null) return dropTarget();
  const rules = rulesOf(list, match);
  if (!rules) return false;
  const isMethod = (m: unknown) => isScalar(m) && m.value === rule.method;
  // The entry declaring the rule: its `methods: []` for a null method, else one naming the method.
  const ruleIndex = rules.items.findIndex(
    (r) =>
      isMap(r) &&
      r.get('path') === rule.path &&
      (rule.method === null ? allowsAnyMethod(r) : methodsOf(r)?.items.some(isMethod) === true),
  );
  const methods = methodsOf(rules.items[ruleIndex]);
  if (!methods) return false;
  if (rule.method !== null) methods.items.splice(methods.items.findIndex(isMethod), 1);
  if (methods.items.length > 0) return true;
  rules.items.splice(ruleIndex, 1);
  return rules.items.length > 0 ? true : dropTarget();
}
