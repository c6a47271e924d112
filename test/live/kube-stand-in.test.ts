// The stand-in must behave like a real API server for the real client, or the other live tests
// prove nothing: selectors, paging, Status objects, and refusing what a real server refuses.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiException, AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { loadKubeConfig } from '../../src/observe/live/kube-config.ts';
import { kubeRequest, readText } from '../../src/observe/live/kube-http.ts';
import { DEMO_NS, demoCluster } from '../support/demo-cluster.ts';
import { type LiveCluster, liveCluster } from './live-harness.ts';

describe('Kubernetes API stand-in, through the real client', () => {
  let cluster: LiveCluster;
  before(async () => {
    const demo = demoCluster();
    cluster = await liveCluster({ objects: demo.objects, endpoints: demo.endpoints });
  });
  after(() => cluster.close());
  const core = () => loadKubeConfig({ kubeconfig: cluster.kubeconfig.file }).makeApiClient(CoreV1Api);

  test('lists with labelSelector, fieldSelector and limit/continue paging', async () => {
    const byLabel = await core().listNamespacedPod({
      namespace: DEMO_NS,
      labelSelector: 'app in (client,nginx)',
    });
    assert.equal(byLabel.kind, 'PodList');
    assert.ok(byLabel.metadata?.resourceVersion);
    assert.deepEqual(byLabel.items.map((p) => p.metadata?.labels?.app).sort(), ['client', 'nginx']);
    const first = await core().listPodForAllNamespaces({ fieldSelector: 'status.phase=Running', limit: 2 });
    assert.equal(first.items.length, 2);
    assert.ok(first.metadata?._continue);
    let token: string | undefined = first.metadata?._continue;
    let seen = first.items.length;
    let pages = 1;
    while (token) {
      const page = await core().listPodForAllNamespaces({
        fieldSelector: 'status.phase=Running',
        limit: 2,
        _continue: token,
      });
      seen += page.items.length;
      pages++;
      token = page.metadata?._continue;
    }
    assert.deepEqual([seen, pages], [5, 3], 'the Succeeded pod is filtered out');
    const namespaces = await core().listNamespace();
    assert.deepEqual(
      namespaces.items.map((n) => n.metadata?.name),
      [DEMO_NS, 'kube-system'],
    );
  });

  test('reads Deployments and ReplicaSets; a missing object is a 404 Status', async () => {
    const apps = loadKubeConfig({ kubeconfig: cluster.kubeconfig.file }).makeApiClient(AppsV1Api);
    const dep = await apps.readNamespacedDeployment({ name: 'nginx', namespace: DEMO_NS });
    assert.equal(dep.kind, 'Deployment');
    await assert.rejects(
      apps.readNamespacedReplicaSet({ name: 'nope', namespace: DEMO_NS }),
      (err: unknown) => {
        assert.ok(err instanceof ApiException);
        assert.equal(err.code, 404);
        const body = JSON.parse(String(err.body));
        assert.deepEqual(
          [body.kind, body.apiVersion, body.status, body.reason, body.code],
          ['Status', 'v1', 'Failure', 'NotFound', 404],
        );
        return true;
      },
    );
  });

  test('rejects what a real server rejects: unknown paths, wrong methods, bad selectors', async () => {
    const kc = loadKubeConfig({ kubeconfig: cluster.kubeconfig.file });
    const statusOf = async (p: string, method: 'GET' | 'POST' = 'GET') => {
      const res = await kubeRequest(kc, p, { method, json: method === 'POST' ? {} : undefined });
      return [res.status, JSON.parse(await readText(res.body)).reason];
    };
    assert.deepEqual(await statusOf('/api/v1/widgets'), [404, 'NotFound']);
    assert.deepEqual(await statusOf('/healthz/nope'), [404, 'NotFound']);
    assert.deepEqual(await statusOf(`/api/v1/namespaces/${DEMO_NS}/pods`, 'POST'), [405, 'MethodNotAllowed']);
    assert.deepEqual(await statusOf(`/api/v1/pods?fieldSelector=spec.color%3Dred`), [400, 'BadRequest']);
    assert.deepEqual(
      await statusOf(`/api/v1/namespaces/${DEMO_NS}/pods/debug-shell:15020/proxy/stats/prometheus`),
      [503, 'ServiceUnavailable'],
    );
  });
});
