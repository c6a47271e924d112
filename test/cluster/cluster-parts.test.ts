// The pieces the life cycle is made of: the embedded Telemetry, the workload plan, helm's
// version constraint, and how the action's settings become a plan and a reading.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { groupedLog } from '../../src/action/check-mode.ts';
import { readActionInputs } from '../../src/action/inputs.ts';
import { checkInCluster, clusterPlan, recordingFor } from '../../src/cluster/cluster-check.ts';
import {
  DEFAULT_ISTIO_VERSION,
  helmChartVersion,
  istioVersionProblem,
} from '../../src/cluster/istio-install.ts';
import { DEFAULT_MESH_NAMESPACES, meshNamespacesOf } from '../../src/cluster/not-applied.ts';
import { MESH_TELEMETRY_YAML } from '../../src/cluster/telemetry.ts';
import { planWorkloads } from '../../src/cluster/workload-plan.ts';
import { logLine } from '../../src/deliver/github/workflow-commands.ts';
import { isInputError } from '../../src/errors.ts';
import type { CheckResult } from '../../src/pipeline.ts';
import type { Settings } from '../../src/settings.ts';
import { RecordingLog, RecordingRunner } from './fake-tools.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

test('the embedded Telemetry is fixtures/demo/telemetry.yaml, byte for byte', async () => {
  assert.equal(
    MESH_TELEMETRY_YAML,
    await readFile(path.join(root, 'fixtures', 'demo', 'telemetry.yaml'), 'utf8'),
  );
});

