// Where the editor finds each client's ClientIntents in the parsed intents files: a whole
// document, or an item of a `kind: List` document. Used by edit-intents.ts.
import { type Document, isAlias, isMap, isNode, isSeq, visit, type YAMLMap } from 'yaml';
import type { DeclaredIntents, WorkloadRef } from '../model.ts';

/** A ClientIntents in a parsed file: its document's index, its own node, its namespace. */
interface ClientIntentsNode {
  index: number;
  node: YAMLMap;
  namespace: unknown;
}

/** An intents file as the editor holds it: its text, its documents, those it changed. */
export interface ParsedFile {
  text: string;
  docs: Document.Parsed[];
  /** Indexes of the documents changed. */
  changed: Set<number>;
  /** The ClientIntents nodes changed (a List's items among them). */
  changedNodes: Set<YAMLMap>;
}

/**
 * Where each client's ClientIntents are: its declared documents (built once, not searched per
 * call) and, in each parsed file, the first document that describes it (indexed once per file).
 * A document without metadata.namespace describes the client in any namespace, as before.
 */
export class ClientHomes {
  private readonly byClient = new Map<string, DeclaredIntents['documents']>();
  private readonly inFile = new Map<ParsedFile, Map<string, ClientIntentsNode[]>>();
  private readonly open: (file: string) => ParsedFile | undefined;

  constructor(declared: DeclaredIntents, open: (file: string) => ParsedFile | undefined) {
    this.open = open;
    for (const d of declared.documents) {
      const key = clientKey(d.client);
      const list = this.byClient.get(key);
      if (list) list.push(d);
      else this.byClient.set(key, [d]);
    }
  }

  /** The JSON file that declares the client, if one does (JSON intents are not edited). */
  jsonFile(client: WorkloadRef): string | undefined {
    return this.byClient.get(clientKey(client))?.find((d) => isJsonFile(d.file))?.file;
  }

  /** Where the client's first ClientIntents was read (`file:line`), if it has any. */
  declaredAt(client: WorkloadRef): string | undefined {
    const first = this.byClient.get(clientKey(client))?.[0];
    return first && `${first.file}:${first.line}`;
  }

  find(
    client: WorkloadRef,
    preferFile?: string,
  ): { file: string; index: number; doc: Document.Parsed; node: YAMLMap } | undefined {
    const candidates = [...(this.byClient.get(clientKey(client)) ?? [])];
    candidates.sort((a, b) => Number(b.file === preferFile) - Number(a.file === preferFile));
    for (const candidate of candidates) {
      const entry = this.open(candidate.file);
      if (entry === undefined) continue;
      const found = this.documentsOf(entry)
        .get(client.name)
        ?.find((d) => d.namespace === undefined || d.namespace === client.namespace);
      if (found !== undefined)
        return { file: candidate.file, index: found.index, doc: entry.docs[found.index]!, node: found.node };
    }
    return undefined;
  }

  /**
   * A parsed file's ClientIntents by client name, in document order: whole documents, and the
   * items of a `kind: List` document (as `kubectl get -o yaml` writes several objects).
   */
  private documentsOf(entry: ParsedFile): Map<string, ClientIntentsNode[]> {
    let index = this.inFile.get(entry);
    if (index === undefined) {
      const found = new Map<string, ClientIntentsNode[]>();
      const add = (node: unknown, i: number) => {
        if (!isMap(node) || node.get('kind') !== 'ClientIntents') return;
        const name = node.getIn(['spec', 'workload', 'name']) ?? node.getIn(['spec', 'service', 'name']);
        if (typeof name !== 'string') return;
        const list = found.get(name) ?? [];
        list.push({ index: i, node, namespace: node.getIn(['metadata', 'namespace']) });
        found.set(name, list);
      };
      entry.docs.forEach((doc, i) => {
        const root = doc.contents;
        if (isMap(root) && (root as YAMLMap<unknown, unknown>).get('kind') === 'List') {
          const items = root.get('items', true);
          if (isSeq(items)) for (const item of items.items) add(item, i);
        } else add(root, i);
      });
      index = found;
      this.inFile.set(entry, index);
    }
    return index;
  }
}

/**
 * Whether a ClientIntents node holds a YAML anchor or alias. An edit through one changes every
 * place that shares the node: adding POST to `methods: &read [GET]` would grant it to each rule
 * written `methods: *read`, another client's included, while the patch shows one line. Such
 * intents are left to a human.
 */
export function sharesNodes(node: YAMLMap): boolean {
  let shared = false;
  visit(node, (_key, n) => {
    if (isAlias(n) || (isNode(n) && n.anchor !== undefined)) {
      shared = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return shared;
}

/** What the editor says of a client whose ClientIntents share nodes (sharesNodes). */
export function sharedNote(client: string, file: string): string {
  return `${client}: its ClientIntents (${file}) use YAML anchors or aliases, so an edit there could change other rules too; edit them by hand`;
}

/**
 * JSON intents (an export kept as JSON) are read but never edited: the edits keep YAML's
 * comments and layout, which JSON has not; a YAML document added beside them would duplicate
 * the client. The file of such a client's JSON document, if any.
 */
export function isJsonFile(file: string): boolean {
  return /\.json$/i.test(file);
}

/** How the editor tells clients apart (patchWithinRoom groups by the same key). */
export function clientKey(client: WorkloadRef): string {
  return `${client.namespace}/${client.name}`;
}
