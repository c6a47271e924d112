// The four ways the life cycle once went wrong against the real tools, each replayed with the
// recording runner: kind given a config file that is not there, ClientIntents and kustomizations
// applied as workloads (and Namespaces after what needs them), someone else's kind cluster
// deleted, and a root Telemetry under another name left unseen.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { readActionInputs } from '../../src/action/inputs.ts';
import { clusterPlan } from '../../src/cluster/cluster-check.ts';
import { runInCluster } from '../../src/cluster/cluster-run.ts';
import { isInputError } from '../../src/errors.ts';
import { kindPlan, setup } from './fake-tools.ts';

const reading = async (openWindow: () => void) => {
  openWindow();
  return 'read';
};

async function emptyDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'intent-drift-defects-'));
}

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n';

describe('defect 1: kind gets --config only for a file that is there', () => {
  const inputs = (extra: Record<string, string>) => (name: string) =>
    ({ intents: 'intents', 'github-token': 't', workloads: 'web.yaml', cluster: 'kind', ...extra })[name] ??
    '';

  test('no kind-config input and no kind-config.yaml: kind’s own default, no --config', async () => {
    const cwd = await emptyDir();
    await writeFile(path.join(cwd, 'web.yaml'), DEPLOYMENT);
    await mkdir(path.join(cwd, 'intents'));
    await writeFile(path.join(cwd, 'intents', 'web.yaml'), '');
    const plan = clusterPlan(readActionInputs(inputs({}), cwd));
    assert.equal(plan.kindConfig, undefined);
    const { runner, ctx } = setup();
    await runInCluster(ctx, plan, reading);
    const create = runner.lines().find((l) => l.startsWith('kind create'));
    assert.equal(create, 'kind create cluster --name intent-drift --wait 120s');
  });

  test('no input, but the repository has kind-config.yaml: that file', async () => {
    const cwd = await emptyDir();
    await writeFile(
      path.join(cwd, 'kind-config.yaml'),
      'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n',
    );
    const plan = clusterPlan(readActionInputs(inputs({}), cwd));
    assert.equal(plan.kindConfig, path.join(cwd, 'kind-config.yaml'));
  });

  test('cluster: existing creates no cluster: no kind config, though the repository has kind-config.yaml', async () => {
    const cwd = await emptyDir();
    await writeFile(
      path.join(cwd, 'kind-config.yaml'),
      'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n',
    );
    const plan = clusterPlan(readActionInputs(inputs({ cluster: 'existing' }), cwd));
    assert.equal(plan.kindConfig, undefined);
  });

  test('an input is a file of the workspace, wherever the action runs from', async () => {
    const cwd = await emptyDir();
    await mkdir(path.join(cwd, 'ci'));
    await writeFile(path.join(cwd, 'ci', 'kind.yaml'), 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n');
    const plan = clusterPlan(readActionInputs(inputs({ 'kind-config': 'ci/kind.yaml' }), cwd));
    assert.equal(plan.kindConfig, path.join(cwd, 'ci', 'kind.yaml'));
  });

  test('an input naming a missing file fails before any tool runs, naming the input', async () => {
    const cwd = await emptyDir();
    const err = (() => {
      try {
        return clusterPlan(readActionInputs(inputs({ 'kind-config': 'ci/kind.yaml' }), cwd));
      } catch (e) {
        return e;
      }
    })();
    assert.ok(isInputError(err), String(err));
    assert.match(String((err as Error).message), /^kind-config: ci\/kind\.yaml: no such file/);
  });
});

describe('defect 2: only workload documents are applied, Namespaces first', () => {
  async function repository(): Promise<string> {
    const cwd = await emptyDir();
    await mkdir(path.join(cwd, 'deploy', 'intents'), { recursive: true });
    // `app.yaml` sorts before `namespace.yaml`: the Namespace must still go first.
    await writeFile(
      path.join(cwd, 'deploy', 'app.yaml'),
      `${DEPLOYMENT}---\napiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata: {name: web, namespace: shop}\nspec: {workload: {name: web}}\n`,
    );
    await writeFile(
      path.join(cwd, 'deploy', 'namespace.yaml'),
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {istio-injection: enabled}\n',
    );
    await writeFile(
      path.join(cwd, 'deploy', 'kustomization.yaml'),
      'resources:\n  - app.yaml\n  - namespace.yaml\n',
    );
    await writeFile(
      path.join(cwd, 'deploy', 'intents', 'web.yaml'),
      'apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata: {name: web, namespace: shop}\nspec: {workload: {name: web}}\n',
    );
    return cwd;
  }

  test('the README’s own layout: workloads deploy/, intents deploy/intents', async () => {
    const cwd = await repository();
    const { runner, log, ctx } = setup();
    await runInCluster(ctx, kindPlan(cwd, { workloads: ['deploy/'], intents: ['deploy/intents'] }), reading);
    const applies = runner.calls.filter((c) => c.program === 'kubectl' && c.args[0] === 'apply');
    // The Namespace, then the mesh Telemetry, then the Deployment: nothing else.
    assert.deepEqual(
      applies.map((c) => c.args.join(' ')),
      ['apply -f -', 'apply -f -', 'apply -f -'],
    );
    assert.match(applies[0]!.stdin ?? '', /kind: Namespace/);
    assert.doesNotMatch(applies[0]!.stdin ?? '', /Deployment/);
    assert.match(applies[1]!.stdin ?? '', /kind: Telemetry/);
    assert.match(applies[2]!.stdin ?? '', /kind: Deployment/);
    for (const c of applies) {
      assert.doesNotMatch(c.stdin ?? '', /ClientIntents|resources:/);
      assert.ok(!c.args.some((a) => a.includes('intents') || a.includes('kustomization')));
    }
    const notes = log.entries.join('\n');
    assert.match(notes, /deploy\/intents\/web\.yaml: an intents path, not applied/);
    assert.match(notes, /deploy\/app\.yaml:5: ClientIntents shop\/web \(k8s\.otterize\.com\) not applied/);
    assert.match(notes, /deploy\/kustomization\.yaml:1: not a Kubernetes object/);
  });

  test('a kind: List holding ClientIntents and a Namespace: taken apart, only its workloads applied', async () => {
    const cwd = await emptyDir();
    await writeFile(
      path.join(cwd, 'web.yaml'),
      [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: apps/v1',
        '    kind: Deployment',
        '    metadata: {name: web, namespace: shop}',
        '  - apiVersion: k8s.otterize.com/v2beta1',
        '    kind: ClientIntents',
        '    metadata: {name: web, namespace: shop}',
        '    spec: {workload: {name: web}}',
        '  - apiVersion: v1',
        '    kind: Namespace',
        '    metadata: {name: shop, labels: {istio-injection: enabled}}',
        '',
      ].join('\n'),
    );
    const { runner, log, ctx } = setup();
    await runInCluster(ctx, kindPlan(cwd), reading);
    const applies = runner.calls.filter((c) => c.program === 'kubectl' && c.args[0] === 'apply');
    assert.equal(applies.length, 3);
    assert.match(applies[0]!.stdin ?? '', /kind: Namespace/);
    assert.match(applies[1]!.stdin ?? '', /kind: Telemetry/);
    assert.match(applies[2]!.stdin ?? '', /kind: Deployment/);
    for (const c of applies) assert.doesNotMatch(c.stdin ?? '', /ClientIntents|kind: List/);
    assert.match(
      log.entries.join('\n'),
      /web\.yaml:7: ClientIntents shop\/web \(k8s\.otterize\.com\) not applied/,
    );
  });
});

describe('defect 3: a kind cluster this run did not create is never deleted', () => {
  test('a cluster named intent-drift already there: refused, and left alone', async () => {
    const cwd = await emptyDir();
    await writeFile(path.join(cwd, 'web.yaml'), DEPLOYMENT);
    const { runner, ctx } = setup((line) =>
      line === 'kind get clusters'
        ? { stdout: 'kind\nintent-drift\n' }
        : line.startsWith('kind create')
          ? {
              code: 1,
              stderr:
                'ERROR: failed to create cluster: node(s) already exist for a cluster with the name "intent-drift"',
            }
          : undefined,
    );
    const err = await runInCluster(ctx, kindPlan(cwd), reading).catch((e: unknown) => e);
    assert.match(String((err as Error).message), /a kind cluster named intent-drift exists already/);
    assert.ok(!runner.lines().some((l) => l.startsWith('kind delete')), runner.lines().join('\n'));
    assert.ok(!runner.lines().some((l) => l.startsWith('kind create')));
  });

  test('kind itself says the name is taken (a race): still not deleted', async () => {
    const cwd = await emptyDir();
    await writeFile(path.join(cwd, 'web.yaml'), DEPLOYMENT);
    const { runner, ctx } = setup((line) =>
      line.startsWith('kind create')
        ? {
            code: 1,
            stderr:
              'ERROR: failed to create cluster: node(s) already exist for a cluster with the name "intent-drift"',
          }
        : undefined,
    );
    const err = await runInCluster(ctx, kindPlan(cwd), reading).catch((e: unknown) => e);
    assert.ok(err instanceof Error);
    assert.ok(!runner.lines().some((l) => l.startsWith('kind delete')), runner.lines().join('\n'));
  });

  test('a create that fails on its own is cleaned up: the cluster was not there before', async () => {
    const cwd = await emptyDir();
    await writeFile(path.join(cwd, 'web.yaml'), DEPLOYMENT);
    const { runner, ctx } = setup((line) =>
      line.startsWith('kind create') ? { code: null, timedOut: true } : undefined,
    );
    await runInCluster(ctx, kindPlan(cwd), reading).catch(() => undefined);
    assert.equal(runner.lines().at(-1), 'kind delete cluster --name intent-drift');
  });
});

describe('defect 4: cluster existing finds the root Telemetry Istio uses, whatever its name', () => {
  const telemetryList = (items: object[]) => ({ stdout: JSON.stringify({ kind: 'List', items }) });
  const istiod = {
    stdout: JSON.stringify({
      items: [
        {
          metadata: {
            name: 'istiod',
            namespace: 'istio-system',
            labels: { app: 'istiod', 'istio.io/rev': 'default' },
          },
        },
      ],
    }),
  };

  test('an older selector-less Telemetry under another name decides, and the log says so', async () => {
    const cwd = await emptyDir();
    const { runner, log, ctx } = setup((line) => {
      if (line.startsWith('kubectl get deployments')) return istiod;
      if (line.startsWith('kubectl get configmap'))
        return { code: 1, stderr: 'Error from server (NotFound): configmaps "istio" not found' };
      if (line.startsWith('kubectl get telemetries')) {
        return telemetryList([
          {
            metadata: {
              name: 'zz-newer',
              namespace: 'istio-system',
              creationTimestamp: '2026-03-01T00:00:00Z',
            },
            spec: { accessLogging: [{ providers: [{ name: 'envoy' }] }] },
          },
          {
            metadata: {
              name: 'selected',
              namespace: 'istio-system',
              creationTimestamp: '2025-01-01T00:00:00Z',
            },
            spec: { selector: { matchLabels: { app: 'gateway' } } },
          },
          {
            metadata: {
              name: 'mesh-metrics',
              namespace: 'istio-system',
              creationTimestamp: '2026-01-01T00:00:00Z',
            },
            spec: {
              metrics: [
                {
                  providers: [{ name: 'prometheus' }],
                  overrides: [
                    {
                      match: { metric: 'REQUEST_COUNT' },
                      tagOverrides: {
                        request_method: { value: 'request.method' },
                        request_path: { value: 'request.path' },
                      },
                    },
                  ],
                },
              ],
            },
          },
        ]);
      }
      return undefined;
    });
    await runInCluster(ctx, kindPlan(cwd, { cluster: 'existing', workloads: [] }), reading);
    assert.ok(
      log.entries.some((l) =>
        l.includes('Telemetry istio-system/mesh-metrics decides (the oldest of 2 without a selector'),
      ),
      log.entries.join('\n'),
    );
    assert.ok(log.entries.some((l) => l.includes('it adds request_method and request_path: nothing to add')));
    // Nothing applied, so nothing to remove.
    assert.ok(!runner.lines().some((l) => l.startsWith('kubectl apply') || l.startsWith('kubectl delete')));
  });
});