describe('planWorkloads', () => {
  test('the demo: one labelled namespace, three rollouts', async () => {
    const file = path.join(root, 'fixtures', 'demo', 'workloads.yaml');
    const plan = planWorkloads([{ file: 'workloads.yaml', text: await readFile(file, 'utf8') }]);
    assert.deepEqual(
      plan.namespaces.map((d) => `${d.file}:${d.line} ${d.kind}`),
      ['workloads.yaml:4 Namespace'],
    );
    assert.deepEqual(
      plan.files.map((f) => f.documents.map((d) => d.kind).join(' ')),
      ['ServiceAccount ServiceAccount Deployment Deployment Deployment Service'],
    );
    assert.deepEqual(plan.workloadNamespaces, ['otterize-tutorial-istio-mapping']);
    assert.deepEqual(plan.unlabelledNamespaces, []);
    assert.deepEqual(plan.skipped, []);
    assert.deepEqual(
      plan.rollouts.map((r) => `${r.kind}/${r.name}`),
      ['Deployment/client', 'Deployment/client2', 'Deployment/nginx'],
    );
  });

  test('namespaces of pod-making workloads the manifests do not label; default when unset', () => {
    const text = [
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: canary, labels: {istio.io/rev: stable}}',
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: off, labels: {istio-injection: disabled}}',
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: shop}',
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: seed}',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: canary}',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent, namespace: off}',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: config-only}',
      '# only a comment',
    ].join('\n---\n');
    const plan = planWorkloads([{ file: 'all.yaml', text }]);
    assert.deepEqual(plan.workloadNamespaces, ['canary', 'default', 'off', 'shop']);
    assert.deepEqual(plan.unlabelledNamespaces, ['default', 'shop']);
    assert.deepEqual(plan.rollouts, [
      { kind: 'StatefulSet', name: 'db', namespace: 'shop' },
      { kind: 'Deployment', name: 'web', namespace: 'canary' },
      { kind: 'DaemonSet', name: 'agent', namespace: 'off' },
    ]);
  });

  test('YAML errors name the file and line', () => {
    assert.throws(
      () => planWorkloads([{ file: 'x.yaml', text: 'kind: Pod\na: [b\n' }]),
      (err) => isInputError(err) && String(err).startsWith('x.yaml:2: '),
    );
  });

  test('a namespace that is not a namespace name is refused where it is written', () => {
    assert.throws(
      () =>
        planWorkloads([
          { file: 'x.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: "a\\nb"\n' },
        ]),
      (err) => isInputError(err) && String(err).startsWith("x.yaml:1: 'a\\nb' is not a namespace name"),
    );
  });

  test('a Namespace whose name is not a namespace name is refused too (it reaches kubectl label)', () => {
    assert.throws(
      () =>
        planWorkloads([
          {
            file: 'ns.yaml',
            text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: --all\n',
          },
        ]),
      (err) => isInputError(err) && String(err).startsWith("ns.yaml:5: '--all' is not a namespace name"),
    );
  });

  test('a kustomization.yaml without apiVersion and kind: left out with a warning to list kustomize build', () => {
    const plan = planWorkloads([{ file: 'deploy/kustomization.yaml', text: 'resources: [web.yaml]\n' }]);
    assert.deepEqual(plan.skipped, [
      {
        note: 'deploy/kustomization.yaml:1: not a Kubernetes object (no apiVersion and kind), not applied: kubectl apply -f does not run kustomize; list the output of kustomize build instead',
        warn: true,
      },
    ]);
    assert.deepEqual(plan.files, []);
  });

  test('a file named Kustomization (kubectl kustomize reads it too) is warned about; empty documents are passed over', () => {
    const plan = planWorkloads([{ file: 'deploy/Kustomization', text: '---\n---\nresources: [web.yaml]\n' }]);
    assert.deepEqual(plan.skipped, [
      {
        note: 'deploy/Kustomization:3: not a Kubernetes object (no apiVersion and kind), not applied: kubectl apply -f does not run kustomize; list the output of kustomize build instead',
        warn: true,
      },
    ]);
  });

  test('an object without a name is not waited for; a list item without apiVersion is not applied', () => {
    const unnamed = planWorkloads([
      { file: 'd.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {namespace: shop}\n' },
    ]);
    assert.deepEqual(unnamed.rollouts, []);
    assert.deepEqual(unnamed.workloadNamespaces, []);
    // Taken apart for its Namespace, the List gives its items no type: kubectl refuses the Pod
    // ("apiVersion not set"), and so it is not applied.
    const text =
      'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Namespace, metadata: {name: shop}}\n- {kind: Pod, metadata: {name: p, namespace: shop}}\n';
    const plan = planWorkloads([{ file: 'list.yaml', text }]);
    assert.deepEqual(
      plan.namespaces.map((d) => d.kind),
      ['Namespace'],
    );
    assert.deepEqual(plan.files, []);
    assert.deepEqual(plan.skipped, [
      { note: 'list.yaml:5: not a Kubernetes object (no apiVersion and kind), not applied', warn: false },
    ]);
  });

  test('left out, with the reason: intents files, Otterize kinds, kustomizations, non-objects', () => {
    const text = [
      'apiVersion: k8s.otterize.com/v1alpha3\nkind: ClientIntents\nmetadata: {name: c}',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]',
      '- just\n- a list',
      'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: apps/v1, kind: Deployment, metadata: {name: d, namespace: listed}}',
    ].join('\n---\n');
    const plan = planWorkloads([{ file: 'mixed.yaml', text }], ['intents/c.yaml']);
    assert.deepEqual(plan.skipped, [
      { note: 'intents/c.yaml: an intents path, not applied', warn: false },
      {
        note: 'mixed.yaml:1: ClientIntents c (k8s.otterize.com) not applied: intents are what the check reads, and enforcing them would block the calls it records',
        warn: false,
      },
      {
        note: 'mixed.yaml:5: Kustomization (kustomize.config.k8s.io) not applied: kubectl apply -f does not run kustomize',
        warn: true,
      },
      { note: 'mixed.yaml:9: not a Kubernetes object (no apiVersion and kind), not applied', warn: false },
    ]);
    assert.deepEqual(
      plan.files.map((f) => f.documents.map((d) => d.kind)),
      [['List']],
    );
    assert.deepEqual(plan.rollouts, [{ kind: 'Deployment', name: 'd', namespace: 'listed' }]);
  });
});

