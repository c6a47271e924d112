// One self-contained HTML page: the drawn SVG inline, a legend, and a table of every call and
// rule on the graph. No script, no external resource (a Content-Security-Policy forbids both),
// and every name, path and file from traffic or intents escaped for HTML.

import { showControlChars } from './display-text.ts';
import { EDGE_STYLES, NODE_STYLES } from './graph-dot.ts';
import { type CallGraph, EDGE_KINDS, type EdgeKind, type GraphRow } from './graph-model.ts';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Any text as HTML text or a quoted attribute value, control characters shown as escapes. */
export function escapeHtml(text: string): string {
  return showControlChars(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const VERDICT: Record<EdgeKind, string> = {
  covered: 'covered',
  missing: 'missing',
  blocked: 'missing (would be blocked)',
  stale: 'stale',
  ignored: 'ignored',
  observed: 'observed',
};

/** The swatch's corners: as the node's shape, near enough. */
const NODE_RADIUS: Record<string, string> = { box: '4px', ellipse: '50%', hexagon: '2px' };

const CSS_LINE: Record<string, string> = { dotted: 'dotted', 'dashed,bold': 'dashed', dashed: 'dashed' };

const PAGE_CSS = `body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:1.5rem;color:#1f2937}
h1{font-size:1.3rem}h2{font-size:1.05rem;margin-top:2rem}
.graph svg{max-width:100%;height:auto}
.legend{list-style:none;padding:0}.legend li{margin:.25rem 0}
.swatch{display:inline-block;width:2.5rem;margin-right:.6rem;vertical-align:middle}
table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #d1d5db;padding:.3rem .6rem;text-align:left}
th{background:#f3f4f6}td.count{text-align:right}code{font-family:"DejaVu Sans Mono",monospace}`;

/** The SVG element alone: Graphviz's XML declaration, doctype and comments before it dropped. */
function inlineSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  if (start < 0) throw new Error('not an SVG document');
  return svg.slice(start).trimEnd();
}

function legendItems(graph: CallGraph): string[] {
  const items: string[] = [];
  for (const kind of EDGE_KINDS) {
    if (!graph.edges.some((e) => e.kind === kind)) continue;
    const attrs = EDGE_STYLES[kind].attributes;
    const width = attrs.penwidth === undefined ? 2 : Math.round(Number(attrs.penwidth) + 1);
    const line = CSS_LINE[attrs.style ?? ''] ?? 'solid';
    const swatch = `border-top:${width}px ${line} ${attrs.color ?? 'black'}`;
    const text =
      kind === 'observed' && graph.mode === 'drift' ? 'observed, not judged' : EDGE_STYLES[kind].legend;
    items.push(`<li><span class="swatch" style="${escapeHtml(swatch)}"></span>${escapeHtml(text)}</li>`);
  }
  for (const node of Object.keys(NODE_STYLES) as (keyof typeof NODE_STYLES)[]) {
    if (!graph.nodes.some((n) => n.kind === node)) continue;
    const attrs = NODE_STYLES[node].attributes;
    const radius = NODE_RADIUS[attrs.shape ?? ''] ?? '0';
    const swatch = `background:${attrs.fillcolor ?? 'white'};border:1px solid ${attrs.color ?? 'black'};border-radius:${radius};height:.9rem`;
    items.push(
      `<li><span class="swatch" style="${escapeHtml(swatch)}"></span>${escapeHtml(NODE_STYLES[node].legend)}</li>`,
    );
  }
  return items;
}

function verdictOf(kind: EdgeKind, graph: CallGraph): string {
  return kind === 'observed' && graph.mode === 'drift' ? 'observed, not judged' : VERDICT[kind];
}

function tableRows(graph: CallGraph): string[] {
  const labelOf = new Map(graph.nodes.map((n) => [n.key, n.label]));
  const cell = (text: string, cls?: string) => `<td${cls ? ` class="${cls}"` : ''}>${text}</td>`;
  const rows: GraphRow[] = graph.edges.flatMap((e) => e.rows);
  return rows.map((row) => {
    const count = row.count === null ? '' : String(row.count);
    const cells = [
      cell(escapeHtml(verdictOf(row.kind, graph))),
      cell(`<code>${escapeHtml(labelOf.get(row.from) ?? row.from)}</code>`),
      cell(`<code>${escapeHtml(labelOf.get(row.to) ?? row.to)}</code>`),
      cell(`<code>${escapeHtml(row.operation)}</code>`),
      cell(escapeHtml(count), 'count'),
      cell(row.declaredAt === undefined ? '' : `<code>${escapeHtml(row.declaredAt)}</code>`),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
}

/** The page for a graph and the SVG Graphviz drew of it, ending with a newline. */
export function renderGraphHtml(graph: CallGraph, svg: string): string {
  const title =
    graph.mode === 'drift'
      ? 'intent-drift: observed calls vs declared intents'
      : 'intent-drift: observed calls';
  const calls = graph.edges.reduce((n, e) => n + e.rows.length, 0);
  const summary = EDGE_KINDS.map((kind) => {
    const n = graph.edges.filter((e) => e.kind === kind).reduce((sum, e) => sum + e.rows.length, 0);
    return n === 0 ? '' : `${n} ${verdictOf(kind, graph)}`;
  }).filter((s) => s !== '');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may load or run: the page is a file people open from CI artifacts.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(calls === 0 ? 'Nothing observed or declared.' : summary.join(', '))}</p>`,
    `<div class="graph">${inlineSvg(svg)}</div>`,
    '<h2>Legend</h2>',
    `<ul class="legend">${legendItems(graph).join('')}</ul>`,
    '<h2>Calls and rules</h2>',
    '<table>',
    '<thead><tr><th>verdict</th><th>client</th><th>server</th><th>call</th><th>count</th><th>declared at</th></tr></thead>',
    `<tbody>${tableRows(graph).join('\n')}</tbody>`,
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
