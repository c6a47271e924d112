import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { pageScriptIsFresh } from '../../scripts/page-script.ts';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import type { MissingCall } from '../../src/model.ts';
import { hasUnsafeChars } from '../../src/report/display-text.ts';
import { graphOfDrift, graphOfMap } from '../../src/report/graph-model.ts';
import { type MapPageContext, mapPageData } from '../../src/report/map-page/page-data.ts';
import { jsonForScript, renderMapPage } from '../../src/report/map-page/page-html.ts';
import { MAP_PAGE_SCRIPT } from '../../src/report/map-page/page-script.generated.ts';
import { suggestedRule } from '../../src/report/map-page/suggested-rule.ts';
import { call, declaredIntents, NS, observedMap, rule } from '../diff/builders.ts';
import { assertGolden, demoDrift } from './demo-drift.ts';
import { hostileCalls } from './graph-hostile.ts';

const CONTEXT: MapPageContext = {
  source: 'metrics fixtures/demo/capture (4 series from 3 sources)',
  window: { from: '2026-03-01T10:00:00Z', to: '2026-03-01T10:05:00Z' },
  environments: { 'otterize-tutorial-istio-mapping': 'demo' },
  onlyDrift: false,
  warnings: ['capture/nginx.prom: 4 series without request_path'],
};

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

function between(html: string, open: string, close: string): string {
  const start = html.indexOf(open);
  assert.ok(start >= 0, open);
  return html.slice(start + open.length, html.indexOf(close, start));
}

