// What the `workloads` manifests ask the cluster for, read before any tool runs: the Namespace
// documents (applied first, whatever file they sit in), the other Kubernetes objects of each
// file, the rollouts to wait for, and the namespaces that need sidecar injection. Only workload
// documents go to the cluster: never a file of the `intents` paths, never an Otterize resource
// (a fresh cluster has no Otterize CRDs, and enforcing intents would block the calls being
// recorded), never a kustomization (kubectl apply -f does not run kustomize), never what changes
// what Istio records or enforces (Telemetry, AuthorizationPolicy, EnvoyFilter, Sidecar, anything
// in the root namespace istio-system: a pull request's Telemetry applied after the action's own
// would drop request_path and turn a drift into OK), never a cluster-scoped object but a
// Namespace (a ClusterRoleBinding to cluster-admin, a webhook, a CRD: on an existing cluster they
// would outlive the run), also when they sit in a `kind: List`. Each is named in a warning.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CST, Document, isSeq, parseDocument } from 'yaml';
import { InputError } from '../errors.ts';
import { isDnsLabel } from '../kubernetes-names.ts';
import { readRegularFileBytes } from '../regular-file.ts';
import { collectYamlFiles } from '../yaml/collect-files.ts';
import { yamlTextOf } from '../yaml/kubectl-text.ts';
import { parseYamlDocuments, tokenizeYaml } from '../yaml/read-yaml.ts';
import { child } from '../yaml/yaml-fields.ts';
import { MAX_YAML_BYTES, type YamlMap, type YamlNode } from '../yaml/yaml-tree.ts';

/** Kinds that make pods; their namespaces are the ones that need sidecars. */
const POD_MAKERS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicaSet', 'Pod']);
/** Kinds `kubectl rollout status` waits for. */
const ROLLOUT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
const INJECTION_LABELS = ['istio-injection', 'istio.io/rev'];
/** API groups whose documents are never applied, and why. */
const NOT_APPLIED_GROUPS: Record<string, string> = {
  'k8s.otterize.com': 'intents are what the check reads, and enforcing them would block the calls it records',
  'kustomize.config.k8s.io': 'kubectl apply -f does not run kustomize',
};
const KUSTOMIZATION_FILE = /^(kustomization\.ya?ml|Kustomization)$/;
/** The Istio root namespace of the clusters the action installs Istio on, and Istio's default. */
const ISTIO_ROOT_NAMESPACE = 'istio-system';
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

export interface ManifestFile {
  /** As the user named it, for messages. */
  file: string;
  text: string;
}

export interface ManifestDocument {
  file: string;
  line: number;
  kind: string;
  /** The document's own text, as written. */
  text: string;
}

export interface WorkloadPlan {
  /** Namespace documents, applied before anything else. */
  namespaces: ManifestDocument[];
  /** Every other object to apply, file by file in the order given. */
  files: { file: string; documents: ManifestDocument[] }[];
  /** What was left out and why, for the log; `warn` when the user should look. */
  skipped: { note: string; warn: boolean }[];
  /** Namespaces holding pod-making workloads, sorted. */
  workloadNamespaces: string[];
  /** Of those, the ones the manifests leave without an injection label. */
  unlabelledNamespaces: string[];
  rollouts: { kind: string; name: string; namespace: string }[];
}

/** A string, or the text written for a value kubectl reads as another type (its own apply refuses it). */
function text(node: YamlNode | undefined): string | undefined {
  if (node?.type !== 'scalar') return undefined;
  return typeof node.value === 'string' ? node.value : node.written;
}

function map(node: YamlNode | undefined): YamlMap | undefined {
  return node?.type === 'map' ? node : undefined;
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
}

