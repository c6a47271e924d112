import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import {
  BUSY_EDGES,
  dotString,
  edgeLines,
  MAX_LABEL_LINES,
  MAX_LAID_OUT_LABELS,
  MAX_LINE_CHARS,
  MISSING_RED,
  renderGraphDot,
} from '../../src/report/graph-dot.ts';
import { DRIFT_KINDS, graphOfDrift, graphOfMap, onlyDrift } from '../../src/report/graph-model.ts';
import { renderSvg } from '../../src/report/graph-render.ts';
import { call, declaredIntents, observedMap, rule } from '../diff/builders.ts';
import { meshDrift } from '../support/mesh-drift.ts';
import { assertGolden, demoCalls, demoDrift } from './demo-drift.ts';
import { hostileCalls } from './graph-hostile.ts';

describe('graph DOT', () => {
  test('the demo drift (golden)', async () => {
    const dot = renderGraphDot(graphOfDrift(demoDrift()));
    assert.match(dot, /style="dashed,bold"/, 'the missing call would be blocked: dashed-bold');
    assert.match(
      dot,
      /style="dotted".*label="GET \/old-path\\l"/,
      'the stale rule: dotted, its declared path',
    );
    assert.match(dot, /rankdir=LR/);
    await assertGolden('graph.dot', dot);
  });

  test('the observed map alone (golden)', async () => {
    const dot = renderGraphDot(graphOfMap(observedMap(demoCalls)));
    assert.doesNotMatch(dot, /#d62728/, 'no verdict, no red');
    await assertGolden('graph.map.dot', dot);
  });

  test('one cluster per namespace, whose nodes show their bare names', () => {
    const dot = renderGraphDot(
      graphOfMap(observedMap([call('a.shop', 'b.pay', 'GET', '/x'), call('c.shop', 'b.pay', 'GET', '/y')])),
    );
    assert.match(dot, /label="a"\];/);
    assert.match(dot, /label="b"\];/);
    assert.doesNotMatch(dot, /label="[abc]\.(shop|pay)"/, 'the cluster already names the namespace');
    assert.equal(dot.match(/subgraph cluster_ns\d+/g)?.length, 2);
    assert.match(dot, /label="namespace pay"/);
    assert.match(dot, /label="namespace shop"/);
    // Boxes in namespace order, whatever order their nodes come in.
    assert.ok(dot.includes('subgraph cluster_ns0 {\n    label="namespace pay"'), dot);
    assert.ok(dot.includes('subgraph cluster_ns1 {\n    label="namespace shop"'), dot);
  });

  test('a busy graph: covered edges faint and unlabelled, drift labelled and drawn last', () => {
    const graph = graphOfDrift(meshDrift({ workloads: 60, namespaces: 6 }));
    assert.ok(graph.edges.length >= BUSY_EDGES);
    const dot = renderGraphDot(graph);
    const edges = dot.split('\n').filter((l) => l.includes(' -> '));
    const covered = edges.filter((l) => l.includes('color="#c5cad3"'));
    assert.equal(covered.length, graph.edges.filter((e) => e.kind === 'covered').length);
    for (const line of covered) assert.match(line, /label=""\];$/);
    const drift = edges.filter((l) => l.includes(MISSING_RED) || l.includes('style="dotted"'));
    assert.ok(drift.length > 0);
    for (const line of drift) assert.match(line, /label="[A-Z]+ \//);
    assert.ok(edges.indexOf(drift[0] ?? '') > edges.indexOf(covered.at(-1) ?? ''), 'drift on top');
    assert.match(dot, /covered: called and declared \(unlabelled\)/);
    // The legend draws covered edges as faint as they are drawn.
    assert.ok(
      dot.includes(
        '<FONT COLOR="#c5cad3">━━━━━</FONT></TD><TD ALIGN="LEFT">covered: called and declared (unlabelled)',
      ),
    );
    // Few drifting edges: their labels stay in the layout, next to their edges; faint ones count for none.
    assert.ok(drift.length <= MAX_LAID_OUT_LABELS && graph.edges.length > MAX_LAID_OUT_LABELS);
    assert.doesNotMatch(dot, /xlabel=/);
  });

  test('many drifting edges are labelled after the layout (xlabel)', () => {
    const graph = graphOfDrift(meshDrift({ workloads: 500, namespaces: 50 }));
    const dot = renderGraphDot(graph);
    assert.ok(graph.edges.filter((e) => DRIFT_KINDS.has(e.kind)).length > MAX_LAID_OUT_LABELS);
    assert.match(dot, /xlabel="[A-Z]+ \//);
    assert.doesNotMatch(dot, / label="[A-Z]+ \//);
  });

  test('only the drift: its edges and the nodes they join', () => {
    const graph = onlyDrift(graphOfDrift(demoDrift()));
    assert.deepEqual(
      graph.edges.map((e) => e.kind),
      ['blocked', 'stale'],
    );
    assert.deepEqual(
      graph.nodes.map((n) => n.name),
      ['client2', 'nginx'],
    );
  });

  test('the same graph whatever order the calls came in', () => {
    const calls = [call('a', 'b', 'GET', '/1'), call('a', 'b', 'GET', '/2'), call('c', 'b', 'PUT', '/3')];
    const forward = renderGraphDot(graphOfMap(observedMap(calls)));
    const backward = renderGraphDot(graphOfMap(observedMap([...calls].reverse())));
    assert.equal(forward, backward);
  });

  test('calls of one pair share an edge, capped with +N more', () => {
    const calls = Array.from({ length: 10 }, (_, i) => call('a', 'b', 'GET', `/p${i}`));
    const graph = graphOfMap(observedMap(calls));
    assert.equal(graph.edges.length, 1);
    const edge = graph.edges[0];
    assert.ok(edge);
    const lines = edgeLines(edge);
    assert.equal(lines.length, MAX_LABEL_LINES);
    assert.equal(lines.at(-1), `+${10 - (MAX_LABEL_LINES - 1)} more`);
    assert.equal(lines[0], 'GET /p0 (10)');
    // Exactly MAX_LABEL_LINES calls fit: no `+1 more` in place of the last.
    const six = graphOfMap(
      observedMap(Array.from({ length: MAX_LABEL_LINES }, (_, i) => call('a', 'b', 'GET', `/p${i}`))),
    );
    assert.deepEqual(
      edgeLines(six.edges[0]!),
      Array.from({ length: MAX_LABEL_LINES }, (_, i) => `GET /p${i} (10)`),
    );
  });

  test('a long path is cut on the graph', () => {
    const graph = graphOfMap(observedMap([call('a', 'b', 'GET', `/${'x'.repeat(200)}`)]));
    const edge = graph.edges[0];
    assert.ok(edge);
    const [line] = edgeLines(edge);
    assert.ok(line !== undefined && line.length < 80 && line.endsWith('…'), line);
  });

  test('a line of MAX_LINE_CHARS is kept whole; one character more is cut to MAX_LINE_CHARS with …', () => {
    const lineOf = (path: string) =>
      edgeLines(graphOfMap(observedMap([call('a', 'b', 'GET', path)])).edges[0]!)[0];
    // `GET ` and ` (10)` take 9 characters.
    const whole = `/${'x'.repeat(MAX_LINE_CHARS - 10)}`;
    assert.equal(lineOf(whole), `GET ${whole} (10)`);
    assert.equal([...(lineOf(whole) ?? '')].length, MAX_LINE_CHARS);
    assert.equal(lineOf(`${whole}y`), `GET ${whole}y (1…`);
    assert.equal([...(lineOf(`${whole}y`) ?? '')].length, MAX_LINE_CHARS);
  });

  test('a line is cut between characters, never inside one (no lone surrogate)', () => {
    const graph = graphOfMap(observedMap([call('a', 'b', 'GET', `/${'😀'.repeat(100)}`)]));
    const [line] = edgeLines(graph.edges[0]!);
    assert.equal(line, `GET /${'😀'.repeat(MAX_LINE_CHARS - 6)}…`);
    assert.equal(Buffer.from(line ?? '', 'utf8').toString('utf8'), line, 'the same text through UTF-8');
  });

  test('a long node name is cut like a label line', () => {
    const name = 'w'.repeat(100);
    const dot = renderGraphDot(graphOfMap(observedMap([call(`${name}.shop`, 'b.shop', 'GET', '/x')])));
    assert.ok(dot.includes(`label="${'w'.repeat(MAX_LINE_CHARS - 1)}…"];`), dot);
    assert.ok(!dot.includes(name));
  });

  test('the picture turns busy at BUSY_EDGES edges, not one later', () => {
    const dotOf = (edges: number) =>
      renderGraphDot(
        graphOfMap(
          observedMap(Array.from({ length: edges }, (_, i) => call(`c${i}.shop`, 'b.shop', 'GET', '/x'))),
        ),
      );
    const faint = (dot: string) =>
      dot
        .split('\n')
        .filter((l) => l.includes(' -> ') && l.includes('color="#c5cad3"') && l.endsWith('label=""];'));
    assert.equal(faint(dotOf(BUSY_EDGES - 1)).length, 0);
    assert.equal(faint(dotOf(BUSY_EDGES)).length, BUSY_EDGES);
  });

  test('labels are placed after the layout from MAX_LAID_OUT_LABELS + 1 labelled edges on', () => {
    const dotOf = (edges: number) =>
      renderGraphDot(
        graphOfMap(
          observedMap(Array.from({ length: edges }, (_, i) => call(`c${i}.shop`, 'b.shop', 'GET', '/x'))),
        ),
      );
    assert.doesNotMatch(dotOf(MAX_LAID_OUT_LABELS), /xlabel=/);
    assert.match(dotOf(MAX_LAID_OUT_LABELS), / label="GET \/x \(10\)\\l"\];/);
    assert.equal(
      dotOf(MAX_LAID_OUT_LABELS + 1).match(/xlabel="GET \/x \(10\)\\l"\]/g)?.length,
      MAX_LAID_OUT_LABELS + 1,
    );
  });
});