describe('the map page', () => {
  test('the demo drift page (golden)', async () => {
    await assertGolden('map-page.html', renderMapPage(mapPageData(graphOfDrift(demoDrift()), CONTEXT)));
  });

  test('a strict CSP: the inline script and style by hash, nothing else', () => {
    const html = renderMapPage(mapPageData(graphOfDrift(demoDrift()), CONTEXT));
    const csp = between(html, '<meta http-equiv="Content-Security-Policy" content="', '">');
    const script = between(html, '<script>', '</script>');
    const style = between(html, '<style>', '</style>');
    assert.equal(script, MAP_PAGE_SCRIPT);
    assert.equal(
      csp,
      `default-src 'none'; script-src 'sha256-${sha256(script)}'; style-src 'sha256-${sha256(style)}'; base-uri 'none'; form-action 'none'`,
    );
    assert.equal(html.match(/<script/g)?.length, 2, 'the data block and the script');
    assert.doesNotMatch(html, /\son[a-z]+=|javascript:|<link|<img|<iframe|\ssrc=|\shref=|@import/i);
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    assert.deepEqual([...new Set(urls)], ['http://www.w3.org/2000/svg']);
  });

  test('the data block cannot end its element, and parses back', () => {
    const text = jsonForScript({ a: '</script><script>alert(1)</script>', b: '<!-- & \u2028' });
    assert.doesNotMatch(text, /[<>&\u2028]/);
    assert.deepEqual(JSON.parse(text), { a: '</script><script>alert(1)</script>', b: '<!-- & \u2028' });
  });

  test('the details of each kind of row', () => {
    const data = mapPageData(graphOfDrift(demoDrift()), CONTEXT);
    const rows = data.edges.flatMap((e) => e.rows.map((r) => ({ kind: e.kind, ...r })));
    const blocked = rows.find((r) => r.kind === 'blocked');
    assert.deepEqual(blocked, {
      kind: 'blocked',
      call: 'POST /client2-path',
      verdict: 'missing',
      count: '118 requests',
      via: 'via service nginx-service.otterize-tutorial-istio-mapping',
      seen: '2026-03-01T10:00:01Z to 2026-03-01T10:04:01Z',
      note: 'would be blocked once enforced: the server already has intents',
      where: 'declare in a new ClientIntents',
      rule: '- kubernetes:\n    name: nginx\n    kind: Deployment\n    http:\n      - path: /client2-path\n        methods:\n          - POST',
    });
    const stale = rows.find((r) => r.kind === 'stale');
    assert.equal(stale?.where, 'declared at intents/client2.yaml:14');
    assert.match(stale?.note ?? '', /^path-not-called: /);
    assert.equal(rows.find((r) => r.kind === 'covered')?.note, undefined);
    assert.equal(data.window, '2026-03-01T10:00:00Z to 2026-03-01T10:05:00Z');
    assert.deepEqual(data.environments, { 'otterize-tutorial-istio-mapping': 'demo' });
  });

  test('a missing call to a server without intents would not be blocked; templates are shown', () => {
    const drift = computeDrift(
      observedMap([call('a', 'b', 'GET', '/users/8812/orders')]),
      declaredIntents([]),
    );
    const [missing] = drift.missing;
    assert.ok(missing);
    // What the drift controls add with `templates: true` (diff/drift-controls.ts).
    missing.suggestedPath = '/users/{*}/orders';
    const [row] = mapPageData(graphOfDrift(drift), CONTEXT).edges[0]?.rows ?? [];
    assert.equal(row?.note, 'allowed once enforced: the server has no intents yet');
    assert.match(row?.template ?? '', /^\/users\/\{\*\}\/orders/);
    assert.match(row?.rule ?? '', /- path: \/users\/\{\*\}\/orders\n/);
  });

  test('every text from traffic or files reaches the data through pictureText', () => {
    const graph = graphOfMap(observedMap(hostileCalls()));
    const data = mapPageData(graph, { ...CONTEXT, source: 'a\u202eb', warnings: ['x\u001b[31m'] });
    const json = JSON.stringify(data);
    assert.doesNotMatch(json, /\\n(?!lines)|\\u001b|\u202e/);
    assert.ok(data.nodes.some((n) => n.name === 'two\\nlines'));
    assert.equal(data.source, 'a\\u202eb');
    assert.deepEqual(data.warnings, ['x\\x1b[31m']);
  });

  test('the context and the namespaces reach the data through pictureText too', () => {
    const calls = hostileCalls();
    const first = calls[0];
    assert.ok(first);
    first.server.namespace = 'sh\u202eop\nx';
    const data = mapPageData(graphOfMap(observedMap(calls)), {
      ...CONTEXT,
      window: { from: '2026-03-01T10:00:00Z\u001b[2J', to: 'later\r' },
      environments: { 'pay\u2066': 'prod\nstaging' },
    });
    assert.equal(data.window, '2026-03-01T10:00:00Z\\x1b[2J to later\\r');
    assert.deepEqual(data.environments, { 'pay\\u2066': 'prod\\nstaging' });
    assert.ok(data.nodes.some((n) => n.namespace === 'sh\\u202eop\\nx'));
    for (const node of data.nodes) {
      for (const text of [node.label, node.name, node.namespace ?? ''])
        assert.equal(hasUnsafeChars(text), false, text);
    }
  });

  test('environments in namespace order, whatever order the config gives them in', () => {
    const graph = graphOfDrift(demoDrift());
    const one = mapPageData(graph, { ...CONTEXT, environments: { shop: 'prod', pay: 'prod', audit: 'dev' } });
    const other = mapPageData(graph, {
      ...CONTEXT,
      environments: { audit: 'dev', shop: 'prod', pay: 'prod' },
    });
    assert.deepEqual(Object.keys(one.environments), ['audit', 'pay', 'shop']);
    assert.equal(renderMapPage(one), renderMapPage(other));
  });

  test('--only-drift starts a drift page with the drift only; an observed map has no drift to keep', () => {
    const context = { ...CONTEXT, onlyDrift: true };
    assert.equal(mapPageData(graphOfDrift(demoDrift()), context).onlyDrift, true);
    assert.equal(
      mapPageData(graphOfMap(observedMap([call('a', 'b', 'GET', '/x')])), context).onlyDrift,
      false,
    );
  });

  test('the source and the warnings are HTML-escaped in the header', () => {
    const html = renderMapPage(
      mapPageData(graphOfDrift(demoDrift()), {
        ...CONTEXT,
        source: 'metrics <b>cap</b>&"x"',
        warnings: ['<img src=x>: 1 series without request_path'],
      }),
    );
    assert.ok(
      html.includes(
        '<p class="source">Data: metrics &lt;b&gt;cap&lt;/b&gt;&amp;&quot;x&quot;; traffic from 2026-03-01T10:00:00Z to 2026-03-01T10:05:00Z.</p>',
      ),
    );
    assert.ok(html.includes('<li>&lt;img src=x&gt;: 1 series without request_path</li>'));
    assert.doesNotMatch(html, /<b>|<img/);
  });

  test('the committed page script is built from src/report/map-page/browser/', async () => {
    assert.ok(await pageScriptIsFresh(), 'page-script.generated.ts is stale: run npm run build');
  });
});

describe('suggested rule', () => {
  const missing = (path: string, server = 'nginx'): MissingCall => ({
    ...call('client', server, 'GET', path, { serverKind: 'Deployment' }),
    wouldBeBlocked: true,
  });

  test('plain names and paths as they are; anything else double-quoted', () => {
    assert.match(suggestedRule(missing('/a/{*}/b.json')) ?? '', /- path: \/a\/\{\*\}\/b\.json\n/);
    assert.match(suggestedRule(missing('/a: b #c')) ?? '', /- path: "\/a: b #c"\n/);
    assert.match(suggestedRule(missing('/x', 'api.shop')) ?? '', /name: api\.shop\n/);
    assert.match(suggestedRule(missing('/two\nlines')) ?? '', /- path: "\/two\\\\nlines"\n/);
  });

  test('every path YAML could read another way is quoted, and reads back as itself', async () => {
    const { parse } = await import('yaml');
    for (const path of [
      '*',
      '{a}',
      '-x',
      '/a: b',
      '/a #b',
      '/a b',
      "/it's",
      '/a,b',
      '/[x]',
      '/&a',
      '/!x',
      '/%20',
    ]) {
      const target = parse(suggestedRule(missing(path)) ?? '')[0];
      assert.equal(target.kubernetes.http[0].path, path, path);
    }
  });

  test('none for a call without method and path', () => {
    const noDetail: MissingCall = { ...call('a', 'b', null, null), wouldBeBlocked: false };
    assert.equal(suggestedRule(noDetail), undefined);
  });

  test('none for a method the ClientIntents CRD cannot take (`get`, HEAD): it would write an invalid method', () => {
    for (const method of ['get', 'HEAD']) {
      const odd: MissingCall = { ...call('a', 'b', method, '/x'), wouldBeBlocked: true };
      assert.equal(suggestedRule(odd), undefined, method);
    }
    assert.notEqual(suggestedRule({ ...call('a', 'b', 'GET', '/x'), wouldBeBlocked: true }), undefined);
  });

  test('the rule the page suggests makes the call covered', async () => {
    const { parse } = await import('yaml');
    const drift = demoDrift();
    const target = parse(suggestedRule(drift.missing[0] as MissingCall) ?? '')[0];
    const http = target.kubernetes.http[0];
    const added = rule('client2', target.kubernetes.name, http.methods[0], http.path);
    const observed = observedMap([...drift.covered, ...drift.missing]);
    const after = computeDrift(
      observed,
      declaredIntents([rule('client', 'nginx', 'GET', '/client-path'), added]),
    );
    assert.equal(after.summary.missing, 0);
  });
});

