// The page script's pure parts, run in Node: what the filters show and where the boxes go.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { graphOfDrift } from '../../src/report/graph-model.ts';
import {
  columnsOf,
  layerRanks,
  layoutMap,
  linkPath,
  placeColumns,
} from '../../src/report/map-page/browser/layout.ts';
import type { Box, MapState, MapView, ViewUnit } from '../../src/report/map-page/browser/types.ts';
import { visibleMap } from '../../src/report/map-page/browser/view.ts';
import { mapPageData } from '../../src/report/map-page/page-data.ts';
import { meshDrift } from '../support/mesh-drift.ts';
import { demoDrift } from './demo-drift.ts';

const ALL: MapState = {
  namespace: '',
  environment: '',
  search: '',
  driftOnly: false,
  collapsed: {},
  zoom: 1,
  selected: null,
};

const environments = { 'team-1': 'prod', 'team-2': 'prod', 'team-3': 'staging' };
const PLAIN = { source: 'test', environments: {}, onlyDrift: false, warnings: [] };
const demo = mapPageData(graphOfDrift(demoDrift()), PLAIN);
const mesh = mapPageData(graphOfDrift(meshDrift({ workloads: 500, namespaces: 50 })), {
  source: 'test',
  environments,
  onlyDrift: false,
  warnings: [],
});

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function assertNoOverlap(boxes: Box[]): void {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const [a, b] = [sorted[i] as Box, sorted[j] as Box];
      if (b.x >= a.x + a.w) break;
      assert.ok(!overlaps(a, b), `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`);
    }
  }
}

describe('the page: what is shown', () => {
  test('every edge at first; namespaces collapsed above 60 nodes', () => {
    const view = visibleMap(mesh, ALL);
    assert.equal(view.shown, mesh.edges.length);
    assert.equal(view.units.length, 50);
    assert.ok(view.units.every((u) => u.kind === 'group'));
    const demoView = visibleMap(demo, ALL);
    assert.ok(demoView.units.every((u) => u.kind !== 'group'));
  });

  test('a collapsed box draws one line per pair, as its most urgent kind', () => {
    const view = visibleMap(mesh, ALL);
    const pairs = new Set(view.links.map((l) => `${l.from}>${l.to}`));
    assert.equal(pairs.size, view.links.length);
    const urgency = ['observed', 'covered', 'ignored', 'stale', 'missing', 'blocked'];
    const mixed = view.links.filter((l) => new Set(l.edges.map((i) => mesh.edges[i]?.kind)).size > 1);
    assert.ok(mixed.length > 0);
    for (const link of mixed) {
      const ranks = link.edges.map((i) => urgency.indexOf(mesh.edges[i]?.kind ?? ''));
      assert.equal(link.kind, urgency[Math.max(...ranks)]);
      assert.equal(
        link.rows,
        link.edges.reduce((n, i) => n + (mesh.edges[i]?.rows.length ?? 0), 0),
      );
    }
  });

  test('namespace, environment, drift and search filters', () => {
    const touches = (state: MapState, test: (ns: (string | null)[]) => boolean) => {
      const view = visibleMap(mesh, state);
      assert.ok(view.shown > 0);
      for (const link of view.links) {
        for (const i of link.edges) {
          const e = mesh.edges[i];
          assert.ok(e && test([mesh.nodes[e.from]?.namespace ?? null, mesh.nodes[e.to]?.namespace ?? null]));
        }
      }
      return view;
    };
    const team7 = touches({ ...ALL, namespace: 'team-7' }, (ns) => ns.includes('team-7'));
    assert.ok(
      team7.units.some((u) => u.kind !== 'group'),
      'few enough nodes: opened',
    );
    touches({ ...ALL, environment: 'prod' }, (ns) => ns.includes('team-1') || ns.includes('team-2'));
    const drift = visibleMap(mesh, { ...ALL, driftOnly: true });
    assert.ok(drift.shown > 0);
    assert.ok(
      drift.links
        .flatMap((l) => l.edges)
        .every((i) => ['missing', 'blocked', 'stale'].includes(mesh.edges[i]?.kind ?? '')),
    );
    const found = visibleMap(mesh, { ...ALL, search: 'WEB-40.team-40' });
    assert.ok(found.units.some((u) => u.match && u.title === 'web-40.team-40'));
    assert.equal(
      visibleMap(mesh, { ...ALL, search: '/v1/retired' }).shown,
      mesh.edges.filter((e) => e.rows.some((r) => r.call.includes('/v1/retired'))).length,
    );
  });

  test('a box the reader opened stays open, one closed stays closed', () => {
    const opened = visibleMap(mesh, { ...ALL, collapsed: { 'ns:team-3': false } });
    assert.ok(opened.units.some((u) => u.group === 'ns:team-3' && u.kind === 'workload'));
    const closed = visibleMap(demo, {
      ...ALL,
      collapsed: { 'ns:otterize-tutorial-istio-mapping': true },
    });
    assert.ok(closed.units.some((u) => u.key === 'g:ns:otterize-tutorial-istio-mapping'));
  });
});

