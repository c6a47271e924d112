// The picture `visualize` draws, before any drawing syntax: nodes (workloads, Services, external
// hosts, callers outside the mesh) and one edge per (from, to, kind) with its method+path lines.
// Built from the observed map alone, or from a drift (covered, missing, stale, ignored). Sorted
// throughout so the DOT, SVG and HTML made from it are byte-stable.

import type {
  DeclaredRule,
  Drift,
  MissingCall,
  ObservedCall,
  ObservedMap,
  StaleRule,
  WorkloadRef,
} from '../model.ts';
import { qualifiedName } from './display-text.ts';
import { NO_HTTP_DETAIL } from './vocabulary.ts';

export type NodeKind = 'workload' | 'service' | 'external' | 'unattributed';

/** How an edge is drawn: `observed` is a call no intents judged (map mode, external, unattributed). */
export type EdgeKind = 'observed' | 'covered' | 'missing' | 'blocked' | 'stale' | 'ignored';

export const EDGE_KINDS: readonly EdgeKind[] = [
  'covered',
  'missing',
  'blocked',
  'stale',
  'ignored',
  'observed',
];

export interface GraphNode {
  /** Unique among the nodes; never shown. */
  key: string;
  kind: NodeKind;
  /** `name.namespace`, a host, or `outside the mesh`: raw text, escaped by each renderer. */
  label: string;
  /** The label inside its namespace's box, where the namespace is already shown: `nginx`. */
  name: string;
  /** The namespace cluster the node sits in; none for external hosts and unknown callers. */
  namespace?: string;
}

/** One call or rule, as the edge labels and the HTML table show it. */
export interface GraphRow {
  kind: EdgeKind;
  from: string;
  to: string;
  /** `GET /client-path`, `(no HTTP detail)`, `(any request)`. */
  operation: string;
  /** Requests or connections; null for a declared rule. */
  count: number | null;
  protocol: ObservedCall['protocol'] | null;
  /** `intents/client.yaml:14` for a declared rule. */
  declaredAt?: string;
  /** What the row was drawn from, for the renderers that show details (the HTML page). */
  call?: ObservedCall | MissingCall;
  rule?: DeclaredRule | StaleRule;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  rows: GraphRow[];
}

export interface CallGraph {
  /** `map`: only what was observed; `drift`: judged against declared intents. */
  mode: 'map' | 'drift';
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const UNKNOWN = 'unknown';

/** Code-unit order, as the graph sorts its nodes and edges. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function observedOperation(call: ObservedCall): string {
  if (call.method === null && call.path === null) {
    return call.protocol === 'tcp' ? `(TCP, ${NO_HTTP_DETAIL})` : `(${NO_HTTP_DETAIL})`;
  }
  return `${call.method ?? '*'} ${call.path ?? '*'}`;
}

function ruleOperation(rule: DeclaredRule): string {
  if (rule.method === null && rule.path === null) return '(any request)';
  return `${rule.method ?? '*'} ${rule.path ?? '*'}`;
}

/** A workload's node key. */
export function workloadKey(ref: { name: string; namespace: string }): string {
  return `w:${qualifiedName(ref)}`;
}

/** A declared `service` target's node key. */
function serviceKey(ref: { name: string; namespace: string }): string {
  return `s:${qualifiedName(ref)}`;
}

/** The key of the node a declared rule's target is drawn as: its Service, or its workload. */
export function ruleTargetKey(rule: DeclaredRule): string {
  return rule.targetType === 'service' ? serviceKey(rule.server) : workloadKey(rule.server);
}

/** The items on one edge. */
export interface EdgeItems<T> {
  from: string;
  to: string;
  kind: EdgeKind;
  items: T[];
}

/** Items grouped by edge (from, to, kind), edges in the order first met: nested maps, no key text per item. */
export class EdgeGroups<T> {
  readonly edges: EdgeItems<T>[] = [];
  private readonly byEnds = new Map<string, Map<string, Map<EdgeKind, EdgeItems<T>>>>();

  add(from: string, to: string, kind: EdgeKind, item: T): void {
    let tos = this.byEnds.get(from);
    if (tos === undefined) {
      tos = new Map();
      this.byEnds.set(from, tos);
    }
    let kinds = tos.get(to);
    if (kinds === undefined) {
      kinds = new Map();
      tos.set(to, kinds);
    }
    let edge = kinds.get(kind);
    if (edge === undefined) {
      edge = { from, to, kind, items: [] };
      kinds.set(kind, edge);
      this.edges.push(edge);
    }
    edge.items.push(item);
  }
}

/** Collects nodes and rows, then groups rows into edges. */
class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly rows: GraphRow[] = [];

  workload(ref: WorkloadRef): string {
    return this.node({
      key: workloadKey(ref),
      kind: 'workload',
      label: qualifiedName(ref),
      name: ref.name,
      namespace: ref.namespace,
    });
  }

