// Runs in the page, not in Node: scripts/page-script.ts bundles browser/ into the
// page's one inline script (../page-script.generated.ts).
// From the data and the reader's choices to what is shown: the edges that pass the filters,
// the namespace boxes (collapsed when many nodes are shown), one line per kind between two boxes.

import type { EdgeKind } from '../../graph-model.ts';
import type { MapPageData } from '../page-data.ts';
import type { MapState, MapView, ViewGroup, ViewLink, ViewUnit } from './types.ts';

/** The box a node sits in: its namespace, or the callers or hosts outside the mesh. */
export function groupOfNode(data: MapPageData, node: number): { key: string; label: string } {
  const n = data.nodes[node];
  if (n === undefined) return { key: '~', label: '' };
  if (n.namespace !== null) return { key: `ns:${n.namespace}`, label: `namespace ${n.namespace}` };
  return n.kind === 'unattributed'
    ? { key: '~outside', label: 'callers outside the mesh' }
    : { key: '~external', label: 'hosts outside the mesh' };
}

/** Whether an edge passes the namespace, environment, drift and search filters. */
export function edgePasses(data: MapPageData, state: MapState, edge: number, query: string): boolean {
  const e = data.edges[edge];
  if (e === undefined) return false;
  if (state.driftOnly && e.kind !== 'missing' && e.kind !== 'blocked' && e.kind !== 'stale') return false;
  const ends = [data.nodes[e.from], data.nodes[e.to]];
  const namespaces = ends.map((n) => n?.namespace ?? null);
  if (state.namespace !== '' && !namespaces.includes(state.namespace)) return false;
  if (state.environment !== '') {
    const envs = namespaces.map((ns) => (ns === null ? undefined : data.environments[ns]));
    if (!envs.includes(state.environment)) return false;
  }
  if (query === '') return true;
  if (ends.some((n) => n?.label.toLowerCase().includes(query))) return true;
  return e.rows.some((r) => r.call.toLowerCase().includes(query));
}

/** What to draw for the data under the reader's choices. */
export function visibleMap(data: MapPageData, state: MapState): MapView {
  // Above this many nodes, namespaces start collapsed: 500 workloads become a few dozen boxes.
  const collapseAbove = 60;
  const query = state.search.trim().toLowerCase();
  const edges: number[] = [];
  data.edges.forEach((_, i) => {
    if (edgePasses(data, state, i, query)) edges.push(i);
  });
  const nodeSet = new Set<number>();
  for (const i of edges) {
    const e = data.edges[i];
    if (e !== undefined) nodeSet.add(e.from).add(e.to);
  }
  const nodes = [...nodeSet].sort((a, b) => a - b);
  const groups = new Map<string, ViewGroup>();
  for (const node of nodes) {
    const { key, label } = groupOfNode(data, node);
    const group = groups.get(key) ?? { key, label, collapsed: false, nodes: [], matches: 0 };
    group.nodes.push(node);
    if (query !== '' && (data.nodes[node]?.label.toLowerCase().includes(query) ?? false)) group.matches++;
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    group.collapsed = state.collapsed[group.key] ?? nodes.length > collapseAbove;
  }
  const sorted = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const units = viewUnits(data, sorted, query);
  const unitOf = new Map<number, string>();
  for (const u of units) {
    if (u.node >= 0) unitOf.set(u.node, u.key);
  }
  for (const g of sorted) {
    if (g.collapsed) for (const n of g.nodes) unitOf.set(n, `g:${g.key}`);
  }
  return {
    groups: sorted,
    units,
    links: viewLinks(data, edges, unitOf),
    shown: edges.length,
    total: data.edges.length,
  };
}

/** One unit per node of an open group, one per collapsed group. */
export function viewUnits(data: MapPageData, groups: ViewGroup[], query: string): ViewUnit[] {
  const units: ViewUnit[] = [];
  for (const g of groups) {
    if (g.collapsed) {
      const note = `${g.nodes.length} ${g.nodes.length === 1 ? 'node' : 'nodes'}${g.matches > 0 ? `, ${g.matches} matching` : ''}`;
      units.push({
        key: `g:${g.key}`,
        group: g.key,
        label: g.label,
        title: `${g.label}: ${note} (collapsed: click to open)`,
        kind: 'group',
        node: -1,
        match: g.matches > 0,
        note,
      });
      continue;
    }
    for (const node of g.nodes) {
      const n = data.nodes[node];
      if (n === undefined) continue;
      units.push({
        key: `n:${node}`,
        group: g.key,
        label: n.name,
        title: n.label,
        kind: n.kind,
        node,
        match: query !== '' && n.label.toLowerCase().includes(query),
        note: '',
      });
    }
  }
  return units;
}

/** Which kind a line of several kinds is drawn as: what needs acting on first. */
const WORST: Record<EdgeKind, number> = {
  blocked: 5,
  missing: 4,
  stale: 3,
  ignored: 2,
  covered: 1,
  observed: 0,
};

/**
 * The edges between units: between two nodes one line per kind; to or from a collapsed group
 * one line per pair, drawn as its most urgent kind (its details list every verdict).
 */
export function viewLinks(data: MapPageData, edges: number[], unitOf: Map<number, string>): ViewLink[] {
  const links = new Map<string, ViewLink>();
  for (const i of edges) {
    const e = data.edges[i];
    if (e === undefined) continue;
    const from = unitOf.get(e.from);
    const to = unitOf.get(e.to);
    if (from === undefined || to === undefined) continue;
    const grouped = from.startsWith('g:') || to.startsWith('g:');
    const key = grouped ? `${from}>${to}` : `${from}>${to}>${e.kind}`;
    const link = links.get(key) ?? { key, from, to, kind: e.kind, edges: [], rows: 0 };
    if (WORST[e.kind] > WORST[link.kind]) link.kind = e.kind;
    link.edges.push(i);
    link.rows += e.rows.length;
    links.set(key, link);
  }
  return [...links.values()];
}
