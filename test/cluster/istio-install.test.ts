// What the Istio step reads and refuses, against the recording runner: a version that is more
// than a version, a mesh config whose rootNamespace is empty, and several istiods (the one whose
// mesh config is read does not depend on the order kubectl lists them in).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { installIstio, istioVersionProblem, meshSettingsOf } from '../../src/cluster/istio-install.ts';
import { setup } from './fake-tools.ts';

describe('istio-version', () => {
  test('only a version, whole: anything after it is refused before it reaches helm', () => {
    for (const version of ['1.30-evil', '1.30 --set x=y', '1.30.1.2', '1.30.1-rc', '1.30.'])
      assert.match(istioVersionProblem(version) ?? '', /is not a version like 1\.30 or 1\.30\.1/, version);
  });
});

const mesh = (text: string) => ({ stdout: JSON.stringify({ data: { mesh: text } }) });

describe('the mesh config of an istiod found there', () => {
  test("an empty rootNamespace is Istio's default, istio-system", async () => {
    const { ctx } = setup(() => mesh("rootNamespace: ''\ndefaultProviders: {metrics: [prometheus]}\n"));
    const settings = await meshSettingsOf(ctx, {
      namespace: 'istio-system',
      name: 'istiod',
      revision: 'default',
    });
    assert.deepEqual(settings, { rootNamespace: 'istio-system', defaultMetricsProviders: ['prometheus'] });
  });

  test('of several istiods, the first by namespace and name is read, whatever order kubectl lists them in', async () => {
    const item = (namespace: string, name: string, rev: string) => ({
      metadata: { name, namespace, labels: { app: 'istiod', 'istio.io/rev': rev } },
    });
    const { runner, ctx, log } = setup((line) => {
      if (line.startsWith('kubectl get deployments')) {
        const items = [item('istio-b', 'istiod-b', 'b'), item('istio-a', 'istiod-a', 'a')];
        return { stdout: JSON.stringify({ kind: 'List', items }) };
      }
      if (line.startsWith('kubectl get configmap istio-a ')) return mesh('rootNamespace: root-a\n');
      if (line.startsWith('kubectl get configmap istio-b ')) return mesh('rootNamespace: root-b\n');
      return undefined;
    });
    const state = await installIstio(ctx, { version: '1.30', keepExisting: true, smallRequests: false });
    assert.equal(state.rootNamespace, 'root-a');
    assert.deepEqual(
      state.istiods.map((i) => `${i.namespace}/${i.name}`),
      ['istio-a/istiod-a', 'istio-b/istiod-b'],
    );
    assert.ok(!runner.lines().some((l) => l.startsWith('helm')));
    assert.ok(
      log.entries.includes(
        'istiod is already running: istio-a/istiod-a (revision a), istio-b/istiod-b (revision b); Istio is not installed again',
      ),
    );
  });
});
