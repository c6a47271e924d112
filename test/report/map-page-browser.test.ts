// The interactive page in a real browser (Debian's Chromium through playwright-core), opened
// from file:// as users open it from a CI artifact: it draws, filters, opens details, and no
// request leaves it and nothing lands in the console (a CSP violation would).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { graphOfDrift, graphOfMap } from '../../src/report/graph-model.ts';
import { mapPageData } from '../../src/report/map-page/page-data.ts';
import { renderMapPage } from '../../src/report/map-page/page-html.ts';
import { runCli } from '../cli/run-cli.ts';
import { observedMap } from '../diff/builders.ts';
import { BROWSER_SKIP, type Browser, launchBrowser, type WatchedPage } from '../support/browser.ts';
import { meshDrift } from '../support/mesh-drift.ts';
import { hostileCalls } from './graph-hostile.ts';

const NS = 'otterize-tutorial-istio-mapping';

let dir = '';
let browser: Browser;

before(async () => {
  if (BROWSER_SKIP) return;
  dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-page-'));
  browser = await launchBrowser();
});
after(async () => {
  if (BROWSER_SKIP) return;
  await browser.close();
  await rm(dir, { recursive: true, force: true });
});

/** Opens a page file and waits until its script has drawn the map. */
async function open(file: string): Promise<WatchedPage> {
  const watched = await browser.page();
  await watched.page.goto(pathToFileURL(file).href);
  await watched.page.waitForSelector('html[data-ready="true"]', { timeout: 20_000 });
  return watched;
}

/** Nothing but the file itself was requested, and the console stayed clean. */
function assertSealed(watched: WatchedPage, file: string): void {
  assert.deepEqual(watched.errors, []);
  assert.deepEqual(watched.requests, [pathToFileURL(file).href]);
}

async function unitLabels(watched: WatchedPage): Promise<string[]> {
  return watched.page.$$eval('#map [data-unit] .unit-label', (els) => els.map((e) => e.textContent ?? ''));
}

async function linkKinds(watched: WatchedPage): Promise<string[]> {
  const keys = await watched.page.$$eval('#map [data-link]', (els) =>
    els.map((e) => e.getAttribute('data-link') ?? ''),
  );
  return keys.map((k) => k.split('>')[2] ?? '').sort();
}

async function writePage(name: string, html: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, html);
  return file;
}