/** Why an object is not applied (and whether to warn); undefined: it is applied. */
function whyNotApplied(
  root: YamlMap,
  apiVersion: string,
  kind: string,
): { why: string; warn: boolean } | undefined {
  const group = groupOf(apiVersion);
  const fixed = NOT_APPLIED_GROUPS[group];
  if (fixed !== undefined) return { why: fixed, warn: group !== 'k8s.otterize.com' };
  const istio = group === 'istio.io' || group.endsWith('.istio.io');
  if (istio && (group !== 'networking.istio.io' || MESH_NETWORKING_KINDS.has(kind))) {
    return { why: MESH_REASON, warn: true };
  }
  const { namespace, name } = identity(root);
  if (namespace === ISTIO_ROOT_NAMESPACE || (kind === 'Namespace' && name === ISTIO_ROOT_NAMESPACE)) {
    return { why: `${ISTIO_ROOT_NAMESPACE} is the mesh's root namespace: ${MESH_REASON}`, warn: true };
  }
  if (CLUSTER_SCOPED_KINDS.has(kind) || /^Cluster[A-Z]/.test(kind)) {
    return {
      why: 'a cluster-scoped object is not a workload, and would outlive the run on an existing cluster',
      warn: true,
    };
  }
  return undefined;
}

function identity(node: YamlMap): { namespace: string | undefined; name: string | undefined } {
  const metadata = map(child(node, 'metadata'));
  return {
    namespace: text(metadata && child(metadata, 'namespace')),
    name: text(metadata && child(metadata, 'name')),
  };
}

class PlanBuilder {
  readonly plan: WorkloadPlan = {
    namespaces: [],
    files: [],
    skipped: [],
    workloadNamespaces: [],
    unlabelledNamespaces: [],
    rollouts: [],
  };
  private readonly labelled = new Set<string>();
  private readonly workloadNamespaces = new Set<string>();

  addFile(manifest: ManifestFile): void {
    const { tokens } = tokenizeYaml(manifest.text, manifest.file);
    const sources = tokens.filter((t) => t.type === 'document').map((t) => CST.stringify(t));
    const documents = parseYamlDocuments(manifest.text, manifest.file);
    if (sources.length !== documents.length) {
      throw new InputError('could not split the file into its YAML documents', { file: manifest.file });
    }
    const kept: ManifestDocument[] = [];
    documents.forEach(({ root, line }, i) => {
      if (root === null) return;
      const split = this.listItems(manifest.file, root, sources[i]!);
      const docs = split ?? [this.classify(manifest.file, line, root, sources[i]!)];
      for (const doc of docs) {
        if (doc === undefined) continue;
        if (doc.kind === 'Namespace') this.plan.namespaces.push(doc);
        else kept.push(doc);
      }
    });
    if (kept.length > 0) this.plan.files.push({ file: manifest.file, documents: kept });
  }

  /**
   * A `kind: List` holding a Namespace or an object that is never applied (a ClientIntents List,
   * as intents may be written) is taken apart into its items, each then kept or left out like a
   * document of its own; other Lists stay whole, as written. Undefined: not such a List.
   */
  private listItems(
    file: string,
    root: YamlNode,
    source: string,
  ): (ManifestDocument | undefined)[] | undefined {
    const node = map(root);
    const items = node && text(child(node, 'kind')) === 'List' ? child(node, 'items') : undefined;
    if (items?.type !== 'seq') return undefined;
    const special = (item: YamlNode) => {
      const m = map(item);
      const apiVersion = text(m && child(m, 'apiVersion'));
      const kind = text(m && child(m, 'kind'));
      return (
        kind === 'Namespace' ||
        (m !== undefined &&
          apiVersion !== undefined &&
          kind !== undefined &&
          whyNotApplied(m, apiVersion, kind) !== undefined)
      );
    };
    if (!items.items.some(special)) return undefined;
    const document = parseDocument(source);
    const parsed = document.get('items', true);
    if (!isSeq(parsed) || parsed.items.length !== items.items.length) {
      throw new InputError('could not split the List into its items', { file, line: root.line });
    }
    return items.items.map((item, i) => {
      const itemNode = parsed.items[i];
      let itemText: string;
      try {
        itemText = new Document(itemNode).toString();
      } catch {
        // An alias to an anchor in another item: written out with its value instead.
        itemText = new Document((itemNode as { toJS(doc: Document): unknown }).toJS(document)).toString();
      }
      return this.classify(file, item.line, item, itemText);
    });
  }

