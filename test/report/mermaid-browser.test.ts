// The PR comment's drift graph rendered by Mermaid itself (the `mermaid` package's browser
// bundle, loaded into a local page in Debian's Chromium), as GitHub renders ```mermaid blocks:
// it must parse, draw the drifting workloads, colour missing red and stale dashed, and keep
// hostile names as text.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import type { Drift } from '../../src/model.ts';
import { mermaidDriftGraph } from '../../src/report/mermaid-drift-graph.ts';
import { declaredIntents, observedMap, rule } from '../diff/builders.ts';
import { BROWSER_SKIP, type Browser, launchBrowser, type WatchedPage } from '../support/browser.ts';
import { meshDrift } from '../support/mesh-drift.ts';
import { demoDrift } from './demo-drift.ts';
import { hostileCalls } from './graph-hostile.ts';

const require = createRequire(import.meta.url);
const MERMAID = path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');

let browser: Browser;
let watched: WatchedPage;

before(async () => {
  if (BROWSER_SKIP) return;
  browser = await launchBrowser();
  watched = await browser.page();
  await watched.page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
  await watched.page.addScriptTag({ path: MERMAID });
  await watched.page.evaluate(() => {
    (globalThis as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
    });
  });
});
after(async () => {
  if (!BROWSER_SKIP) await browser.close();
});

/** The flowchart inside the markdown block. */
function flowchartOf(markdown: string): string {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
  assert.ok(match?.[1], 'a mermaid block');
  return match[1];
}

let renders = 0;

/** Renders with Mermaid and puts the SVG in the page; returns its visible text. */
async function render(drift: Drift): Promise<string> {
  const source = flowchartOf(mermaidDriftGraph(drift));
  const id = `graph${renders++}`;
  return watched.page.evaluate(
    async ({ id, source }) => {
      const m = (
        globalThis as unknown as { mermaid: { render(id: string, s: string): Promise<{ svg: string }> } }
      ).mermaid;
      const { svg } = await m.render(id, source);
      const out = document.getElementById('out') as HTMLElement;
      out.innerHTML = svg;
      return out.textContent ?? '';
    },
    { id, source },
  );
}

describe('the Mermaid drift graph in Chromium', { skip: BROWSER_SKIP }, () => {
  test('the demo: an SVG naming the drifting workloads, missing red and stale dashed', async () => {
    const text = await render(demoDrift());
    const { page } = watched;
    assert.equal(await page.locator('#out > svg').count(), 1);
    assert.match(text, /namespace otterize-tutorial-istio-mapping/);
    assert.match(text, /client2/);
    assert.match(text, /nginx/);
    assert.doesNotMatch(text, /\bclient\b(?!2)/, 'client only has covered calls: not drawn');
    assert.match(text, /POST \/client2-path \(118\)/);
    assert.match(text, /GET \/old-path/);
    const styles = await page.$$eval('#out svg path.flowchart-link', (els) =>
      els.map((e) => e.getAttribute('style') ?? ''),
    );
    assert.equal(styles.length, 2);
    assert.match(styles[0] ?? '', /stroke:#d62728/);
    assert.match(styles[1] ?? '', /stroke-dasharray:5 4/);
    assert.deepEqual(watched.errors, []);
  });

  test('hostile names are text in the drawing', async () => {
    const observed = observedMap(hostileCalls());
    const drift = computeDrift(observed, declaredIntents([rule('client', 'nginx', 'GET', '/x')]));
    const text = await render(drift);
    assert.match(text, /<img src=x onerror=alert\(1\)>/);
    assert.match(text, /"\];evil/);
    assert.match(text, /two\\nlines/);
    const { page } = watched;
    assert.equal(await page.locator('#out img, #out script, #out iframe, #out a').count(), 0);
    assert.deepEqual(watched.errors, []);
    assert.deepEqual(watched.requests, []);
  });

  test('a large drift is capped at 50 edges and still renders', async () => {
    const drift = meshDrift({ workloads: 500, namespaces: 50 });
    const block = mermaidDriftGraph(drift);
    assert.match(block, /<details><summary>Drift graph: \d+ drifting edges, 50 drawn<\/summary>/);
    assert.match(block, /more drifting edges not drawn/);
    await render(drift);
    assert.equal(await watched.page.locator('#out svg path.flowchart-link').count(), 50);
    assert.deepEqual(watched.errors, []);
  });
});
