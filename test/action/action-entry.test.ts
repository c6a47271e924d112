// The action's entry (src/action/main.ts) as a runner starts it: the step summary only where the
// runner gives one, Prometheus' bearer token from the step's env, annotations whose file names
// reach the log escaped.
import assert from 'node:assert/strict';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startBearerGate } from '../support/bearer-gate.ts';
import { GitHubApiServer } from '../support/github-api-server.ts';
import { startPrometheusApi } from '../support/prometheus-api-server.ts';
import { BASE_SHA, DEMO_INPUTS, demoWorkspace, runAction, TOKEN } from '../support/run-action.ts';

let server: GitHubApiServer;
let apiUrl: string;

before(async () => {
  server = new GitHubApiServer();
  apiUrl = await server.start();
});
after(() => server.stop());
beforeEach(() => {
  server.comments.length = 0;
  server.seedCommit('main', {}, BASE_SHA);
  server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation' });
});

describe('the action’s entry', () => {
  test('without GITHUB_STEP_SUMMARY (a runner outside Actions) drift is still exit 1, with its outputs', async () => {
    const run = await runAction({
      inputs: { ...DEMO_INPUTS, comment: 'false' },
      apiUrl,
      env: { GITHUB_STEP_SUMMARY: '' },
    });
    assert.equal(run.code, 1, run.stdout);
    assert.equal(run.summary, '');
    assert.equal(run.outputs.missing, '1');
    assert.deepEqual(
      run.stdout.split('\n').filter((l) => l.startsWith('::error::')),
      ['::error::intent-drift: 1 missing, 1 stale (fail-on: missing); see the job summary'],
    );
  });

  test('Prometheus behind a bearer-token proxy gets the token from the step’s env, masked', async () => {
    const prometheus = await startPrometheusApi({ series: () => [] });
    const gate = await startBearerGate(prometheus.url, 'prom-step-secret');
    try {
      const run = await runAction({
        inputs: {
          'github-token': TOKEN,
          intents: 'intents',
          source: 'prometheus',
          'prometheus-url': gate.url,
          'allow-empty': 'true',
          comment: 'false',
        },
        apiUrl,
        env: { PROMETHEUS_TOKEN: 'prom-step-secret' },
      });
      assert.equal(run.code, 0, run.stdout);
      assert.ok(run.stdout.includes('::add-mask::prom-step-secret'));
      assert.ok(gate.seen.length > 0);
      assert.deepEqual(
        gate.seen.filter((r) => !r.authorized),
        [],
        'every query carries the token',
      );
    } finally {
      await gate.close();
      await prometheus.close();
    }
  });

  test('an annotation’s file name reaches the log with its control characters escaped', async () => {
    const workspace = await demoWorkspace();
    await rename(
      path.join(workspace, 'intents', 'client2.yaml'),
      path.join(workspace, 'intents', 'client2\u001b[8m.yaml'),
    );
    const run = await runAction({ inputs: { ...DEMO_INPUTS, comment: 'false' }, apiUrl, workspace });
    assert.equal(run.code, 1, run.stdout);
    assert.ok(!run.stdout.includes('\u001b'), 'no raw escape byte in the log');
    assert.match(
      run.stdout,
      /^::warning title=intent-drift%3A stale intent,file=intents\/client2\\x1b\[8m\.yaml,line=19::/m,
    );
  });
});