  private classify(file: string, line: number, root: YamlNode, source: string): ManifestDocument | undefined {
    const node = map(root);
    const apiVersion = text(node && child(node, 'apiVersion'));
    const kind = text(node && child(node, 'kind'));
    if (node === undefined || apiVersion === undefined || kind === undefined) {
      const kustomize = KUSTOMIZATION_FILE.test(path.posix.basename(file));
      this.plan.skipped.push({
        note:
          `${file}:${line}: not a Kubernetes object (no apiVersion and kind), not applied` +
          (kustomize
            ? `: ${NOT_APPLIED_GROUPS['kustomize.config.k8s.io']}; list the output of kustomize build instead`
            : ''),
        warn: kustomize,
      });
      return undefined;
    }
    const left = whyNotApplied(node, apiVersion, kind);
    if (left !== undefined) {
      const { namespace, name } = identity(node);
      const named = name === undefined ? '' : ` ${namespace === undefined ? '' : `${namespace}/`}${name}`;
      this.plan.skipped.push({
        note: `${file}:${line}: ${kind}${named} (${groupOf(apiVersion) || 'core'}) not applied: ${left.why}`,
        warn: left.warn,
      });
      return undefined;
    }
    this.visit(file, node);
    return { file, line, kind, text: source };
  }

  /** Namespaces and rollouts of one object, or of each item of a List. */
  private visit(file: string, node: YamlMap): void {
    const kind = text(child(node, 'kind'));
    if (kind === 'List') {
      const items = child(node, 'items');
      if (items?.type === 'seq')
        for (const item of items.items) if (item.type === 'map') this.visit(file, item);
      return;
    }
    const metadata = map(child(node, 'metadata'));
    const name = text(metadata && child(metadata, 'name'));
    if (kind === undefined || name === undefined) return;
    if (kind === 'Namespace') {
      checkNamespace(name, file, node.line);
      const labels = map(metadata && child(metadata, 'labels'));
      if (labels !== undefined && INJECTION_LABELS.some((l) => labels.entries.has(l)))
        this.labelled.add(name);
      return;
    }
    if (!POD_MAKERS.has(kind)) return;
    const namespace = text(metadata && child(metadata, 'namespace')) ?? 'default';
    checkNamespace(namespace, file, node.line);
    this.workloadNamespaces.add(namespace);
    if (ROLLOUT_KINDS.has(kind)) this.plan.rollouts.push({ kind, name, namespace });
  }

  build(): WorkloadPlan {
    this.plan.workloadNamespaces = [...this.workloadNamespaces].sort();
    this.plan.unlabelledNamespaces = this.plan.workloadNamespaces.filter((ns) => !this.labelled.has(ns));
    return this.plan;
  }
}

function checkNamespace(namespace: string, file: string, line: number): void {
  // A namespace name (RFC 1123 label), checked where it enters: it reaches kubectl and generated YAML.
  if (!isDnsLabel(namespace)) {
    throw new InputError(`'${namespace}' is not a namespace name (lower-case letters, digits and -)`, {
      file,
      line,
    });
  }
}

/** What to apply, label and wait for, from the manifests' text. Pure. */
export function planWorkloads(
  manifests: readonly ManifestFile[],
  excluded: readonly string[] = [],
): WorkloadPlan {
  const builder = new PlanBuilder();
  for (const file of excluded)
    builder.plan.skipped.push({ note: `${file}: an intents path, not applied`, warn: false });
  for (const manifest of manifests) builder.addFile(manifest);
  return builder.build();
}

/**
 * Expands the `workloads` paths (files, folders, globs) and reads them, leaving out the files of
 * the `intents` paths (returned apart, for the log).
 */
export async function readManifests(
  paths: readonly string[],
  cwd: string,
  intents: readonly string[] = [],
): Promise<{ manifests: ManifestFile[]; excluded: string[] }> {
  const found = await collectYamlFiles([...paths], cwd);
  const intentsFiles =
    intents.length === 0
      ? new Set<string>()
      : new Set((await collectYamlFiles([...intents], cwd)).map((f) => f.absolute));
  const manifests: ManifestFile[] = [];
  const excluded: string[] = [];
  for (const f of found) {
    if (intentsFiles.has(f.absolute)) {
      excluded.push(f.file);
      continue;
    }
    const info = await stat(f.absolute);
    if (info.size > MAX_YAML_BYTES) throw new InputError('file too large for a manifest', { file: f.file });
    manifests.push({
      file: f.file,
      // Decoded as kubectl decodes what it applies (UTF-16 by its byte order mark).
      text: yamlTextOf(await readRegularFileBytes(f.absolute, { file: f.file, maxBytes: MAX_YAML_BYTES })),
    });
  }
  return { manifests, excluded };
}
