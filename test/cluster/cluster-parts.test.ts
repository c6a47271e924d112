// The pieces the life cycle is made of: the embedded Telemetry, the workload plan, helm's
// version constraint, and how the action's settings become a plan and a reading.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { groupedLog } from '../../src/action/check-mode.ts';
import { readActionInputs } from '../../src/action/inputs.ts';
import { checkInCluster, clusterPlan, recordingFor } from '../../src/cluster/cluster-check.ts';
import { DEFAULT_ISTIO_VERSION, helmChartVersion } from '../../src/cluster/istio-install.ts';
import { MESH_TELEMETRY_YAML } from '../../src/cluster/telemetry.ts';
import { planWorkloads } from '../../src/cluster/workloads.ts';
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
    const plan = planWorkloads([
      { absolute: file, file: 'workloads.yaml', text: await readFile(file, 'utf8') },
    ]);
    assert.deepEqual(plan.files, [file]);
    assert.deepEqual(plan.unlabelledNamespaces, []);
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
    const plan = planWorkloads([{ absolute: '/w/all.yaml', file: 'all.yaml', text }]);
    assert.deepEqual(plan.unlabelledNamespaces, ['default', 'shop']);
    assert.deepEqual(plan.rollouts, [
      { kind: 'StatefulSet', name: 'db', namespace: 'shop' },
      { kind: 'Deployment', name: 'web', namespace: 'canary' },
      { kind: 'DaemonSet', name: 'agent', namespace: 'off' },
    ]);
  });

  test('YAML errors name the file', () => {
    assert.throws(
      () => planWorkloads([{ absolute: '/w/x.yaml', file: 'x.yaml', text: 'a: [b\n' }]),
      (err) => isInputError(err) && String(err).startsWith('x.yaml: not valid YAML'),
    );
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

  test('clusterPlan: the pinned Istio, the kind config from the workspace, the window', () => {
    const settings = readActionInputs(inputs({ cluster: 'kind', duration: '90s' }), '/repo');
    assert.deepEqual(clusterPlan(settings), {
      cluster: 'kind',
      kindConfig: '/repo/kind-config.yaml',
      clusterName: 'intent-drift',
      istioVersion: DEFAULT_ISTIO_VERSION,
      workloads: ['workloads.yaml'],
      cwd: '/repo',
      traffic: undefined,
      duration: '90s',
      durationMs: 90_000,
      keepCluster: false,
    });
  });

  test('sidecars: two readings a window apart; the window opens after the first', async () => {
    const settings = readActionInputs(inputs({ cluster: 'kind', duration: '1m' }), '/repo');
    const seen: { settings?: Settings; opened: number } = { opened: 0 };
    const log = new RecordingLog();
    const record = recordingFor(settings.check, clusterPlan(settings), {
      log,
      check: async (s, onProgress) => {
        seen.settings = s;
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
    const runner = new RecordingRunner();
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
      'kubectl get deployment istiod --namespace istio-system --output name',
      'kubectl get telemetry mesh-default --namespace istio-system --output name',
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
  log.endGroup();
  assert.deepEqual(lines, ['G Istio 1.30%\nx', '$ helm repo update istio', 'W careful', 'E']);
});
