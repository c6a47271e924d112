// Which objects kubectl applies as lists, and the type it gives their items. `kubectl apply`
// decodes each document with apimachinery's unstructured decoder: an object with an `items`
// key at all (`items: null` too) is a list, whatever its kind, and kubectl applies its items,
// never the object itself. An item that names neither kind nor apiVersion takes the list's kind
// without its `List` suffix and the list's apiVersion, so the items of a `ClientIntentsList`
// (as the API server lists them) are ClientIntents. An item whose own `items` is a list is a
// list inside a list, which kubectl refuses: it cannot take the items out of an object it did
// not decode as a list. (apimachinery pkg/apis/meta/v1/unstructured/helpers.go `decode` and
// `decodeToList`, pkg/api/meta/help.go `ExtractList`; cli-runtime pkg/resource/visitor.go
// `FlattenListVisitor`; client-go restmapper/discovery.go maps `<Kind>List` and `List` in every
// group version the server serves.)
import { stringAt } from './yaml-fields.ts';
import type { YamlMap, YamlNode } from './yaml-tree.ts';

/** An object's kind and apiVersion as kubectl reads them, with the lines they were written on. */
export interface ObjectType {
  kind: string;
  apiVersion: string;
  kindLine: number;
  apiVersionLine: number;
}

/** Whether kubectl reads a document's object as a list: it has an `items` key. */
export function isKubectlList(node: YamlMap): boolean {
  return node.entries.has('items');
}

/** Whether a list's item is a list in turn (its `items` is a list), which kubectl refuses. */
export function isListInList(item: YamlNode): boolean {
  return item.type === 'map' && item.entries.get('items')?.value.type === 'seq';
}

/**
 * The object's type: its own kind and apiVersion, or, when it names neither (absent, empty or
 * not a string, as Go's `GetKind` reads them), `inherited` (the type its list gives it).
 */
export function objectType(node: YamlMap, inherited?: ObjectType): ObjectType {
  const kind = stringAt(node, 'kind');
  const apiVersion = stringAt(node, 'apiVersion');
  if (inherited !== undefined && kind === '' && apiVersion === '') return inherited;
  return {
    kind,
    apiVersion,
    kindLine: node.entries.get('kind')?.keyLine ?? node.line,
    apiVersionLine: node.entries.get('apiVersion')?.keyLine ?? node.line,
  };
}

/** The type a document's list gives its items that name none: `ClientIntentsList` gives `ClientIntents`. */
export function itemType(list: YamlMap): ObjectType {
  const own = objectType(list);
  return { ...own, kind: own.kind.endsWith('List') ? own.kind.slice(0, -'List'.length) : own.kind };
}

/**
 * The objects kubectl applies from a document's object, each with its type: the object itself,
 * or a list's items. Items that are not objects and lists inside lists, which kubectl refuses,
 * are left out.
 */
export function appliedObjects(root: YamlNode | null): { node: YamlMap; type: ObjectType }[] {
  if (root?.type !== 'map') return [];
  if (!isKubectlList(root)) return [{ node: root, type: objectType(root) }];
  const items = root.entries.get('items')!.value;
  if (items.type !== 'seq') return [];
  const given = itemType(root);
  const out: { node: YamlMap; type: ObjectType }[] = [];
  for (const item of items.items) {
    if (item.type === 'map' && !isListInList(item)) out.push({ node: item, type: objectType(item, given) });
  }
  return out;
}
