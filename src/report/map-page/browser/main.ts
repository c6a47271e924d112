/// <reference lib="dom" />
// Runs in the page, not in Node: scripts/page-script.ts bundles browser/ into the
// page's one inline script (../page-script.generated.ts).
// The page's start: read the embedded data, fill the controls, draw, and redraw on each choice.

import type { MapPageData } from '../page-data.ts';
import { drawMap } from './draw.ts';
import { layoutMap } from './layout.ts';
import { htmlNode, showHint, showLinkDetails, showNodeDetails } from './panel.ts';
import type { MapLayout, MapState, MapView } from './types.ts';
import { groupOfNode, visibleMap } from './view.ts';

/** The element with this id, which the page's markup always has. */
export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
}

/** Options of a select: `all` first, then the values. */
export function fillSelect(select: HTMLSelectElement, all: string, values: string[]): void {
  select.append(htmlNode('option', { value: '' }, all));
  for (const value of values) {
    const option = htmlNode('option', {}, value) as HTMLOptionElement;
    option.value = value;
    select.append(option);
  }
}

/** The namespace and environment selects, from the data. */
export function fillControls(data: MapPageData, state: MapState): void {
  const namespaces = [
    ...new Set(data.nodes.flatMap((n) => (n.namespace === null ? [] : [n.namespace]))),
  ].sort();
  fillSelect(byId('namespace'), `all namespaces (${namespaces.length})`, namespaces);
  const environments = [...new Set(Object.values(data.environments))].sort();
  if (environments.length > 0) {
    fillSelect(byId('environment'), 'all environments', environments);
    byId('environment-control').hidden = false;
  }
  if (data.mode === 'drift') byId('drift-control').hidden = false;
  byId<HTMLInputElement>('drift-only').checked = state.driftOnly;
}

/** Marks the chosen line or box, and what a chosen box touches. */
export function markSelection(svg: SVGElement, state: MapState, view: MapView): void {
  for (const el of svg.querySelectorAll('.selected, .related')) el.classList.remove('selected', 'related');
  svg.classList.toggle('has-selection', state.selected !== null);
  const sel = state.selected;
  if (sel === null) return;
  if (sel.kind === 'link') {
    const link = view.links.find((l) => l.key === sel.key);
    const ends = new Set([link?.from, link?.to]);
    for (const el of svg.querySelectorAll('[data-link]'))
      if (el.getAttribute('data-link') === sel.key) el.classList.add('selected');
    for (const el of svg.querySelectorAll('[data-unit]'))
      if (ends.has(el.getAttribute('data-unit') ?? '')) el.classList.add('related');
    return;
  }
  const unit = `n:${sel.node}`;
  const touching = new Set(
    view.links.filter((l) => l.from === unit || l.to === unit).flatMap((l) => [l.key, l.from, l.to]),
  );
  for (const el of svg.querySelectorAll('[data-unit], [data-link]')) {
    const key = el.getAttribute('data-unit') ?? el.getAttribute('data-link') ?? '';
    if (key === unit) el.classList.add('selected');
    else if (touching.has(key)) el.classList.add('related');
  }
}

/** The status line: what passes the filters. */
export function statusText(view: MapView): string {
  if (view.total === 0) return 'Nothing observed or declared.';
  if (view.shown === 0) return 'No edge matches these filters.';
  const closed = view.groups.filter((g) => g.collapsed).length;
  const collapsed = closed > 0 ? `, ${closed} of ${view.groups.length} namespaces collapsed` : '';
  return `Showing ${view.shown} of ${view.total} edges in ${view.units.length} boxes${collapsed}.`;
}

