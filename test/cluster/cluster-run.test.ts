// The life cycle against the recording runner: the exact commands in order, teardown whatever
// fails, an existing cluster changed as little as can be, and failures told in one message.
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { type ClusterPlan, runInCluster } from '../../src/cluster/cluster-run.ts';
import { ClusterStepError } from '../../src/cluster/cluster-step.ts';
import { type Command, type CommandRunner, createProcessRunner } from '../../src/cluster/command-runner.ts';
import {
  addedTelemetryYaml,
  MESH_TELEMETRY_YAML,
  removeAddedTelemetry,
} from '../../src/cluster/telemetry.ts';
import type { ManifestDocument, WorkloadPlan } from '../../src/cluster/workload-plan.ts';
import { deployWorkloads, documentStream, prepareNamespaces } from '../../src/cluster/workloads.ts';
import { isInputError } from '../../src/errors.ts';
import {
  type Answer,
  endsSoon,
  OUTLIVING_CHILD,
  RecordingLog,
  RecordingRunner,
  setup,
  stepContext,
} from './fake-tools.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const NS = 'otterize-tutorial-istio-mapping';

async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-cluster-'));
  await copyFile(path.join(root, 'fixtures', 'demo', 'workloads.yaml'), path.join(dir, 'workloads.yaml'));
  await copyFile(path.join(root, 'kind-config.yaml'), path.join(dir, 'kind-config.yaml'));
  return dir;
}

function plan(cwd: string, over: Partial<ClusterPlan> = {}): ClusterPlan {
  return {
    cluster: 'kind',
    kindConfig: path.join(cwd, 'kind-config.yaml'),
    clusterName: 'intent-drift',
    istioVersion: '1.30.5',
    workloads: ['workloads.yaml'],
    intents: [],
    cwd,
    traffic: './replay.sh --rate 5',
    duration: '60s',
    durationMs: 60_000,
    keepCluster: false,
    ...over,
  };
}

/** A reading that opens its window, lets the traffic start, and answers `value`. */
const reading =
  <T>(value: T) =>
  async (openWindow: () => void): Promise<T> => {
    openWindow();
    await new Promise((resolve) => setImmediate(resolve));
    return value;
  };

const HELM = (release: string, chart: string, extra: string[]) =>
  [
    `helm upgrade --install ${release} ${chart} --namespace istio-system`,
    ...extra,
    '--version 1.30.5 --wait --timeout 5m',
  ].join(' ');

const SMALL_REQUESTS = [
  '--set resources.requests.cpu=10m',
  '--set resources.requests.memory=100Mi',
  '--set global.proxy.resources.requests.cpu=10m',
  '--set global.proxy.resources.requests.memory=40Mi',
];

function kindSequence(cwd: string): string[] {
  return [
    'kind version',
    'helm version --short',
    'kubectl version --client',
    'kind get clusters',
    `kind create cluster --config ${cwd}/kind-config.yaml --name intent-drift --wait 120s`,
    'helm repo add istio https://istio-release.storage.googleapis.com/charts --force-update',
    'helm repo update istio',
    HELM('istio-base', 'istio/base', ['--create-namespace']),
    HELM('istiod', 'istio/istiod', SMALL_REQUESTS),
    'kubectl apply -f -',
    'kubectl apply -f -',
    'kubectl apply -f -',
    `kubectl rollout status deployment/client --namespace ${NS} --timeout 180s`,
    `kubectl rollout status deployment/client2 --namespace ${NS} --timeout 180s`,
    `kubectl rollout status deployment/nginx --namespace ${NS} --timeout 180s`,
    'sh -c ./replay.sh --rate 5',
    'kind delete cluster --name intent-drift',
  ];
}

