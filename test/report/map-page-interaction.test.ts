// The interactive page's script as it ships (page-script.generated.ts, inlined by renderMapPage),
// run in Chromium on small hand-made maps: where the boxes and lines go, what they say, and what
// each control and click does. map-page-layout.test.ts runs the same layout in Node, but from
// the sources: only a page in a browser runs the bundled script.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { graphOfDrift } from '../../src/report/graph-model.ts';
import type { MapPageData, PageEdge, PageNode, PageRow } from '../../src/report/map-page/page-data.ts';
import { mapPageData } from '../../src/report/map-page/page-data.ts';
import { renderMapPage } from '../../src/report/map-page/page-html.ts';
import { BROWSER_SKIP, type Browser, launchBrowser, type WatchedPage } from '../support/browser.ts';
import { meshDrift } from '../support/mesh-drift.ts';
import { demoDrift } from './demo-drift.ts';

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The styles, title and mode of a real drift page; the nodes and edges are the test's own. */
const BASE = mapPageData(graphOfDrift(demoDrift()), {
  source: 'test',
  environments: {},
  onlyDrift: false,
  warnings: [],
});

function workload(name: string, namespace: string | null, kind: PageNode['kind'] = 'workload'): PageNode {
  return { kind, name, namespace, label: namespace === null ? name : `${name}.${namespace}` };
}

function edge(
  from: number,
  to: number,
  kind: PageEdge['kind'],
  rows = 1,
  extra: Partial<PageRow> = {},
): PageEdge {
  return {
    from,
    to,
    kind,
    rows: Array.from({ length: rows }, (_, i) => ({ call: `GET /r${i}`, verdict: kind, ...extra })),
  };
}

function pageData(
  nodes: PageNode[],
  edges: PageEdge[],
  environments: Record<string, string> = {},
): MapPageData {
  return { ...BASE, nodes, edges, environments };
}

let dir = '';
let browser: Browser;
let pages = 0;

before(async () => {
  if (BROWSER_SKIP) return;
  dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-interaction-'));
  browser = await launchBrowser();
});
after(async () => {
  if (BROWSER_SKIP) return;
  await browser.close();
  await rm(dir, { recursive: true, force: true });
});

async function open(data: MapPageData): Promise<WatchedPage> {
  const file = path.join(dir, `page${pages++}.html`);
  await writeFile(file, renderMapPage(data));
  const watched = await browser.page();
  await watched.page.goto(pathToFileURL(file).href);
  await watched.page.waitForSelector('html[data-ready="true"]', { timeout: 20_000 });
  return watched;
}

/** The box of every unit (`n:3`, `g:ns:shop`) as drawn. */
async function unitBoxes(watched: WatchedPage): Promise<Record<string, Rect>> {
  return watched.page.$$eval('#map [data-unit]', (els) =>
    Object.fromEntries(
      els.map((el) => {
        const r = el.querySelector('rect');
        const n = (a: string) => Number(r?.getAttribute(a));
        return [el.getAttribute('data-unit'), { x: n('x'), y: n('y'), w: n('width'), h: n('height') }];
      }),
    ),
  );
}

async function groupBoxes(watched: WatchedPage): Promise<Record<string, Rect>> {
  return watched.page.$$eval('#map [data-group]', (els) =>
    Object.fromEntries(
      els.map((el) => {
        const r = el.querySelector('rect');
        const n = (a: string) => Number(r?.getAttribute(a));
        return [el.getAttribute('data-group'), { x: n('x'), y: n('y'), w: n('width'), h: n('height') }];
      }),
    ),
  );
}

