// The drift as a Mermaid flowchart for the PR comment and the job summary (GitHub draws
// ```mermaid blocks): only the drifting edges, missing calls red (thick when enforcement would
// block them), stale rules dashed grey, clients and servers in one box per namespace. Capped
// at MAX_EDGES edges with a note; collapsed when it has more than OPEN_EDGES.
//
// Every name, path and count reaches Mermaid through mermaidText: inside a quoted label, every
// character but letters, digits and a few plain punctuation marks becomes Mermaid's entity
// code (`#60;` for `<`), so no name can close the label, start markup, end the code fence or
// write a sticky-comment marker.

import type { Drift, StaleRule } from '../model.ts';
import { plural } from './display-text.ts';
import { EDGE_STYLES, MISSING_RED, rowText } from './graph-dot.ts';
import { type CallGraph, driftingGraphOf, type EdgeKind, type GraphEdge } from './graph-model.ts';
import { pictureText } from './picture-text.ts';

/** Edges drawn at most; the rest are counted in a note (the tables list them all). */
export const MAX_EDGES = 50;
/** Up to this many edges the graph is shown open; more, and it is collapsed. */
export const OPEN_EDGES = 10;
/** Calls or rules written on one edge before `+N more`. */
const LINES_PER_EDGE = 3;

const PLAIN = /^[A-Za-z0-9 ./_:()+,=-]$/;

/** Any text as the inside of a quoted Mermaid label. */
export function mermaidText(text: string): string {
  let out = '';
  for (const char of pictureText(text)) {
    out += PLAIN.test(char) ? char : `#${char.codePointAt(0)};`;
  }
  return out;
}

/** Drawn first when capping: what enforcement would block, then other missing, then stale. */
const PRIORITY: Partial<Record<EdgeKind, number>> = { blocked: 0, missing: 1, stale: 2 };

const ARROW: Partial<Record<EdgeKind, string>> = { blocked: '==>', missing: '-->', stale: '-.->' };

const LINK_STYLE: Partial<Record<EdgeKind, string>> = {
  blocked: `stroke:${MISSING_RED},stroke-width:3px,color:${MISSING_RED}`,
  missing: `stroke:${MISSING_RED},stroke-width:2px,color:${MISSING_RED}`,
  stale: `stroke:${EDGE_STYLES.stale.attributes.color},stroke-width:1.5px,stroke-dasharray:5 4`,
};

const VERDICT: Partial<Record<EdgeKind, string>> = {
  blocked: 'missing, would be blocked',
  missing: 'missing',
  stale: 'stale',
};

function edgeLabel(edge: GraphEdge): string {
  const lines = edge.rows.map((row) => mermaidText(rowText(row)));
  const shown = lines.length <= LINES_PER_EDGE ? lines : [...lines.slice(0, LINES_PER_EDGE - 1)];
  if (shown.length < lines.length) shown.push(`+${lines.length - shown.length} more`);
  return [`${VERDICT[edge.kind] ?? edge.kind}:`, ...shown].join('<br>');
}

/** The flowchart's lines for the given edges. */
function flowchart(graph: CallGraph, edges: readonly GraphEdge[]): string[] {
  const used = new Set(edges.flatMap((e) => [e.from, e.to]));
  const nodes = graph.nodes.filter((n) => used.has(n.key));
  const ids = new Map(nodes.map((n, i) => [n.key, `n${i}`]));
  const out = ['flowchart LR'];
  const namespaces = [...new Set(nodes.flatMap((n) => (n.namespace === undefined ? [] : [n.namespace])))];
  namespaces.sort().forEach((namespace, i) => {
    out.push(`  subgraph ns${i}["namespace ${mermaidText(namespace)}"]`);
    for (const n of nodes)
      if (n.namespace === namespace) out.push(`    ${ids.get(n.key)}["${mermaidText(n.name)}"]`);
    out.push('  end');
  });
  for (const n of nodes)
    if (n.namespace === undefined) out.push(`  ${ids.get(n.key)}["${mermaidText(n.label)}"]`);
  edges.forEach((edge) => {
    out.push(
      `  ${ids.get(edge.from)} ${ARROW[edge.kind] ?? '-->'}|"${edgeLabel(edge)}"| ${ids.get(edge.to)}`,
    );
  });
  edges.forEach((edge, i) => {
    out.push(`  linkStyle ${i} ${LINK_STYLE[edge.kind] ?? ''}`);
  });
  return out;
}

/**
 * Without the rules of clients that made no calls in the run (client-idle): the comment's
 * headline does not count them as stale either, since the run cannot vouch for them.
 */
function actionable(graph: CallGraph): CallGraph {
  const edges = graph.edges
    .map((e) => ({
      ...e,
      rows: e.rows.filter((r) => (r.rule as StaleRule | undefined)?.reason !== 'client-idle'),
    }))
    .filter((e) => e.rows.length > 0);
  return { ...graph, edges };
}

/**
 * The drift graph as a markdown block (a heading or a collapsed block, the fenced flowchart,
 * the cap's note), starting with a blank line; empty when nothing drifts or it would not fit
 * in `room` characters.
 */
export function mermaidDriftGraph(drift: Drift, room = Number.POSITIVE_INFINITY): string {
  const graph = actionable(driftingGraphOf(drift));
  if (graph.edges.length === 0) return '';
  const edges = [...graph.edges].sort((a, b) => (PRIORITY[a.kind] ?? 9) - (PRIORITY[b.kind] ?? 9));
  const drawn = edges.slice(0, MAX_EDGES);
  const left = edges.length - drawn.length;
  const title = `Drift graph: ${plural(edges.length, 'drifting edge')}${left > 0 ? `, ${drawn.length} drawn` : ''}`;
  const body = ['```mermaid', ...flowchart(graph, drawn), '```'];
  if (left > 0)
    body.push('', `*${plural(left, 'more drifting edge')} not drawn: the tables list every call and rule.*`);
  const block =
    edges.length > OPEN_EDGES
      ? ['', `<details><summary>${title}</summary>`, '', ...body, '', '</details>']
      : ['', `#### ${title}`, '', ...body];
  const text = `${block.join('\n')}\n`;
  return text.length <= room ? text : '';
}