describe('the page: where boxes go', () => {
  test('ranks follow the calls; a cycle is cut, not looped forever', () => {
    const ranks = layerRanks(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['a', 'd'],
        ['d', 'd'],
      ],
    );
    assert.deepEqual(Object.fromEntries(ranks), { a: 0, b: 1, c: 2, d: 1 });
  });

  test('a long chain and a crowd of unlinked keys both keep a readable shape', () => {
    const keys = Array.from({ length: 49 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    const chain = columnsOf(
      keys,
      layerRanks(
        keys,
        keys.slice(1).map((k, i) => [keys[i] as string, k]),
      ),
    );
    assert.ok(chain.length <= 8, `${chain.length} columns`);
    const crowd = columnsOf(keys, layerRanks(keys, []));
    assert.ok(crowd.length >= 6 && crowd.every((c) => c.length <= 7), crowd.map((c) => c.length).join(','));
  });

  test('no two boxes overlap: collapsed, opened, and all 500 workloads', () => {
    for (const collapsed of [{}, Object.fromEntries(mesh.nodes.map((n) => [`ns:${n.namespace}`, false]))]) {
      const view = visibleMap(mesh, { ...ALL, collapsed });
      const layout = layoutMap(view);
      assert.equal(Object.keys(layout.units).length, view.units.length);
      assertNoOverlap(Object.values(layout.units));
      assertNoOverlap(Object.values(layout.groups));
      for (const [key, box] of Object.entries(layout.units)) {
        const group = layout.groups[view.units.find((u) => u.key === key)?.group ?? ''];
        if (group)
          assert.ok(
            box.x >= group.x && box.x + box.w <= group.x + group.w && box.y + box.h <= group.y + group.h,
          );
        assert.ok(box.x + box.w <= layout.width && box.y + box.h <= layout.height);
      }
    }
  });

  test('an opened namespace of 200,000 workloads in one column is placed (no argument spread to overflow)', () => {
    const units: ViewUnit[] = Array.from({ length: 200_000 }, (_, i) => ({
      key: `n${i}`,
      group: 'ns:big',
      label: i === 7 ? 'a-much-longer-workload-name' : `w${i}`,
      title: `w${i}`,
      kind: 'workload' as ViewUnit['kind'],
      node: i,
      note: '',
      match: false,
    }));
    const view: MapView = {
      groups: [{ key: 'ns:big', label: 'big', collapsed: false, nodes: [], matches: 0 }],
      units,
      links: [],
      shown: 0,
      total: 0,
    };
    const layout = placeColumns(view, [['ns:big']], new Map([['ns:big', [units.map((u) => u.key)]]]));
    assert.equal(Object.keys(layout.units).length, units.length);
    // The widest box sets the column's width: 27 characters at 7 px and 22 px of padding.
    assert.equal(
      Math.max(
        ...Object.values(layout.units)
          .slice(0, 10)
          .map((b) => b.w),
      ),
      27 * 7 + 22,
    );
  });

  test('lines run from the right of a box; to a box on the left they bend out to the right', () => {
    const a = { x: 0, y: 0, w: 100, h: 20 };
    const b = { x: 300, y: 50, w: 80, h: 20 };
    assert.match(linkPath(a, b, 0).d, /^M100,10 C.* 298,60$/);
    assert.match(linkPath(b, a, 0).d, /^M380,60 C4\d\d.*102,10$/);
    assert.match(linkPath(a, a, 0).d, /^M100,4 /);
  });
});