test('lists as kubectl reads them: a DeploymentList as the API server lists it is waited for; taken apart, its items carry its type', () => {
  const whole = planWorkloads([
    {
      file: 'listed.yaml',
      text: 'apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- metadata: {name: cart, namespace: shop}\n- metadata: {name: web, namespace: shop}\n',
    },
  ]);
  assert.deepEqual(
    whole.files.map((f) => f.documents.map((d) => d.kind)),
    [['DeploymentList']],
  );
  assert.deepEqual(whole.rollouts, [
    { kind: 'Deployment', name: 'cart', namespace: 'shop' },
    { kind: 'Deployment', name: 'web', namespace: 'shop' },
  ]);
  assert.deepEqual(whole.workloadNamespaces, ['shop']);
  // A Namespace among the items: the list is taken apart, and each Deployment, applied on its
  // own, names the kind and apiVersion its list gave it.
  const split = planWorkloads([
    {
      file: 'split.yaml',
      text: 'apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- {apiVersion: v1, kind: Namespace, metadata: {name: shop}}\n- metadata: {name: cart, namespace: shop}\n',
    },
  ]);
  assert.deepEqual(
    split.namespaces.map((d) => d.kind),
    ['Namespace'],
  );
  const [cart] = split.files.flatMap((f) => f.documents);
  assert.equal(cart?.kind, 'Deployment');
  assert.match(cart!.text, /^apiVersion: apps\/v1$/m);
  assert.match(cart!.text, /^kind: Deployment$/m);
  assert.deepEqual(split.rollouts, [{ kind: 'Deployment', name: 'cart', namespace: 'shop' }]);
  // A ClientIntentsList is never applied, whatever its items name.
  const intents = planWorkloads([
    {
      file: 'intents.yaml',
      text: 'apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntentsList\nitems:\n- metadata: {name: c, namespace: shop}\n',
    },
  ]);
  assert.deepEqual(intents.files, []);
});

test("the mesh's namespaces: istio-system alone by default; a found Istio's root and istiod's besides", () => {
  assert.deepEqual([...DEFAULT_MESH_NAMESPACES.keys()], ['istio-system']);
  assert.deepEqual(
    [...meshNamespacesOf('istio-system', ['istio-system'])],
    [['istio-system', "the mesh's root namespace"]],
  );
  assert.deepEqual(
    [...meshNamespacesOf('mesh-root', ['istio-a', 'mesh-root', 'istio-a'])],
    [
      ['mesh-root', "the mesh's root namespace"],
      ['istio-a', "istiod's namespace"],
      ['istio-system', "Istio's default namespace"],
    ],
  );
  // A list's item in such a namespace is taken out of its list, the rest applied.
  const text =
    'apiVersion: v1\nkind: List\nitems:\n' +
    '  - {apiVersion: v1, kind: ConfigMap, metadata: {name: istio, namespace: istio-a}}\n' +
    '  - {apiVersion: v1, kind: ConfigMap, metadata: {name: ok, namespace: shop}}\n';
  const plan = planWorkloads([{ file: 'l.yaml', text }], [], meshNamespacesOf('mesh-root', ['istio-a']));
  assert.deepEqual(
    plan.skipped.map((s) => s.note),
    [
      "l.yaml:4: ConfigMap istio-a/istio (core) not applied: istio-a is istiod's namespace: it would change what Istio records or enforces while the check reads it",
    ],
  );
  assert.deepEqual(
    plan.files.flatMap((f) => f.documents.map((d) => d.text.includes('name: ok'))),
    [true],
  );
  // Without the cluster's answer, istio-a is a namespace like any other.
  assert.deepEqual(planWorkloads([{ file: 'l.yaml', text }]).skipped, []);
});

