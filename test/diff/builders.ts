// Small builders for diff and report tests: observed calls and declared rules written inline.

import type {
  DeclaredIntents,
  DeclaredRule,
  ObservedCall,
  ObservedMap,
  TargetType,
} from '../../src/model.ts';

export const NS = 'otterize-tutorial-istio-mapping';

/** `name` or `name.namespace`, like an intents target name. */
function ref(id: string): { name: string; namespace: string } {
  const [name, namespace] = id.split('.');
  return { name: name ?? id, namespace: namespace ?? NS };
}

export interface CallSpec {
  kind?: string;
  serverKind?: string;
  service?: string;
  count?: number;
  protocol?: ObservedCall['protocol'];
  firstSeen?: string;
  lastSeen?: string;
}

/** call('client', 'nginx', 'GET', '/a'): client -> nginx; method/path null for no HTTP detail. */
export function call(
  client: string,
  server: string,
  method: string | null,
  path: string | null,
  spec: CallSpec = {},
): ObservedCall {
  const observed: ObservedCall = {
    client: { ...ref(client), ...(spec.kind ? { kind: spec.kind } : {}) },
    server: { ...ref(server), ...(spec.serverKind ? { kind: spec.serverKind } : {}) },
    method,
    path,
    count: spec.count ?? 10,
    protocol: spec.protocol ?? 'http',
  };
  if (spec.service) observed.server.service = ref(spec.service);
  if (spec.firstSeen) observed.firstSeen = spec.firstSeen;
  if (spec.lastSeen) observed.lastSeen = spec.lastSeen;
  return observed;
}

export interface RuleSpec {
  targetType?: TargetType;
  kind?: string;
  serverKind?: string;
  file?: string;
  line?: number;
}

let nextLine = 1;

/** rule('client', 'nginx', 'GET', '/a'): a kubernetes target unless told otherwise. */
export function rule(
  client: string,
  server: string,
  method: string | null,
  path: string | null,
  spec: RuleSpec = {},
): DeclaredRule {
  const clientRef = ref(client);
  return {
    client: { ...clientRef, ...(spec.kind ? { kind: spec.kind } : {}) },
    server: { ...ref(server), ...(spec.serverKind ? { kind: spec.serverKind } : {}) },
    targetType: spec.targetType ?? 'kubernetes',
    method,
    path,
    file: spec.file ?? `intents/${clientRef.name}.yaml`,
    line: spec.line ?? nextLine++,
  };
}

export function observedMap(calls: ObservedCall[], extra: Partial<ObservedMap> = {}): ObservedMap {
  return {
    calls,
    unattributed: [],
    external: [],
    warnings: [],
    stats: { series: calls.length, sources: 1 },
    ...extra,
  };
}

export function declaredIntents(rules: DeclaredRule[], warnings: string[] = []): DeclaredIntents {
  return { rules, documents: [], warnings };
}