describe('runInCluster, cluster kind', () => {
  test('runs the whole life cycle in order and deletes the cluster', async () => {
    const cwd = await workspace();
    const { runner, log, ctx } = setup();
    const result = await runInCluster(ctx, plan(cwd), reading('the check'));
    assert.equal(result, 'the check');
    assert.deepEqual(runner.lines(), kindSequence(cwd));
    // The demo's labelled Namespace first; the Telemetry by stdin (the bundle has no fixtures
    // folder), before any workload; then the rest of workloads.yaml, without its Namespace.
    assert.equal(
      runner.calls[9]!.stdin,
      '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: otterize-tutorial-istio-mapping\n' +
        '  labels:\n    istio-injection: enabled\n',
    );
    assert.equal(runner.calls[10]!.stdin, MESH_TELEMETRY_YAML);
    assert.doesNotMatch(runner.calls[11]!.stdin!, /kind: Namespace/);
    assert.equal(runner.calls[11]!.stdin!.match(/^kind: Deployment$/gm)?.length, 3);
    // The traffic runs in the workspace, bounded by the window, its arguments kept out of the log.
    const traffic = runner.calls[15]!;
    assert.equal(traffic.cwd, cwd);
    assert.equal(traffic.timeoutMs, 60_000);
    assert.equal(traffic.quietArgs, true);
    assert.deepEqual(log.groups(), [
      'tools',
      'kind cluster intent-drift',
      'Istio 1.30.5',
      'namespaces',
      'Telemetry (method and path labels)',
      'workloads',
      'recording (window of 60s)',
      'deleting the kind cluster intent-drift',
    ]);
    assert.ok(log.entries.includes('Istio 1.30.5: done in 1.0s'), log.entries.join('\n'));
    assert.ok(log.entries.includes('traffic: stopped when the window closed'));
    assert.deepEqual(log.warnings(), []);
  });

  test('labels workload namespaces the manifests leave unlabelled, before applying them', async () => {
    const cwd = await workspace();
    await writeFile(
      path.join(cwd, 'shop.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: cart, namespace: shop}\n',
    );
    const { runner, ctx } = setup((line) =>
      line === 'kubectl create namespace shop'
        ? { code: 1, stderr: 'namespaces "shop" already exists' }
        : undefined,
    );
    await runInCluster(ctx, plan(cwd, { workloads: ['shop.yaml'], traffic: undefined }), reading(1));
    const lines = runner.lines();
    const at = lines.indexOf('kubectl create namespace shop');
    assert.deepEqual(lines.slice(at, at + 5), [
      'kubectl create namespace shop',
      'kubectl label namespace shop istio-injection=enabled --overwrite',
      'kubectl apply -f -',
      'kubectl apply -f -',
      'kubectl rollout status deployment/cart --namespace shop --timeout 180s',
    ]);
    assert.equal(runner.calls[at + 2]!.stdin, MESH_TELEMETRY_YAML);
    assert.match(runner.calls[at + 3]!.stdin!, /name: cart, namespace: shop/);
    assert.ok(!lines.some((l) => l.startsWith('sh ')), 'no traffic command without `traffic`');
  });

  test('a failing step still deletes the cluster, after showing the pods', async () => {
    const cwd = await workspace();
    const { runner, log, ctx } = setup((line) =>
      line.includes('istio/istiod')
        ? {
            code: 1,
            stdout: 'installing',
            stderr: 'line 1\nline 2\nline 3\nline 4\nline 5\nError: context deadline exceeded\n',
          }
        : undefined,
    );
    let recorded = false;
    const err = await runInCluster(ctx, plan(cwd), async () => {
      recorded = true;
    }).catch((e: unknown) => e);
    assert.ok(err instanceof ClusterStepError);
    assert.equal(
      err.message,
      'Istio (istio/istiod) failed: helm upgrade --install exited with code 1:\n' +
        'line 2\nline 3\nline 4\nline 5\nError: context deadline exceeded',
    );
    assert.equal(recorded, false);
    assert.deepEqual(runner.lines().slice(-2), [
      'kubectl get pods --all-namespaces --output wide',
      'kind delete cluster --name intent-drift',
    ]);
    assert.ok(log.entries.includes('Istio 1.30.5: failed in 1.0s'));
  });

  test('teardown also follows a failed reading, and stops the traffic', async () => {
    const cwd = await workspace();
    const { runner, ctx } = setup();
    const err = await runInCluster(ctx, plan(cwd), async (openWindow) => {
      openWindow();
      throw new Error('cannot read any sidecar');
    }).catch((e: unknown) => e);
    assert.equal((err as Error).message, 'cannot read any sidecar');
    assert.equal(runner.calls.find((c) => c.program === 'sh')!.signal!.aborted, true);
    assert.equal(runner.lines().at(-1), 'kind delete cluster --name intent-drift');
  });

  test('kind missing on PATH: one clear line, and nothing else runs', async () => {
    const cwd = await workspace();
    const { runner, ctx } = setup((line) => (line.startsWith('kind ') ? 'missing' : undefined));
    const err = await runInCluster(ctx, plan(cwd), reading(0)).catch((e: unknown) => e);
    assert.equal(
      (err as Error).message,
      "cluster kind: kind is not on PATH (GitHub's ubuntu runners have kind, helm and kubectl; elsewhere install them first)",
    );
    assert.deepEqual(runner.lines(), ['kind version']);
  });

  test('keep-cluster leaves the cluster running', async () => {
    const cwd = await workspace();
    const { runner, log, ctx } = setup();
    await runInCluster(ctx, plan(cwd, { keepCluster: true }), reading(0));
    assert.ok(!runner.lines().some((l) => l.startsWith('kind delete')));
    assert.ok(
      log.entries.includes('keep-cluster: the kind cluster intent-drift stays (context kind-intent-drift)'),
    );
  });

  test('a manifest that is not YAML fails before any tool runs', async () => {
    const cwd = await workspace();
    await writeFile(path.join(cwd, 'bad.yaml'), 'kind: Deployment\nmetadata: {name: [oops\n');
    const { runner, ctx } = setup();
    const err = await runInCluster(ctx, plan(cwd, { workloads: ['bad.yaml'] }), reading(0)).catch(
      (e: unknown) => e,
    );
    assert.ok(isInputError(err) && err.file === 'bad.yaml', String(err));
    assert.deepEqual(runner.lines(), []);
  });

  test('traffic that left a child running ends with the window, not with the child', {
    timeout: 30_000,
  }, async () => {
    // The real runner for the traffic command (`port-forward ... & curl ...` leaves one behind).
    const cwd = await workspace();
    const fake = new RecordingRunner();
    let pid = 0;
    let childStarted = () => {};
    const started = new Promise<void>((resolve) => {
      childStarted = resolve;
    });
    const real = createProcessRunner({
      log: (line) => {
        if (/^\d+$/.test(line)) {
          pid = Number(line);
          childStarted();
        }
      },
    });
    const runner: CommandRunner = { run: (c: Command) => (c.program === 'sh' ? real.run(c) : fake.run(c)) };
    const log = new RecordingLog();
    const result = await runInCluster(
      stepContext(runner, log),
      plan(cwd, { traffic: OUTLIVING_CHILD }),
      async (openWindow) => {
        openWindow();
        await started; // sh has exited; its child runs on, holding the output
        return 'read';
      },
    );
    assert.equal(result, 'read');
    assert.ok(await endsSoon(pid), 'the child was ended when the window closed');
    assert.ok(log.entries.includes('traffic: stopped when the window closed'), log.entries.join('\n'));
    assert.equal(fake.lines().at(-1), 'kind delete cluster --name intent-drift');
  });

  test("the PR's own mesh Telemetry and cluster-wide objects never reach the cluster", async () => {
    // Applied after the action's Telemetry, this one (no request_path) turned the demo's drift into OK.
    const cwd = await workspace();
    const extra = [
      'apiVersion: telemetry.istio.io/v1',
      'kind: Telemetry',
      'metadata: {name: mesh-default, namespace: istio-system}',
      'spec:',
      '  metrics:',
      '    - providers: [{name: prometheus}]',
      '      overrides:',
      '        - tagOverrides: {request_method: {value: request.method}}',
      '---',
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: ClusterRoleBinding',
      'metadata: {name: pr-admin}',
      'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}',
      'subjects: [{kind: ServiceAccount, name: default, namespace: shop}]',
      '',
    ].join('\n');
    await writeFile(path.join(cwd, 'mesh.yaml'), extra);
    const { runner, log, ctx } = setup();
    await runInCluster(ctx, plan(cwd, { workloads: ['workloads.yaml', 'mesh.yaml'] }), reading(0));
    const applied = runner.calls.filter((c) => c.args.join(' ') === 'apply -f -').map((c) => c.stdin!);
    assert.equal(applied.filter((a) => /kind: Telemetry/.test(a)).length, 1);
    assert.ok(applied.includes(MESH_TELEMETRY_YAML));
    assert.ok(!applied.some((a) => /ClusterRoleBinding/.test(a)), applied.join('\n'));
    assert.deepEqual(log.warnings(), [
      'warning: mesh.yaml:1: Telemetry istio-system/mesh-default (telemetry.istio.io) not applied: it would change what Istio records or enforces while the check reads it',
      'warning: mesh.yaml:10: ClusterRoleBinding pr-admin (rbac.authorization.k8s.io) not applied: a cluster-scoped object is not a workload, and would outlive the run on an existing cluster',
    ]);
  });

  test('a reading that opens its window twice starts the traffic once, and the log says it started', async () => {
    const cwd = await workspace();
    const { runner, log, ctx } = setup();
    const result = await runInCluster(ctx, plan(cwd), async (openWindow) => {
      openWindow();
      openWindow();
      await new Promise((resolve) => setImmediate(resolve));
      return 'read';
    });
    assert.equal(result, 'read');
    const traffic = runner.calls.filter((c) => c.program === 'sh');
    assert.equal(traffic.length, 1);
    assert.equal(traffic[0]!.signal!.aborted, true, 'stopped when the window closed');
    assert.equal(log.entries.filter((e) => e === 'window open for 60s: traffic started').length, 2);
    const quiet = setup();
    await runInCluster(quiet.ctx, plan(cwd, { traffic: undefined }), reading(0));
    assert.ok(quiet.log.entries.includes('window open for 60s'), quiet.log.entries.join('\n'));
  });

  test('a traffic command that fails is a warning with its last stderr lines', async () => {
    const cwd = await workspace();
    const { log, ctx } = setup((line) =>
      line.startsWith('sh ') ? { code: 3, stderr: 'replay: connection refused\n' } : undefined,
    );
    const result = await runInCluster(ctx, plan(cwd), reading('read'));
    assert.equal(result, 'read');
    assert.deepEqual(log.warnings(), [
      'warning: the traffic command exited with code 3:\nreplay: connection refused; the reading shows only the traffic there was',
    ]);
  });
});

const NOT_FOUND = { code: 1, stderr: 'Error from server (NotFound): configmaps "istio" not found' };
const list = (items: object[]): Answer => ({
  stdout: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }),
});
const istiod = (name: string, rev: string, namespace = 'istio-system') => ({
  metadata: { name, namespace, labels: { app: 'istiod', 'istio.io/rev': rev } },
});
const telemetry = (name: string, namespace: string, created: string, spec: object) => ({
  metadata: { name, namespace, creationTimestamp: created },
  spec,
});
/** The mesh config as the istiod chart writes it: its root namespace, and prometheus as the default metrics provider. */
const chartMesh = (root: string) => `rootNamespace: ${root}\ndefaultProviders:\n  metrics:\n  - prometheus\n`;
const TAGS = { request_method: { value: 'request.method' }, request_path: { value: 'request.path' } };
/** fixtures/demo/telemetry.yaml's spec, as the API server returns it. */
const MESH_DEFAULT_SPEC = {
  accessLogging: [{ providers: [{ name: 'envoy' }] }],
  metrics: [
    {
      providers: [{ name: 'prometheus' }],
      overrides: [
        {
          tagOverrides: TAGS,
        },
      ],
    },
  ],
};
const GET_ISTIODS = 'kubectl get deployments --all-namespaces --selector app=istiod --output json';
const GET_ROOT_TELEMETRY =
  'kubectl get telemetries.telemetry.istio.io --namespace istio-system --output json';