describe("the map page's rows and summary", () => {
  function detailedDrift() {
    const drift = computeDrift(
      observedMap([
        call('a', 'b', 'GET', '/users/8812/orders', { service: 'b-svc', lastSeen: '2026-03-01T10:04:00Z' }),
      ]),
      declaredIntents([rule('idle', 'c', 'GET', '/x', { file: 'intents/idle.yaml', line: 7 })]),
    );
    const missing = drift.missing[0];
    assert.ok(missing);
    missing.intentsFile = { file: 'intents/a.yaml', line: 3 };
    missing.suggestedPath = '/users/{*}/orders';
    drift.ignored.push({
      ...call('d', 'e', 'GET', '/health'),
      ignoredBy: { file: '.intent-drift.yaml', line: 4 },
    } as never);
    return drift;
  }

  test('a missing call: where to declare it (file and line), when seen, the Service called, what the template allows', () => {
    const data = mapPageData(graphOfDrift(detailedDrift()), CONTEXT);
    const row = data.edges.find((e) => e.kind === 'missing')?.rows[0];
    assert.equal(row?.where, 'declare in intents/a.yaml:3');
    assert.equal(row?.seen, '? to 2026-03-01T10:04:00Z');
    assert.equal(row?.via, `via service b-svc.${NS}`);
    assert.match(row?.template ?? '', /^\/users\/\{\*\}\/orders \(also allows .+\)$/);
  });

  test('a stale rule of an idle client says so, at its file and line; an ignored call names the rule that accepted it', () => {
    const data = mapPageData(graphOfDrift(detailedDrift()), CONTEXT);
    const stale = data.edges.find((e) => e.kind === 'stale')?.rows[0];
    assert.equal(stale?.where, 'declared at intents/idle.yaml:7');
    assert.equal(stale?.note, 'client-idle: the client made no calls at all in this run');
    const ignored = data.edges.find((e) => e.kind === 'ignored')?.rows[0];
    assert.equal(ignored?.verdict, 'ignored');
    assert.equal(ignored?.note, 'accepted by .intent-drift.yaml:4');
    assert.match(
      data.summary,
      /^1 missing \(0 would be blocked once enforced\), 1 stale, 1 ignored; 6 nodes\.$/,
    );
  });

  test('an observed map: its calls are observed, not "not judged", and an empty one says it is empty', () => {
    const data = mapPageData(graphOfMap(observedMap([call('a', 'b', 'GET', '/x')])), CONTEXT);
    assert.equal(data.edges[0]?.rows[0]?.verdict, 'observed');
    assert.equal(data.summary, '1 call observed; 2 nodes.');
    assert.equal(mapPageData(graphOfMap(observedMap([])), CONTEXT).summary, 'Nothing observed or declared.');
  });

  test("a row's texts from traffic and files (the call, where it is declared) reach the data through pictureText", () => {
    const drift = computeDrift(
      observedMap([call('a', 'b', 'GET', '/pay\u202e\u001b[2J')]),
      declaredIntents([rule('a', 'b', 'GET', '/old', { file: 'intents/x\u2066.yaml', line: 2 })]),
    );
    const rows = mapPageData(graphOfDrift(drift), CONTEXT).edges.flatMap((e) => e.rows);
    assert.ok(
      rows.some((r) => r.call === 'GET /pay\\u202e\\x1b[2J'),
      JSON.stringify(rows),
    );
    assert.ok(
      rows.some((r) => r.where === 'declared at intents/x\\u2066.yaml:2'),
      JSON.stringify(rows),
    );
    // The suggested rule keeps its line breaks (YAML); every other field is one line.
    for (const { rule: _yaml, ...row } of rows) {
      for (const text of Object.values(row)) assert.equal(hasUnsafeChars(text), false, text);
    }
  });
});
