// The Istio AuthorizationPolicies that declared intents imply, as Otterize's intents-operator
// writes them (src/operator/controllers/istiopolicy/policy_manager.go at df11253): one ALLOW
// policy per kubernetes or service target, in the server's namespace, named
// `authorization-policy-to-<server>-from-<client>.<client namespace>` with kinds in the names,
// labelled with both identities, selecting the server's pods (the operator's pod labels for a
// workload, the Service's spec.selector for a Service), from the client's service-account
// principal, with one operation per HTTP path (without methods for a path with `methods: []`:
// any method). Service accounts and Service selectors come from manifests; an unknown service
// account is assumed and said so in a comment above the policy.
import { validatePathPattern } from '../diff/istio-match.ts';
import type { DeclaredRule, WorkloadRef } from '../model.ts';
import { fail } from '../yaml/yaml-fields.ts';
import {
  formattedIdentityWithKind,
  ISTIO_CLIENT_LABEL,
  type OtterizeIdentity,
  policyName,
  SERVICE_LABEL,
  targetIdentity,
  workloadSelector,
} from './otterize-identity.ts';
import type { WorkloadLookup } from './workload-manifests.ts';
import { yamlDocumentText } from './yaml-output.ts';

/**
 * security.istio.io/v1, where the operator's client writes v1beta1: the two are served with the
 * same schema (one object either way), and v1 is the version Istio documents since 1.22.
 */
export const POLICY_API_VERSION = 'security.istio.io/v1';

export interface PolicyOptions {
  /** Service accounts of clients and selectors of Services, from manifests. */
  workloads?: WorkloadLookup;
}

export interface AuthorizationPolicyManifest {
  manifest: Record<string, unknown>;
  /** Where it comes from and what was assumed; written as a YAML comment above the policy. */
  notes: string[];
}

interface PolicyDraft {
  client: WorkloadRef;
  /** The server with its kind as the operator sees it (`Service` for a Service target). */
  server: OtterizeIdentity;
  anyOperation: boolean;
  /** Path -> its methods; null: any method (`methods: []`), an operation without methods. */
  methodsByPath: Map<string, string[] | null>;
  /** Declaring file -> lines, for the comment above the policy. */
  sources: Map<string, number[]>;
}

export function authorizationPolicies(
  rules: DeclaredRule[],
  opts: PolicyOptions = {},
): { policies: AuthorizationPolicyManifest[]; warnings: string[] } {
  const drafts = new Map<string, PolicyDraft>();
  for (const rule of rules) {
    if (rule.targetType !== 'kubernetes' && rule.targetType !== 'service') continue;
    const draft = draftFor(drafts, rule);
    const lines = draft.sources.get(rule.file) ?? [];
    if (!lines.includes(rule.line)) lines.push(rule.line);
    draft.sources.set(rule.file, lines);
    if (rule.path === null) {
      draft.anyOperation = true;
      continue;
    }
    // istiod refuses the whole policy for a path template it cannot apply; so do we.
    const problem = validatePathPattern(rule.path);
    if (problem !== null)
      fail(
        rule.file,
        rule.line,
        `path ${JSON.stringify(rule.path)}: ${problem} (istiod would refuse the policy)`,
      );
    // `methods: []`: the operator writes the path without methods, which Istio matches for any
    // method (policy_manager.go intentsHTTPResourceToIstioOperations): the path's other methods add nothing.
    const methods = draft.methodsByPath.get(rule.path);
    if (rule.method === null || methods === null) draft.methodsByPath.set(rule.path, null);
    else if (methods === undefined) draft.methodsByPath.set(rule.path, [rule.method]);
    else if (!methods.includes(rule.method)) methods.push(rule.method);
  }
  const policies: AuthorizationPolicyManifest[] = [];
  const warnings: string[] = [];
  for (const draft of drafts.values()) {
    const selector = selectorOf(draft, opts.workloads);
    if (typeof selector === 'string') warnings.push(selector);
    else policies.push(policyOf(draft, selector, opts.workloads));
  }
  return { policies: policies.sort(byNamespaceAndName), warnings };
}

/**
 * One draft per target as the operator names it; two targets naming the same server the same
 * way share a policy (the operator would write both under one name, the later one winning).
 */
function draftFor(drafts: Map<string, PolicyDraft>, rule: DeclaredRule): PolicyDraft {
  const server = targetIdentity(rule);
  const key = [policyName(rule.client, server), server.namespace].join('\u0000');
  let draft = drafts.get(key);
  if (!draft) {
    draft = {
      client: rule.client,
      server,
      anyOperation: false,
      methodsByPath: new Map(),
      sources: new Map(),
    };
    drafts.set(key, draft);
  }
  return draft;
}

/** The pods the policy selects, or a warning when the operator would write no policy. */
function selectorOf(
  draft: PolicyDraft,
  workloads: WorkloadLookup | undefined,
): Record<string, string> | string {
  const { server, sources } = draft;
  if (server.kind !== 'Service') return workloadSelector(server);
  const where = [...sources].map(([file, lines]) => `${file}:${lines[0]}`)[0];
  const service = workloads?.serviceOf(server.namespace, server.name);
  if (!service) {
    return (
      `${where}: no policy for Service ${server.namespace}/${server.name}: its manifest is not among --workloads, ` +
      'so its selector is unknown (the operator writes none while the Service does not exist)'
    );
  }
  if (!service.selector) {
    return `${where}: no policy for Service ${server.namespace}/${server.name}: it has no selector (the operator writes none)`;
  }
  return service.selector;
}

function policyOf(
  draft: PolicyDraft,
  selector: Record<string, string>,
  workloads: WorkloadLookup | undefined,
): AuthorizationPolicyManifest {
  const { client, server } = draft;
  const from = [...draft.sources].map(([file, lines]) => `${file}:${lines.join(',')}`);
  const notes = [`from ${from.join(' ')}`];
  let serviceAccount = workloads?.serviceAccountOf(client.namespace, client.name);
  if (!serviceAccount) {
    serviceAccount = client.name;
    notes.push(`service account of ${client.namespace}/${client.name} unknown: assumed ${client.name}`);
  }
  const rule: Record<string, unknown> = {
    from: [{ source: { principals: [`cluster.local/ns/${client.namespace}/sa/${serviceAccount}`] } }],
  };
  if (!draft.anyOperation) {
    rule.to = [...draft.methodsByPath].map(([path, methods]) => ({
      operation: methods === null ? { paths: [path] } : { paths: [path], methods },
    }));
  }
  const manifest = {
    apiVersion: POLICY_API_VERSION,
    kind: 'AuthorizationPolicy',
    metadata: {
      name: policyName(client, server),
      namespace: server.namespace,
      labels: {
        [SERVICE_LABEL]: formattedIdentityWithKind(server),
        [ISTIO_CLIENT_LABEL]: formattedIdentityWithKind(client),
      },
    },
    spec: { selector: { matchLabels: selector }, action: 'ALLOW', rules: [rule] },
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