/** Handles a click or key on the drawing: open or close a box, or show details. */
export function onPick(
  target: Element,
  data: MapPageData,
  state: MapState,
  view: MapView,
  redraw: () => void,
): void {
  const toggle = target.closest('[data-toggle]')?.getAttribute('data-toggle');
  const unit = target.closest('[data-unit]')?.getAttribute('data-unit');
  const link = target.closest('[data-link]')?.getAttribute('data-link');
  const panel = byId('details');
  if (toggle) {
    state.collapsed[toggle] = true;
    redraw();
  } else if (unit?.startsWith('g:')) {
    state.collapsed[unit.slice(2)] = false;
    redraw();
  } else if (unit) {
    state.selected = { kind: 'node', node: Number(unit.slice(2)) };
    showNodeDetails(panel, data, state.selected.node);
  } else if (link) {
    const found = view.links.find((l) => l.key === link);
    if (found === undefined) return;
    state.selected = { kind: 'link', key: link };
    showLinkDetails(panel, data, view, found);
  }
}

/** Every control's listener; each choice redraws. */
export function wireControls(data: MapPageData, state: MapState, redraw: () => void, fit: () => void): void {
  const on = (id: string, event: string, act: (el: HTMLInputElement) => void) =>
    byId<HTMLInputElement>(id).addEventListener(event, (e) => {
      act(e.currentTarget as HTMLInputElement);
      redraw();
    });
  on('namespace', 'change', (el) => {
    state.namespace = el.value;
  });
  on('environment', 'change', (el) => {
    state.environment = el.value;
  });
  on('search', 'input', (el) => {
    state.search = el.value;
  });
  on('drift-only', 'change', (el) => {
    state.driftOnly = el.checked;
  });
  const setAll = (collapsed: boolean) => {
    data.nodes.forEach((_, i) => {
      state.collapsed[groupOfNode(data, i).key] = collapsed;
    });
  };
  on('expand-all', 'click', () => setAll(false));
  on('collapse-all', 'click', () => setAll(true));
  on('zoom-in', 'click', () => {
    state.zoom = Math.min(4, state.zoom * 1.25);
  });
  on('zoom-out', 'click', () => {
    state.zoom = Math.max(0.1, state.zoom / 1.25);
  });
  byId('zoom-fit').addEventListener('click', fit);
}

/** Reads the data, draws the map and keeps it in step with the controls. */
export function startMapPage(): void {
  const data = JSON.parse(byId('map-data').textContent ?? '{}') as MapPageData;
  const state: MapState = {
    namespace: '',
    environment: '',
    search: '',
    driftOnly: data.onlyDrift,
    collapsed: {},
    zoom: 1,
    selected: null,
  };
  const svg = byId('map') as unknown as SVGElement;
  let view: MapView = visibleMap(data, state);
  let layout: MapLayout = layoutMap(view);
  const redraw = () => {
    view = visibleMap(data, state);
    layout = layoutMap(view);
    drawMap(svg, data, view, layout, state.zoom);
    const sel = state.selected;
    const stillShown =
      sel === null ||
      (sel.kind === 'link'
        ? view.links.some((l) => l.key === sel.key)
        : view.units.some((u) => u.node === sel.node));
    if (!stillShown) {
      state.selected = null;
      showHint(byId('details'));
    }
    markSelection(svg, state, view);
    byId('status').textContent = statusText(view);
  };
  const fit = () => {
    const graph = byId('graph');
    const whole = Math.min((graph.clientWidth - 4) / layout.width, (graph.clientHeight - 4) / layout.height);
    // Small maps are drawn a little larger; large ones shrink until text gets too small, then scroll.
    state.zoom = Math.max(0.7, Math.min(1.5, whole));
    redraw();
  };
  fillControls(data, state);
  wireControls(data, state, redraw, fit);
  const pick = (e: Event) => {
    if (e.target instanceof Element) onPick(e.target, data, state, view, redraw);
    markSelection(svg, state, view);
  };
  svg.addEventListener('click', pick);
  svg.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    pick(e);
  });
  showHint(byId('details'));
  fit();
  document.documentElement.setAttribute('data-ready', 'true');
}
