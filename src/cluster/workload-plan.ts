// What the `workloads` manifests ask the cluster for, read before any tool runs: the Namespace
// documents (applied first, whatever file they sit in), the other Kubernetes objects of each
// file, the rollouts to wait for, and the namespaces that need sidecar injection. Only workload
// documents go to the cluster: never a file of the `intents` paths, never an Otterize resource
// (a fresh cluster has no Otterize CRDs, and enforcing intents would block the calls being
// recorded), never a kustomization (kubectl apply -f does not run kustomize), never what changes
// what Istio records or enforces (Telemetry, AuthorizationPolicy, EnvoyFilter, Sidecar, anything
// in the mesh's namespaces: istio-system, and on an existing cluster its root namespace and
// istiod's; a pull request's Telemetry applied after the action's own would drop request_path
// and turn a drift into OK), never a cluster-scoped object but a
// Namespace (a ClusterRoleBinding to cluster-admin, a webhook, a CRD: on an existing cluster they
// would outlive the run), also when they sit in a list (any object with `items`, as kubectl reads
// it). Each is named in a warning.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CST, Document, isMap, isSeq, parseDocument } from 'yaml';
import { InputError } from '../errors.ts';
import { isDnsLabel } from '../kubernetes-names.ts';
import { readRegularFileBytes } from '../regular-file.ts';
import { collectYamlFiles } from '../yaml/collect-files.ts';
import {
  appliedObjects,
  isKubectlList,
  itemType,
  type ObjectType,
  objectType,
} from '../yaml/kubectl-list.ts';
import { yamlTextOf } from '../yaml/kubectl-text.ts';
import { parseYamlDocuments, tokenizeYaml } from '../yaml/read-yaml.ts';
import { child } from '../yaml/yaml-fields.ts';
import { MAX_YAML_BYTES, type YamlMap, type YamlNode } from '../yaml/yaml-tree.ts';
import {
  DEFAULT_MESH_NAMESPACES,
  groupOf,
  identity,
  type MeshNamespaces,
  map,
  NOT_APPLIED_GROUPS,
  text,
  whyNotApplied,
} from './not-applied.ts';

/** Kinds that make pods; their namespaces are the ones that need sidecars. */
const POD_MAKERS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicaSet', 'Pod']);
/** Kinds `kubectl rollout status` waits for. */
const ROLLOUT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
const INJECTION_LABELS = ['istio-injection', 'istio.io/rev'];
const KUSTOMIZATION_FILE = /^(kustomization\.ya?ml|Kustomization)$/;

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

  private readonly mesh: MeshNamespaces;

  constructor(mesh: MeshNamespaces) {
    this.mesh = mesh;
  }

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
   * A list (any object with `items`, as kubectl reads it: yaml/kubectl-list.ts) holding a
   * Namespace or an object that is never applied (a ClientIntents List, as intents may be
   * written) is taken apart into its items, each then kept or left out like a document of its
   * own, an item that names no type given its list's; other lists stay whole, as written.
   * Undefined: not such a list.
   */
  private listItems(
    file: string,
    root: YamlNode,
    source: string,
  ): (ManifestDocument | undefined)[] | undefined {
    const node = map(root);
    const items = node && isKubectlList(node) ? child(node, 'items') : undefined;
    if (node === undefined || items?.type !== 'seq') return undefined;
    const given = itemType(node);
    const special = (item: YamlNode) => {
      if (item.type !== 'map') return false;
      const { apiVersion, kind } = objectType(item, given);
      return (
        kind === 'Namespace' ||
        (apiVersion !== '' && kind !== '' && whyNotApplied(item, apiVersion, kind, this.mesh) !== undefined)
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
      const type = item.type === 'map' ? objectType(item, given) : undefined;
      // Applied on its own, an item that names no type must carry the one its list gave it.
      if (type === given && isMap(itemNode)) {
        itemNode.set('apiVersion', given.apiVersion);
        itemNode.set('kind', given.kind);
      }
      let itemText: string;
      try {
        itemText = new Document(itemNode).toString();
      } catch {
        // An alias to an anchor in another item: written out with its value instead.
        itemText = new Document((itemNode as { toJS(doc: Document): unknown }).toJS(document)).toString();
      }
      return this.classify(file, item.line, item, itemText, type);
    });
  }

  /** `type`: the item's type as kubectl reads it, for an item of a list taken apart. */
  private classify(
    file: string,
    line: number,
    root: YamlNode,
    source: string,
    type?: ObjectType,
  ): ManifestDocument | undefined {
    const node = map(root);
    const apiVersion = type ? type.apiVersion || undefined : text(node && child(node, 'apiVersion'));
    const kind = type ? type.kind || undefined : text(node && child(node, 'kind'));
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
    const left = whyNotApplied(node, apiVersion, kind, this.mesh);
    if (left !== undefined) {
      const { namespace, name } = identity(node);
      const named = name === undefined ? '' : ` ${namespace === undefined ? '' : `${namespace}/`}${name}`;
      this.plan.skipped.push({
        note: `${file}:${line}: ${kind}${named} (${groupOf(apiVersion) || 'core'}) not applied: ${left.why}`,
        warn: left.warn,
      });
      return undefined;
    }
    this.visit(file, node, type === undefined ? undefined : kind);
    return { file, line, kind, text: source };
  }

  /** Namespaces and rollouts of one object (of kind `given`, for a list's item), or of each item of a list. */
  private visit(file: string, node: YamlMap, given?: string): void {
    if (given === undefined && isKubectlList(node)) {
      for (const item of appliedObjects(node)) this.visit(file, item.node, item.type.kind);
      return;
    }
    const kind = given ?? text(child(node, 'kind'));
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

/**
 * What to apply, label and wait for, from the manifests' text; nothing in the `mesh` namespaces
 * (istio-system unless the cluster named others). Pure.
 */
export function planWorkloads(
  manifests: readonly ManifestFile[],
  excluded: readonly string[] = [],
  mesh: MeshNamespaces = DEFAULT_MESH_NAMESPACES,
): WorkloadPlan {
  const builder = new PlanBuilder(mesh);
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
