// Turns the documents of one YAML file into ClientIntents rules: picks out the ClientIntents
// (also the items of lists, as kubectl reads them), checks metadata, and hands the spec to the parser of its version.
import type { DeclaredRule, WorkloadRef } from '../model.ts';
import { isKubectlList, isListInList, itemType, type ObjectType, objectType } from '../yaml/kubectl-list.ts';
import { fail, optionalString, requiredMap, requiredString } from '../yaml/yaml-fields.ts';
import type { YamlDocument, YamlMap, YamlNode, YamlScalar } from '../yaml/yaml-tree.ts';
import { checkAgainstCrd } from './crd-schema-check.ts';
import { documentObjects } from './intents-documents.ts';
import { rejectNearMissIntents } from './intents-near-miss.ts';
import { missingNamespaceMessage } from './namespace-defaults.ts';
import { checkObjectMeta } from './object-meta.ts';
import { parseV1Spec } from './parse-v1.ts';
import { parseV2Spec } from './parse-v2.ts';
import { refuseSharedPolicies } from './shared-policies.ts';
import { checkTargetRules } from './target-rules.ts';

export const INTENTS_GROUP = 'k8s.otterize.com';
export const INTENTS_VERSIONS: readonly string[] = ['v1alpha2', 'v1alpha3', 'v1beta1', 'v2alpha1', 'v2beta1'];

export interface ParsedClientIntents {
  client: WorkloadRef;
  apiVersion: string;
  /** metadata.name */
  name: string;
  line: number;
  /** The line of its `targets:` (v1 `calls:`) list. */
  targetsLine: number;
  rules: DeclaredRule[];
  warnings: string[];
  /** Set when the document holds a YAML anchor or alias (the editor leaves it alone). */
  shared?: true;
}

export interface ParseOptions {
  /** Namespace of a ClientIntents without metadata.namespace (like `kubectl apply -n`). */
  defaultNamespace?: string;
}

/**
 * The ClientIntents of one file's documents: inside lists too, as kubectl applies them (a `kind:
 * List`, a `ClientIntentsList` whose items name no kind; kubectl-list.ts), and top-level arrays.
 * `warn` hears of what kubectl would refuse but cannot hide a ClientIntents: a document or item
 * that is not an object (`3`, a stray line of text), a list whose `items` is not a list, a list
 * inside a list.
 */
export function parseClientIntentsDocuments(
  documents: YamlDocument[],
  file: string,
  opts: ParseOptions = {},
  warn: (message: string) => void = () => {},
): ParsedClientIntents[] {
  const found: ParsedClientIntents[] = [];
  // Per document, the values that are not objects: one warning names the first and the count.
  let strays: YamlNode[] = [];
  const visit = (node: YamlNode | null, top: boolean, inherited?: ObjectType): void => {
    if (node === null || (node.type === 'scalar' && node.value === null)) return;
    if (node.type !== 'map') {
      strays.push(node);
      return;
    }
    const type = objectType(node, inherited);
    if (top && isKubectlList(node)) {
      visitItems(node, type);
      return;
    }
    rejectNearMissIntents(node, file, type);
    if (type.kind !== 'ClientIntents' || !type.apiVersion.startsWith(`${INTENTS_GROUP}/`)) return;
    found.push(parseOne(node, file, type, opts));
  };
  // kubectl applies a list's items, not the list (kubectl-list.ts).
  const visitItems = (list: YamlMap, type: ObjectType): void => {
    const items = list.entries.get('items')!;
    if (type.kind === 'ClientIntents') {
      fail(
        file,
        items.keyLine,
        'items: kubectl reads an object with items as a list and applies its items, not the object, so this ClientIntents would never be applied; remove items',
      );
    }
    if (items.value.type !== 'seq') {
      if (!(items.value.type === 'scalar' && items.value.value === null))
        warn(`${file}:${items.value.line}: a list's items must be a list (kubectl refuses it); skipped`);
      return;
    }
    const given = itemType(list);
    for (const item of items.value.items) {
      if (isListInList(item))
        warn(`${file}:${item.line}: a list inside a list (kubectl refuses it); skipped`);
      else visit(item, false, given);
    }
  };
  for (const doc of documents) {
    const before = found.length;
    for (const node of documentObjects(doc)) visit(node, true);
    if (strays.length > 0) warn(strayWarning(file, strays));
    strays = [];
    if (doc.root?.type === 'seq' && found.length > before) warn(topLevelArrayWarning(file, doc.root.line));
  }
  return found;
}

/**
 * A top-level array of ClientIntents (what Otterize's `network-mapper export --format json` and
 * `intent-drift export --format json` write) is read item by item, but kubectl's decoder takes
 * an object, never an array: `kubectl apply -f` refuses the file, so its rules are not in force
 * until they are applied another way.
 */
function topLevelArrayWarning(file: string, line: number): string {
  return `${file}:${line}: ClientIntents in a top-level array (as network-mapper export --format json writes them) are read, but kubectl apply refuses such a file: apply them as YAML, or as a stream of objects (jq -c '.[]')`;
}

/** `file:line: ...` for the values of one document that are not objects (kubectl refuses them). */
function strayWarning(file: string, strays: readonly YamlNode[]): string {
  const first = strays[0]!;
  const what = first.type === 'seq' ? 'a list' : `a ${typeof (first as YamlScalar).value}`;
  const more = strays.length > 1 ? `, and ${strays.length - 1} more in this document` : '';
  return `${file}:${first.line}: ${what} where a Kubernetes object belongs (kubectl refuses it)${more}; skipped`;
}

function parseOne(root: YamlMap, file: string, type: ObjectType, opts: ParseOptions): ParsedClientIntents {
  const { apiVersion } = type;
  const version = apiVersion.slice(INTENTS_GROUP.length + 1);
  if (!INTENTS_VERSIONS.includes(version)) {
    fail(
      file,
      type.apiVersionLine,
      `apiVersion: unknown ClientIntents version "${apiVersion}" (known: ${INTENTS_VERSIONS.join(', ')})`,
    );
  }
  const metadata = requiredMap(file, root, 'metadata', 'metadata');
  const name = requiredString(file, metadata, 'name', 'metadata.name');
  const namespace =
    optionalString(file, metadata, 'namespace', 'metadata.namespace') || opts.defaultNamespace;
  if (!namespace)
    fail(file, root.entries.get('metadata')?.keyLine ?? metadata.line, missingNamespaceMessage());
  checkObjectMeta(file, metadata);
  checkAgainstCrd(file, root, version, 'fields');
  const spec = requiredMap(file, root, 'spec', 'spec');
  const parsed = version.startsWith('v2')
    ? { warnings: [], ...parseV2Spec(file, spec, namespace) }
    : parseV1Spec(file, spec, namespace, version);
  checkAgainstCrd(file, root, version, 'all');
  checkTargetRules(file, spec, version);
  refuseSharedPolicies(file, parsed.rules);
  return {
    client: parsed.client,
    apiVersion,
    name,
    line: root.line,
    targetsLine: parsed.targetsLine,
    rules: parsed.rules,
    warnings: parsed.warnings ?? [],
    ...(root.shared ? { shared: true as const } : {}),
  };
}
