// Every path given as intents must yield at least one ClientIntents. A path that names the
// workloads' manifests, a folder of something else, or a glob that matches the wrong files
// would otherwise declare nothing, and every observed call would be reported missing with no
// word why. Other kinds beside ClientIntents stay skipped: only a path with none at all fails.
import { InputError } from '../errors.ts';
import type { FoundFile } from '../yaml/collect-files.ts';
import { isKubectlList, isListInList, itemType, type ObjectType, objectType } from '../yaml/kubectl-list.ts';
import { readYamlFile } from '../yaml/read-yaml.ts';
import type { YamlNode } from '../yaml/yaml-tree.ts';

const KIND_NAME = /^[A-Za-z][A-Za-z0-9]{0,62}$/;
const SHOWN = 5;

/** Throws InputError naming the first given path none of whose files held a ClientIntents. */
export function requireIntentsInEveryPath(
  files: readonly FoundFile[],
  withIntents: ReadonlySet<string>,
): void {
  const byPath = new Map<string, FoundFile[]>();
  for (const found of files) {
    for (const given of found.given) {
      // Pushed, not copied: a folder of thousands of files would copy its list once per file.
      const list = byPath.get(given);
      if (list === undefined) byPath.set(given, [found]);
      else list.push(found);
    }
  }
  for (const [given, found] of byPath) {
    if (found.some((f) => withIntents.has(f.file))) continue;
    const what =
      found.length === 1 && found[0]!.file === given
        ? ''
        : ` (${found.length} YAML file${found.length === 1 ? '' : 's'})`;
    throw new InputError(`no ClientIntents here${what}; found ${kindsFound(found)}`, { file: given });
  }
}

/** `Deployment (2), Service`, read again: this runs only on the way to an error. */
function kindsFound(files: readonly FoundFile[]): string {
  const counts = new Map<string, number>();
  let documents = 0;
  const visit = (node: YamlNode | null, top: boolean, inherited?: ObjectType): void => {
    // A JSON array of objects, as `network-mapper export --format json` writes it (documentObjects).
    if (top && node?.type === 'seq') {
      for (const item of node.items) visit(item, true);
      return;
    }
    if (node?.type !== 'map') return;
    const items = node.entries.get('items')?.value;
    // A list is named by its items (kubectl-list.ts); an empty one by its own kind.
    if (top && isKubectlList(node) && items?.type === 'seq' && items.items.length > 0) {
      const given = itemType(node);
      for (const item of items.items) if (!isListInList(item)) visit(item, false, given);
      return;
    }
    const type = objectType(node, inherited);
    const kind = node.entries.get('kind')?.value;
    if (type !== inherited && kind?.type === 'scalar' && typeof kind.value !== 'string') {
      // `kind: on` is the boolean true to kubectl, which refuses the object: say what was written.
      const written =
        kind.written === undefined ? String(kind.value) : JSON.stringify(kind.written.slice(0, 40));
      const what = kind.value === null ? 'null' : typeof kind.value === 'boolean' ? 'a boolean' : 'a number';
      const shown = `kind ${written} (${what} to kubectl, not a name)`;
      counts.set(shown, (counts.get(shown) ?? 0) + 1);
      return;
    }
    const name = type.kind === '' ? '(no kind)' : type.kind;
    const shown = KIND_NAME.test(name) || name === '(no kind)' ? name : JSON.stringify(name.slice(0, 40));
    counts.set(shown, (counts.get(shown) ?? 0) + 1);
  };
  for (const { absolute, file } of files) {
    for (const doc of readYamlFile(absolute, file)) {
      if (doc.root !== null) documents++;
      visit(doc.root, true);
    }
  }
  if (documents === 0) return 'no YAML documents';
  if (counts.size === 0) return 'no Kubernetes objects';
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const listed = sorted.slice(0, SHOWN).map(([kind, n]) => (n === 1 ? kind : `${kind} (${n})`));
  const more = sorted.length - SHOWN;
  return `${listed.join(', ')}${more > 0 ? `, and ${more} more kinds` : ''}`;
}