describe('the interactive map in Chromium', { skip: BROWSER_SKIP }, () => {
  test('the demo drift: drawn, filtered, an edge and a node explained, nothing fetched', async () => {
    await writeFile(path.join(dir, 'config.yaml'), `environments:\n  ${NS}: demo\n`);
    const file = path.join(dir, 'demo.html');
    const run = await runCli([
      'visualize',
      '-o',
      file,
      '--metrics',
      'fixtures/demo/capture',
      '--intents',
      'fixtures/demo/intents',
      '--config',
      path.join(dir, 'config.yaml'),
    ]);
    assert.equal(run.code, 0, run.stderr); // a drawing command exits 0 once written (no --fail-on given)
    const watched = await open(file);
    const { page } = watched;
    assert.deepEqual((await unitLabels(watched)).sort(), ['client', 'client2', 'nginx']);
    assert.deepEqual(await linkKinds(watched), ['blocked', 'covered', 'stale']);
    assert.match((await page.textContent('.source')) ?? '', /metrics fixtures\/demo\/capture/);

    assert.equal(await page.textContent('#namespace option:checked'), 'all namespaces (1)');
    await page.selectOption('#namespace', NS);
    await page.selectOption('#environment', 'demo');
    assert.deepEqual(await linkKinds(watched), ['blocked', 'covered', 'stale']);

    await page.click('#map [data-link$=">blocked"] .hit');
    const missing = (await page.textContent('#details')) ?? '';
    assert.match(missing, new RegExp(`client2\\.${NS} → nginx\\.${NS}`));
    assert.match(missing, /missing\s*POST \/client2-path\s*291 requests/);
    assert.match(missing, /would be blocked once enforced/);
    assert.match(missing, /declare in fixtures\/demo\/intents\/client2\.yaml:13/);
    await page.click('#details details.rule summary');
    const rule = (await page.textContent('#details pre')) ?? '';
    assert.match(
      rule,
      /- kubernetes:\n {4}name: nginx\n {4}http:\n {6}- path: \/client2-path\n {8}methods:\n {10}- POST/,
    );

    await page.click('#map [data-link$=">stale"] .hit');
    const stale = (await page.textContent('#details')) ?? '';
    assert.match(stale, /stale\s*POST \/client2-old-path/);
    assert.match(stale, /path-not-called/);
    assert.match(stale, /declared at fixtures\/demo\/intents\/client2\.yaml:19/);

    await page.click('#map [data-unit] .unit-label >> text=nginx');
    const node = (await page.textContent('#details')) ?? '';
    assert.match(node, /Calls in \(3\)/);
    assert.match(node, new RegExp(`← client\\.${NS}`));
    assert.match(node, /environment demo/);

    await page.check('#drift-only');
    assert.deepEqual(await linkKinds(watched), ['blocked', 'stale']);
    await page.uncheck('#drift-only');
    await page.fill('#search', 'client2-old');
    assert.deepEqual(await linkKinds(watched), ['stale']);
    await page.fill('#search', 'nothing-like-this');
    assert.match((await page.textContent('#status')) ?? '', /No edge matches these filters/);
    assertSealed(watched, file);
  });

  test('a namespace filter narrows a mesh of six namespaces', async () => {
    const graph = graphOfDrift(meshDrift({ workloads: 60, namespaces: 6 }));
    const file = await writePage(
      'mesh60.html',
      renderMapPage(mapPageData(graph, { source: 'test', environments: {}, onlyDrift: true, warnings: [] })),
    );
    const watched = await open(file);
    const { page } = watched;
    assert.equal(await page.isChecked('#drift-only'), true, '--only-drift starts the page filtered');
    assert.deepEqual([...new Set(await linkKinds(watched))].sort(), ['blocked', 'missing', 'stale']);
    await page.uncheck('#drift-only');
    const all = (await page.$$('#map [data-link]')).length;
    await page.selectOption('#namespace', 'team-2');
    const titles = await page.$$eval('#map [data-link] title', (els) => els.map((e) => e.textContent ?? ''));
    assert.ok(titles.length > 0 && titles.length < all, `${titles.length} of ${all}`);
    for (const t of titles) assert.match(t, /\.team-2\b/);
    assertSealed(watched, file);
  });

  test('500 workloads: namespaces start collapsed, open on demand, details stay lazy', async () => {
    const graph = graphOfDrift(meshDrift({ workloads: 500, namespaces: 50 }));
    const data = mapPageData(graph, { source: 'test', environments: {}, onlyDrift: false, warnings: [] });
    assert.equal(data.nodes.length, 500);
    const file = await writePage('mesh500.html', renderMapPage(data));
    const watched = await open(file);
    const { page } = watched;
    assert.equal((await page.$$('#map [data-unit].kind-group')).length, 50);
    assert.equal((await page.$$('#map [data-unit]')).length, 50);
    assert.equal(await page.$$eval('#details li', (els) => els.length), 0, 'no details before a click');
    await page.click('#map [data-unit="g:ns:team-7"]');
    assert.equal((await page.$$('#map [data-unit].kind-group')).length, 49);
    assert.ok((await page.$$('#map [data-unit^="n:"]')).length >= 10);
    await page.click('#expand-all');
    assert.equal((await page.$$('#map [data-unit]')).length, 500);
    await page.click('#collapse-all');
    assert.equal((await page.$$('#map [data-unit]')).length, 50);
    await page.click('#map [data-link] .hit >> nth=0', { force: true });
    assert.ok(((await page.$$eval('#details li.row', (els) => els.length)) ?? 0) > 0);
    assertSealed(watched, file);
  });

  test('on a narrow screen the details go below the map; the keyboard opens them too', async () => {
    const graph = graphOfDrift(meshDrift({ workloads: 20, namespaces: 2 }));
    const file = await writePage(
      'narrow.html',
      renderMapPage(mapPageData(graph, { source: 'test', environments: {}, onlyDrift: false, warnings: [] })),
    );
    const watched = await browser.page({ width: 600, height: 900 });
    await watched.page.goto(pathToFileURL(file).href);
    await watched.page.waitForSelector('html[data-ready="true"]');
    const { page } = watched;
    const graphBox = await page.locator('#graph').boundingBox();
    const details = await page.locator('#details').boundingBox();
    assert.ok(graphBox && details && details.y >= graphBox.y + graphBox.height - 1, 'details below the map');
    assert.ok(
      (await page.evaluate(() => document.documentElement.scrollWidth)) <= 600,
      'no sideways page scroll',
    );
    await page.focus('#map [data-link$=">blocked"]');
    await page.keyboard.press('Enter');
    assert.match((await page.textContent('#details')) ?? '', /would be blocked once enforced/);
    assertSealed(watched, file);
  });

  test('an empty map says so, without errors', async () => {
    const graph = graphOfMap(observedMap([]));
    const file = await writePage(
      'empty.html',
      renderMapPage(mapPageData(graph, { source: 'test', environments: {}, onlyDrift: false, warnings: [] })),
    );
    const watched = await open(file);
    assert.equal(await watched.page.textContent('#status'), 'Nothing observed or declared.');
    assert.equal(await watched.page.isHidden('#drift-control'), true, 'no drift to filter without intents');
    assertSealed(watched, file);
  });

  test('hostile names stay text: no element, no request, no script', async () => {
    const graph = graphOfMap(observedMap(hostileCalls()));
    const file = await writePage(
      'hostile.html',
      renderMapPage(
        mapPageData(graph, {
          source: '<b>src</b>',
          environments: {},
          onlyDrift: false,
          warnings: ['<i>w</i>'],
        }),
      ),
    );
    const watched = await open(file);
    const { page } = watched;
    assert.ok((await unitLabels(watched)).includes('<img src=x onerror=alert(1)>'));
    for (const link of await page.$$('#map [data-link] .hit')) await link.click({ force: true });
    await page.click('#map [data-unit] >> nth=0');
    const foreign = await page.$$eval(
      'img, iframe, a, object, embed, b, i, script:not([id="map-data"])',
      (els) => els.map((e) => e.tagName),
    );
    assert.deepEqual(foreign, ['SCRIPT'], 'only the page script itself');
    assert.match((await page.textContent('.source')) ?? '', /<b>src<\/b>/);
    assertSealed(watched, file);
  });
});
