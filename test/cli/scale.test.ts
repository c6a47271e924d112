// 200,000 distinct calls give a full report: no `Math.max(...)`, `push(...rows)` or recursion over
// an input-sized array anywhere on the way (about 125,000 crashed with "Maximum call stack size
// exceeded", which the CLI then reported as drift). One client -> server pair holds half of them,
// which is the templater's hard case; the other half spread over 500 clients.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editIntents } from '../../src/declare/edit-intents.ts';
import { buildClientIntents, renderIntentsFile } from '../../src/declare/index.ts';
import { driftAnnotations } from '../../src/deliver/github/annotations.ts';
import { commentBody, jobSummary, utf8Bytes } from '../../src/deliver/github/comment-body.ts';
import { parseCommentArtifact, renderReportFile } from '../../src/deliver/github/report-artifact.ts';
import { checkDrift } from '../../src/diff/drift-controls.ts';
import { templatePaths } from '../../src/diff/path-template.ts';
import type { Sample } from '../../src/observe/exposition-line.ts';
import { ObservedMapBuilder } from '../../src/observe/observed-map.ts';
import { renderGraphDot } from '../../src/report/graph-dot.ts';
import { graphOfDrift } from '../../src/report/graph-model.ts';
import { renderJsonReport } from '../../src/report/json-report.ts';
import { renderList } from '../../src/report/list-report.ts';
import { renderMarkdownReport } from '../../src/report/markdown-report.ts';
import { renderTextReport } from '../../src/report/text-report.ts';
import { declaredIntents, rule } from '../diff/builders.ts';

const CALLS = 200_000;

function sample(i: number): Sample {
  const hot = i % 2 === 0;
  return {
    metric: 'istio_requests_total',
    value: 1 + (i % 7),
    line: i + 1,
    labels: {
      reporter: i % 3 === 0 ? 'destination' : 'source',
      source_workload: hot ? 'client' : `client-${i % 1000}`,
      source_workload_namespace: 'otterize-tutorial-istio-mapping',
      destination_workload: hot ? 'nginx' : `server-${i % 13}`,
      destination_workload_namespace: 'otterize-tutorial-istio-mapping',
      destination_service_name: hot ? 'nginx-service' : `server-${i % 13}`,
      destination_service_namespace: 'otterize-tutorial-istio-mapping',
      request_protocol: 'http',
      request_method: i % 5 === 0 ? 'POST' : 'GET',
      request_path: hot ? `/users/u${i}/orders/${i % 97}` : `/p${i}`,
    },
  };
}

test(`${CALLS.toLocaleString('en')} distinct calls give a full report in every format`, {
  timeout: 600_000,
}, () => {
  const builder = new ObservedMapBuilder();
  for (let i = 0; i < CALLS; i++) builder.add(sample(i));
  const observed = builder.build();
  assert.equal(observed.calls.length, CALLS);

  const declared = declaredIntents([rule('client', 'nginx', 'GET', '/old')]);
  const { drift, exitCode } = checkDrift(observed, declared, {});
  assert.equal(exitCode, 1);
  assert.equal(drift.summary.missing, CALLS);
  assert.equal(drift.missing.length, CALLS);

  const text = renderTextReport(drift, { color: false });
  assert.match(text, /DRIFT: 200000 missing, 1 stale/);
  const json = JSON.parse(renderJsonReport(drift)) as { missing: unknown[] };
  assert.equal(json.missing.length, CALLS);
  assert.match(renderMarkdownReport(drift), /200000 missing/);
  assert.ok(commentBody(drift, { suggestedPatch: '' }).length <= 65_536);
  assert.ok(utf8Bytes(jobSummary(drift, { suggestedPatch: '' })) <= 1024 * 1024);
  assert.equal(driftAnnotations(drift).length, 12);
  assert.ok(renderList(observed).split('\n').length > CALLS);
  assert.ok(renderGraphDot(graphOfDrift(drift)).length > 0);

  // The artifact a PR run uploads is cut to what comment mode takes, and comment mode takes it.
  const artifact = parseCommentArtifact(
    renderReportFile(drift, { number: 1, headSha: 'a'.repeat(40) }, ''),
    'r',
  );
  assert.equal(artifact.drift.summary.missing, CALLS);

  const { intents } = buildClientIntents(observed.calls);
  assert.equal(intents.length, 501);
  assert.ok(renderIntentsFile(intents).length > 0);
  const edit = editIntents(new Map(), declared, { missing: drift.missing.slice(0, 20_000), stale: [] });
  assert.ok(edit.changes.length > 0);
});

test('templating is bounded: 500 paths of 1,000 segments each are templated by shape alone', () => {
  const paths = Array.from(
    { length: 500 },
    (_, i) => `/${Array.from({ length: 1000 }, (_, j) => `seg${j}`).join('/')}/x${i}`,
  );
  const templates = templatePaths(paths);
  assert.equal(templates.size, 500);
  // Too deep to compare positions: each path stands for itself (no segment is ID-like by shape).
  for (const [raw, template] of templates) assert.equal(template, raw);
});