test('what changes what Istio records or enforces, and cluster-scoped objects, are left out with a warning', () => {
  const text = [
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}',
    'apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: mesh-default, namespace: istio-system}',
    'apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: t, namespace: shop}',
    'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: deny, namespace: shop}',
    'apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata: {name: e, namespace: shop}',
    'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: s, namespace: shop}',
    'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: cart, namespace: shop}',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}',
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: istio-system}',
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: pr-admin}\nroleRef: {kind: ClusterRole, name: cluster-admin}',
    'apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata: {name: w}',
    'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: x.example.com}',
    'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: r}}\n  - {apiVersion: apps/v1, kind: Deployment, metadata: {name: cart, namespace: shop}}',
  ].join('\n---\n');
  const plan = planWorkloads([{ file: 'pr.yaml', text }]);
  const mesh = 'it would change what Istio records or enforces while the check reads it';
  const root = `istio-system is the mesh's root namespace: ${mesh}`;
  const cluster =
    'a cluster-scoped object is not a workload, and would outlive the run on an existing cluster';
  assert.deepEqual(plan.skipped, [
    {
      note: `pr.yaml:5: Telemetry istio-system/mesh-default (telemetry.istio.io) not applied: ${mesh}`,
      warn: true,
    },
    { note: `pr.yaml:9: Telemetry shop/t (telemetry.istio.io) not applied: ${mesh}`, warn: true },
    {
      note: `pr.yaml:13: AuthorizationPolicy shop/deny (security.istio.io) not applied: ${mesh}`,
      warn: true,
    },
    { note: `pr.yaml:17: EnvoyFilter shop/e (networking.istio.io) not applied: ${mesh}`, warn: true },
    { note: `pr.yaml:21: Sidecar shop/s (networking.istio.io) not applied: ${mesh}`, warn: true },
    { note: `pr.yaml:29: ConfigMap istio-system/istio (core) not applied: ${root}`, warn: true },
    { note: `pr.yaml:33: Namespace istio-system (core) not applied: ${root}`, warn: true },
    {
      note: `pr.yaml:37: ClusterRoleBinding pr-admin (rbac.authorization.k8s.io) not applied: ${cluster}`,
      warn: true,
    },
    {
      note: `pr.yaml:42: MutatingWebhookConfiguration w (admissionregistration.k8s.io) not applied: ${cluster}`,
      warn: true,
    },
    {
      note: `pr.yaml:46: CustomResourceDefinition x.example.com (apiextensions.k8s.io) not applied: ${cluster}`,
      warn: true,
    },
    { note: `pr.yaml:53: ClusterRole r (rbac.authorization.k8s.io) not applied: ${cluster}`, warn: true },
  ]);
  assert.deepEqual(
    plan.namespaces.map((d) => d.line),
    [1],
  );
  assert.deepEqual(
    plan.files.map((f) => f.documents.map((d) => d.kind)),
    [['VirtualService', 'Deployment']],
  );
});

test('a List taken apart keeps an item whose alias points into a left-out item, the value written out', () => {
  const text = [
    'apiVersion: v1',
    'kind: List',
    'items:',
    '  - apiVersion: k8s.otterize.com/v2beta1',
    '    kind: ClientIntents',
    '    metadata: &m {name: web, namespace: shop}',
    '  - apiVersion: apps/v1',
    '    kind: Deployment',
    '    metadata: *m',
    '',
  ].join('\n');
  const plan = planWorkloads([{ file: 'l.yaml', text }]);
  assert.deepEqual(
    plan.files.map((f) => f.documents.map((d) => [d.kind, d.line])),
    [[['Deployment', 7]]],
  );
  assert.deepEqual(parse(plan.files[0]!.documents[0]!.text), {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
  });
});

test('helm gets an exact release, or the newest patch of a minor version', () => {
  assert.equal(helmChartVersion('1.30.1'), '1.30.1');
  assert.equal(helmChartVersion('1.30'), '~1.30.0');
  assert.match(DEFAULT_ISTIO_VERSION, /^1\.30\.\d+$/);
});

