// The interactive map as one self-contained HTML file: the data as an inert JSON block, one
// inline stylesheet and one inline script, each allowed by its SHA-256 in the page's
// Content-Security-Policy, which forbids everything else (no request of any kind leaves the
// page: it is opened from CI artifacts). The script draws the SVG; the markup holds the
// controls, the legend and where the data came from.

import { createHash } from 'node:crypto';
import type { EdgeKind, NodeKind } from '../graph-model.ts';
import { escapeHtml } from '../picture-text.ts';
import type { KindStyle, MapPageData } from './page-data.ts';
import { MAP_PAGE_SCRIPT } from './page-script.generated.ts';
import { MAP_PAGE_CSS } from './page-style.ts';

const EDGE_ORDER: readonly EdgeKind[] = ['covered', 'missing', 'blocked', 'stale', 'ignored', 'observed'];
const NODE_ORDER: readonly NodeKind[] = ['workload', 'service', 'external', 'unattributed'];

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** JSON that cannot end its <script> element or be read as markup. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function lineSwatch(style: KindStyle): string {
  const dash = style.dash === '' ? '' : ` stroke-dasharray="${style.dash}"`;
  return `<svg width="44" height="12" aria-hidden="true"><line x1="2" y1="6" x2="42" y2="6" stroke="${style.stroke}" stroke-width="${Math.max(1.5, style.width)}"${dash}/></svg>`;
}

function boxSwatch(style: KindStyle): string {
  const dash = style.dash === '' ? '' : ` stroke-dasharray="${style.dash}"`;
  return `<svg width="30" height="16" aria-hidden="true"><rect x="1" y="1" width="28" height="14" rx="4" fill="${style.fill ?? '#ffffff'}" stroke="${style.stroke}"${dash}/></svg>`;
}

/** The one legend: the kinds of line and box this page has. */
function legendItems(data: MapPageData): string[] {
  const items: string[] = [];
  for (const kind of EDGE_ORDER) {
    if (!data.edges.some((e) => e.kind === kind)) continue;
    const style = data.edgeStyles[kind];
    items.push(`<li>${lineSwatch(style)}${escapeHtml(style.legend)}</li>`);
  }
  for (const kind of NODE_ORDER) {
    if (!data.nodes.some((n) => n.kind === kind)) continue;
    const style = data.nodeStyles[kind];
    items.push(`<li>${boxSwatch(style)}${escapeHtml(style.legend)}</li>`);
  }
  items.push(
    `<li>${boxSwatch({ legend: '', stroke: '#6b7280', fill: '#f3f4f6', dash: '5 3', width: 1 })}a collapsed namespace: click it to open it, click an open namespace's name to collapse it</li>`,
  );
  return items;
}

function headerLines(data: MapPageData): string[] {
  const source = `Data: ${data.source}${data.window === null ? '' : `; traffic from ${data.window}`}.`;
  const lines = [
    `<h1>${escapeHtml(data.title)}</h1>`,
    `<p class="summary">${escapeHtml(data.summary)}</p>`,
    `<p class="source">${escapeHtml(source)}</p>`,
  ];
  if (data.warnings.length > 0) {
    const items = data.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('');
    lines.push(
      `<details class="warnings"><summary>${data.warnings.length} warning(s)</summary><ul>${items}</ul></details>`,
    );
  }
  return lines;
}

const CONTROLS = [
  '<nav class="controls" aria-label="filters">',
  '<label>namespace <select id="namespace"></select></label>',
  '<label id="environment-control" hidden>environment <select id="environment"></select></label>',
  '<label>search <input id="search" type="search" placeholder="workload, namespace or path" autocomplete="off"></label>',
  '<label id="drift-control" hidden><input id="drift-only" type="checkbox"> drift only (hide covered calls)</label>',
  '<span><button id="expand-all" type="button">open all</button> <button id="collapse-all" type="button">collapse all</button></span>',
  '<span><button id="zoom-out" type="button" aria-label="zoom out">−</button> <button id="zoom-fit" type="button">fit</button> <button id="zoom-in" type="button" aria-label="zoom in">+</button></span>',
  '<span id="status" role="status"></span>',
  '</nav>',
];

/** The page for the data, ending with a newline; the same data gives the same bytes. */
export function renderMapPage(data: MapPageData): string {
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(MAP_PAGE_SCRIPT)}`,
    `style-src ${sha256(MAP_PAGE_CSS)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(data.title)}</title>`,
    `<style>${MAP_PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    ...headerLines(data),
    '</header>',
    ...CONTROLS,
    '<main>',
    '<div id="graph" class="graph"><svg id="map" xmlns="http://www.w3.org/2000/svg" role="group" aria-label="calls between workloads"></svg></div>',
    '<aside id="details" aria-live="polite"></aside>',
    '</main>',
    '<section class="legend" aria-label="legend">',
    '<h2>Legend</h2>',
    `<ul>${legendItems(data).join('')}</ul>`,
    '</section>',
    '<noscript><p>This page draws the map with its inline script: allow scripts for this file, or use visualize -o map.svg.</p></noscript>',
    `<script type="application/json" id="map-data">${jsonForScript(data)}</script>`,
    `<script>${MAP_PAGE_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
