// Runs in the page, not in Node: scripts/page-script.ts bundles browser/ into the
// page's one inline script (../page-script.generated.ts).
// Where each box goes, left to right as the calls flow: namespace boxes in columns by their
// place in the call chain (callers left of the servers they call), the workloads inside a box
// in columns the same way, each column ordered to keep lines short. Linear in the size of what
// is shown, so that 500 workloads lay out in milliseconds.

import type { Box, MapLayout, MapView, ViewUnit } from './types.ts';

/**
 * A column for each key: 0 for keys nothing calls, else one more than the furthest caller.
 * Calls that close a cycle are left out (found by a depth-first search in the keys' order).
 */
export function layerRanks(keys: string[], pairs: [string, string][]): Map<string, number> {
  const out = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const [a, b] of pairs) if (a !== b && out.has(b)) out.get(a)?.push(b);
  const seen = new Map<string, number>();
  const kept = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const root of keys) {
    if (seen.has(root)) continue;
    seen.set(root, 1);
    const stack: [string, number][] = [[root, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, number];
      const next = out.get(top[0])?.[top[1]];
      if (next === undefined) {
        seen.set(top[0], 2);
        stack.pop();
        continue;
      }
      top[1]++;
      if (seen.get(next) === 1) continue;
      kept.get(top[0])?.push(next);
      if (!seen.has(next)) {
        seen.set(next, 1);
        stack.push([next, 0]);
      }
    }
  }
  const incoming = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const targets of kept.values()) for (const t of targets) incoming.set(t, (incoming.get(t) ?? 0) + 1);
  const rank = new Map<string, number>(keys.map((k) => [k, 0]));
  const queue = keys.filter((k) => incoming.get(k) === 0);
  for (let i = 0; i < queue.length; i++) {
    const k = queue[i] as string;
    for (const t of kept.get(k) ?? []) {
      rank.set(t, Math.max(rank.get(t) ?? 0, (rank.get(k) ?? 0) + 1));
      const left = (incoming.get(t) ?? 1) - 1;
      incoming.set(t, left);
      if (left === 0) queue.push(t);
    }
  }
  return rank;
}

/**
 * Keys in columns by rank, each column in the keys' order. A long chain of calls would make as
 * many columns, a strip too wide to read: ranks are squeezed into about √n columns, and a
 * column of more than about √n keys is split, so the map keeps a readable shape (calls within
 * a column bend out to its right).
 */
export function columnsOf(keys: string[], rank: Map<string, number>): string[][] {
  const most = Math.max(3, Math.round(Math.sqrt(keys.length)));
  const ranks = Math.max(0, ...rank.values()) + 1;
  const columns: string[][] = [];
  for (const k of keys) {
    const r = ranks <= most ? (rank.get(k) ?? 0) : Math.floor(((rank.get(k) ?? 0) * most) / ranks);
    while (columns.length <= r) columns.push([]);
    columns[r]?.push(k);
  }
  // A column taller than the others would be (many boxes nothing links) is split in several.
  const tallest = Math.max(4, Math.ceil(Math.sqrt(keys.length)));
  return columns.flatMap((c) => {
    const parts: string[][] = [];
    for (let i = 0; i < c.length; i += tallest) parts.push(c.slice(i, i + tallest));
    return parts;
  });
}

/**
 * Reorders each column by the mean position of its neighbours in the columns already ordered
 * (the barycentre heuristic), left to right then right to left: fewer crossings, shorter lines.
 */
