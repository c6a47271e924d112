/// <reference lib="dom" />
// Runs in the page, not in Node: scripts/page-script.ts bundles browser/ into the
// page's one inline script (../page-script.generated.ts).
// Draws the view as SVG elements: namespace boxes, one path per line (with a wider invisible
// twin that takes the clicks), one box per unit. Names are set as text nodes, never as markup.

import type { MapPageData } from '../page-data.ts';
import { linkPath } from './layout.ts';
import type { Box, MapLayout, MapView, ViewLink } from './types.ts';

/** An SVG element with attributes and, optionally, text. */
export function svgNode(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A text cut to `max` characters with an ellipsis. */
export function shortText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** One arrowhead per line kind, in the kind's colour. */
export function arrowMarkers(data: MapPageData): SVGElement {
  const defs = svgNode('defs', {});
  for (const [kind, style] of Object.entries(data.edgeStyles)) {
    const marker = svgNode('marker', {
      id: `arrow-${kind}`,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      // In pixels, not in stroke widths: a thick line keeps an arrowhead of the usual size.
      markerUnits: 'userSpaceOnUse',
      markerWidth: 10,
      markerHeight: 10,
      orient: 'auto-start-reverse',
    });
    marker.append(svgNode('path', { d: 'M0,0 L10,5 L0,10 z', fill: style.stroke }));
    defs.append(marker);
  }
  return defs;
}

/** The label a line carries when few lines are shown: its first call, and how many more. */
export function linkLabel(data: MapPageData, link: ViewLink): string {
  const first = data.edges[link.edges[0] ?? -1]?.rows[0];
  if (first === undefined) return '';
  const more = link.rows > 1 ? ` +${link.rows - 1}` : '';
  return `${shortText(first.call, 36)}${more}`;
}

/** Where a line between two units is drawn: parallel lines of one pair side by side. */
export function linkOffsets(links: ViewLink[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const l of links) count.set(`${l.from}>${l.to}`, (count.get(`${l.from}>${l.to}`) ?? 0) + 1);
  const seen = new Map<string, number>();
  const offsets = new Map<string, number>();
  for (const l of links) {
    const pair = `${l.from}>${l.to}`;
    const i = seen.get(pair) ?? 0;
    seen.set(pair, i + 1);
    offsets.set(l.key, (i - ((count.get(pair) ?? 1) - 1) / 2) * 8);
  }
  return offsets;
}

/** One line: a wide invisible path that takes clicks, the visible path, maybe a label. */
export function drawLink(
  data: MapPageData,
  link: ViewLink,
  ends: [Box, Box],
  names: [string, string],
  offset: number,
  labelled: boolean,
): SVGElement {
  const { d, mx, my } = linkPath(ends[0], ends[1], offset);
  const style = data.edgeStyles[link.kind];
  const what = `${link.rows} ${link.rows === 1 ? 'call or rule' : 'calls or rules'}`;
  const g = svgNode('g', {
    class: `link kind-${link.kind}`,
    'data-link': link.key,
    role: 'button',
    tabindex: 0,
    'aria-label': `${link.kind}: ${names[0]} to ${names[1]}, ${what}`,
  });
  g.append(svgNode('title', {}, `${names[0]} → ${names[1]}: ${link.kind}, ${what}`));
  g.append(svgNode('path', { d, class: 'hit' }));
  const line: Record<string, string | number> = { d, class: 'line', stroke: style.stroke };
  line['stroke-width'] = Math.max(1.2, style.width);
  if (style.dash !== '') line['stroke-dasharray'] = style.dash;
  line['marker-end'] = `url(#arrow-${link.kind})`;
  g.append(svgNode('path', line));
  if (labelled) {
    const attrs = { x: mx, y: my - 5 + offset * 2, class: 'link-label', fill: style.stroke };
    g.append(svgNode('text', attrs, linkLabel(data, link)));
  }
  return g;
}

/** The lines, drift last so that it is drawn on top. */
export function drawLinks(svg: SVGElement, data: MapPageData, view: MapView, layout: MapLayout): void {
  const rank: Record<string, number> = {
    covered: 0,
    observed: 0,
    ignored: 1,
    stale: 2,
    missing: 3,
    blocked: 4,
  };
  const links = [...view.links].sort((a, b) => (rank[a.kind] ?? 0) - (rank[b.kind] ?? 0));
  const offsets = linkOffsets(links);
  const titles = new Map(view.units.map((u) => [u.key, u.title]));
  const layer = svgNode('g', { class: 'links' });
  for (const link of links) {
    const a = layout.units[link.from];
    const b = layout.units[link.to];
    if (a === undefined || b === undefined) continue;
    const names: [string, string] = [titles.get(link.from) ?? '', titles.get(link.to) ?? ''];
    layer.append(drawLink(data, link, [a, b], names, offsets.get(link.key) ?? 0, links.length <= 40));
  }
  svg.append(layer);
}

/** The open groups' boxes, each with a header that collapses it. */
export function drawGroups(svg: SVGElement, view: MapView, layout: MapLayout): void {
  const layer = svgNode('g', { class: 'groups' });
  for (const group of view.groups) {
    const box = layout.groups[group.key];
    if (group.collapsed || box === undefined) continue;
    const g = svgNode('g', { class: 'group', 'data-group': group.key });
    g.append(svgNode('rect', { x: box.x, y: box.y, width: box.w, height: box.h, rx: 8, class: 'group-box' }));
    const header = svgNode('text', {
      x: box.x + 10,
      y: box.y + 16,
      class: 'group-label',
      role: 'button',
      tabindex: 0,
      'data-toggle': group.key,
      'aria-label': `collapse ${group.label}`,
    });
    header.append(svgNode('title', {}, `${group.label}: click to collapse`));
    header.append(document.createTextNode(`▾ ${shortText(group.label, 60)}`));
    g.append(header);
    layer.append(g);
  }
  svg.append(layer);
}

/** A box per unit: a node with its name, or a collapsed group with its count. */
export function drawUnits(svg: SVGElement, data: MapPageData, view: MapView, layout: MapLayout): void {
  const layer = svgNode('g', { class: 'units' });
  for (const unit of view.units) {
    const box = layout.units[unit.key];
    if (box === undefined) continue;
    const g = svgNode('g', {
      class: `unit kind-${unit.kind}${unit.match ? ' match' : ''}`,
      'data-unit': unit.key,
      role: 'button',
      tabindex: 0,
      'aria-label': unit.kind === 'group' ? unit.title : `${unit.kind} ${unit.title}`,
    });
    g.append(svgNode('title', {}, unit.title));
    const rect: Record<string, string | number> = { x: box.x, y: box.y, width: box.w, height: box.h, rx: 6 };
    const style = unit.kind === 'group' ? undefined : data.nodeStyles[unit.kind];
    if (style !== undefined) Object.assign(rect, { fill: style.fill ?? '#ffffff', stroke: style.stroke });
    if (style !== undefined && style.dash !== '') rect['stroke-dasharray'] = style.dash;
    g.append(svgNode('rect', rect));
    const lines = unit.kind === 'group' ? [`▸ ${unit.label}`, unit.note] : [unit.label];
    lines.forEach((line, i) => {
      const y = box.y + (lines.length === 1 ? box.h / 2 + 4 : 17 + i * 16);
      const cls = i === 0 ? 'unit-label' : 'unit-note';
      g.append(svgNode('text', { x: box.x + box.w / 2, y, class: cls }, shortText(line, 34)));
    });
    layer.append(g);
  }
  svg.append(layer);
}

/** Replaces the drawing with the view at the given zoom. */
export function drawMap(
  svg: SVGElement,
  data: MapPageData,
  view: MapView,
  layout: MapLayout,
  zoom: number,
): void {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
  svg.setAttribute('width', String(Math.round(layout.width * zoom)));
  svg.setAttribute('height', String(Math.round(layout.height * zoom)));
  svg.append(arrowMarkers(data));
  drawGroups(svg, view, layout);
  drawLinks(svg, data, view, layout);
  drawUnits(svg, data, view, layout);
}
