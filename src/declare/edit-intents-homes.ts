// Where the editor finds each client's ClientIntents in the parsed intents files: a whole
// document, or an item of a list (kubectl-list.ts). Used by edit-intents.ts.
import { type Document, isAlias, isMap, isNode, isSeq, visit, type YAMLMap } from 'yaml';
import { kindsAgree } from '../diff/rule-index.ts';
import type { DeclaredIntents, WorkloadRef } from '../model.ts';

/**
 * A ClientIntents in a parsed file: its document's index, its own node, its namespace as the
 * load read it (metadata.namespace, else the load's default; undefined when neither is known).
 */
interface ClientIntentsNode {
  index: number;
  node: YAMLMap;
  namespace: unknown;
  /** Its workload's kind, when it writes one. */
  kind: string | undefined;
  /** Its own, or its list's when it names neither kind nor apiVersion (kubectl-list.ts). */
  apiVersion: string;
}

interface NodeType {
  kind: string;
  apiVersion: string;
}

/** Where a client's ClientIntents are in a parsed file, as ClientHomes.find gives it. */
export interface ClientHome {
  file: string;
  index: number;
  doc: Document.Parsed;
  node: YAMLMap;
  /** The ClientIntents' apiVersion as kubectl reads it (a list's item may take its list's). */
  apiVersion: string;
}

/** An intents file as the editor holds it: its text, its documents, those it changed. */
export interface ParsedFile {
  text: string;
  docs: Document.Parsed[];
  /** Indexes of the documents changed. */
  changed: Set<number>;
  /** The ClientIntents nodes changed (a list's items among them). */
  changedNodes: Set<YAMLMap>;
}

/**
 * Where each client's ClientIntents are: its declared documents (built once, not searched per
 * call) and, in each parsed file, the first document that describes it (indexed once per file).
 * A document without metadata.namespace describes the client in the namespace the load gave it
 * (DeclaredIntents.defaultNamespace), as `kubectl apply -n` would: in any other namespace it
 * would grant another workload, or lose a rule the client in that namespace uses. Without that
 * default its namespace is unknown, and it describes no client (find says so).
 */
export class ClientHomes {
  private readonly byClient = new Map<string, DeclaredIntents['documents']>();
  private readonly inFile = new Map<ParsedFile, Map<string, ClientIntentsNode[]>>();
  private readonly open: (file: string) => ParsedFile | undefined;
  private readonly defaultNamespace: string | undefined;
  private readonly leftAlone: (file: string) => string | undefined;

