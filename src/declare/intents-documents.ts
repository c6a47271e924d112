// The objects one parsed document holds. A YAML document holds one object (or a list, unwrapped
// by the caller as kubectl unwraps it: yaml/kubectl-list.ts); Otterize's `network-mapper export --format json` and intent-drift's
// own JSON export write a top-level array of ClientIntents, read here as its items.
import type { YamlDocument, YamlNode } from '../yaml/yaml-tree.ts';

export function documentObjects(doc: YamlDocument): YamlNode[] {
  if (doc.root === null) return [];
  return doc.root.type === 'seq' ? doc.root.items : [doc.root];
}