export function orderColumns(columns: string[][], neighbours: Map<string, string[]>): string[][] {
  const position = new Map<string, number>();
  const place = (column: string[]) => {
    column.forEach((k, i) => {
      position.set(k, i / Math.max(1, column.length));
    });
  };
  const sortColumn = (column: string[], fixed: Set<string>) => {
    const score = new Map<string, number>();
    column.forEach((k, i) => {
      const near = (neighbours.get(k) ?? []).filter((n) => fixed.has(n));
      const mean = near.reduce((sum, n) => sum + (position.get(n) ?? 0), 0) / Math.max(1, near.length);
      score.set(k, near.length > 0 ? mean : i / Math.max(1, column.length));
    });
    column.sort((a, b) => (score.get(a) ?? 0) - (score.get(b) ?? 0));
    place(column);
  };
  const out = columns.map((c) => [...c]);
  out.forEach(place);
  for (const direction of [1, -1]) {
    const fixed = new Set<string>(direction === 1 ? (out[0] ?? []) : (out[out.length - 1] ?? []));
    const order = direction === 1 ? out.slice(1) : out.slice(0, -1).reverse();
    for (const column of order) {
      sortColumn(column, fixed);
      for (const k of column) fixed.add(k);
    }
  }
  return out;
}

/** A box's size from its label: DejaVu Sans at 12px is about 7px a character. */
export function unitSize(unit: ViewUnit): { w: number; h: number } {
  const chars = Math.min(34, unit.label.length);
  if (unit.kind === 'group') return { w: Math.max(120, chars * 7 + 28), h: 44 };
  return { w: Math.max(64, chars * 7 + 22), h: 28 };
}

/** Lays out the view: every unit's box and every open group's box, in pixels. */
export function layoutMap(view: MapView): MapLayout {
  const unitsByGroup = new Map<string, ViewUnit[]>();
  for (const u of view.units) appendTo(unitsByGroup, u.group, u);
  const groupOf = new Map(view.units.map((u) => [u.key, u.group]));
  const groupPairs: [string, string][] = [];
  const groupNear = new Map<string, string[]>();
  for (const l of view.links) {
    const a = groupOf.get(l.from) ?? '';
    const b = groupOf.get(l.to) ?? '';
    groupPairs.push([a, b]);
    if (a !== b) {
      appendTo(groupNear, a, b);
      appendTo(groupNear, b, a);
    }
  }
  const groupKeys = view.groups.map((g) => g.key);
  const groupColumns = orderColumns(columnsOf(groupKeys, layerRanks(groupKeys, groupPairs)), groupNear);
  const inner = new Map<string, string[][]>();
  for (const g of view.groups) inner.set(g.key, innerColumns(view, unitsByGroup.get(g.key) ?? []));
  return placeColumns(view, groupColumns, inner);
}

/** The columns of units inside one open group (a collapsed group is one column of one). */
export function innerColumns(view: MapView, units: ViewUnit[]): string[][] {
  const keys = units.map((u) => u.key);
  const own = new Set(keys);
  const pairs: [string, string][] = [];
  const near = new Map<string, string[]>();
  for (const l of view.links) {
    if (!own.has(l.from) || !own.has(l.to)) continue;
    pairs.push([l.from, l.to]);
    appendTo(near, l.from, l.to);
    appendTo(near, l.to, l.from);
  }
  return orderColumns(columnsOf(keys, layerRanks(keys, pairs)), near);
}

