import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { commentBody, shortCommentBody } from '../../src/deliver/github/comment-body.ts';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import type { Drift, StaleRule } from '../../src/model.ts';
import { driftingGraphOf, graphOfDrift, onlyDrift } from '../../src/report/graph-model.ts';
import { renderMarkdownReport } from '../../src/report/markdown-report.ts';
import {
  MAX_EDGES,
  mermaidBlock,
  mermaidDriftGraph,
  mermaidText,
  OPEN_EDGES,
} from '../../src/report/mermaid-drift-graph.ts';
import { call, declaredIntents, observedMap, rule } from '../diff/builders.ts';
import { meshDrift } from '../support/mesh-drift.ts';
import { demoDrift } from './demo-drift.ts';
import { HOSTILE_NAMES, hostileCalls } from './graph-hostile.ts';

/** n missing calls, each from its own client to one declared server. */
function manyMissing(n: number) {
  const calls = Array.from({ length: n }, (_, i) => call(`c${i}`, 'api', 'GET', `/p${i}`));
  return computeDrift(observedMap(calls), declaredIntents([rule('other', 'api', 'GET', '/x')]));
}

/**
 * The block made the plain way: the whole drifting graph, a row for every call and rule, less
 * the rules of idle clients. mermaidDriftGraph groups a drift by edge first and makes rows for
 * the edges it draws only; the two must agree byte for byte.
 */
function fromWholeGraph(drift: Drift, room = Number.POSITIVE_INFINITY): string {
  const graph = driftingGraphOf(drift);
  const edges = graph.edges
    .map((e) => ({
      ...e,
      rows: e.rows.filter((r) => (r.rule as StaleRule | undefined)?.reason !== 'client-idle'),
    }))
    .filter((e) => e.rows.length > 0);
  return edges.length === 0 ? '' : mermaidBlock({ ...graph, edges }, edges.length, room);
}

/** Calls and rules among a few workloads: missing, blocked, stale, idle clients, service targets. */
const smallDrifts = fc
  .tuple(
    fc.array(
      fc.tuple(fc.nat(11), fc.nat(11), fc.constantFrom('GET', 'POST'), fc.constantFrom('/a', '/b', '/c')),
      { maxLength: 150, size: 'max' },
    ),
    fc.array(
      fc.tuple(
        fc.nat(13),
        fc.nat(11),
        fc.constantFrom('GET', 'POST'),
        fc.constantFrom('/a', '/b', '/d'),
        fc.constantFrom<'kubernetes' | 'service'>('kubernetes', 'service'),
      ),
      { maxLength: 90, size: 'max' },
    ),
  )
  .map(([calls, rules]) =>
    computeDrift(
      observedMap(calls.map(([c, s, m, p]) => call(`w${c}`, `w${s}`, m, p))),
      declaredIntents(rules.map(([c, s, m, p, targetType]) => rule(`w${c}`, `w${s}`, m, p, { targetType }))),
    ),
  );