/** The points of a line's path: `M x,y C x,y x,y x,y`. */
async function linePoints(watched: WatchedPage, key: string): Promise<[number, number][]> {
  const d = await watched.page.$eval(`#map [data-link="${key}"] .line`, (el) => el.getAttribute('d') ?? '');
  return [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** A click on an element of the drawing, as the reader's click reaches the drawing's listener. */
async function pick(watched: WatchedPage, selector: string): Promise<void> {
  await watched.page.$eval(selector, (el) => el.dispatchEvent(new MouseEvent('click', { bubbles: true })));
}

async function text(watched: WatchedPage, selector: string): Promise<string> {
  return (await watched.page.textContent(selector)) ?? '';
}

describe('the page script in Chromium: layout', { skip: BROWSER_SKIP }, () => {
  // shop: k0..k4 with k0 → k4, k3 → k4, k2 → k3 (three columns, k1 calls only out of shop); ring: front ⇄ back (a cycle);
  // chain: a → wide → c → d (four ranks squeezed in three columns: a and wide share one);
  // names: a name of exactly 34 characters calls one of 50.
  const exactly34 = 'w'.repeat(30) + '-34c';
  const fifty = 'x'.repeat(50);
  const nodes = [
    ...['k0', 'k1', 'k2', 'k3', 'k4'].map((k) => workload(k, 'shop')),
    workload('front', 'ring'),
    workload('back', 'ring'),
    workload('a', 'chain'),
    workload('a-much-wider-workload', 'chain'),
    workload('c', 'chain'),
    workload('d', 'chain'),
    workload(exactly34, 'names'),
    workload(fifty, 'names'),
  ];
  const edges = [
    edge(0, 4, 'covered'),
    edge(3, 4, 'covered'),
    edge(2, 3, 'covered'),
    // k1's only call leaves shop: inside shop it has no neighbour.
    edge(1, 5, 'covered'),
    edge(5, 6, 'covered'),
    edge(5, 6, 'stale'),
    edge(6, 5, 'covered'),
    edge(7, 8, 'covered'),
    edge(8, 9, 'covered'),
    edge(9, 10, 'covered'),
    edge(11, 12, 'covered', 3),
  ];

  // The layout tests only read the page: they share it, opened by the first that runs.
  let shared: Promise<WatchedPage> | undefined;
  const layoutPage = () => {
    shared ??= open(pageData(nodes, edges));
    return shared;
  };

  test('columns follow the calls, a cycle cut; a column is ordered by the columns on both sides', async () => {
    const watched = await layoutPage();
    const box = await unitBoxes(watched);
    const [front, back] = [box['n:5'], box['n:6']] as Rect[];
    assert.ok(front && back && front.x + front.w < back.x, 'the caller left of the server it calls');
    // k2 calls k3, which sits at the top of its column: k2 moves up next to it, above k1.
    const [k1, k2] = [box['n:1'], box['n:2']] as Rect[];
    assert.ok(k1 && k2 && k2.y < k1.y, `k2 at ${k2?.y}, k1 at ${k1?.y}`);
    assert.deepEqual(watched.errors, []);
  });

  test('boxes sit inside their namespace, under its header, with room on every side', async () => {
    const watched = await layoutPage();
    const units = await unitBoxes(watched);
    const groups = await groupBoxes(watched);
    assert.deepEqual(Object.keys(groups).sort(), ['ns:chain', 'ns:names', 'ns:ring', 'ns:shop']);
    const groupOf = (i: number) => `ns:${nodes[i]?.namespace}`;
    for (const [key, group] of Object.entries(groups)) {
      const inside = Object.entries(units)
        .filter(([unit]) => groupOf(Number(unit.slice(2))) === key)
        .map(([, b]) => b);
      assert.ok(inside.length > 0, key);
      assert.ok(Math.min(...inside.map((b) => b.y)) >= group.y + 24 + 12, `${key}: a box over the header`);
      assert.ok(Math.min(...inside.map((b) => b.x)) >= group.x + 12, `${key}: no room on the left`);
      assert.ok(
        Math.max(...inside.map((b) => b.x + b.w)) <= group.x + group.w - 12,
        `${key}: no room on the right`,
      );
      assert.ok(Math.max(...inside.map((b) => b.y + b.h)) <= group.y + group.h - 12, `${key}: no room below`);
    }
  });

  test('a name is cut at 34 characters, its box no wider than that; one of 34 is whole', async () => {
    const watched = await layoutPage();
    const labels = await watched.page.$$eval('#map [data-unit] .unit-label', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    assert.ok(labels.includes(exactly34));
    assert.ok(labels.includes(`${'x'.repeat(33)}…`), labels.join(' '));
    const box = await unitBoxes(watched);
    assert.equal(box['n:12']?.w, 34 * 7 + 22);
    // The line of three calls: its first call and how many more, and all three in its title.
    const link = '#map [data-link="n:11>n:12>covered"]';
    assert.equal(await text(watched, `${link} .link-label`), 'GET /r0 +2');
    assert.equal(
      await text(watched, `${link} title`),
      `${exactly34}.names → ${fifty}.names: covered, 3 calls or rules`,
    );
  });

  test('lines back to the left, or within a column, go round the boxes they join', async () => {
    const watched = await layoutPage();
    const box = await unitBoxes(watched);
    // ring: back → front ends at the right side of front.
    const front = box['n:5'] as Rect;
    const back = (await linePoints(watched, 'n:6>n:5>covered')).at(-1);
    assert.deepEqual(back, [front.x + front.w + 2, front.y + front.h / 2]);
    // chain: a and the wider box under it share a column; the line bends out beyond both.
    const [a, wide] = [box['n:7'], box['n:8']] as Rect[];
    assert.ok(a && wide && a.x === wide.x + (wide.w - a.w) / 2, 'a and the wider box in one column');
    const [, out] = await linePoints(watched, 'n:7>n:8>covered');
    assert.ok(out && out[0] >= wide.x + wide.w + 50, `bends out at ${out?.[0]}`);
  });

  test('two lines between the same boxes run side by side, either side of the centre', async () => {
    const watched = await layoutPage();
    const box = await unitBoxes(watched);
    const centre = (box['n:5']?.y ?? 0) + (box['n:5']?.h ?? 0) / 2;
    const [covered] = await linePoints(watched, 'n:5>n:6>covered');
    const [stale] = await linePoints(watched, 'n:5>n:6>stale');
    assert.deepEqual([covered?.[1], stale?.[1]], [centre - 4, centre + 4]);
  });

  test('the namespace filter lists namespaces sorted, whatever order the nodes come in', async () => {
    const watched = await layoutPage();
    const options = await watched.page.$$eval('#namespace option', (els) => els.map((e) => e.textContent));
    assert.deepEqual(options, ['all namespaces (4)', 'chain', 'names', 'ring', 'shop']);
  });

  test('40 lines still carry labels, and the columns keep the room for them', async () => {
    const callers = Array.from({ length: 8 }, (_, i) => workload(`caller-${i}`, 'callers'));
    const servers = Array.from({ length: 5 }, (_, i) => workload(`server-${i}`, 'servers'));
    const calls = callers.flatMap((_, c) => servers.map((_, s) => edge(c, 8 + s, 'covered')));
    assert.equal(calls.length, 40);
    const watched = await open(pageData([...callers, ...servers], calls));
    assert.equal((await watched.page.$$('#map .link-label')).length, 40);
    const groups = await groupBoxes(watched);
    const [left, right] = [groups['ns:callers'], groups['ns:servers']] as Rect[];
    assert.equal((right?.x ?? 0) - ((left?.x ?? 0) + (left?.w ?? 0)), 150);
  });
});

describe('the page script in Chromium: drawing and controls', { skip: BROWSER_SKIP }, () => {
  // alpha: web; beta: api, db, svc (a Service); a caller and a host outside the mesh.
  const nodes = [
    workload('web', 'alpha'),
    workload('api', 'beta'),
    workload('db', 'beta'),
    workload('outside the mesh', null, 'unattributed'),
    workload('example.com', null, 'external'),
    workload('svc', 'beta', 'service'),
  ];
  const edges = [
    edge(3, 0, 'observed'),
    edge(0, 4, 'observed'),
    edge(0, 1, 'covered', 3),
    edge(0, 1, 'blocked', 1, {
      via: 'via service api.beta',
      template: '/users/{id}',
      seen: '2026-03-01T10:00:00Z to 2026-03-01T10:05:00Z',
    }),
    edge(1, 2, 'stale'),
    edge(0, 5, 'covered'),
    edge(2, 2, 'covered'),
  ];
  const data = pageData(nodes, edges, { alpha: 'prod' });

  test('styles: dashed stale lines and Service boxes, each arrow its kind, drift drawn last', async () => {
    const watched = await open(data);
    const { page } = watched;
    const stale = '#map [data-link="n:1>n:2>stale"] .line';
    assert.equal(await page.getAttribute(stale, 'stroke-dasharray'), BASE.edgeStyles.stale.dash);
    assert.equal(await page.getAttribute(stale, 'marker-end'), 'url(#arrow-stale)');
    assert.equal(await page.getAttribute('#map [data-unit="n:5"] rect', 'stroke-dasharray'), '5 3');
    assert.equal(await page.getAttribute('#map [data-unit="n:1"] rect', 'stroke-dasharray'), null);
    // Drift on top: drawn after (over) the calls; ignored between.
    const order: Record<string, number> = {
      observed: 0,
      covered: 0,
      ignored: 1,
      stale: 2,
      missing: 3,
      blocked: 4,
    };
    const drawn = await page.$$eval('#map [data-link]', (els) =>
      els.map((e) => e.getAttribute('data-link') ?? ''),
    );
    const ranks = drawn.map((k) => order[k.split('>')[2] ?? ''] ?? -1);
    assert.deepEqual(
      ranks,
      [...ranks].sort((x, y) => x - y),
      drawn.join(' '),
    );
    assert.equal(drawn.at(-1), 'n:0>n:1>blocked');
    assert.equal(
      await text(watched, '#map [data-link="n:1>n:2>stale"] title'),
      'api.beta → db.beta: stale, 1 call or rule',
    );
  });

  test('callers and hosts outside the mesh each in their own box', async () => {
    const watched = await open(data);
    const groups = await groupBoxes(watched);
    const units = await unitBoxes(watched);
    assert.match(
      await text(watched, '#map [data-group="~outside"] .group-label'),
      /callers outside the mesh/,
    );
    assert.match(await text(watched, '#map [data-group="~external"] .group-label'), /hosts outside the mesh/);
    const inside = (unit: string, group: string) => {
      const [u, g] = [units[unit], groups[group]] as Rect[];
      return u !== undefined && g !== undefined && u.x >= g.x && u.y >= g.y && u.x + u.w <= g.x + g.w;
    };
    assert.ok(inside('n:3', '~outside') && inside('n:4', '~external'));
  });

  test('the status line, the environment filter and a search in capitals', async () => {
    const watched = await open(data);
    const { page } = watched;
    assert.equal(await text(watched, '#status'), 'Showing 7 of 7 edges in 6 boxes.');
    assert.equal(await page.getAttribute('#map', 'class'), null, 'nothing chosen: nothing dimmed');
    await page.selectOption('#environment', 'prod');
    // Every call with an end in alpha, a call from outside the mesh included; not api → db.
    assert.equal(await text(watched, '#status'), 'Showing 5 of 7 edges in 5 boxes.');
    await page.selectOption('#environment', '');
    await page.fill('#search', 'WEB');
    assert.equal(await text(watched, '#status'), 'Showing 5 of 7 edges in 5 boxes.');
    assert.match((await page.getAttribute('#map [data-unit="n:0"]', 'class')) ?? '', /\bmatch\b/);
    assert.doesNotMatch((await page.getAttribute('#map [data-unit="n:1"]', 'class')) ?? '', /\bmatch\b/);
  });

  test('collapsed namespaces: counted, marked when they hold a match, stacked apart, lines as their worst kind', async () => {
    const watched = await open(data);
    const { page } = watched;
    await page.click('#collapse-all');
    const notes = await page.$$eval('#map [data-unit] .unit-note', (els) =>
      Object.fromEntries(
        els.map((e) => [e.closest('[data-unit]')?.getAttribute('data-unit'), e.textContent]),
      ),
    );
    assert.equal(notes['g:ns:alpha'], '1 node');
    assert.equal(notes['g:ns:beta'], '3 nodes');
    assert.match(
      (await page.getAttribute('#map [data-link="g:ns:alpha>g:ns:beta"]', 'class')) ?? '',
      /kind-blocked/,
    );
    // outside → alpha → beta and example.com: beta and example.com share the last column.
    const box = await unitBoxes(watched);
    const [beta, external] = [box['g:ns:beta'], box['g:~external']] as Rect[];
    assert.ok(beta && external && beta.x === external.x, 'one column');
    const [upper, lower] = beta.y < external.y ? [beta, external] : [external, beta];
    assert.ok(lower.y >= upper.y + upper.h + 22, `${JSON.stringify(upper)} then ${JSON.stringify(lower)}`);
    await page.fill('#search', 'db');
    assert.match((await page.getAttribute('#map [data-unit="g:ns:beta"]', 'class')) ?? '', /\bmatch\b/);
    assert.equal(await text(watched, '#map [data-unit="g:ns:beta"] .unit-note'), '2 nodes, 1 matching');
    assert.deepEqual(watched.errors, []);
  });

  test("a collapsed namespace's line names the namespaces; a header click collapses an open one", async () => {
    const watched = await open(data);
    const { page } = watched;
    await page.click('#collapse-all');
    await pick(watched, '#map [data-link="g:ns:alpha>g:ns:beta"] .hit');
    assert.equal(await text(watched, '#details h2'), 'namespace alpha → namespace beta');
    assert.deepEqual(await page.$$eval('#details h3', (els) => els.map((e) => e.textContent)), [
      'web.alpha → api.beta',
      'web.alpha → api.beta',
      'web.alpha → svc.beta',
    ]);
    await page.click('#expand-all');
    assert.equal((await page.$$('#map [data-unit^="g:"]')).length, 0);
    await pick(watched, '#map [data-toggle="ns:beta"]');
    assert.deepEqual(
      await page.$$eval('#map [data-unit^="g:"]', (els) => els.map((e) => e.getAttribute('data-unit'))),
      ['g:ns:beta'],
    );
  });

  test("a line's details: each row's via, template and seen; one pair, no pair heading, nothing more", async () => {
    const watched = await open(data);
    const { page } = watched;
    await pick(watched, '#map [data-link="n:0>n:1>blocked"] .hit');
    const details = await text(watched, '#details');
    assert.match(details, /via service api\.beta/);
    assert.match(details, /template \/users\/\{id\}/);
    assert.match(details, /seen 2026-03-01T10:00:00Z to 2026-03-01T10:05:00Z/);
    assert.equal((await page.$$('#details h3')).length, 0);
    assert.doesNotMatch(details, /more not shown/);
  });

  test('a node: its calls out and in counted by calls, a call to itself both ways', async () => {
    const watched = await open(data);
    await pick(watched, '#map [data-unit="n:0"]');
    const web = await watched.page.$$eval('#details h3', (els) => els.map((e) => e.textContent));
    assert.deepEqual(web, ['Calls out (6)', 'Calls in (1)']);
    await pick(watched, '#map [data-unit="n:2"]');
    const db = await watched.page.$$eval('#details h3', (els) => els.map((e) => e.textContent));
    assert.deepEqual(db, ['Calls out (1)', 'Calls in (2)']);
  });

  test('choosing another line moves the marks; a line the filters hide takes its details along', async () => {
    const watched = await open(data);
    const { page } = watched;
    const related = () =>
      page.$$eval('#map .related', (els) => els.map((e) => e.getAttribute('data-unit')).sort());
    await pick(watched, '#map [data-link="n:0>n:1>covered"] .hit');
    assert.deepEqual(await related(), ['n:0', 'n:1']);
    await pick(watched, '#map [data-link="n:1>n:2>stale"] .hit');
    assert.deepEqual(await related(), ['n:1', 'n:2']);
    assert.match((await page.getAttribute('#map', 'class')) ?? '', /has-selection/);
    await page.fill('#search', 'web');
    assert.equal(await text(watched, '#details h2'), 'Details');
    assert.match(await text(watched, '#details'), /Click a line/);
  });

  test('Space on a focused line opens it, as Enter does', async () => {
    const watched = await open(data);
    await watched.page.focus('#map [data-link="n:0>n:5>covered"]');
    await watched.page.keyboard.press('Space');
    assert.equal(await text(watched, '#details h2'), 'web.alpha → svc.beta');
  });

  test('zoom in and out scale the whole drawing', async () => {
    const watched = await open(data);
    const { page } = watched;
    const scale = async () => {
      const [w, h, box] = await Promise.all(
        ['width', 'height', 'viewBox'].map(async (a) => (await page.getAttribute('#map', a)) ?? ''),
      );
      const [, , vw, vh] = (box as string).split(' ').map(Number);
      return [Number(w) / (vw ?? 1), Number(h) / (vh ?? 1)];
    };
    const [before] = await scale();
    await page.click('#zoom-in');
    const [inW, inH] = (await scale()) as [number, number];
    assert.ok(
      Math.abs(inW - (before ?? 0) * 1.25) < 0.01 && Math.abs(inH - inW) < 0.01,
      `${before} → ${inW}, ${inH}`,
    );
    await page.click('#zoom-out');
    await page.click('#zoom-out');
    const [outW] = await scale();
    assert.ok(Math.abs((outW ?? 0) - (before ?? 0) / 1.25) < 0.01, `${before} → ${outW}`);
  });
});

describe('the page script in Chromium: big maps', { skip: BROWSER_SKIP }, () => {
  test('a node of more than 300 calls shows 300 and counts every one left out', async () => {
    const nodes = [workload('hub', 'big'), workload('x', 'big'), workload('y', 'big'), workload('z', 'big')];
    const watched = await open(
      pageData(nodes, [edge(0, 1, 'covered', 299), edge(0, 2, 'covered', 5), edge(0, 3, 'covered', 3)]),
    );
    await pick(watched, '#map [data-unit="n:0"]');
    assert.equal((await watched.page.$$('#details li.row')).length, 300);
    assert.equal(await text(watched, '#details li.note'), '7 more not shown: filter or search to narrow.');
  });

  test('fit shrinks a map of 500 open workloads no further than 0.7', async () => {
    const data = mapPageData(graphOfDrift(meshDrift({ workloads: 500, namespaces: 50 })), {
      source: 'test',
      environments: {},
      onlyDrift: false,
      warnings: [],
    });
    const watched = await open(data);
    const { page } = watched;
    await page.click('#expand-all');
    await page.click('#zoom-fit');
    const width = Number(await page.getAttribute('#map', 'width'));
    const viewBox = Number(((await page.getAttribute('#map', 'viewBox')) ?? '').split(' ')[2]);
    assert.ok(viewBox * 0.7 > 1400, 'the map is far wider than the window');
    assert.equal(width, Math.round(viewBox * 0.7));
  });
});