describe('graph model', () => {
  test('a stale service target is its own dashed node, apart from the workload', () => {
    const drift = computeDrift(
      observedMap([call('client', 'nginx', 'GET', '/a')]),
      declaredIntents([
        rule('client', 'nginx', 'GET', '/a'),
        // The target starts on line 5; the stale rule's own line is 9.
        {
          ...rule('client', 'nginx', 'GET', '/old', { targetType: 'service', file: 'i.yaml', line: 9 }),
          targetLine: 5,
        },
      ]),
    );
    const graph = graphOfDrift(drift);
    const service = graph.nodes.find((n) => n.kind === 'service');
    assert.equal(service?.label, 'nginx.otterize-tutorial-istio-mapping (service)');
    assert.equal(graph.nodes.filter((n) => n.label.startsWith('nginx.')).length, 2);
    const stale = graph.edges.find((e) => e.kind === 'stale');
    assert.equal(stale?.to, service?.key);
    assert.equal(stale?.rows[0]?.declaredAt, 'i.yaml:9');
    assert.match(renderGraphDot(graph), /style="rounded,filled,dashed".*\(service\)/);
  });

  test('ignored calls get their own edge style', () => {
    const drift = computeDrift(observedMap([]), declaredIntents([]));
    drift.ignored = [call('a', 'b', 'GET', '/known')];
    const dot = renderGraphDot(graphOfDrift(drift));
    assert.match(dot, /color="#b7791f".*style="dashed".*label="GET \/known \(10\)\\l"/);
    assert.match(dot, /ignored: missing, but an ignore rule accepts it/);
  });

  test('a call with a method and no path is that method on any path, not "no HTTP detail"', () => {
    const graph = graphOfMap(
      observedMap([call('a', 'b', 'DELETE', null), call('a', 'c', null, '/x'), call('a', 'd', null, null)]),
    );
    assert.deepEqual(
      graph.edges.map((e) => e.rows.map((r) => r.operation)),
      [['DELETE *'], ['* /x'], ['(no HTTP detail)']],
    );
  });

  test('a caller outside the mesh only when both its name and namespace are unknown', () => {
    const map = observedMap([]);
    map.unattributed = [call('unknown.unknown', 'b', 'GET', '/x'), call('unknown.shop', 'b', 'GET', '/y')];
    const labels = graphOfMap(map)
      .nodes.filter((n) => n.kind === 'unattributed')
      .map((n) => n.label);
    assert.deepEqual(
      labels,
      ['unknown.shop', 'outside the mesh'],
      'by key: u:unknown.shop, u:unknown.unknown',
    );
  });

  test("one pair's edges in the legend's order of kinds, whatever order they were met in", () => {
    // graphOfDrift meets ignored calls before stale rules; the legend puts stale first.
    const drift = computeDrift(observedMap([]), declaredIntents([rule('a', 'b', 'GET', '/old')]));
    drift.ignored = [call('a', 'b', 'GET', '/known')];
    assert.deepEqual(
      graphOfDrift(drift).edges.map((e) => e.kind),
      ['stale', 'ignored'],
    );
  });

  test("an edge's rows of one operation: the busiest first", () => {
    // Through two Services: the calls sort by Service first, so the quieter one comes first.
    const calls = [
      call('a', 'b', 'GET', '/x', { service: 'b-one', count: 5 }),
      call('a', 'b', 'GET', '/x', { service: 'b-two', count: 40 }),
    ];
    const [edge] = graphOfMap(observedMap(calls)).edges;
    assert.deepEqual(
      edge?.rows.map((r) => r.count),
      [40, 5],
    );
  });

  test('an empty map draws a titled graph without a legend', async () => {
    const dot = renderGraphDot(graphOfMap(observedMap([])));
    assert.doesNotMatch(dot, /->|legend/);
    assert.match(await renderSvg(dot), /intent&#45;drift: observed calls/);
  });
});

describe('escaping names into DOT', () => {
  test('dotString escapes quotes, backslashes, entities and line breaks', () => {
    assert.equal(dotString('"];evil'), '"\\"];evil"');
    assert.equal(dotString('a\\Nb'), '"a\\\\Nb"');
    assert.equal(dotString('&lt;'), '"&amp;lt;"');
    assert.equal(dotString('a\nb'), '"a\\\\nb"');
  });

  test('hostile names stay labels: no extra nodes, shown literally in the SVG', async () => {
    const graph = graphOfMap(observedMap(hostileCalls()));
    // Graphviz writes `-` as `&#45;` in SVG text; everything else as XML escapes.
    const svg = (await renderSvg(renderGraphDot(graph))).replaceAll('&#45;', '-');
    // 4 hostile clients, nginx, the `"];evil` server, and the legend node.
    assert.equal(svg.match(/class="node"/g)?.length, graph.nodes.length + 1);
    assert.equal(graph.nodes.length, 6);
    assert.equal(svg.match(/class="edge"/g)?.length, graph.edges.length);
    assert.doesNotMatch(svg, /<img/);
    assert.ok(svg.includes('>&lt;img src=x onerror=alert(1)&gt;</text>'));
    assert.ok(svg.includes('>&quot;];evil</text>'));
    // Backslash, `\N` and an entity reach the picture as typed; a line break as `\n`.
    assert.ok(svg.includes('>back\\slash\\N&amp;amp;x</text>'), 'backslashes and & literal');
    assert.ok(svg.includes('>two\\nlines</text>'), 'newline shown as an escape');
  });
});

describe('graph model: rules, only the drift, order', () => {
  test('a stale rule with a method and no path is that method on any path; one with neither is any request', () => {
    const drift = computeDrift(
      observedMap([call('a', 'b', 'GET', '/x')]),
      declaredIntents([
        rule('a', 'b', 'GET', '/x'),
        rule('a', 'b', 'DELETE', null),
        rule('a', 'c', null, null),
      ]),
    );
    const stale = graphOfDrift(drift).edges.filter((e) => e.kind === 'stale');
    assert.deepEqual(
      stale.map((e) => e.rows.map((r) => r.operation)),
      [['DELETE *'], ['(any request)']],
    );
  });

  test('only the drift leaves out the calls the config ignores', () => {
    const drift = computeDrift(observedMap([call('a', 'b', 'GET', '/x')]), declaredIntents([]));
    drift.ignored = [call('a', 'c', 'GET', '/known')];
    assert.deepEqual(
      graphOfDrift(drift).edges.map((e) => e.kind),
      ['missing', 'ignored'],
    );
    const graph = onlyDrift(graphOfDrift(drift));
    assert.deepEqual(
      graph.edges.map((e) => e.kind),
      ['missing'],
    );
    assert.deepEqual(
      graph.nodes.map((n) => n.name),
      ['a', 'b'],
    );
  });

  test("rows, nodes and edges in code-unit order, not the locale's", () => {
    const graph = graphOfMap(
      observedMap([
        call('a', 'b', 'GET', '/b'),
        call('a', 'b', 'GET', '/B'),
        call('a', 'b', 'GET', '/a'),
        call('a', 'b', 'GET', '/é'),
        call('a', 'b', 'GET', '/z'),
      ]),
    );
    assert.deepEqual(
      graph.edges[0]?.rows.map((r) => r.operation),
      ['GET /B', 'GET /a', 'GET /b', 'GET /z', 'GET /é'],
    );
    // A host from traffic may hold capitals: `Z` sorts before `a`.
    const external = [call('a', 'unknown.unknown', null, null), call('a', 'unknown.unknown', null, null)];
    external[0]!.host = 'api.example.com';
    external[1]!.host = 'Zeta.example.com';
    const hosts = graphOfMap(observedMap([], { external }))
      .nodes.filter((n) => n.kind === 'external')
      .map((n) => n.label);
    assert.deepEqual(hosts, ['Zeta.example.com', 'api.example.com']);
  });
});
