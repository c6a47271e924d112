// `source: sidecars` on a runner with no kubeconfig (no cluster step before it): the step fails
// with one line saying how to give observed data, not a connection error to localhost:8080.
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runAction, TOKEN } from '../support/run-action.ts';

test('source sidecars without a kubeconfig: one error line, exit 2 of the step (a setup mistake, not drift)', async () => {
  const home = await mkdtemp(path.join(tmpdir(), 'intent-drift-home-'));
  const run = await runAction({
    inputs: { 'github-token': TOKEN, intents: 'intents', source: 'sidecars', comment: 'false' },
    apiUrl: 'http://127.0.0.1:9',
    // A push run: a pull request would read the base branch's config through the API first.
    event: { ref: 'refs/heads/main' },
    eventName: 'push',
    ref: 'refs/heads/main',
    env: { HOME: home, KUBECONFIG: '' },
  });
  assert.equal(run.code, 2);
  const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  assert.equal(errors.length, 1, run.stdout);
  assert.match(errors[0]!, /^::error::intent-drift: no kubeconfig: give --metrics PATH/);
  assert.doesNotMatch(run.stdout, /localhost:8080/);
});