describe('from the action’s settings', () => {
  const inputs = (extra: Record<string, string>) => (name: string) =>
    ({ intents: 'intents', 'github-token': 't', workloads: 'workloads.yaml', ...extra })[name] ?? '';

  test('clusterPlan: the pinned Istio, no kind config where the workspace has none, the window', () => {
    const settings = readActionInputs(inputs({ cluster: 'kind', duration: '90s' }), '/repo');
    assert.deepEqual(clusterPlan(settings), {
      cluster: 'kind',
      kindConfig: undefined,
      clusterName: 'intent-drift',
      istioVersion: DEFAULT_ISTIO_VERSION,
      workloads: ['workloads.yaml'],
      intents: ['intents'],
      cwd: '/repo',
      traffic: undefined,
      duration: '90s',
      durationMs: 90_000,
      keepCluster: false,
    });
  });

  test('clusterPlan: each cluster input given reaches the plan; cluster none has no plan', () => {
    const settings = readActionInputs(
      inputs({
        cluster: 'existing',
        'istio-version': '1.28',
        'keep-cluster': 'true',
        traffic: './replay.sh --rate 5',
        duration: '3m',
      }),
      '/repo',
    );
    const plan = clusterPlan(settings);
    assert.deepEqual(
      [plan.cluster, plan.istioVersion, plan.keepCluster, plan.traffic, plan.durationMs],
      ['existing', '1.28', true, './replay.sh --rate 5', 180_000],
    );
    const none = readActionInputs(inputs({ metrics: 'capture' }), '/repo');
    assert.equal(none.live.cluster, 'none');
    assert.throws(() => clusterPlan(none), /cluster none has no life cycle/);
  });

  test('sidecars: two readings a window apart; the window opens after the first', async () => {
    const settings = readActionInputs(inputs({ cluster: 'kind', duration: '1m' }), '/repo');
    const seen: { settings?: Settings; opened: number } = { opened: 0 };
    const log = new RecordingLog();
    const record = recordingFor(settings.check, clusterPlan(settings), {
      log,
      check: async (s, onProgress) => {
        seen.settings = s;
        onProgress?.({ reading: 'first', done: 1, total: 3 });
        onProgress?.({ reading: 'first', done: 3, total: 3 });
        assert.equal(seen.opened, 0, 'not before the first reading');
        onProgress?.({ reading: 'waiting', done: 0, total: 60_000 });
        return { exitCode: 1 } as CheckResult;
      },
    });
    const result = await record(() => seen.opened++);
    assert.equal(result.exitCode, 1);
    assert.equal(seen.opened, 1);
    assert.equal(seen.settings?.source, 'sidecars');
    assert.equal(seen.settings?.live.window, '1m');
    assert.deepEqual(log.entries, ['first reading: 3 meshed pod(s) read']);
  });

  test('prometheus: traffic for the window, then a query over it', async () => {
    const settings = readActionInputs(
      inputs({
        cluster: 'existing',
        source: 'prometheus',
        'prometheus-url': 'http://prom:9090',
        duration: '5m',
      }),
      '/repo',
    );
    const events: string[] = [];
    const record = recordingFor(settings.check, clusterPlan(settings), {
      log: new RecordingLog(),
      sleep: async (ms) => {
        events.push(`sleep ${ms}`);
      },
      check: async (s) => {
        events.push(`check ${s.source} ${s.live.prometheusUrl} since ${s.live.since}`);
        return { exitCode: 0 } as CheckResult;
      },
    });
    await record(() => events.push('open'));
    assert.deepEqual(events, ['open', 'sleep 300000', 'check prometheus http://prom:9090 since 5m']);
  });

  test('checkInCluster: the life cycle around the pipeline’s check', async () => {
    const settings = readActionInputs(inputs({ cluster: 'existing', workloads: '' }), '/repo');
    const items = (list: object[]) => ({ stdout: JSON.stringify({ items: list }) });
    const runner = new RecordingRunner((line) => {
      if (line.startsWith('kubectl get deployments')) {
        return items([
          { metadata: { name: 'istiod', namespace: 'istio-system', labels: { app: 'istiod' } } },
        ]);
      }
      if (line.startsWith('kubectl get configmap')) return { code: 1, stderr: 'NotFound' };
      if (line.startsWith('kubectl get telemetries')) {
        const tags = { request_method: { value: 'request.method' }, request_path: { value: 'request.path' } };
        const spec = { metrics: [{ overrides: [{ tagOverrides: tags }] }] };
        return items([{ metadata: { name: 'mesh-default', namespace: 'istio-system' }, spec }]);
      }
      return undefined;
    });
    const result = await checkInCluster(settings, {
      runner,
      log: new RecordingLog(),
      check: async (_s, onProgress) => {
        onProgress?.({ reading: 'waiting', done: 0, total: 1 });
        return { exitCode: 0 } as CheckResult;
      },
    });
    assert.equal(result.exitCode, 0);
    assert.deepEqual(runner.lines(), [
      'kubectl version --client',
      'kubectl get deployments --all-namespaces --selector app=istiod --output json',
      'kubectl get configmap istio --namespace istio-system --output json',
      'kubectl get telemetries.telemetry.istio.io --namespace istio-system --output json',
    ]);
  });
});

