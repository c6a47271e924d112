// A CallGraph as Graphviz DOT: `name.namespace` nodes left to right, one cluster per namespace,
// method+path lines on the edges, colours and line styles by verdict, and a legend of what is
// drawn. Pure and deterministic: node ids are positions in the sorted node list, never names.
//
// Every text from traffic or files goes through dotString: a DOT quoted string (not an
// HTML-like label) with `\` and `"` escaped, `&` written as an entity (Graphviz decodes
// entities in labels), and control characters shown as escapes so no line break gets in.

import {
  type CallGraph,
  DRIFT_KINDS,
  EDGE_KINDS,
  type EdgeKind,
  type GraphEdge,
  type GraphNode,
  type GraphRow,
  type NodeKind,
} from './graph-model.ts';
import { GRAPH_FONT } from './graph-render.ts';
import { pictureText } from './picture-text.ts';

/** Label lines per edge before `+N more`. */
export const MAX_LABEL_LINES = 6;
/** Characters per label line before it is cut with `…` (the HTML table keeps the full text). */
export const MAX_LINE_CHARS = 64;

/** The red of a missing call, shared with the HTML legend and the PNG test. */
export const MISSING_RED = '#d62728';

export interface Style {
  attributes: Record<string, string>;
  legend: string;
}

export const EDGE_STYLES: Record<EdgeKind, Style> = {
  covered: {
    attributes: { color: '#4b5563', fontcolor: '#374151' },
    legend: 'covered: called and declared',
  },
  missing: {
    attributes: { color: MISSING_RED, fontcolor: MISSING_RED, penwidth: '1.5' },
    legend: 'missing: called, not declared',
  },
  blocked: {
    attributes: { color: MISSING_RED, fontcolor: MISSING_RED, style: 'dashed,bold', penwidth: '2.5' },
    legend: 'missing, would be blocked once enforced',
  },
  stale: {
    attributes: { color: '#6b7280', fontcolor: '#4b5563', style: 'dotted', penwidth: '1.5' },
    legend: 'stale: declared, never called',
  },
  ignored: {
    attributes: { color: '#b7791f', fontcolor: '#8a5a12', style: 'dashed' },
    legend: 'ignored: missing, but an ignore rule accepts it',
  },
  observed: {
    attributes: { color: '#3b6ea8', fontcolor: '#27496d' },
    legend: 'observed call',
  },
};

export const NODE_STYLES: Record<NodeKind, Style> = {
  workload: {
    attributes: { shape: 'box', style: 'rounded,filled', fillcolor: '#eef3fb', color: '#4a6fa5' },
    legend: 'workload (name.namespace)',
  },
  service: {
    attributes: { shape: 'box', style: 'rounded,filled,dashed', fillcolor: '#f5f0ff', color: '#7c5cbf' },
    legend: 'Service named by an intent',
  },
  external: {
    attributes: { shape: 'ellipse', style: 'filled', fillcolor: '#fff7e6', color: '#b7791f' },
    legend: 'host outside the mesh',
  },
  unattributed: {
    attributes: { shape: 'hexagon', style: 'filled', fillcolor: '#f3f4f6', color: '#6b7280' },
    legend: 'caller outside the mesh',
  },
};

const NODE_KINDS: readonly NodeKind[] = ['workload', 'service', 'external', 'unattributed'];

