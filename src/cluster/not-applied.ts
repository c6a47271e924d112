// What of the workloads' manifests is never applied to the cluster, and why (workload-plan.ts):
// Otterize resources, kustomizations, what changes what Istio records or enforces, anything in
// the namespaces that hold Istio's own configuration, cluster-scoped objects but a Namespace.
import { child } from '../yaml/yaml-fields.ts';
import type { YamlMap, YamlNode } from '../yaml/yaml-tree.ts';

/** API groups whose documents are never applied, and why. */
export const NOT_APPLIED_GROUPS: Record<string, string> = {
  'k8s.otterize.com': 'intents are what the check reads, and enforcing them would block the calls it records',
  'kustomize.config.k8s.io': 'kubectl apply -f does not run kustomize',
};
/**
 * Namespaces holding Istio's own configuration, each with what it is (for the warning): what is
 * applied there can change the mesh for every workload (istiod reads its mesh ConfigMap `istio`
 * from its own namespace, mesh-wide policy sits in the root namespace).
 */
export type MeshNamespaces = ReadonlyMap<string, string>;

/** Istio's default namespace, where the action installs Istio: the root namespace too. */
const ISTIO_DEFAULT_NAMESPACE = 'istio-system';

/** The mesh's namespaces before the cluster is asked, and on the clusters the action installs Istio on. */
export const DEFAULT_MESH_NAMESPACES: MeshNamespaces = new Map([
  [ISTIO_DEFAULT_NAMESPACE, "the mesh's root namespace"],
]);

/**
 * The mesh's namespaces on a cluster whose Istio was found there: its root namespace
 * (meshConfig.rootNamespace), each istiod's namespace, and istio-system whatever they are.
 */
export function meshNamespacesOf(rootNamespace: string, istiodNamespaces: readonly string[]): MeshNamespaces {
  const found = new Map<string, string>([[rootNamespace, "the mesh's root namespace"]]);
  for (const namespace of istiodNamespaces)
    if (!found.has(namespace)) found.set(namespace, "istiod's namespace");
  if (!found.has(ISTIO_DEFAULT_NAMESPACE)) found.set(ISTIO_DEFAULT_NAMESPACE, "Istio's default namespace");
  return found;
}

/** The networking.istio.io kinds that change what a sidecar does with every call, not routing. */
const MESH_NETWORKING_KINDS = new Set(['EnvoyFilter', 'Sidecar']);
/**
 * Cluster-scoped kinds of Kubernetes and its common add-ons (any `Cluster*` kind too); a custom
 * kind not listed here is taken for a namespaced one. Namespace is applied: workloads need theirs.
 */
const CLUSTER_SCOPED_KINDS = new Set([
  'APIService',
  'CSIDriver',
  'CSINode',
  'CertificateSigningRequest',
  'ComponentStatus',
  'CustomResourceDefinition',
  'DeviceClass',
  'FlowSchema',
  'GatewayClass',
  'IPAddress',
  'IngressClass',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'MutatingWebhookConfiguration',
  'Node',
  'PersistentVolume',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'RuntimeClass',
  'ServiceCIDR',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);
const MESH_REASON = 'it would change what Istio records or enforces while the check reads it';

/** A string, or the text written for a value kubectl reads as another type (its own apply refuses it). */
export function text(node: YamlNode | undefined): string | undefined {
  if (node?.type !== 'scalar') return undefined;
  return typeof node.value === 'string' ? node.value : node.written;
}

export function map(node: YamlNode | undefined): YamlMap | undefined {
  return node?.type === 'map' ? node : undefined;
}

export function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
}

/** Why an object is not applied (and whether to warn); undefined: it is applied. */
export function whyNotApplied(
  root: YamlMap,
  apiVersion: string,
  kind: string,
  mesh: MeshNamespaces = DEFAULT_MESH_NAMESPACES,
): { why: string; warn: boolean } | undefined {
  const group = groupOf(apiVersion);
  const fixed = NOT_APPLIED_GROUPS[group];
  if (fixed !== undefined) return { why: fixed, warn: group !== 'k8s.otterize.com' };
  const istio = group === 'istio.io' || group.endsWith('.istio.io');
  if (istio && (group !== 'networking.istio.io' || MESH_NETWORKING_KINDS.has(kind))) {
    return { why: MESH_REASON, warn: true };
  }
  const { namespace, name } = identity(root);
  // An object in such a namespace, or the Namespace itself.
  for (const meshNamespace of kind === 'Namespace' ? [namespace, name] : [namespace]) {
    const role = meshNamespace === undefined ? undefined : mesh.get(meshNamespace);
    if (role !== undefined) return { why: `${meshNamespace} is ${role}: ${MESH_REASON}`, warn: true };
  }
  if (CLUSTER_SCOPED_KINDS.has(kind) || /^Cluster[A-Z]/.test(kind)) {
    return {
      why: 'a cluster-scoped object is not a workload, and would outlive the run on an existing cluster',
      warn: true,
    };
  }
  return undefined;
}

export function identity(node: YamlMap): { namespace: string | undefined; name: string | undefined } {
  const metadata = map(child(node, 'metadata'));
  return {
    namespace: text(metadata && child(metadata, 'namespace')),
    name: text(metadata && child(metadata, 'name')),
  };
}