test('groupedLog folds steps through the io, which escapes each line', () => {
  const lines: string[] = [];
  const log = groupedLog({
    info: (l: string) => lines.push(l),
    warning: (l: string) => lines.push(`W ${l}`),
    startGroup: (t: string) => lines.push(`G ${t}`),
    endGroup: () => lines.push('E'),
  } as never);
  log.startGroup('Istio 1.30%\nx');
  log.info('$ helm repo update istio');
  log.warning('careful');
  // A file named by the repository (or a tool's output line) never runs as a workflow command.
  log.info('::add-mask::deploy/x.yaml: an intents path, not applied');
  log.info('  ##[error]x\u001b[31m');
  log.endGroup();
  assert.deepEqual(lines, [
    'G Istio 1.30%\nx',
    '$ helm repo update istio',
    'W careful',
    '::add-mask::deploy/x.yaml: an intents path, not applied',
    '  ##[error]x\u001b[31m',
    'E',
  ]);
  // The runner's io (src/action/main.ts) prints each through logLine: no line runs as a command.
  assert.equal(logLine(lines[3]!), '\\x3a:add-mask::deploy/x.yaml: an intents path, not applied');
  assert.equal(logLine(lines[4]!), '##\\x5berror]x\\x1b[31m');
});

describe('the Istio pin is written once', () => {
  test('the kind workflow reads it from the code and writes no Istio version of its own', async () => {
    const text = await readFile(path.join(root, '.github', 'workflows', 'kind-e2e.yml'), 'utf8');
    assert.doesNotMatch(text, /\b1\.\d{2}\.\d+\b/, 'a version written in the workflow');
    assert.match(text, /node scripts\/istio-version\.ts/);
    const workflow = parse(text) as { jobs: Record<string, { steps: { run?: string; with?: object }[] }> };
    // The action's own job runs in a repository without kind-config.yaml, on the action's pin.
    const action = workflow.jobs.action!.steps;
    assert.ok(action.some((s) => s.run?.includes('git rm --quiet kind-config.yaml')));
    const withs = action.map((s) => s.with ?? {});
    assert.ok(
      withs.some((w) => 'cluster' in w) && withs.every((w) => !('kind-config' in w || 'istio-version' in w)),
    );
  });

  test('the README names the same pin', async () => {
    const readme = await readFile(path.join(root, 'README.md'), 'utf8');
    const defaults = [
      ...readme.matchAll(/pinned `([\d.]+)`/g),
      ...readme.matchAll(/\| `istio-version` \| `([\d.]+)` \|/g),
    ].map((m) => m[1]);
    assert.ok(defaults.length >= 2, 'the README names the default');
    assert.deepEqual(new Set(defaults), new Set([DEFAULT_ISTIO_VERSION]));
  });

  test('scripts/istio-version.ts prints the pin', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, [path.join(root, 'scripts', 'istio-version.ts')], {
      encoding: 'utf8',
    });
    assert.equal(out, `${DEFAULT_ISTIO_VERSION}\n`);
  });

  test('istio-version before 1.22 (no Telemetry v1 API) is refused', () => {
    assert.equal(istioVersionProblem('1.22'), undefined);
    assert.equal(istioVersionProblem('1.30.5'), undefined);
    assert.match(istioVersionProblem('1.21.6') ?? '', /^1\.21\.6 is older than 1\.22/);
    assert.match(istioVersionProblem('1.9') ?? '', /older than 1\.22/);
    assert.match(istioVersionProblem('v1.30') ?? '', /is not a version/);
  });

  test('a major release after 1 is newer than 1.22, whatever its minor; one before 1 is older', () => {
    assert.equal(istioVersionProblem('2.0'), undefined);
    assert.equal(istioVersionProblem('2.21.3'), undefined);
    assert.match(istioVersionProblem('0.30') ?? '', /^0\.30 is older than 1\.22/);
  });
});
