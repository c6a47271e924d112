// Reads Kubernetes workload manifests to learn what metrics do not carry: each workload's kind
// (written into exported intents), service account (for policy principals) and pod labels, and
// each Service's selector (what a policy for a Service target selects, as the operator does).
// Lenient on purpose: these files are context, not the thing being checked.
import { collectYamlFiles } from '../yaml/collect-files.ts';
import { appliedObjects, type ObjectType } from '../yaml/kubectl-list.ts';
import { readYamlFile } from '../yaml/read-yaml.ts';
import { child } from '../yaml/yaml-fields.ts';
import type { YamlDocument, YamlMap, YamlNode } from '../yaml/yaml-tree.ts';

export const WORKLOAD_KINDS: readonly string[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicaSet',
  'Pod',
];

export interface WorkloadInfo {
  name: string;
  namespace: string;
  kind: string;
  /** spec.serviceAccountName of its pods; Kubernetes' `default` when unset. */
  serviceAccount: string;
  /** Labels selecting its pods: spec.selector.matchLabels, else the pod template's labels. */
  labels: Record<string, string>;
  file: string;
  line: number;
}

/** A Service's spec.selector; null when it has none (it selects no pods by label). */
export interface ServiceInfo {
  name: string;
  namespace: string;
  selector: Record<string, string> | null;
}

export interface WorkloadLookup {
  workloads: WorkloadInfo[];
  services: ServiceInfo[];
  serviceOf(namespace: string, name: string): ServiceInfo | undefined;
  get(namespace: string, name: string): WorkloadInfo | undefined;
  kindOf(namespace: string, name: string): string | undefined;
  serviceAccountOf(namespace: string, name: string): string | undefined;
  labelsOf(namespace: string, name: string): Record<string, string> | undefined;
}

export interface WorkloadManifestOptions {
  /** Namespace of manifests without metadata.namespace (default `default`, as kubectl). */
  defaultNamespace?: string;
  cwd?: string;
}

export async function readWorkloadManifests(
  paths: string[],
  opts: WorkloadManifestOptions = {},
): Promise<WorkloadLookup> {
  const files = await collectYamlFiles(paths, opts.cwd ?? process.cwd());
  const workloads: WorkloadInfo[] = [];
  const services: ServiceInfo[] = [];
  for (const { absolute, file } of files) {
    const documents = readYamlFile(absolute, file);
    for (const w of workloadsFromDocuments(documents, file, opts.defaultNamespace ?? 'default'))
      workloads.push(w);
    for (const s of servicesFromDocuments(documents, opts.defaultNamespace ?? 'default')) services.push(s);
  }
  return createWorkloadLookup(workloads, services);
}

export function servicesFromDocuments(documents: YamlDocument[], defaultNamespace: string): ServiceInfo[] {
  const found: ServiceInfo[] = [];
  const visit = (node: YamlMap, { kind, apiVersion }: ObjectType): void => {
    if (kind !== 'Service' || apiVersion !== 'v1') return;
    const metadata = mapAt(node, ['metadata']);
    const name = text(metadata && child(metadata, 'name'));
    if (!name) return;
    const namespace = text(metadata && child(metadata, 'namespace')) || defaultNamespace;
    found.push({ name, namespace, selector: stringMap(mapAt(node, ['spec', 'selector'])) ?? null });
  };
  for (const doc of documents) for (const { node, type } of appliedObjects(doc.root)) visit(node, type);
  return found;
}

export function workloadsFromDocuments(
  documents: YamlDocument[],
  file: string,
  defaultNamespace: string,
): WorkloadInfo[] {
  const found: WorkloadInfo[] = [];
  const visit = (node: YamlMap, { kind }: ObjectType): void => {
    if (!WORKLOAD_KINDS.includes(kind)) return;
    const metadata = mapAt(node, ['metadata']);
    const name = text(metadata && child(metadata, 'name'));
    if (!name) return;
    const namespace = text(metadata && child(metadata, 'namespace')) || defaultNamespace;
    const podSpec = mapAt(node, podSpecPath(kind));
    const serviceAccount =
      text(podSpec && child(podSpec, 'serviceAccountName')) ||
      text(podSpec && child(podSpec, 'serviceAccount')) ||
      'default';
    const labels =
      stringMap(mapAt(node, ['spec', 'selector', 'matchLabels'])) ??
      stringMap(mapAt(node, podLabelsPath(kind))) ??
      {};
    found.push({ name, namespace, kind, serviceAccount, labels, file, line: node.line });
  };
  for (const doc of documents) for (const { node, type } of appliedObjects(doc.root)) visit(node, type);
  return found;
}

export function createWorkloadLookup(
  workloads: WorkloadInfo[],
  services: ServiceInfo[] = [],
): WorkloadLookup {
  const byKey = new Map(workloads.map((w) => [`${w.namespace}/${w.name}`, w]));
  const get = (namespace: string, name: string) => byKey.get(`${namespace}/${name}`);
  const servicesByKey = new Map(services.map((s) => [`${s.namespace}/${s.name}`, s]));
  return {
    workloads,
    services,
    serviceOf: (namespace, name) => servicesByKey.get(`${namespace}/${name}`),
    get,
    kindOf: (namespace, name) => get(namespace, name)?.kind,
    serviceAccountOf: (namespace, name) => get(namespace, name)?.serviceAccount,
    labelsOf: (namespace, name) => get(namespace, name)?.labels,
  };
}

function podTemplatePath(kind: string): string[] {
  if (kind === 'Pod') return [];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template'];
  return ['spec', 'template'];
}

function podSpecPath(kind: string): string[] {
  return [...podTemplatePath(kind), 'spec'];
}

function podLabelsPath(kind: string): string[] {
  return [...podTemplatePath(kind), 'metadata', 'labels'];
}

function mapAt(node: YamlMap, path: string[]): YamlMap | undefined {
  let current: YamlNode | undefined = node;
  for (const key of path) {
    if (current?.type !== 'map') return undefined;
    current = child(current, key);
  }
  return current?.type === 'map' ? current : undefined;
}

/**
 * A scalar as text. Manifests are read for names and labels only, leniently: a value kubectl
 * would read as another type (`app: on`, a boolean to go-yaml v2) keeps the text written, and
 * kubectl itself refuses to apply it.
 */
function text(node: YamlNode | undefined): string | undefined {
  if (node?.type !== 'scalar' || node.value === null) return undefined;
  return node.written ?? String(node.value);
}

function stringMap(map: YamlMap | undefined): Record<string, string> | undefined {
  if (!map || map.entries.size === 0) return undefined;
  const result: Record<string, string> = {};
  for (const [key, entry] of map.entries) {
    const value = text(entry.value);
    if (value !== undefined) result[key] = value;
  }
  return result;
}
