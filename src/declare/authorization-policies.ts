// The Istio AuthorizationPolicies that declared intents imply, shaped like the ones Otterize's
// intents-operator generates: one ALLOW policy per (client, server), in the server's namespace.
// Pod labels and service accounts are not in ClientIntents: they come from a workload lookup
// (manifests) or a caller's callback; otherwise `app: <server>` and sa `<client>` are assumed,
// and the policy carries a comment saying so.

import type { DeclaredRule, WorkloadRef } from '../model.ts';
import type { WorkloadLookup } from './workload-manifests.ts';
import { yamlDocumentText } from './yaml-output.ts';

export const POLICY_API_VERSION = 'security.istio.io/v1';

export interface PolicyOptions {
  /** Kinds, service accounts and pod labels from workload manifests. */
  workloads?: WorkloadLookup;
  /** Labels selecting a server's pods; wins over `workloads`. */
  selectorOf?: (
    server: { name: string; namespace: string },
    targetType: string,
  ) => Record<string, string> | undefined;
  /** The client's service account; wins over `workloads`. */
  serviceAccountOf?: (client: WorkloadRef) => string | undefined;
}

export interface AuthorizationPolicyManifest {
  manifest: Record<string, unknown>;
  /** Where it comes from and what was assumed; written as a YAML comment above the policy. */
  notes: string[];
}

interface PolicyDraft {
  client: WorkloadRef;
  server: { name: string; namespace: string };
  targetType: string;
  anyOperation: boolean;
  methodsByPath: Map<string, string[]>;
  /** Declaring file -> lines, for the comment above the policy. */
  sources: Map<string, number[]>;
}

export function authorizationPolicies(
  rules: DeclaredRule[],
  opts: PolicyOptions = {},
): AuthorizationPolicyManifest[] {
  const drafts = new Map<string, PolicyDraft>();
  for (const rule of rules) {
    if (rule.targetType !== 'kubernetes' && rule.targetType !== 'service') continue;
    const key = [rule.client.namespace, rule.client.name, rule.server.namespace, rule.server.name].join('/');
    let draft = drafts.get(key);
    if (!draft) {
      draft = {
        client: rule.client,
        server: { name: rule.server.name, namespace: rule.server.namespace },
        targetType: rule.targetType,
        anyOperation: false,
        methodsByPath: new Map(),
        sources: new Map(),
      };
      drafts.set(key, draft);
    }
    const lines = draft.sources.get(rule.file) ?? [];
    if (!lines.includes(rule.line)) lines.push(rule.line);
    draft.sources.set(rule.file, lines);
    if (rule.path === null || rule.method === null) {
      draft.anyOperation = true;
      continue;
    }
    const methods = draft.methodsByPath.get(rule.path) ?? [];
    if (!methods.includes(rule.method)) methods.push(rule.method);
    draft.methodsByPath.set(rule.path, methods);
  }
  return [...drafts.values()].map((draft) => policyOf(draft, opts)).sort(byNamespaceAndName);
}

function policyOf(draft: PolicyDraft, opts: PolicyOptions): AuthorizationPolicyManifest {
  const { client, server } = draft;
  const from = [...draft.sources].map(([file, lines]) => `${file}:${lines.join(',')}`);
  const notes = [`from ${from.join(' ')}`];
  let labels = opts.selectorOf?.(server, draft.targetType);
  if (!labels && draft.targetType === 'kubernetes')
    labels = opts.workloads?.labelsOf(server.namespace, server.name);
  if (!labels || Object.keys(labels).length === 0) {
    labels = { app: server.name };
    notes.push(`pod labels of ${server.namespace}/${server.name} unknown: assumed app: ${server.name}`);
  }
  let serviceAccount =
    opts.serviceAccountOf?.(client) ?? opts.workloads?.serviceAccountOf(client.namespace, client.name);
  if (!serviceAccount) {
    serviceAccount = client.name;
    notes.push(`service account of ${client.namespace}/${client.name} unknown: assumed ${client.name}`);
  }
  const rule: Record<string, unknown> = {
    from: [{ source: { principals: [`cluster.local/ns/${client.namespace}/sa/${serviceAccount}`] } }],
  };
  if (!draft.anyOperation) {
    rule.to = [...draft.methodsByPath].map(([path, methods]) => ({ operation: { paths: [path], methods } }));
  }
  const manifest = {
    apiVersion: POLICY_API_VERSION,
    kind: 'AuthorizationPolicy',
    metadata: {
      name: `authorization-policy-to-${server.name}-from-${client.name}.${client.namespace}`,
      namespace: server.namespace,
    },
    spec: { selector: { matchLabels: labels }, action: 'ALLOW', rules: [rule] },
  };
  return { manifest, notes };
}

function byNamespaceAndName(a: AuthorizationPolicyManifest, b: AuthorizationPolicyManifest): number {
  const key = (p: AuthorizationPolicyManifest) => {
    const metadata = p.manifest.metadata as { name: string; namespace: string };
    return `${metadata.namespace}\u0000${metadata.name}`;
  };
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** Multi-document YAML, each policy preceded by its notes as comments. */
export function renderAuthorizationPolicies(policies: AuthorizationPolicyManifest[]): string {
  return policies
    .map(({ manifest, notes }) =>
      yamlDocumentText(manifest, { indent: 2, lineWidth: 0, minContentWidth: 0 }, notes),
    )
    .join('---\n');
}