/** Any text as a DOT quoted string that Graphviz shows literally. */
export function dotString(text: string): string {
  const escaped = pictureText(text).replace(/[\\"&]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`));
  return `"${escaped}"`;
}

/** Several lines as one left-justified DOT label (`\l` ends each line). */
function dotLines(lines: readonly string[]): string {
  const body = lines.map((line) => dotString(line).slice(1, -1)).join('\\l');
  return `"${body}\\l"`;
}

/** `[k="v", ...]` from raw values, then the label already in DOT syntax. */
function attributeList(attrs: Record<string, string>, label: string): string {
  const parts = Object.entries(attrs).map(([k, v]) => `${k}=${dotString(v)}`);
  return `[${[...parts, `label=${label}`].join(', ')}]`;
}

function cut(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_LINE_CHARS ? text : `${chars.slice(0, MAX_LINE_CHARS - 1).join('')}…`;
}

/** `GET /client-path (287)`; a declared rule has no count. */
export function rowText(row: GraphRow): string {
  return row.count === null ? row.operation : `${row.operation} (${row.count})`;
}

/** The label lines of one edge, capped with `+N more`. */
export function edgeLines(edge: GraphEdge): string[] {
  const lines = edge.rows.map((row) => cut(rowText(row)));
  if (lines.length <= MAX_LABEL_LINES) return lines;
  const shown = lines.slice(0, MAX_LABEL_LINES - 1);
  return [...shown, `+${lines.length - shown.length} more`];
}

// Inside a namespace's box the box names the namespace: the node shows the bare name.
function nodeLines(node: GraphNode, id: string): string {
  const label = node.namespace === undefined ? node.label : node.name;
  return `${id} ${attributeList(NODE_STYLES[node.kind].attributes, dotString(cut(label)))};`;
}

/**
 * From this many edges on, a picture is busy: only drifting edges keep their labels, the others
 * are drawn thin and faint beneath them, so the red stays findable among 50+ workloads.
 */
export const BUSY_EDGES = 30;

const FAINT: Record<string, string> = { color: '#c5cad3', penwidth: '0.8', arrowsize: '0.5' };

/** Beyond this many labelled edges, labels are placed after the layout (xlabel). */
export const MAX_LAID_OUT_LABELS = 20;

type LabelMode = 'label' | 'xlabel';

function edgeLine(edge: GraphEdge, ids: (key: string) => string, busy: boolean, mode: LabelMode): string {
  const style = EDGE_STYLES[edge.kind].attributes;
  const faint = busy && !DRIFT_KINDS.has(edge.kind);
  const attrs = faint ? { ...style, ...FAINT } : style;
  const label = faint ? '""' : dotLines(edgeLines(edge));
  // Ordinary labels each take a rank of the layout: many of them tear the namespace boxes
  // apart. Past a few, they are placed once the layout is done (xlabel), near their edge.
  const list =
    mode === 'xlabel' && !faint
      ? `${attributeList(attrs, '""').slice(0, -1)}, xlabel=${label}]`
      : attributeList(attrs, label);
  return `${ids(edge.from)} -> ${ids(edge.to)} ${list};`;
}

/** How each edge kind looks in the legend: its colour and a line drawn in box-drawing characters. */
const LEGEND_LINES: Record<EdgeKind, string> = {
  covered: '━━━━━',
  missing: '━━━━━',
  blocked: '<B>┅┅┅┅</B>',
  stale: '┈┈┈┈┈',
  ignored: '╍╍╍╍╍',
  observed: '━━━━━',
};

// The legend is one plain node with an HTML-like label: only the fixed text above and below
// goes in it, never a name from traffic or files.
function legendLines(graph: CallGraph, busy: boolean): string[] {
  const edgeKinds = EDGE_KINDS.filter((k) => graph.edges.some((e) => e.kind === k));
  const nodeKinds = NODE_KINDS.filter((k) => k !== 'workload' && graph.nodes.some((n) => n.kind === k));
  const rows = edgeKinds.map((kind) => {
    const style = EDGE_STYLES[kind];
    const faint = busy && !DRIFT_KINDS.has(kind);
    const colour = (faint ? FAINT.color : style.attributes.color) ?? 'black';
    const text = `${kind === 'observed' && graph.mode === 'drift' ? 'observed, not judged' : style.legend}${faint ? ' (unlabelled)' : ''}`;
    return `<TR><TD ALIGN="LEFT"><FONT COLOR="${colour}">${LEGEND_LINES[kind]}</FONT></TD><TD ALIGN="LEFT">${text}</TD></TR>`;
  });
  const out = [
    '  subgraph cluster_legend {',
    '    label="legend"; style="rounded"; color="#d1d5db"; fontcolor="#6b7280"; fontsize=11;',
    `    legend_edges [shape=plain, fontsize=10, label=<<TABLE BORDER="0" CELLSPACING="2">${rows.join('')}</TABLE>>];`,
  ];
  nodeKinds.forEach((kind, i) => {
    const style = NODE_STYLES[kind];
    const attrs = { ...style.attributes, fontsize: '10' };
    out.push(`    legend_node_${i} ${attributeList(attrs, dotString(style.legend))};`);
  });
  out.push('  }');
  return out;
}

/** The graph as DOT text, ending with a newline. */
export function renderGraphDot(graph: CallGraph): string {
  const ids = new Map(graph.nodes.map((node, i) => [node.key, `n${i}`]));
  const idOf = (key: string) => ids.get(key) ?? 'missing_node';
  const title =
    graph.mode === 'drift'
      ? 'intent-drift: observed calls vs declared intents'
      : 'intent-drift: observed calls';
  const font = dotString(GRAPH_FONT);
  const out = [
    'digraph "intent-drift" {',
    `  graph [rankdir=LR, newrank=true, fontname=${font}, fontsize=14, labelloc=t, label=${dotString(title)}, nodesep=0.35, ranksep=1.1, pad=0.25, bgcolor="white"];`,
    `  node [fontname=${font}, fontsize=12, margin="0.15,0.06"];`,
    `  edge [fontname=${font}, fontsize=10, arrowsize=0.8];`,
  ];
  const namespaces = [
    ...new Set(graph.nodes.flatMap((n) => (n.namespace === undefined ? [] : [n.namespace]))),
  ].sort();
  namespaces.forEach((namespace, i) => {
    out.push(`  subgraph cluster_ns${i} {`);
    out.push(
      `    label=${dotString(`namespace ${cut(namespace)}`)}; style="rounded,dashed"; color="#9ca3af"; fontcolor="#4b5563"; fontsize=11;`,
    );
    for (const node of graph.nodes) {
      if (node.namespace === namespace) out.push(`    ${nodeLines(node, idOf(node.key))}`);
    }
    out.push('  }');
  });
  for (const node of graph.nodes) {
    if (node.namespace === undefined) out.push(`  ${nodeLines(node, idOf(node.key))}`);
  }
  // Drift last: Graphviz draws later edges on top.
  const busy = graph.edges.length >= BUSY_EDGES;
  const calm = graph.edges.filter((e) => !DRIFT_KINDS.has(e.kind));
  const drifting = graph.edges.filter((e) => DRIFT_KINDS.has(e.kind));
  const labelled = busy ? drifting.length : graph.edges.length;
  const mode: LabelMode = labelled > MAX_LAID_OUT_LABELS ? 'xlabel' : 'label';
  for (const edge of [...calm, ...drifting]) out.push(`  ${edgeLine(edge, idOf, busy, mode)}`);
  if (graph.edges.length > 0) out.push(...legendLines(graph, busy));
  out.push('}', '');
  return out.join('\n');
}