  constructor(
    declared: DeclaredIntents,
    open: (file: string) => ParsedFile | undefined,
    leftAlone: (file: string) => string | undefined = () => undefined,
  ) {
    this.open = open;
    this.leftAlone = leftAlone;
    this.defaultNamespace = declared.defaultNamespace || undefined;
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

  /** A file declaring the client that the editor leaves alone, and why (`UTF-16`), if one does. */
  leftAloneFile(client: WorkloadRef): { file: string; why: string } | undefined {
    for (const d of this.byClient.get(clientKey(client)) ?? []) {
      const why = this.leftAlone(d.file);
      if (why !== undefined) return { file: d.file, why };
    }
    return undefined;
  }

  /** Where the client's first ClientIntents was read (`file:line`), if it has any. */
  declaredAt(client: WorkloadRef): string | undefined {
    const first = this.byClient.get(clientKey(client))?.[0];
    return first && `${first.file}:${first.line}`;
  }

  /**
   * The client's ClientIntents in the files of its declared documents (`preferFile` first): the
   * first whose namespace is the client's and whose workload kind agrees. A note instead when
   * none is, and one there names no namespace while the load gave no default: whose it is is not
   * guessed.
   */
  find(client: WorkloadRef, preferFile?: string): ClientHome | { note: string } | undefined {
    const candidates = [...(this.byClient.get(clientKey(client)) ?? [])];
    candidates.sort((a, b) => Number(b.file === preferFile) - Number(a.file === preferFile));
    let unknown: string | undefined;
    for (const candidate of candidates) {
      const entry = this.open(candidate.file);
      if (entry === undefined) continue;
      // A Deployment and a StatefulSet of one name have ClientIntents of their own: the diff
      // counts neither's rules for the other (rule-index.ts kindsAgree).
      const named = (this.documentsOf(entry).get(client.name) ?? []).filter((d) =>
        kindsAgree(d.kind, client.kind),
      );
      const mine = named.filter((d) => d.namespace === client.namespace);
      // Of two with one name, the later replaced the earlier when read (apply-order.ts): the
      // one at the line the load read it from is the one in force.
      const found =
        mine.length > 1
          ? (mine.find((d) => lineOf(entry.text, d.node) === candidate.line) ?? mine[0])
          : mine[0];
      if (found !== undefined)
        return {
          file: candidate.file,
          index: found.index,
          doc: entry.docs[found.index]!,
          node: found.node,
          apiVersion: found.apiVersion,
        };
      if (named.some((d) => d.namespace === undefined)) unknown ??= candidate.file;
    }
    return unknown === undefined
      ? undefined
      : {
          note: `${client.name}: a ClientIntents for it in ${unknown} has no metadata.namespace and no default namespace was given (--default-namespace, or -n with one namespace), so whose it is is not known; edit it by hand`,
        };
  }

  /**
   * A parsed file's ClientIntents by client name, in document order: whole documents, and the
   * items of lists as kubectl applies them (a `kind: List` as `kubectl get -o yaml` writes several
   * objects, a `ClientIntentsList` whose items name no kind; kubectl-list.ts).
   */
  private documentsOf(entry: ParsedFile): Map<string, ClientIntentsNode[]> {
    let index = this.inFile.get(entry);
    if (index === undefined) {
      const found = new Map<string, ClientIntentsNode[]>();
      const add = (node: unknown, i: number, top: boolean, inherited?: NodeType) => {
        if (!isMap(node)) return;
        const items = node.get('items', true);
        // A list to kubectl: its items are applied, not it; a list inside one is refused (kubectl-list.ts).
        if (top && node.has('items')) {
          const given = listItemType(node);
          if (isSeq(items)) for (const item of items.items) add(item, i, false, given);
          return;
        }
        if (isSeq(items)) return;
        const type = nodeType(node, inherited);
        if (type.kind !== 'ClientIntents') return;
        const name = node.getIn(['spec', 'workload', 'name']) ?? node.getIn(['spec', 'service', 'name']);
        if (typeof name !== 'string') return;
        const list = found.get(name) ?? [];
        // As the loader reads it: a namespace left out, null or empty takes the load's default.
        const written = node.getIn(['metadata', 'namespace']);
        const namespace =
          written === undefined || written === null || written === '' ? this.defaultNamespace : written;
        const kind = node.getIn(['spec', 'workload', 'kind']) ?? node.getIn(['spec', 'service', 'kind']);
        list.push({
          index: i,
          node,
          namespace,
          kind: typeof kind === 'string' && kind !== '' ? kind : undefined,
          apiVersion: type.apiVersion,
        });
        found.set(name, list);
      };
      entry.docs.forEach((doc, i) => {
        add(doc.contents, i, true);
      });
      index = found;
      this.inFile.set(entry, index);
    }
    return index;
  }
}

/** The 1-based line a node starts on (as the loader counts it), if it has a position. */
function lineOf(text: string, node: YAMLMap): number | undefined {
  const start = node.range?.[0];
  if (start === undefined) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) line++;
  return line;
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

/** A node's kind and apiVersion as strings, or `inherited` when it names neither (kubectl-list.ts). */
function nodeType(node: YAMLMap, inherited?: NodeType): NodeType {
  const kind = node.get('kind');
  const apiVersion = node.get('apiVersion');
  const type = {
    kind: typeof kind === 'string' ? kind : '',
    apiVersion: typeof apiVersion === 'string' ? apiVersion : '',
  };
  return inherited !== undefined && type.kind === '' && type.apiVersion === '' ? inherited : type;
}

/** The type a document's list gives its items that name none: `ClientIntentsList` gives `ClientIntents`. */
function listItemType(list: YAMLMap): NodeType {
  const own = nodeType(list);
  return { ...own, kind: own.kind.endsWith('List') ? own.kind.slice(0, -'List'.length) : own.kind };
}