/** Pixels: group columns left to right, boxes stacked top to bottom, units inside. */
export function placeColumns(
  view: MapView,
  groupColumns: string[][],
  inner: Map<string, string[][]>,
): MapLayout {
  const margin = 16;
  // Lines carry labels only when few are shown (see draw.ts): then they need the room.
  const labelled = view.links.length <= 40;
  const columnGap = labelled ? 150 : 90;
  const boxGap = 22;
  const pad = 12;
  const header = 24;
  const unitGap = 12;
  const innerGap = labelled ? 130 : 60;
  const size = new Map(view.units.map((u) => [u.key, unitSize(u)]));
  const collapsed = new Set(view.groups.filter((g) => g.collapsed).map((g) => g.key));
  const label = new Map(view.groups.map((g) => [g.key, g.label]));
  const units: Record<string, Box> = {};
  const groups: Record<string, Box> = {};
  let x = margin;
  let height = 0;
  for (const column of groupColumns) {
    let y = margin;
    let width = 0;
    for (const g of column) {
      const cols = inner.get(g) ?? [];
      // A loop, not Math.max(...): a namespace of many thousand workloads would overflow the stack.
      const widths = cols.map((c) => c.reduce((most, k) => Math.max(most, size.get(k)?.w ?? 0), 0));
      const heights = cols.map((c) => c.reduce((sum, k) => sum + (size.get(k)?.h ?? 0) + unitGap, -unitGap));
      const tallest = heights.reduce((most, h) => Math.max(most, h), 0);
      if (collapsed.has(g)) {
        const only = cols[0]?.[0] ?? '';
        const s = size.get(only) ?? { w: 0, h: 0 };
        units[only] = { x, y, w: s.w, h: s.h };
        y += s.h + boxGap;
        width = Math.max(width, s.w);
        continue;
      }
      const contentW = widths.reduce((sum, w) => sum + w + innerGap, -innerGap);
      const w = Math.max(contentW + 2 * pad, Math.min(60, (label.get(g) ?? '').length) * 7 + 2 * pad + 16);
      const h = header + tallest + 2 * pad;
      groups[g] = { x, y, w, h };
      let cx = x + pad;
      cols.forEach((c, i) => {
        let cy = y + header + pad + (tallest - (heights[i] ?? 0)) / 2;
        for (const k of c) {
          const s = size.get(k) ?? { w: 0, h: 0 };
          units[k] = { x: cx + ((widths[i] ?? 0) - s.w) / 2, y: cy, w: s.w, h: s.h };
          cy += s.h + unitGap;
        }
        cx += (widths[i] ?? 0) + innerGap;
      });
      y += h + boxGap;
      width = Math.max(width, w);
    }
    height = Math.max(height, y - boxGap + margin);
    x += width + columnGap;
  }
  return { width: Math.max(x - columnGap + margin, 200), height: Math.max(height, 120), units, groups };
}

/**
 * The curve of a line from one box to another, `offset` pixels off the centre line (parallel
 * lines of different kinds), and where on the curve its label goes. A line to a box on the
 * left, or within one column, bends out to the right and comes back.
 */
export function linkPath(a: Box, b: Box, offset: number): { d: string; mx: number; my: number } {
  const r = (v: number) => Math.round(v * 10) / 10;
  const ay = a.y + a.h / 2 + offset;
  const by = b.y + b.h / 2 + offset;
  if (a === b) {
    const x = a.x + a.w;
    const d = `M${r(x)},${r(ay - 6)} C${r(x + 36)},${r(ay - 26)} ${r(x + 36)},${r(ay + 26)} ${r(x + 2)},${r(ay + 6)}`;
    return { d, mx: r(x + 30), my: r(ay) };
  }
  const ax = a.x + a.w;
  if (b.x > ax + 8) {
    const bend = Math.max(30, (b.x - ax) / 2);
    const d = `M${r(ax)},${r(ay)} C${r(ax + bend)},${r(ay)} ${r(b.x - bend)},${r(by)} ${r(b.x - 2)},${r(by)}`;
    // The label sits a third of the way along, nearer the caller: lines that meet at a busy
    // server keep their labels apart.
    const t = 0.35;
    const along = (p0: number, p1: number, p2: number, p3: number) =>
      (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3;
    return { d, mx: r(along(ax, ax + bend, b.x - bend, b.x)), my: r(along(ay, ay, by, by)) };
  }
  const bx = b.x + b.w;
  const out = Math.max(ax, bx) + 50 + Math.abs(ay - by) / 8;
  const d = `M${r(ax)},${r(ay)} C${r(out)},${r(ay)} ${r(out)},${r(by)} ${r(bx + 2)},${r(by)}`;
  return { d, mx: r(out - 12), my: r((ay + by) / 2) };
}

/** Adds `value` to the list under `key` in place (copying the list each time is quadratic). */
function appendTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [value]);
  else list.push(value);
}
