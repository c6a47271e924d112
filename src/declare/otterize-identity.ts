// How Otterize's intents-operator names a workload in the objects it writes: the policy-name part
// (`nginx-deployment`) and the hashed label value (`nginx-shop-deplo-1a2b3c`) that fits
// Kubernetes' 63-character limit. Facts from otterize/intents-operator at df11253:
// src/shared/serviceidresolver/serviceidentity/serviceidentity.go (GetNameWithKind,
// GetRFC1123NameWithKind, getFormattedOtterizeIdentity[WithKind]) and
// src/operator/api/v2alpha1/clientintents_types.go (the label keys).
import { createHash } from 'node:crypto';
import type { DeclaredRule, WorkloadRef } from '../model.ts';

/** On the server's pods (set by the operator) and on each policy: the server's identity. */
export const SERVICE_LABEL = 'intents.otterize.com/service';
/** On the server's pods, for targets that name a kind: the owner's kind. */
export const OWNER_KIND_LABEL = 'intents.otterize.com/owner-kind';
/** On each policy: the client's identity, by which the operator finds its policies again. */
export const ISTIO_CLIENT_LABEL = 'intents.otterize.com/istio-client-with-kind';

/** A workload as the operator identifies it; no kind (or the legacy marker) means "any kind". */
export interface OtterizeIdentity {
  name: string;
  namespace: string;
  kind?: string;
}

const LEGACY_KIND = 'OttrLegacy';

function hasKind(kind: string | undefined): kind is string {
  return kind !== undefined && kind !== '' && kind !== LEGACY_KIND;
}

/** `nginx`, or `nginx-deployment` with a kind; `_` becomes `.` (GetRFC1123NameWithKind). */
export function nameWithKind({ name, kind }: OtterizeIdentity): string {
  const withKind = hasKind(kind) ? `${name}-${kind.toLowerCase()}` : name;
  return withKind.replaceAll('_', '.');
}

function md5Prefix(text: string): string {
  return createHash('md5').update(text).digest('hex').slice(0, 6);
}

/** `name-namespace-hash`: name and namespace cut to 20 characters, md5 of the whole. */
export function formattedIdentity({ name, namespace }: OtterizeIdentity): string {
  return `${name.slice(0, 20)}-${namespace.slice(0, 20)}-${md5Prefix(`${name}-${namespace}`)}`;
}

/** With a kind: `name-namespace-kind-hash` (19, 19 and 5 characters); without, as above. */
export function formattedIdentityWithKind(identity: OtterizeIdentity): string {
  const { name, namespace, kind } = identity;
  if (!hasKind(kind)) return formattedIdentity(identity);
  const hash = md5Prefix(`${name}-${namespace}-${kind}`);
  return `${name.slice(0, 19)}-${namespace.slice(0, 19)}-${kind.slice(0, 5).toLowerCase()}-${hash}`;
}

/**
 * The pod selector of a policy for a workload target (ServiceIdentityToLabelsForWorkloadSelection):
 * the operator's own pod labels. Service targets select the Service's spec.selector instead.
 */
export function workloadSelector(server: OtterizeIdentity): Record<string, string> {
  if (!hasKind(server.kind)) return { [SERVICE_LABEL]: formattedIdentity(server) };
  return { [OWNER_KIND_LABEL]: server.kind, [SERVICE_LABEL]: formattedIdentity(server) };
}

/**
 * The server a kubernetes or service target names, as the operator identifies it
 * (Target.ToServiceIdentity, GetTargetServerKind): a service target's kind is Service.
 */
export function targetIdentity(rule: Pick<DeclaredRule, 'server' | 'targetType'>): OtterizeIdentity {
  const { name, namespace, kind } = rule.server;
  if (rule.targetType === 'service') return { name, namespace, kind: 'Service' };
  return kind ? { name, namespace, kind } : { name, namespace };
}

/**
 * The name of the operator's AuthorizationPolicy for a client and a target's server
 * (policy_manager.go getPolicyName); it is written in the server's namespace.
 */
export function policyName(client: WorkloadRef, server: OtterizeIdentity): string {
  return `authorization-policy-to-${nameWithKind(server)}-from-${nameWithKind(client)}.${client.namespace}`;
}
