/// <reference lib="dom" />
// Runs in the page, not in Node: scripts/page-script.ts bundles browser/ into the
// page's one inline script (../page-script.generated.ts).
// The details panel, built only when the reader clicks (a page of 500 workloads holds thousands
// of calls): a line's calls and rules with verdict, enforcement, reason, file and line and the
// suggested rule; a node's calls out and in. Every text is set with textContent.

import type { MapPageData, PageRow } from '../page-data.ts';
import type { MapView, ViewLink } from './types.ts';

/** An HTML element with attributes and, optionally, text. */
export function htmlNode(tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** What the panel says before anything is chosen. */
export function showHint(panel: HTMLElement): void {
  panel.replaceChildren(
    htmlNode('h2', {}, 'Details'),
    htmlNode(
      'p',
      { class: 'hint' },
      'Click a line for its calls and rules, a box for what it calls and what calls it, a collapsed namespace to open it.',
    ),
  );
}

/** One call or rule: verdict and call on the first line, then why, where, and the rule to add. */
export function rowItem(row: PageRow, kind: string, end?: string): HTMLElement {
  const item = htmlNode('li', { class: `row kind-${kind}` });
  if (end !== undefined) item.append(htmlNode('div', { class: 'end' }, end));
  const head = htmlNode('div');
  head.append(htmlNode('span', { class: `verdict kind-${kind}` }, row.verdict), ' ');
  head.append(htmlNode('code', {}, row.call));
  if (row.count !== undefined) head.append(htmlNode('span', { class: 'count' }, ` ${row.count}`));
  item.append(head);
  for (const line of [
    row.note,
    row.via,
    row.template === undefined ? undefined : `template ${row.template}`,
  ]) {
    if (line !== undefined) item.append(htmlNode('div', { class: 'note' }, line));
  }
  if (row.seen !== undefined) item.append(htmlNode('div', { class: 'note' }, `seen ${row.seen}`));
  if (row.where !== undefined) item.append(htmlNode('div', { class: 'where' }, row.where));
  if (row.rule !== undefined) {
    const rule = htmlNode('details', { class: 'rule' });
    rule.append(htmlNode('summary', {}, 'suggested rule, for spec.targets'), htmlNode('pre', {}, row.rule));
    item.append(rule);
  }
  return item;
}

/** The calls and rules of some edges; `ends` names the other end of each. */
export function rowsList(data: MapPageData, edges: number[], ends?: (edge: number) => string): HTMLElement {
  // A node of a big mesh can have thousands of calls: the panel shows the first ones.
  const cap = 300;
  const list = htmlNode('ul', { class: 'rows' });
  let shown = 0;
  let total = 0;
  for (const i of edges) {
    const edge = data.edges[i];
    if (edge === undefined) continue;
    for (const row of edge.rows) {
      total++;
      if (shown >= cap) continue;
      shown++;
      list.append(rowItem(row, edge.kind, ends?.(i)));
    }
  }
  if (total > shown) {
    list.append(
      htmlNode('li', { class: 'note' }, `${total - shown} more not shown: filter or search to narrow.`),
    );
  }
  return list;
}

/** A line's calls and rules, one table per pair of nodes behind it. */
export function showLinkDetails(panel: HTMLElement, data: MapPageData, view: MapView, link: ViewLink): void {
  const title = (key: string) => {
    const unit = view.units.find((u) => u.key === key);
    return unit === undefined ? key : unit.kind === 'group' ? unit.label : unit.title;
  };
  const parts: HTMLElement[] = [htmlNode('h2', {}, `${title(link.from)} → ${title(link.to)}`)];
  parts.push(
    htmlNode(
      'p',
      { class: 'note' },
      `${data.edgeStyles[link.kind].legend}: ${link.rows} ${link.rows === 1 ? 'call or rule' : 'calls or rules'}`,
    ),
  );
  for (const i of link.edges.slice(0, 100)) {
    const edge = data.edges[i];
    if (edge === undefined) continue;
    if (link.edges.length > 1) {
      const pair = `${data.nodes[edge.from]?.label ?? ''} → ${data.nodes[edge.to]?.label ?? ''}`;
      parts.push(htmlNode('h3', {}, pair));
    }
    parts.push(rowsList(data, [i]));
  }
  if (link.edges.length > 100)
    parts.push(htmlNode('p', { class: 'note' }, `${link.edges.length - 100} more pairs not shown.`));
  panel.replaceChildren(...parts);
}

/** A node's calls out and in. */
export function showNodeDetails(panel: HTMLElement, data: MapPageData, node: number): void {
  const n = data.nodes[node];
  if (n === undefined) return;
  const out: number[] = [];
  const into: number[] = [];
  data.edges.forEach((e, i) => {
    if (e.from === node) out.push(i);
    if (e.to === node) into.push(i);
  });
  const env = n.namespace === null ? undefined : data.environments[n.namespace];
  const what = `${data.nodeStyles[n.kind].legend}${env === undefined ? '' : `, environment ${env}`}`;
  const parts: HTMLElement[] = [htmlNode('h2', {}, n.label), htmlNode('p', { class: 'note' }, what)];
  const rows = (edges: number[]) => edges.reduce((n, i) => n + (data.edges[i]?.rows.length ?? 0), 0);
  parts.push(htmlNode('h3', {}, `Calls out (${rows(out)})`));
  parts.push(
    out.length === 0
      ? htmlNode('p', { class: 'note' }, 'none')
      : rowsList(data, out, (i) => `→ ${data.nodes[data.edges[i]?.to ?? -1]?.label ?? ''}`),
  );
  parts.push(htmlNode('h3', {}, `Calls in (${rows(into)})`));
  parts.push(
    into.length === 0
      ? htmlNode('p', { class: 'note' }, 'none')
      : rowsList(data, into, (i) => `← ${data.nodes[data.edges[i]?.from ?? -1]?.label ?? ''}`),
  );
  panel.replaceChildren(...parts);
}