const DELETE_ADDED = (ns: string) =>
  `kubectl delete telemetries.telemetry.istio.io intent-drift --namespace ${ns} --ignore-not-found`;

describe('runInCluster, cluster existing', () => {
  test('keeps a running istiod and a Telemetry that adds method and path: labels, adds and deletes nothing', async () => {
    const cwd = await workspace();
    const { runner, log, ctx } = setup((line) => {
      if (line === GET_ISTIODS) return list([istiod('istiod', 'default')]);
      if (line.startsWith('kubectl get configmap')) return NOT_FOUND;
      if (line === GET_ROOT_TELEMETRY) {
        return list([telemetry('mesh-default', 'istio-system', '2026-01-01T00:00:00Z', MESH_DEFAULT_SPEC)]);
      }
      if (line.startsWith('kubectl get telemetries')) return list([]);
      return undefined;
    });
    await runInCluster(ctx, plan(cwd, { cluster: 'existing', traffic: undefined }), reading(0));
    assert.deepEqual(runner.lines(), [
      'kubectl version --client',
      GET_ISTIODS,
      'kubectl get configmap istio --namespace istio-system --output json',
      'kubectl apply -f -',
      GET_ROOT_TELEMETRY,
      // A workload namespace's own Telemetry could still take the tags or prometheus away.
      `kubectl get telemetries.telemetry.istio.io --namespace ${NS} --output json`,
      'kubectl apply -f -',
      `kubectl rollout status deployment/client --namespace ${NS} --timeout 180s`,
      `kubectl rollout status deployment/client2 --namespace ${NS} --timeout 180s`,
      `kubectl rollout status deployment/nginx --namespace ${NS} --timeout 180s`,
    ]);
    assert.ok(
      log.entries.includes(
        'istiod is already running: istio-system/istiod (revision default); Istio is not installed again',
      ),
    );
    assert.ok(
      log.entries.includes(
        'Telemetry istio-system/mesh-default decides (the only one without a selector in istio-system); ' +
          'it adds request_method and request_path: nothing to add',
      ),
    );
    assert.deepEqual(log.warnings(), []);
    // The JSON kubectl writes is read, not logged.
    for (const c of runner.calls.filter((c) => c.args.includes('json'))) assert.equal(c.readOutput, true);
  });

  test('an istiod installed with a revision is recognised; its mesh config names the root namespace', async () => {
    const cwd = await workspace();
    await writeFile(
      path.join(cwd, 'shop.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: cart, namespace: shop}\n',
    );
    const { runner, log, ctx } = setup((line) => {
      if (line === GET_ISTIODS) return list([istiod('istiod-1-30', '1-30')]);
      if (line === 'kubectl get configmap istio-1-30 --namespace istio-system --output json') {
        return {
          stdout: JSON.stringify({
            data: { mesh: `${chartMesh('mesh-root')}trustDomain: cluster.local\n` },
          }),
        };
      }
      if (line.startsWith('kubectl get telemetries')) return list([]);
      return undefined;
    });
    await runInCluster(
      ctx,
      plan(cwd, { cluster: 'existing', workloads: ['shop.yaml'], traffic: undefined }),
      reading(0),
    );
    assert.ok(!runner.lines().some((l) => l.startsWith('helm')), 'no second Istio');
    assert.ok(
      log.entries.includes(
        'istiod is already running: istio-system/istiod-1-30 (revision 1-30); Istio is not installed again',
      ),
    );
    assert.ok(
      runner
        .lines()
        .includes('kubectl get telemetries.telemetry.istio.io --namespace mesh-root --output json'),
    );
    // The chart's mesh config (prometheus by default): the method and path Telemetry goes to its root.
    assert.deepEqual(
      runner.calls.filter((c) => c.args[0] === 'create').map((c) => c.stdin),
      [addedTelemetryYaml('mesh-root')],
    );
    assert.ok(
      log.entries.some(
        (l) =>
          l.startsWith('namespace(s) shop: not labelled by the manifests') && l.includes('istio.io/rev=1-30'),
      ),
      log.entries.join('\n'),
    );
  });

  test('an istiod whose istio.io/rev label is empty is the default revision: mesh ConfigMap `istio`, istio-injection', async () => {
    // The istiod chart names the mesh ConfigMap `istio` when its revision is empty, `istio-<rev>` otherwise.
    const cwd = await workspace();
    await writeFile(
      path.join(cwd, 'shop.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: cart, namespace: shop}\n',
    );
    const { runner, log, ctx } = setup((line) => {
      if (line === GET_ISTIODS) return list([istiod('istiod', '')]);
      if (line === 'kubectl get configmap istio --namespace istio-system --output json') {
        return { stdout: JSON.stringify({ data: { mesh: chartMesh('mesh-root') } }) };
      }
      if (line.startsWith('kubectl get configmap')) return NOT_FOUND;
      if (line.startsWith('kubectl get telemetries')) return list([]);
      return undefined;
    });
    await runInCluster(
      ctx,
      plan(cwd, { cluster: 'existing', workloads: ['shop.yaml'], traffic: undefined }),
      reading(0),
    );
    assert.ok(
      log.entries.includes(
        'istiod is already running: istio-system/istiod (revision default); Istio is not installed again',
      ),
      log.entries.join('\n'),
    );
    assert.ok(
      runner
        .lines()
        .includes('kubectl get telemetries.telemetry.istio.io --namespace mesh-root --output json'),
      runner.lines().join('\n'),
    );
    const hint = log.entries.find((l) => l.startsWith('namespace(s) shop: not labelled by the manifests'));
    assert.match(hint ?? '', /istio-injection=enabled/);
    assert.doesNotMatch(hint ?? '', /istio\.io\/rev=/);
  });

  test("on an existing cluster nothing goes to its Istio's namespaces: root, istiod's, istio-system", async () => {
    // A fork's ConfigMap `istio` in istiod's namespace would rewrite the mesh config of a shared cluster.
    const cwd = await workspace();
    const doc = (kind: string, name: string, namespace: string) =>
      `apiVersion: ${kind === 'Deployment' ? 'apps/v1' : 'v1'}\nkind: ${kind}\nmetadata: {name: ${name}, namespace: ${namespace}}\n`;
    await writeFile(
      path.join(cwd, 'pr.yaml'),
      [
        doc('Deployment', 'cart', 'shop'),
        doc('ConfigMap', 'istio', 'istio-canary'),
        doc('Deployment', 'probe', 'mesh-root'),
        doc('ConfigMap', 'x', 'istio-system'),
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: mesh-root}\n',
      ].join('---\n'),
    );
    const { runner, log, ctx } = setup((line) => {
      if (line === GET_ISTIODS) return list([istiod('istiod', 'default', 'istio-canary')]);
      if (line === 'kubectl get configmap istio --namespace istio-canary --output json') {
        return { stdout: JSON.stringify({ data: { mesh: chartMesh('mesh-root') } }) };
      }
      if (line.startsWith('kubectl get telemetries')) return list([]);
      return undefined;
    });
    await runInCluster(
      ctx,
      plan(cwd, { cluster: 'existing', workloads: ['pr.yaml'], traffic: undefined }),
      reading(0),
    );
    const applied = runner.calls.filter((c) => c.args.join(' ') === 'apply -f -').map((c) => c.stdin!);
    assert.ok(
      applied.some((a) => a.includes('name: cart')),
      applied.join('\n'),
    );
    for (const name of ['name: istio,', 'name: probe', 'name: x,', 'name: mesh-root']) {
      assert.ok(!applied.some((a) => a.includes(name)), `${name} applied:\n${applied.join('\n')}`);
    }
    const why = 'it would change what Istio records or enforces while the check reads it';
    assert.deepEqual(
      log.warnings().filter((w) => w.includes('not applied')),
      [
        `warning: pr.yaml:5: ConfigMap istio-canary/istio (core) not applied: istio-canary is istiod's namespace: ${why}`,
        `warning: pr.yaml:9: Deployment mesh-root/probe (apps) not applied: mesh-root is the mesh's root namespace: ${why}`,
        `warning: pr.yaml:13: ConfigMap istio-system/x (core) not applied: istio-system is Istio's default namespace: ${why}`,
        `warning: pr.yaml:17: Namespace mesh-root (core) not applied: mesh-root is the mesh's root namespace: ${why}`,
      ],
    );
  });

  test('no mesh-wide Telemetry: adds the smallest one, and removes it at the end, saying so', async () => {
    const cwd = await workspace();
    const { runner, log, ctx } = setup((line) => {
      if (line === GET_ISTIODS) return list([istiod('istiod', 'default')]);
      if (line.startsWith('kubectl get configmap')) return NOT_FOUND;
      if (line.startsWith('kubectl get telemetries')) {
        return list([
          telemetry('gateway-logs', 'istio-system', '2025-01-01T00:00:00Z', {
            selector: { matchLabels: { app: 'gw' } },
          }),
        ]);
      }
      return undefined;
    });
    await runInCluster(
      ctx,
      plan(cwd, { cluster: 'existing', workloads: [], traffic: undefined }),
      reading(0),
    );
    const create = runner.calls.find((c) => c.args[0] === 'create')!;
    assert.deepEqual(create.args, ['create', '-f', '-']);
    assert.equal(create.stdin, addedTelemetryYaml('istio-system'));
    assert.match(create.stdin!, /metric: REQUEST_COUNT/);
    assert.doesNotMatch(create.stdin!, /accessLogging|providers/);
    assert.equal(runner.lines().at(-1), DELETE_ADDED('istio-system'));
    assert.deepEqual(log.groups().slice(-1), ['restoring the mesh']);
    assert.ok(
      log.entries.some((l) =>
        l.startsWith('no Telemetry without a selector in istio-system: added istio-system/intent-drift'),
      ),
    );
    assert.ok(log.entries.includes('removed the Telemetry istio-system/intent-drift this run added'));
  });

  test('what was added is removed even when a later step fails', async () => {
    const cwd = await workspace();
    const { runner, ctx } = setup((line) => {
      if (line === GET_ISTIODS) return list([istiod('istiod', 'default')]);
      if (line.startsWith('kubectl get configmap')) return NOT_FOUND;
      if (line.startsWith('kubectl get telemetries')) return list([]);
      if (line.startsWith('kubectl rollout status deployment/nginx'))
        return { code: 1, stderr: 'error: timed out waiting' };
      return undefined;
    });
    const err = await runInCluster(
      ctx,
      plan(cwd, { cluster: 'existing', traffic: undefined }),
      reading(0),
    ).catch((e: unknown) => e);
    assert.ok(err instanceof ClusterStepError);
    assert.deepEqual(runner.lines().slice(-2), [
      'kubectl get pods --all-namespaces --output wide',
      DELETE_ADDED('istio-system'),
    ]);
  });

  test('a mesh-wide Telemetry without the tags: added per workload namespace, over it, and removed', async () => {
    const cwd = await workspace();
    await writeFile(
      path.join(cwd, 'two.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: shop}\n---\n' +
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b, namespace: owned}\n',
    );
    const { runner, log, ctx } = setup((line) => {
      if (line === GET_ISTIODS) return list([istiod('istiod', 'default')]);
      if (line.startsWith('kubectl get configmap')) return NOT_FOUND;
      if (line === GET_ROOT_TELEMETRY) {
        return list([
          telemetry('logs-only', 'istio-system', '2025-01-01T00:00:00Z', { accessLogging: [{}] }),
        ]);
      }
      if (line.includes('--namespace owned')) {
        return list([
          telemetry('owned-metrics', 'owned', '2025-02-01T00:00:00Z', {
            metrics: [{ providers: [{ name: 'prometheus' }] }],
          }),
        ]);
      }
      if (line.startsWith('kubectl get telemetries')) return list([]);
      return undefined;
    });
    await runInCluster(
      ctx,
      plan(cwd, { cluster: 'existing', workloads: ['two.yaml'], traffic: undefined }),
      reading(0),
    );
    const creates = runner.calls.filter((c) => c.args[0] === 'create');
    assert.deepEqual(
      creates.map((c) => c.stdin),
      [addedTelemetryYaml('shop')],
    );
    assert.ok(
      log.entries.includes(
        'Telemetry istio-system/logs-only decides (the only one without a selector in istio-system); ' +
          "it does not add request_method and request_path to both sidecars' metrics",
      ),
    );
    assert.match(log.warnings().join('\n'), /Telemetry owned\/owned-metrics decides .* and is not changed/);
    assert.equal(runner.lines().at(-1), DELETE_ADDED('shop'));
  });

  test("a root Telemetry tagging the caller's side only is not enough; a namespace's is merged over it, in that order", async () => {
    // Istio merges a namespace's Telemetry over the root's (applicableTelemetries, then
    // mergeMetrics): the root's CLIENT tags and the namespace's SERVER tags together are both
    // sides; a namespace's REMOVE of the caller's path comes after the root's tags, and wins.
    const cwd = await workspace();
    await writeFile(
      path.join(cwd, 'three.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: shop}\n---\n' +
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b, namespace: owned}\n---\n' +
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: c, namespace: half}\n',
    );
    const side = (mode: string, tagOverrides: object = TAGS) => ({
      match: { metric: 'REQUEST_COUNT', mode },
      tagOverrides,
    });
    const half = [side('CLIENT', { request_path: { operation: 'REMOVE' } }), side('SERVER')];
    const { runner, log, ctx } = setup((line) => {
      if (line === GET_ISTIODS) return list([istiod('istiod', 'default')]);
      if (line.startsWith('kubectl get configmap')) return NOT_FOUND;
      if (line === GET_ROOT_TELEMETRY) {
        const spec = { metrics: [{ overrides: [side('CLIENT')] }] };
        return list([telemetry('client-tags', 'istio-system', '2025-01-01T00:00:00Z', spec)]);
      }
      if (line.includes('--namespace owned')) {
        const spec = { metrics: [{ overrides: [side('SERVER')] }] };
        return list([telemetry('server-tags', 'owned', '2025-02-01T00:00:00Z', spec)]);
      }
      if (line.includes('--namespace half')) {
        return list([
          telemetry('no-path', 'half', '2025-02-01T00:00:00Z', { metrics: [{ overrides: half }] }),
        ]);
      }
      if (line.startsWith('kubectl get telemetries')) return list([]);
      return undefined;
    });
    await runInCluster(
      ctx,
      plan(cwd, { cluster: 'existing', workloads: ['three.yaml'], traffic: undefined }),
      reading(0),
    );
    assert.deepEqual(
      runner.calls.filter((c) => c.args[0] === 'create').map((c) => c.stdin),
      [addedTelemetryYaml('shop')],
    );
    assert.ok(
      log.entries.includes(
        'Telemetry istio-system/client-tags decides (the only one without a selector in istio-system); ' +
          "it does not add request_method and request_path to both sidecars' metrics",
      ),
      log.entries.join('\n'),
    );
    assert.ok(
      log.entries.includes(
        'Telemetry owned/server-tags decides (the only one without a selector in owned); ' +
          'it adds request_method and request_path: nothing to add',
      ),
      log.entries.join('\n'),
    );
    assert.deepEqual(log.warnings(), [
      'warning: Telemetry half/no-path decides (the only one without a selector in half) and is not changed; ' +
        'with it, calls in half show no method and path: add tagOverrides request_method and request_path to it',
    ]);
  });

  test('metrics providers: a namespace naming only stackdriver drops the root’s prometheus tags; under a root without prometheus nothing is added', async () => {
    // mergeMetrics configures only the providers of the last metrics entry naming any: the root's
    // prometheus tags do not reach a namespace whose Telemetry names stackdriver only (no
    // prometheus istio_requests_total there at all), and an added Telemetry naming no providers
    // inherits a root's stackdriver. Neither is changed: a warning says why, nothing is created.
    const two =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: shop}\n---\n' +
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b, namespace: sd}\n';
    const sdOnly = { metrics: [{ providers: [{ name: 'stackdriver' }] }] };
    const run = async (rootSpec: object) => {
      const cwd = await workspace();
      await writeFile(path.join(cwd, 'two.yaml'), two);
      const { runner, log, ctx } = setup((line) => {
        if (line === GET_ISTIODS) return list([istiod('istiod', 'default')]);
        if (line.startsWith('kubectl get configmap')) return NOT_FOUND;
        if (line === GET_ROOT_TELEMETRY) {
          return list([telemetry('root', 'istio-system', '2025-01-01T00:00:00Z', rootSpec)]);
        }
        if (line.includes('--namespace sd')) {
          return list([telemetry('sd-metrics', 'sd', '2025-02-01T00:00:00Z', sdOnly)]);
        }
        if (line.startsWith('kubectl get telemetries')) return list([]);
        return undefined;
      });
      await runInCluster(
        ctx,
        plan(cwd, { cluster: 'existing', workloads: ['two.yaml'], traffic: undefined }),
        reading(0),
      );
      return { creates: runner.calls.filter((c) => c.args[0] === 'create'), log };
    };
    const sdWarning =
      'warning: Telemetry sd/sd-metrics decides (the only one without a selector in sd) and is not changed; ' +
      'with it, calls in sd show no method and path: its metrics go to stackdriver only, not prometheus ' +
      '(the last metrics providers named decide): name prometheus among them, with tagOverrides ' +
      'request_method and request_path';

    const tagged = await run(MESH_DEFAULT_SPEC);
    assert.deepEqual(tagged.creates, []);
    assert.deepEqual(tagged.log.warnings(), [sdWarning]);

    const stackdriver = await run(sdOnly);
    assert.deepEqual(stackdriver.creates, []);
    assert.deepEqual(stackdriver.log.warnings(), [
      sdWarning,
      "warning: nothing added in shop: a Telemetry there without providers would inherit the mesh Telemetry's " +
        'metrics providers (stackdriver), not prometheus, and one naming prometheus would take theirs away; ' +
        'calls in shop show no method and path',
    ]);

    // REQUEST_COUNT disabled at the root: the added tags would not turn it on again.
    const off = await run({
      metrics: [{ overrides: [{ match: { metric: 'REQUEST_COUNT' }, disabled: true }] }],
    });
    assert.deepEqual(off.creates, []);
    assert.equal(
      off.log.warnings()[1],
      "warning: nothing added in shop: the mesh's Telemetry disables REQUEST_COUNT, which tags added there " +
        'do not undo; calls in shop show no method and path',
    );
  });

  test("a namespace's Telemetry that disables REQUEST_COUNT: the warning says to take that away, not only to add tags", async () => {
    const cwd = await workspace();
    await writeFile(
      path.join(cwd, 'quiet.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: quiet}\n',
    );
    const off = {
      metrics: [{ overrides: [{ match: { metric: 'REQUEST_COUNT', mode: 'SERVER' }, disabled: true }] }],
    };
    const { runner, log, ctx } = setup((line) => {
      if (line === GET_ISTIODS) return list([istiod('istiod', 'default')]);
      if (line.startsWith('kubectl get configmap')) return NOT_FOUND;
      if (line === GET_ROOT_TELEMETRY) {
        return list([telemetry('mesh-default', 'istio-system', '2025-01-01T00:00:00Z', MESH_DEFAULT_SPEC)]);
      }
      if (line.includes('--namespace quiet'))
        return list([telemetry('off', 'quiet', '2025-02-01T00:00:00Z', off)]);
      if (line.startsWith('kubectl get telemetries')) return list([]);
      return undefined;
    });
    await runInCluster(
      ctx,
      plan(cwd, { cluster: 'existing', workloads: ['quiet.yaml'], traffic: undefined }),
      reading(0),
    );
    assert.deepEqual(
      runner.calls.filter((c) => c.args[0] === 'create'),
      [],
    );
    assert.deepEqual(log.warnings(), [
      'warning: Telemetry quiet/off decides (the only one without a selector in quiet) and is not changed; ' +
        'with it, calls in quiet show no method and path: it (or the Telemetry it is merged over) disables ' +
        'REQUEST_COUNT or all metrics for a side: take that override away, and add tagOverrides ' +
        'request_method and request_path',
    ]);
  });

  test("the mesh config's defaultProviders.metrics: a Telemetry naming no providers gets those only; without prometheus nothing is added", async () => {
    // mergeMetrics (pilot/pkg/model/telemetry.go) starts from mesh.defaultProviders.metrics; the
    // istiod chart writes [prometheus] there unless the user sets defaultProviders, and without
    // any the mesh config has none (pkg/config/mesh/mesh.go). One ConfigMap read gives both the
    // root namespace and the defaults.
    const two =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: shop}\n---\n' +
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b, namespace: owned}\n';
    const promTags = {
      metrics: [{ providers: [{ name: 'prometheus' }], overrides: [{ tagOverrides: TAGS }] }],
    };
    const run = async (mesh: string, rootTelemetries: object[], files: string[]) => {
      const cwd = await workspace();
      await writeFile(path.join(cwd, 'two.yaml'), two);
      const { runner, log, ctx } = setup((line) => {
        if (line === GET_ISTIODS) return list([istiod('istiod', 'default')]);
        if (line === 'kubectl get configmap istio --namespace istio-system --output json') {
          return { stdout: JSON.stringify({ data: { mesh } }) };
        }
        if (line === GET_ROOT_TELEMETRY) return list(rootTelemetries);
        if (line.includes('--namespace owned')) {
          return list([telemetry('owned-prom', 'owned', '2025-02-01T00:00:00Z', promTags)]);
        }
        if (line.startsWith('kubectl get telemetries')) return list([]);
        return undefined;
      });
      await runInCluster(
        ctx,
        plan(cwd, { cluster: 'existing', workloads: files, traffic: undefined }),
        reading(0),
      );
      const configmaps = runner.lines().filter((l) => l.startsWith('kubectl get configmap'));
      assert.equal(configmaps.length, 1, 'one read of the mesh ConfigMap');
      return { creates: runner.calls.filter((c) => c.args[0] === 'create').map((c) => c.stdin), log };
    };
    const after =
      ': a Telemetry that names no metrics providers gives no prometheus istio_requests_total, ' +
      'so only one naming prometheus can add method and path';
    const advice =
      "(add prometheus to the mesh config's defaultProviders.metrics, or name it in a Telemetry with " +
      'tagOverrides request_method and request_path)';

    // As the chart writes it: prometheus, so the smallest Telemetry goes in, as before.
    const chart = await run(
      'rootNamespace: istio-system\ndefaultProviders:\n  metrics:\n  - prometheus\n',
      [],
      ['two.yaml'],
    );
    assert.deepEqual(chart.creates, [addedTelemetryYaml('istio-system')]);
    assert.deepEqual(chart.log.warnings(), []);
    assert.ok(!chart.log.entries.some((l) => l.startsWith('the mesh config')), chart.log.entries.join('\n'));

    // stackdriver only: the added Telemetry would inherit it; the namespace naming prometheus counts.
    const sd = await run(
      'rootNamespace: istio-system\ndefaultProviders:\n  metrics:\n  - stackdriver\n',
      [],
      ['two.yaml'],
    );
    assert.deepEqual(sd.creates, []);
    const sdWhy =
      "a Telemetry there without providers would inherit the mesh config's defaultProviders.metrics " +
      '(stackdriver), not prometheus, and one naming prometheus would change which providers get its ' +
      `metrics ${advice}`;
    assert.ok(
      sd.log.entries.includes(
        `the mesh config (ConfigMap istio-system/istio) has defaultProviders.metrics [stackdriver], without prometheus${after}`,
      ),
      sd.log.entries.join('\n'),
    );
    assert.ok(
      sd.log.entries.includes(
        `no Telemetry without a selector in istio-system, and nothing added there: ${sdWhy}`,
      ),
      sd.log.entries.join('\n'),
    );
    assert.ok(
      sd.log.entries.includes(
        'Telemetry owned/owned-prom decides (the only one without a selector in owned); ' +
          'it adds request_method and request_path: nothing to add',
      ),
    );
    assert.deepEqual(sd.log.warnings(), [
      `warning: nothing added in shop: ${sdWhy}; calls in shop show no method and path`,
    ]);

    // A root Telemetry with the tags and no providers inherits stackdriver: not enough, and the
    // advice names the mesh config's defaultProviders.
    const sdRoot = await run(
      'rootNamespace: istio-system\ndefaultProviders:\n  metrics: [stackdriver]\n',
      [
        telemetry('tags', 'istio-system', '2025-01-01T00:00:00Z', {
          metrics: [{ overrides: [{ tagOverrides: TAGS }] }],
        }),
      ],
      [],
    );
    assert.deepEqual(sdRoot.creates, []);
    assert.deepEqual(sdRoot.log.warnings(), [
      "warning: istio-system/tags is the mesh's Telemetry and is not changed: without workloads there is no " +
        "namespace to add method and path in; it names no metrics providers and the mesh config's " +
        'defaultProviders.metrics (stackdriver) lacks prometheus: name prometheus among its metrics ' +
        "providers, with tagOverrides request_method and request_path, or add prometheus to the mesh config's " +
        'defaultProviders.metrics (see fixtures/demo/telemetry.yaml), or no call shows its method and path',
    ]);

    // No defaultProviders at all: Istio's default is none, so no metrics from a provider-less Telemetry.
    const unset = await run('rootNamespace: istio-system\ntrustDomain: cluster.local\n', [], []);
    assert.deepEqual(unset.creates, []);
    assert.ok(
      unset.log.entries.includes(
        `the mesh config (ConfigMap istio-system/istio) sets no defaultProviders.metrics, and Istio's own default is none${after}`,
      ),
      unset.log.entries.join('\n'),
    );
    assert.deepEqual(unset.log.warnings(), [
      "warning: nothing added in istio-system: a Telemetry there without providers would inherit the mesh config's " +
        "defaultProviders.metrics, which names none (Istio's default when unset), not prometheus, and one " +
        `naming prometheus would change which providers get its metrics ${advice}; no call shows its method and path`,
    ]);
  });

  test("a namespace's two selector-less Telemetries: the oldest decides; one bound to workloads does not count", async () => {
    // namespaceWideTelemetryConfig: the first by creation time of those without a selector or a
    // target reference; one with `selector.matchLabels` reaches its workloads only.
    const cwd = await workspace();
    await writeFile(
      path.join(cwd, 'two.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: two}\n---\n' +
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b, namespace: bound}\n',
    );
    const tags = { metrics: [{ overrides: [{ tagOverrides: TAGS }] }] };
    const noPath = {
      metrics: [{ overrides: [{ tagOverrides: { request_path: { operation: 'REMOVE' } } }] }],
    };
    const { runner, log, ctx } = setup((line) => {
      if (line === GET_ISTIODS) return list([istiod('istiod', 'default')]);
      if (line.startsWith('kubectl get configmap')) return NOT_FOUND;
      if (line === GET_ROOT_TELEMETRY) {
        return list([
          telemetry('logs-only', 'istio-system', '2025-01-01T00:00:00Z', { accessLogging: [{}] }),
        ]);
      }
      if (line.includes('--namespace two')) {
        return list([
          telemetry('newer', 'two', '2025-03-01T00:00:00Z', noPath),
          telemetry('older', 'two', '2025-02-01T00:00:00Z', tags),
        ]);
      }
      if (line.includes('--namespace bound')) {
        return list([
          telemetry('app-only', 'bound', '2025-02-01T00:00:00Z', {
            ...tags,
            selector: { matchLabels: { app: 'b' } },
          }),
        ]);
      }
      if (line.startsWith('kubectl get telemetries')) return list([]);
      return undefined;
    });
    await runInCluster(
      ctx,
      plan(cwd, { cluster: 'existing', workloads: ['two.yaml'], traffic: undefined }),
      reading(0),
    );
    assert.deepEqual(
      runner.calls.filter((c) => c.args[0] === 'create').map((c) => c.stdin),
      [addedTelemetryYaml('bound')],
    );
    assert.ok(
      log.entries.includes(
        'Telemetry two/older decides (the oldest of 2 without a selector in two; Istio uses the oldest); ' +
          'it adds request_method and request_path: nothing to add',
      ),
      log.entries.join('\n'),
    );
    assert.deepEqual(log.warnings(), []);
  });

  test("a namespace's Telemetry that disables all metrics for a side: the warning says to take that away", async () => {
    const cwd = await workspace();
    await writeFile(
      path.join(cwd, 'quiet.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: quiet}\n',
    );
    const off = { metrics: [{ overrides: [{ match: { mode: 'CLIENT' }, disabled: true }] }] };
    const { log, ctx } = setup((line) => {
      if (line === GET_ISTIODS) return list([istiod('istiod', 'default')]);
      if (line.startsWith('kubectl get configmap')) return NOT_FOUND;
      if (line === GET_ROOT_TELEMETRY) {
        return list([telemetry('mesh-default', 'istio-system', '2025-01-01T00:00:00Z', MESH_DEFAULT_SPEC)]);
      }
      if (line.includes('--namespace quiet'))
        return list([telemetry('off', 'quiet', '2025-02-01T00:00:00Z', off)]);
      if (line.startsWith('kubectl get telemetries')) return list([]);
      return undefined;
    });
    await runInCluster(
      ctx,
      plan(cwd, { cluster: 'existing', workloads: ['quiet.yaml'], traffic: undefined }),
      reading(0),
    );
    assert.match(
      log.warnings().join('\n'),
      /calls in quiet show no method and path: it \(or the Telemetry it is merged over\) disables REQUEST_COUNT or all metrics for a side: take that override away/,
    );
  });

  test('removing what was added: a delete that times out or cannot start is a warning, and the others are still removed', async () => {
    const { runner, log, ctx } = setup((line) => {
      if (line === DELETE_ADDED('a')) return 'missing';
      if (line === DELETE_ADDED('b')) return { code: null, timedOut: true };
      return undefined;
    });
    const name = 'intent-drift';
    await removeAddedTelemetry(ctx, [
      { namespace: 'a', name },
      { namespace: 'b', name },
      { namespace: 'c', name },
    ]);
    assert.deepEqual(runner.lines(), [DELETE_ADDED('a'), DELETE_ADDED('b'), DELETE_ADDED('c')]);
    assert.deepEqual(
      log.entries.map((l) => l.replace(/ \(.*\)/, '')),
      [
        'warning: could not remove the Telemetry a/intent-drift this run added: delete it by hand',
        'warning: could not remove the Telemetry b/intent-drift this run added: delete it by hand',
        'removed the Telemetry c/intent-drift this run added',
      ],
    );
  });

  test('installs Istio and the Telemetry when they are not there', async () => {
    const cwd = await workspace();
    const { runner, ctx } = setup((line) =>
      line === GET_ISTIODS ? list([]) : line.startsWith('kubectl get telemetries') ? list([]) : undefined,
    );
    await runInCluster(
      ctx,
      plan(cwd, { cluster: 'existing', workloads: [], traffic: undefined }),
      reading(0),
    );
    assert.deepEqual(runner.lines(), [
      'kubectl version --client',
      GET_ISTIODS,
      'helm repo add istio https://istio-release.storage.googleapis.com/charts --force-update',
      'helm repo update istio',
      HELM('istio-base', 'istio/base', ['--create-namespace']),
      HELM('istiod', 'istio/istiod', []),
      GET_ROOT_TELEMETRY,
      'kubectl create -f -',
      DELETE_ADDED('istio-system'),
    ]);
  });

  test('an unreachable cluster fails at the first question, with kubectl’s words', async () => {
    const cwd = await workspace();
    const { runner, ctx } = setup((line) =>
      line.startsWith('kubectl get deployments')
        ? { code: 1, stderr: 'The connection to the server localhost:8080 was refused' }
        : undefined,
    );
    const err = await runInCluster(ctx, plan(cwd, { cluster: 'existing' }), reading(0)).catch(
      (e: unknown) => e,
    );
    assert.equal(
      (err as Error).message,
      'Istio failed: kubectl get deployments exited with code 1:\nThe connection to the server localhost:8080 was refused',
    );
    assert.equal(runner.lines().at(-1), 'kubectl get pods --all-namespaces --output wide');
  });

  test("kubectl gone when the pods are shown: the failed step's own error stands", async () => {
    const cwd = await workspace();
    const { runner, ctx } = setup((line) => {
      if (line.startsWith('kubectl get deployments')) return { code: 1, stderr: 'Unauthorized' };
      if (line.startsWith('kubectl get pods')) return 'missing';
      return undefined;
    });
    const err = await runInCluster(ctx, plan(cwd, { cluster: 'existing' }), reading(0)).catch(
      (e: unknown) => e,
    );
    assert.equal(
      (err as Error).message,
      'Istio failed: kubectl get deployments exited with code 1:\nUnauthorized',
    );
    assert.equal(runner.lines().at(-1), 'kubectl get pods --all-namespaces --output wide');
  });

  test('helm missing when Istio must be installed: one line naming the step', async () => {
    const cwd = await workspace();
    const { ctx } = setup((line) =>
      line.startsWith('helm ') ? 'missing' : line === GET_ISTIODS ? list([]) : undefined,
    );
    const err = await runInCluster(ctx, plan(cwd, { cluster: 'existing' }), reading(0)).catch(
      (e: unknown) => e,
    );
    assert.match((err as Error).message, /^Istio: helm is not on PATH \(/);
    assert.ok(!(err as Error).message.includes('\n'));
  });
});