describe('the Mermaid drift graph', () => {
  test('is the block the whole drifting graph gives, though rows are made for the drawn edges only', () => {
    for (const drift of [
      demoDrift(),
      manyMissing(40),
      manyMissing(MAX_EDGES + 7),
      meshDrift({ workloads: 300, namespaces: 7 }),
      meshDrift({ workloads: 500, namespaces: 50 }),
      computeDrift(observedMap(hostileCalls()), declaredIntents([rule('client', 'nginx', 'GET', '/x')])),
    ]) {
      assert.equal(mermaidDriftGraph(drift), fromWholeGraph(drift));
      assert.equal(mermaidDriftGraph(drift, 2000), fromWholeGraph(drift, 2000));
    }
    fc.assert(
      fc.property(smallDrifts, (drift) => {
        assert.equal(mermaidDriftGraph(drift), fromWholeGraph(drift));
      }),
      { numRuns: 300 },
    );
    // The generator reaches what the graph tells apart: idle clients' rules, service targets, the cap.
    const seen = fc.sample(smallDrifts, { numRuns: 300, seed: 1 });
    assert.ok(seen.some((d) => d.stale.some((r) => r.reason === 'client-idle')));
    assert.ok(
      seen.some((d) => d.stale.some((r) => r.targetType === 'service' && r.reason !== 'client-idle')),
    );
    assert.ok(
      seen.some((d) => d.missing.some((c) => c.wouldBeBlocked) && d.missing.some((c) => !c.wouldBeBlocked)),
    );
    assert.ok(seen.some((d) => driftingGraphOf(d).edges.length > MAX_EDGES));
  });

  test('is drawn from the drifting graph alone: the same as the whole graph cut down to its drift', () => {
    const drifts = [
      demoDrift(),
      manyMissing(40),
      meshDrift({ workloads: 300, namespaces: 7 }),
      computeDrift(observedMap(hostileCalls()), declaredIntents([rule('client', 'nginx', 'GET', '/x')])),
    ];
    for (const drift of drifts) {
      assert.ok(drift.covered.length + drift.missing.length > 0);
      assert.deepEqual(driftingGraphOf(drift), onlyDrift(graphOfDrift(drift)));
    }
  });

  test('only drift: covered calls and their clients are not drawn', () => {
    const block = mermaidDriftGraph(demoDrift());
    assert.match(block, /^\n#### Drift graph: 2 drifting edges\n\n```mermaid\nflowchart LR\n/);
    assert.match(block, /n0\["client2"\]/);
    assert.doesNotMatch(block, /"client"/);
    assert.match(block, /n0 ==>\|"missing, would be blocked:<br>POST \/client2-path \(118\)"\| n1/);
    assert.match(block, /n0 -\.->\|"stale:<br>GET \/old-path"\| n1/);
    assert.match(block, /linkStyle 0 stroke:#d62728/);
    assert.match(block, /linkStyle 1 [^\n]*stroke-dasharray/);
  });

  test('no drift, no graph', () => {
    const drift = computeDrift(
      observedMap([call('a', 'b', 'GET', '/x')]),
      declaredIntents([rule('a', 'b', 'GET', '/x')]),
    );
    assert.equal(mermaidDriftGraph(drift), '');
  });

  test('missing to a server without intents is a thin red arrow', () => {
    const drift = computeDrift(observedMap([call('a', 'b', 'GET', '/x')]), declaredIntents([]));
    const block = mermaidDriftGraph(drift);
    assert.match(block, /n0 -->\|"missing:<br>GET \/x \(10\)"\| n1/);
    assert.match(block, /linkStyle 0 stroke:#d62728,stroke-width:2px/);
  });

  test(`open up to ${OPEN_EDGES} edges, collapsed beyond`, () => {
    assert.match(mermaidDriftGraph(manyMissing(OPEN_EDGES)), /#### Drift graph: 10 drifting edges/);
    const collapsed = mermaidDriftGraph(manyMissing(OPEN_EDGES + 1));
    assert.match(collapsed, /^\n<details><summary>Drift graph: 11 drifting edges<\/summary>\n/);
    assert.match(collapsed, /```\n\n<\/details>\n$/);
  });

  test(`capped at ${MAX_EDGES} edges with a note, blocked first`, () => {
    const block = mermaidDriftGraph(manyMissing(MAX_EDGES + 7));
    assert.match(block, /<summary>Drift graph: 57 drifting edges, 50 drawn<\/summary>/);
    assert.equal(block.match(/==>/g)?.length, MAX_EDGES);
    assert.equal(block.match(/linkStyle \d+/g)?.length, MAX_EDGES);
    assert.match(block, /\*7 more drifting edges not drawn: the tables list every call and rule\.\*/);
    const mesh = mermaidDriftGraph(meshDrift({ workloads: 500, namespaces: 50 }));
    const arrows = [...mesh.matchAll(/ (==>|-->|-\.->)\|/g)].map((m) => m[1]);
    assert.equal(arrows.length, MAX_EDGES);
    assert.ok(arrows.indexOf('-.->') === -1 || arrows.lastIndexOf('==>') < arrows.indexOf('-.->'));
  });

  test('an edge shows three rows, or two and "+N more"', () => {
    const missingOn = (paths: string[]) =>
      computeDrift(observedMap(paths.map((p) => call('a', 'b', 'GET', p))), declaredIntents([]));
    assert.match(
      mermaidDriftGraph(missingOn(['/1', '/2', '/3'])),
      /\|"missing:<br>GET \/1 \(10\)<br>GET \/2 \(10\)<br>GET \/3 \(10\)"\|/,
    );
    assert.match(
      mermaidDriftGraph(missingOn(['/1', '/2', '/3', '/4', '/5'])),
      /\|"missing:<br>GET \/1 \(10\)<br>GET \/2 \(10\)<br>\+3 more"\|/,
    );
  });

  test('one box per namespace, in name order whatever the nodes', () => {
    // Sorted by node key, zeta's client (a.zeta) comes before alpha's server (b.alpha).
    const drift = computeDrift(observedMap([call('a.zeta', 'b.alpha', 'GET', '/x')]), declaredIntents([]));
    const block = mermaidDriftGraph(drift);
    assert.ok(
      block.indexOf('subgraph ns0["namespace alpha"]') !== -1 &&
        block.indexOf('subgraph ns1["namespace zeta"]') !== -1,
      block,
    );
  });

  test('kept when it fills the room exactly, left out one character short', () => {
    const drift = manyMissing(3);
    const whole = mermaidDriftGraph(drift);
    assert.equal(mermaidDriftGraph(drift, whole.length), whole);
    assert.equal(mermaidDriftGraph(drift, whole.length - 1), '');
  });

  test('mermaidText: plain text stays, everything else is an entity code', () => {
    assert.equal(mermaidText('GET /a-b_c.d:1 (2), x+y=z'), 'GET /a-b_c.d:1 (2), x+y=z');
    assert.equal(mermaidText('"];x'), '#34;#93;#59;x');
    assert.equal(mermaidText('<!-- `x` #1;'), '#60;#33;-- #96;x#96; #35;1#59;');
    assert.equal(mermaidText('/{*}/é😀'), '/#123;#42;#125;/#233;#128512;');
    assert.equal(mermaidText('a\nb\u202e'), 'a#92;nb#92;u202e', 'controls shown as escapes first');
  });

  test('hostile names cannot end a label, the block or the comment', () => {
    const drift = computeDrift(
      observedMap(hostileCalls()),
      declaredIntents([rule('client', 'nginx', 'GET', '/x')]),
    );
    const block = mermaidDriftGraph(drift);
    const body = block.slice(block.indexOf('```mermaid\n') + 11, block.lastIndexOf('\n```'));
    // Our own line breaks and arrows aside, no markup character is left.
    const text = body.replaceAll('<br>', '').replace(/ (==>|-->|-\.->)\|/g, ' |');
    assert.doesNotMatch(text, /[<>`&]/);
    for (const line of body.split('\n').slice(1)) {
      assert.match(
        line,
        /^ {2}(subgraph ns\d+\["[^"]*"\]|end|linkStyle \d+ [^"]*| {2}n\d+\["[^"]*"\]|n\d+ \S+\|"[^"]*"\| n\d+)$/,
      );
    }
    for (const name of HOSTILE_NAMES) assert.ok(block.includes(mermaidText(name)), name);
  });
});

describe('the drift graph in the comment', () => {
  test('appended once after the tables, counted in the comment limit', () => {
    const report = renderMarkdownReport(demoDrift());
    assert.equal(report.match(/```mermaid/g)?.length, 1);
    assert.ok(report.indexOf('#### Drift graph') > report.indexOf('#### Warnings'));
    const big = meshDrift({ workloads: 500, namespaces: 50 });
    for (const limit of [65_536, 20_000, 4_000]) {
      const body = commentBody(big, { suggestedPatch: '', limit });
      assert.ok(body.length <= limit, `${body.length} > ${limit}`);
    }
  });

  test('left out when it would take more than a quarter of the room', () => {
    const short = shortCommentBody(demoDrift(), {});
    assert.doesNotMatch(short, /mermaid/);
    const tight = renderMarkdownReport(manyMissing(60), { maxLength: 20_000 });
    assert.doesNotMatch(tight, /mermaid/);
    assert.match(renderMarkdownReport(manyMissing(60)), /```mermaid/);
  });
});

describe('the Mermaid drift graph, cases the random drifts may miss', () => {
  test('capped within one client: the servers drawn are the first by name, not by the order the calls came in', () => {
    // The diff sorts calls by namespace, then name; the graph's keys are name.namespace: the
    // two orders disagree for servers s00.n59 ... s59.n00.
    const calls = Array.from({ length: MAX_EDGES + 10 }, (_, i) =>
      call(
        'web',
        `s${String(i).padStart(2, '0')}.n${String(MAX_EDGES + 9 - i).padStart(2, '0')}`,
        'GET',
        '/x',
      ),
    );
    const drift = computeDrift(observedMap(calls), declaredIntents([]));
    const block = mermaidDriftGraph(drift);
    assert.equal(block, fromWholeGraph(drift));
    assert.match(block, /"s00"/);
    assert.match(block, /"s49"/);
    assert.doesNotMatch(block, /"s50"/);
  });

  test('a workload target and a Service target of one name are two edges, counted so', () => {
    const drift = computeDrift(
      observedMap([call('web', 'api', 'GET', '/a')]),
      declaredIntents([
        rule('web', 'api', 'GET', '/a'),
        rule('web', 'nginx', 'GET', '/old'),
        rule('web', 'nginx', 'GET', '/gone', { targetType: 'service' }),
      ]),
    );
    const block = mermaidDriftGraph(drift);
    assert.equal(block, fromWholeGraph(drift));
    assert.match(block, /^#### Drift graph: 2 drifting edges$/m);
    assert.match(block, /"nginx \(service\)"/);
  });

  test('a hostile namespace stays inside its box label', () => {
    const c = call('web', 'api', 'GET', '/x');
    c.client.namespace = '"]<img src=x>';
    const block = mermaidDriftGraph(computeDrift(observedMap([c]), declaredIntents([])));
    assert.ok(block.includes(`subgraph ns0["namespace ${mermaidText('"]<img src=x>')}"]`), block);
    assert.doesNotMatch(block, /<img/);
  });
});