  /** A declared `service` target: a Service, not a workload, though it may share the name. */
  service(ref: { name: string; namespace: string }): string {
    const label = `${qualifiedName(ref)} (service)`;
    const name = `${ref.name} (service)`;
    return this.node({
      key: serviceKey(ref),
      kind: 'service',
      label,
      name,
      namespace: ref.namespace,
    });
  }

  external(call: ObservedCall): string {
    const host = call.host ?? qualifiedName(call.server);
    return this.node({ key: `x:${host}`, kind: 'external', label: host, name: host });
  }

  unattributed(ref: WorkloadRef): string {
    const unknown = ref.name === UNKNOWN && ref.namespace === UNKNOWN;
    const label = unknown ? 'outside the mesh' : qualifiedName(ref);
    return this.node({ key: `u:${qualifiedName(ref)}`, kind: 'unattributed', label, name: label });
  }

  call(kind: EdgeKind, from: string, to: string, call: ObservedCall): void {
    this.rows.push({
      kind,
      from,
      to,
      operation: observedOperation(call),
      count: call.count,
      protocol: call.protocol,
      call,
    });
  }

  rule(kind: EdgeKind, rule: DeclaredRule): void {
    const from = this.workload(rule.client);
    const to = rule.targetType === 'service' ? this.service(rule.server) : this.workload(rule.server);
    const row: GraphRow = {
      kind,
      from,
      to,
      operation: ruleOperation(rule),
      count: null,
      protocol: null,
      rule,
    };
    row.declaredAt = `${rule.file}:${rule.line}`;
    this.rows.push(row);
  }

  build(mode: CallGraph['mode']): CallGraph {
    const edges: GraphEdge[] = [];
    const group = new EdgeGroups<GraphRow>();
    for (const row of this.rows) group.add(row.from, row.to, row.kind, row);
    for (const { from, to, kind, items } of group.edges) edges.push({ from, to, kind, rows: items });
    edges.sort(
      (a, b) =>
        byText(a.from, b.from) ||
        byText(a.to, b.to) ||
        EDGE_KINDS.indexOf(a.kind) - EDGE_KINDS.indexOf(b.kind),
    );
    for (const edge of edges) {
      edge.rows.sort((a, b) => byText(a.operation, b.operation) || (b.count ?? 0) - (a.count ?? 0));
    }
    const nodes = [...this.nodes.values()].sort((a, b) => byText(a.key, b.key));
    return { mode, nodes, edges };
  }

  private node(node: GraphNode): string {
    if (!this.nodes.has(node.key)) this.nodes.set(node.key, node);
    return node.key;
  }
}

function addUnjudged(graph: GraphBuilder, unattributed: ObservedCall[], external: ObservedCall[]): void {
  for (const c of unattributed)
    graph.call('observed', graph.unattributed(c.client), graph.workload(c.server), c);
  for (const c of external) graph.call('observed', graph.workload(c.client), graph.external(c), c);
}

/** The observed map: who calls whom, with what. */
export function graphOfMap(map: ObservedMap): CallGraph {
  const graph = new GraphBuilder();
  for (const c of map.calls) graph.call('observed', graph.workload(c.client), graph.workload(c.server), c);
  addUnjudged(graph, map.unattributed, map.external);
  return graph.build('map');
}

/** The edge kind a missing call is drawn as. */
export function missingKind(call: MissingCall): EdgeKind {
  return call.wouldBeBlocked ? 'blocked' : 'missing';
}

/** The drift: observed calls coloured by verdict, plus the stale rules nobody exercised. */
export function graphOfDrift(drift: Drift): CallGraph {
  const graph = new GraphBuilder();
  const between = (kind: EdgeKind, c: ObservedCall) =>
    graph.call(kind, graph.workload(c.client), graph.workload(c.server), c);
  for (const c of drift.covered) between('covered', c);
  for (const c of drift.missing) between(missingKind(c), c);
  for (const c of drift.ignored) between('ignored', c);
  for (const r of drift.stale) graph.rule('stale', r);
  addUnjudged(graph, drift.unattributed, drift.external);
  return graph.build('drift');
}

/** The edge kinds that are drift to act on: what `--only-drift` and the Mermaid graph keep. */
export const DRIFT_KINDS: ReadonlySet<EdgeKind> = new Set(['missing', 'blocked', 'stale']);

/**
 * onlyDrift(graphOfDrift(drift)), built from the drift alone: the covered, ignored and unjudged
 * calls (200,000 rows in a large mesh) would all be dropped, so they are never grouped.
 */
export function driftingGraphOf(drift: Drift): CallGraph {
  return onlyDrift(graphOfDrift({ ...drift, covered: [], ignored: [], unattributed: [], external: [] }));
}

/** Only the drifting edges and the nodes they join (`visualize --only-drift`). */
export function onlyDrift(graph: CallGraph): CallGraph {
  const edges = graph.edges.filter((e) => DRIFT_KINDS.has(e.kind));
  const used = new Set(edges.flatMap((e) => [e.from, e.to]));
  return { ...graph, nodes: graph.nodes.filter((n) => used.has(n.key)), edges };
}
