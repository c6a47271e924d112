// Groups observed calls into what `otterize network-mapper export` writes: one entry per
// client, its targets sorted by name, one HTTP rule per path with the methods merged.
import { readAsPattern, validatePathPattern } from '../diff/istio-match.ts';
import { INTENT_METHODS, type ObservedCall, type WorkloadRef } from '../model.ts';
import { operatorTargetName, undeclarableReason } from './target-name.ts';

export interface ExportHttpRule {
  path: string;
  methods: string[];
}

export interface ExportTarget {
  type: 'kubernetes' | 'service';
  /** As written: `nginx` in the client's namespace, `nginx.other-ns` elsewhere. */
  name: string;
  /** Workload kind of a kubernetes target, when known. */
  kind?: string;
  /** Null: the target allows every path and method. */
  http: ExportHttpRule[] | null;
}

export interface ExportClientIntents {
  client: WorkloadRef;
  targets: ExportTarget[];
}

export interface BuildIntentsOptions {
  /** Write `service: {name}` targets from the Service the caller used (like --as-kubernetes-service). */
  asService?: boolean;
  /** The path to declare for a call (e.g. an Istio template); default: the call's path. */
  pathOf?: (call: ObservedCall) => string | null;
}

interface TargetDraft {
  target: Omit<ExportTarget, 'http'>;
  methodsByPath: Map<string, Set<string>>;
  allowAll: boolean;
  /** The first called path Istio would read as a wildcard or template, and how many. */
  patterned?: { example: string; count: number };
}

export function buildClientIntents(
  calls: ObservedCall[],
  opts: BuildIntentsOptions = {},
): { intents: ExportClientIntents[]; warnings: string[] } {
  const warnings = new Set<string>();
  const clients = new Map<string, { client: WorkloadRef; targets: Map<string, TargetDraft> }>();
  for (const call of calls) {
    const target = targetOf(call, opts.asService === true, warnings);
    if (target === undefined) continue;
    const path = opts.pathOf ? opts.pathOf(call) : call.path;
    // Istio refuses a policy holding such a path (`/users/{id}`), and with it the whole ClientIntents.
    const refused = path === null ? null : validatePathPattern(path);
    if (refused !== null) {
      warnings.add(
        `${call.client.name} -> ${target.name}: path ${JSON.stringify(path)} is left out: Istio refuses it in an AuthorizationPolicy (${refused}); declare the call by hand`,
      );
      continue;
    }
    const clientKey = `${call.client.namespace}/${call.client.name}`;
    let entry = clients.get(clientKey);
    if (!entry) {
      entry = { client: { ...call.client }, targets: new Map() };
      clients.set(clientKey, entry);
    }
    if (!entry.client.kind && call.client.kind) entry.client.kind = call.client.kind;
    const targetKey = `${target.type} ${target.name} ${target.kind ?? ''}`;
    let draft = entry.targets.get(targetKey);
    if (!draft) {
      draft = { target, methodsByPath: new Map(), allowAll: false };
      entry.targets.set(targetKey, draft);
    }
    addCall(draft, call, path, warnings);
  }
  for (const { client, targets } of clients.values()) {
    for (const { target, patterned } of targets.values()) {
      if (patterned === undefined) continue;
      warnings.add(
        `${client.name} -> ${target.name}: ${patterned.count} called path(s) hold "*", "{" or "}" (e.g. ${JSON.stringify(patterned.example)}), which Istio reads as a wildcard or template: their rules allow more than the paths called, or never match`,
      );
    }
  }
  const intents = [...clients.values()]
    .sort((a, b) => compare(a.client.namespace, b.client.namespace) || compare(a.client.name, b.client.name))
    .map(({ client, targets }) => ({
      client,
      targets: [...targets.values()]
        .map(finishTarget)
        .sort((a, b) => compare(a.name, b.name) || compare(a.type, b.type)),
    }));
  return { intents, warnings: [...warnings] };
}

/** The target naming the call's server, or undefined (with a warning) when none can. */
function targetOf(
  call: ObservedCall,
  asService: boolean,
  warnings: Set<string>,
): Omit<ExportTarget, 'http'> | undefined {
  const { client, server } = call;
  if (asService && server.service) {
    const name = operatorTargetName(server.service, client.namespace);
    const why = undeclarableReason(client, server.service);
    if (name !== undefined && why === undefined) return { type: 'service', name };
  } else if (asService) {
    warnings.add(`no Service known for ${server.namespace}/${server.name}: written as a kubernetes target`);
  }
  const name = operatorTargetName(server, client.namespace);
  const why = undeclarableReason(client, server);
  if (name === undefined || why !== undefined) {
    warnings.add(why ?? `${client.namespace}/${client.name}: no target name for ${server.name}`);
    return undefined;
  }
  return server.kind ? { type: 'kubernetes', name, kind: server.kind } : { type: 'kubernetes', name };
}

/**
 * A call without method or path, or with a method ClientIntents cannot name (HEAD), can only be
 * allowed by a target without HTTP rules; narrower rules would block it under enforcement.
 */
function addCall(draft: TargetDraft, call: ObservedCall, path: string | null, warnings: Set<string>): void {
  if (call.method !== null && path !== null && !INTENT_METHODS.includes(call.method)) {
    warnings.add(
      `${call.client.name} -> ${draft.target.name}: method ${call.method} cannot be declared; the target allows every method`,
    );
    draft.allowAll = true;
    return;
  }
  if (call.method === null || path === null) {
    draft.allowAll = true;
    return;
  }
  let methods = draft.methodsByPath.get(path);
  if (!methods) {
    methods = new Set();
    draft.methodsByPath.set(path, methods);
    if (call.path !== null && readAsPattern(call.path)) {
      if (draft.patterned === undefined) draft.patterned = { example: call.path, count: 1 };
      else draft.patterned.count++;
    }
  }
  methods.add(call.method);
}

function finishTarget(draft: TargetDraft): ExportTarget {
  const http = draft.allowAll
    ? null
    : [...draft.methodsByPath]
        .sort(([a], [b]) => compare(a, b))
        .map(([path, methods]) => ({ path, methods: [...methods].sort(compare) }));
  return { ...draft.target, http };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