describe('the namespaces and workloads steps', () => {
  const doc = (file: string, text: string, kind = 'Deployment'): ManifestDocument => ({
    file,
    line: 1,
    kind,
    text,
  });
  const emptyPlan = (over: Partial<WorkloadPlan>): WorkloadPlan => ({
    namespaces: [],
    files: [],
    skipped: [],
    workloadNamespaces: [],
    unlabelledNamespaces: [],
    rollouts: [],
    ...over,
  });

  test('one stream: each document starts with --- and ends its last line, as written or not', () => {
    assert.equal(
      documentStream([
        doc('a.yaml', 'kind: Namespace\nmetadata: {name: shop}', 'Namespace'),
        doc('b.yaml', '--- # web\nkind: Namespace\nmetadata: {name: web}\n', 'Namespace'),
        doc('c.yaml', 'kind: Namespace\nmetadata: {name: api}\n', 'Namespace'),
      ]),
      '---\nkind: Namespace\nmetadata: {name: shop}\n--- # web\nkind: Namespace\nmetadata: {name: web}\n' +
        '---\nkind: Namespace\nmetadata: {name: api}\n',
    );
  });

  test('an existing cluster: the hint names every unlabelled namespace and every revision; none, no hint', async () => {
    const { runner, log, ctx } = setup();
    const plan = emptyPlan({ workloadNamespaces: ['shop', 'web'], unlabelledNamespaces: ['shop', 'web'] });
    await prepareNamespaces(ctx, plan, { labelNamespaces: false, revisions: ['1-30', 'canary'] });
    assert.deepEqual(log.entries, [
      'namespace(s) shop, web: not labelled by the manifests; on an existing cluster they need ' +
        'istio.io/rev=1-30 or istio.io/rev=canary (or istio-injection=enabled with a default revision) ' +
        'already, or their pods get no sidecar',
    ]);
    assert.deepEqual(runner.lines(), [], 'an existing cluster’s namespaces are not labelled');
    const labelled = setup();
    await prepareNamespaces(labelled.ctx, emptyPlan({ workloadNamespaces: ['shop'] }), {
      labelNamespaces: false,
      revisions: ['1-30'],
    });
    assert.deepEqual(labelled.log.entries, []);
    assert.deepEqual(labelled.runner.lines(), []);
  });

  test('every file is applied, each with its own documents, then each rollout waited for', async () => {
    const { runner, log, ctx } = setup();
    const a = doc('a.yaml', 'kind: Deployment\nmetadata: {name: a, namespace: shop}\n');
    const b = doc('b.yaml', 'kind: Deployment\nmetadata: {name: b, namespace: shop}\n');
    await deployWorkloads(
      ctx,
      emptyPlan({
        files: [
          { file: 'a.yaml', documents: [a] },
          { file: 'b.yaml', documents: [b] },
        ],
        rollouts: [{ kind: 'Deployment', name: 'a', namespace: 'shop' }],
      }),
    );
    assert.deepEqual(runner.lines(), [
      'kubectl apply -f -',
      'kubectl apply -f -',
      'kubectl rollout status deployment/a --namespace shop --timeout 180s',
    ]);
    assert.deepEqual(
      runner.calls.slice(0, 2).map((c) => c.stdin),
      [`---\n${a.text}`, `---\n${b.text}`],
    );
    assert.deepEqual(log.entries, ['applying 1 document(s) of a.yaml', 'applying 1 document(s) of b.yaml']);
  });
});
