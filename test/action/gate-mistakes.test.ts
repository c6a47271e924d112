// Setup mistakes through the action, run as a runner runs it (every input's action.yml default
// passed, INPUT_*), on a pull request: exit 2 with one error line, never a green gate.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { GitHubApiServer } from '../support/github-api-server.ts';
import {
  BASE_SHA,
  DEMO_INPUTS,
  demoWorkspace,
  runAction,
  runnerDefaults,
  TOKEN,
} from '../support/run-action.ts';

const plant = path.resolve(import.meta.dirname, '..', 'support', 'plant-fault.ts');
let server: GitHubApiServer;
let apiUrl: string;

before(async () => {
  server = new GitHubApiServer();
  apiUrl = await server.start();
});
after(() => server.stop());
beforeEach(() => {
  server.comments.length = 0;
  server.requests.length = 0;
  server.seedCommit('main', {}, BASE_SHA);
  server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation' });
});

const errorLines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error::'));

/** Exit 2 with exactly one error line; returns it. */
function failsWith(run: { code: number | null; stdout: string }): string {
  assert.equal(run.code, 2, run.stdout);
  const lines = errorLines(run.stdout);
  assert.equal(lines.length, 1, run.stdout);
  return lines[0]!;
}

describe('the runner’s input defaults', () => {
  test('are action.yml’s: fail-on empty (the config decides), allow-empty false, the job token', async () => {
    const defaults = await runnerDefaults();
    assert.equal(defaults['fail-on'], '');
    assert.equal(defaults['allow-empty'], 'false');
    assert.equal(defaults['github-token'], TOKEN);
    assert.equal(defaults.mode, 'check');
    for (const input of ['intents', 'config', 'baseline', 'environment', 'namespace']) {
      assert.ok(!(input in defaults), `${input} has no default, so the runner passes none`);
    }
  });
});

describe('nothing observed', () => {
  test('metrics that are intents: exit 2, no comment; allow-empty: true makes it a warning', async () => {
    const inputs = { ...DEMO_INPUTS, metrics: 'intents' };
    const line = failsWith(await runAction({ inputs, apiUrl }));
    assert.match(
      line,
      /^::error::intent-drift: nothing observed: the 2 files read from --metrics intents held no Istio request or TCP traffic; intents\/client\.yaml holds YAML \(kind ClientIntents\), not metrics;/,
    );
    assert.equal(server.comments.length, 0);
    const allowed = await runAction({ inputs: { ...inputs, 'allow-empty': 'true' }, apiUrl });
    assert.equal(allowed.code, 0, allowed.stdout);
    assert.ok(
      allowed.stdout.includes(
        '::warning::intent-drift: nothing observed: the 2 files read from --metrics intents held no Istio request or TCP traffic (allow-empty: reported, not failing)',
      ),
    );
    assert.equal(allowed.outputs.missing, '0');
  });
});

describe('namespaces and intents paths', () => {
  test('namespace: "shop, elsewhere" is two namespaces, neither with anything in it', async () => {
    const line = failsWith(
      await runAction({ inputs: { ...DEMO_INPUTS, namespace: 'shop, elsewhere' }, apiUrl }),
    );
    assert.equal(
      line,
      '::error::intent-drift: namespaces shop, elsewhere: nothing observed and nothing declared there (observed: otterize-tutorial-istio-mapping; declared: otterize-tutorial-istio-mapping)',
    );
    const bad = failsWith(await runAction({ inputs: { ...DEMO_INPUTS, namespace: 'Shop' }, apiUrl }));
    assert.match(bad, /namespace: "Shop" is not a namespace name/);
  });

  test('intents that name the manifests, and a near miss at its line', async () => {
    const line = failsWith(
      await runAction({ inputs: { ...DEMO_INPUTS, intents: 'workloads.yaml' }, apiUrl }),
    );
    assert.equal(
      line,
      '::error::intent-drift: workloads.yaml: no ClientIntents here; found Deployment (3), ServiceAccount (2), Namespace, Service',
    );
    const workspace = await demoWorkspace();
    await writeFile(
      path.join(workspace, 'intents', 'client3.yaml'),
      'apiVersion: otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: client3\n',
    );
    const near = failsWith(await runAction({ inputs: DEMO_INPUTS, apiUrl, workspace }));
    assert.match(
      near,
      /^::error::intent-drift: intents\/client3\.yaml:1: apiVersion: "otterize\.com\/v2beta1" puts ClientIntents in the API group "otterize\.com"/,
    );
  });
});

describe('an unexpected exception', () => {
  for (const entry of [undefined, path.resolve(import.meta.dirname, '..', '..', 'dist', 'index.js')]) {
    test(`is exit 2 "internal error" with a hint to report it (${entry === undefined ? 'src' : 'dist'})`, async () => {
      const env = { NODE_OPTIONS: `--import=${plant}` };
      const opts = entry === undefined ? {} : { entry };
      const failing = failsWith(
        await runAction({
          inputs: DEMO_INPUTS,
          apiUrl,
          env: { ...env, INTENT_DRIFT_PLANT: 'writeFile' },
          ...opts,
        }),
      );
      assert.match(
        failing,
        /^::error::intent-drift: internal error: planted: writeFile is broken \(a bug in intent-drift [\d.]+: please report it at https:\/\/github\.com\/intent-drift\/intent-drift\/issues/,
      );
      const uncaught = await runAction({
        inputs: DEMO_INPUTS,
        apiUrl,
        env: { ...env, INTENT_DRIFT_PLANT: 'uncaught' },
        ...opts,
      });
      assert.equal(uncaught.code, 2, uncaught.stdout);
      assert.match(
        errorLines(uncaught.stdout)[0]!,
        /^::error::intent-drift: internal error: planted: thrown from a timer/,
      );
    });
  }
});
