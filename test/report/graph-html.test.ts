import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderGraphDot } from '../../src/report/graph-dot.ts';
import { escapeHtml, renderGraphHtml } from '../../src/report/graph-html.ts';
import { type CallGraph, graphOfDrift, graphOfMap } from '../../src/report/graph-model.ts';
import { renderSvg } from '../../src/report/graph-render.ts';
import { observedMap } from '../diff/builders.ts';
import { assertGolden, demoDrift } from './demo-drift.ts';
import { hostileCalls } from './graph-hostile.ts';

async function pageOf(graph: CallGraph): Promise<string> {
  return renderGraphHtml(graph, await renderSvg(renderGraphDot(graph)));
}

// Elements a page may hold: the page's own and what Graphviz draws. A name that became markup
// would add another (img, script, iframe, a, ...).
const ALLOWED_ELEMENTS = new Set(
  'html head meta title style body h1 h2 p div ul li span table thead tbody tr th td code svg g polygon polyline path ellipse text'.split(
    ' ',
  ),
);

function elementsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/<([a-zA-Z][\w:-]*)/g)].map((m) => (m[1] ?? '').toLowerCase()));
}

/** The only URLs allowed: the SVG and XLink namespace names, which load nothing. */
function urlsOf(html: string): string[] {
  const namespaces = ['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink'];
  return [...html.matchAll(/(?:https?:)?\/\/[^\s"'<>)]+/g)]
    .map((m) => m[0])
    .filter((u) => !namespaces.includes(u));
}

describe('graph HTML', () => {
  test('the demo drift page (golden): inline SVG, legend, table', async () => {
    const html = await pageOf(graphOfDrift(demoDrift()));
    assert.match(html, /^<!DOCTYPE html>\n/);
    assert.equal(html.match(/<svg\b/g)?.length, 1);
    assert.doesNotMatch(html, /<\?xml|<!DOCTYPE svg/, 'the SVG is inline, not a document');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.match(html, /<ul class="legend">.*missing, would be blocked once enforced/);
    // One row per call and rule: covered, blocked, stale, unattributed, external.
    assert.equal(html.match(/<tr><td>/g)?.length, 5);
    assert.match(
      html,
      /<td><code>GET \/old-path<\/code><\/td><td class="count"><\/td><td><code>intents\/client2\.yaml:14<\/code>/,
    );
    await assertGolden('graph.html', html);
  });

  test('self-contained: no script, no external resource', async () => {
    const html = await pageOf(graphOfDrift(demoDrift()));
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|\bsrc=|url\(|@import/i);
    assert.deepEqual(urlsOf(html), []);
    assert.deepEqual(
      [...elementsOf(html)].filter((e) => !ALLOWED_ELEMENTS.has(e)),
      [],
    );
  });

  test('hostile names are text in the SVG and the table', async () => {
    const html = await pageOf(graphOfMap(observedMap(hostileCalls())));
    assert.deepEqual(
      [...elementsOf(html)].filter((e) => !ALLOWED_ELEMENTS.has(e)),
      [],
    );
    assert.doesNotMatch(html, /<img|onerror=alert\(1\)>/);
    assert.deepEqual(urlsOf(html), []);
    assert.ok(
      html.includes('<code>&lt;img src=x onerror=alert(1)&gt;.otterize-tutorial-istio-mapping</code>'),
    );
    assert.ok(html.includes('<code>&quot;];evil.otterize-tutorial-istio-mapping</code>'));
    assert.ok(html.includes('<code>back\\slash\\N&amp;amp;x.otterize-tutorial-istio-mapping</code>'));
    assert.ok(html.includes('<code>two\\nlines.otterize-tutorial-istio-mapping</code>'));
    assert.equal(html.match(/<tr><td>/g)?.length, hostileCalls().length);
  });

  test('escapeHtml escapes markup, quotes and control characters', () => {
    assert.equal(escapeHtml(`<a href='x'>"&"</a>`), '&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;');
    assert.equal(escapeHtml('a\u202eb\nc'), 'a\\u202eb\\nc');
  });
});
