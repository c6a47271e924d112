// The drift as a Mermaid flowchart for the PR comment and the job summary (GitHub draws
// ```mermaid blocks): only the drifting edges, missing calls red (thick when enforcement would
// block them), stale rules dashed grey, clients and servers in one box per namespace. Capped
// at MAX_EDGES edges with a note; collapsed when it has more than OPEN_EDGES.
//
// Every name, path and count reaches Mermaid through mermaidText: inside a quoted label, every
// character but letters, digits and a few plain punctuation marks becomes Mermaid's entity
// code (`#60;` for `<`), so no name can close the label, start markup, end the code fence or
// write a sticky-comment marker.

import type { Drift, MissingCall, StaleRule } from '../model.ts';
import { plural } from './display-text.ts';
import { EDGE_STYLES, MISSING_RED, rowText } from './graph-dot.ts';
import {
  byText,
  type CallGraph,
  driftingGraphOf,
  EdgeGroups,
  type EdgeKind,
  type GraphEdge,
  missingKind,
  ruleTargetKey,
  workloadKey,
} from './graph-model.ts';
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
 * The drifting edges counted, and a drift holding only what the first MAX_EDGES of them (in the
 * order drawn) carry: a large drift (100,000 missing calls on 20,000 edges) is grouped by edge
 * without making a row for each call, and the rows are made for the edges drawn only.
 * Without the rules of clients that made no calls in the run (client-idle): the comment's
 * headline does not count them as stale either, since the run cannot vouch for them.
 */
function drawnDrift(drift: Drift): { total: number; drawn: Drift } {
  const group = new EdgeGroups<MissingCall | StaleRule>();
  // Calls share their workloads' objects: each key is made once, and its hash kept with it.
  const keys = new Map<object, string>();
  const keyOf = (ref: MissingCall['client']) => {
    let key = keys.get(ref);
    if (key === undefined) {
      key = workloadKey(ref);
      keys.set(ref, key);
    }
    return key;
  };
  for (const call of drift.missing)
    group.add(keyOf(call.client), keyOf(call.server), missingKind(call), call);
  for (const rule of drift.stale) {
    if (rule.reason !== 'client-idle')
      group.add(workloadKey(rule.client), ruleTargetKey(rule), 'stale', rule);
  }
  const edges = group.edges;
  edges.sort(
    (a, b) =>
      (PRIORITY[a.kind] ?? 9) - (PRIORITY[b.kind] ?? 9) || byText(a.from, b.from) || byText(a.to, b.to),
  );
  const chosen = new Set(edges.slice(0, MAX_EDGES).flatMap((edge) => edge.items));
  const drawnItem = (item: MissingCall | StaleRule) => chosen.has(item);
  const drawn: Drift = {
    ...drift,
    covered: [],
    ignored: [],
    unattributed: [],
    external: [],
    missing: drift.missing.filter(drawnItem),
    stale: drift.stale.filter(drawnItem),
  };
  return { total: edges.length, drawn };
}

/**
 * The drift graph as a markdown block (a heading or a collapsed block, the fenced flowchart,
 * the cap's note), starting with a blank line; empty when nothing drifts or it would not fit
 * in `room` characters.
 */
export function mermaidDriftGraph(drift: Drift, room = Number.POSITIVE_INFINITY): string {
  const { total, drawn } = drawnDrift(drift);
  return total === 0 ? '' : mermaidBlock(driftingGraphOf(drawn), total, room);
}

/**
 * The block for the graph's edges, blocked first, at most MAX_EDGES of them, where `total`
 * edges drift in all. Exported for the test that checks it against the whole drifting graph.
 */
export function mermaidBlock(graph: CallGraph, total: number, room: number): string {
  const edges = [...graph.edges].sort((a, b) => (PRIORITY[a.kind] ?? 9) - (PRIORITY[b.kind] ?? 9));
  const drawn = edges.slice(0, MAX_EDGES);
  const left = total - drawn.length;
  const title = `Drift graph: ${plural(total, 'drifting edge')}${left > 0 ? `, ${drawn.length} drawn` : ''}`;
  const body = ['```mermaid', ...flowchart(graph, drawn), '```'];
  if (left > 0)
    body.push('', `*${plural(left, 'more drifting edge')} not drawn: the tables list every call and rule.*`);
  const block =
    total > OPEN_EDGES
      ? ['', `<details><summary>${title}</summary>`, '', ...body, '', '</details>']
      : ['', `#### ${title}`, '', ...body];
  const text = `${block.join('\n')}\n`;
  return text.length <= room ? text : '';
}
