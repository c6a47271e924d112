// GitHub annotates the first ten errors and the first ten warnings a step prints, no more. The
// failing verdict (printed last, as an error) keeps one error slot; warnings printed before the
// drift's own (about the data read) take slots from the stale rules; the closing notice counts
// what went unannotated, so nothing is dropped without a word.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { GitHubApiServer } from '../support/github-api-server.ts';
import { BASE_SHA, runAction, TOKEN } from '../support/run-action.ts';

let server: GitHubApiServer;
let apiUrl: string;

before(async () => {
  server = new GitHubApiServer();
  apiUrl = await server.start();
  server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation' });
  server.seedCommit('main', {}, BASE_SHA);
});
after(() => server.stop());

const CALLS = 12;

function requestLine(path: string): string {
  return (
    'istio_requests_total{reporter="source",source_workload="web",source_workload_namespace="shop",' +
    'destination_workload="catalog",destination_workload_namespace="shop",' +
    'destination_service_name="catalog",destination_service_namespace="shop",' +
    `request_protocol="http",response_code="200",request_method="GET",request_path="${path}"} 5`
  );
}

/** web calls catalog on 12 undeclared paths and declares 12 it never calls; two files hold no traffic. */
async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-slots-'));
  await mkdir(path.join(dir, 'intents'));
  await mkdir(path.join(dir, 'capture'));
  const rules = Array.from(
    { length: CALLS },
    (_, i) => `          - path: /old/${i}\n            methods:\n              - PUT\n`,
  ).join('');
  await writeFile(
    path.join(dir, 'intents', 'web.yaml'),
    'apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: web\n  namespace: shop\n' +
      'spec:\n  workload:\n    name: web\n  targets:\n    - kubernetes:\n        name: catalog\n        http:\n' +
      rules,
  );
  const lines = Array.from({ length: CALLS }, (_, i) => requestLine(`/new/${i}`));
  await writeFile(
    path.join(dir, 'capture', 'web.prom'),
    `# TYPE istio_requests_total counter\n${lines.join('\n')}\n`,
  );
  for (const name of ['envoy-a.prom', 'envoy-b.prom']) {
    await writeFile(
      path.join(dir, 'capture', name),
      'envoy_cluster_upstream_cx_total{cluster_name="xds-grpc"} 3\n',
    );
  }
  return dir;
}

const starting = (stdout: string, prefix: string) => stdout.split('\n').filter((l) => l.startsWith(prefix));

test('the verdict keeps an error slot, earlier warnings take stale slots, the notice counts the rest', async () => {
  const run = await runAction({
    inputs: { 'github-token': TOKEN, intents: 'intents', metrics: 'capture', 'fail-on': 'any' },
    apiUrl,
    workspace: await workspace(),
  });
  assert.equal(run.code, 1, run.stdout + run.stderr);
  const errors = starting(run.stdout, '::error');
  assert.equal(errors.length, 10, errors.join('\n'));
  assert.equal(starting(run.stdout, '::error title=intent-drift%3A missing intent').length, 9);
  assert.match(errors.at(-1)!, /^::error::intent-drift: 12 missing, 12 stale/);

  const warnings = starting(run.stdout, '::warning');
  const plain = starting(run.stdout, '::warning::');
  assert.ok(plain.length >= 2, `the two files without traffic are warned about: ${plain.join('\n')}`);
  const stale = starting(run.stdout, '::warning title=intent-drift%3A stale intent');
  assert.equal(stale.length, 10 - plain.length);
  assert.equal(warnings.length, 10, warnings.join('\n'));

  assert.deepEqual(
    starting(run.stdout, '::notice').map((l) => l.replace(/^::notice[^:]*::/, '')),
    [`3 more missing and ${CALLS - stale.length} more stale not annotated: see the job summary`],
  );
});
