// The stand-in must behave like a real API server for the real client, or the other live tests
// prove nothing: selectors, paging, Status objects, and refusing what a real server refuses.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiException, AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { loadKubeConfig } from '../../src/observe/live/kube-config.ts';
import { kubeRequest, readBody } from '../../src/observe/live/kube-http.ts';
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
      ['kube-system', DEMO_NS],
      'in key order, as etcd returns them',
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
      return [res.status, JSON.parse((await readBody(res.body)).text).reason];
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

describe('Kubernetes API stand-in: chunked lists as kube-apiserver serves them', () => {
  let cluster: LiveCluster;
  const demo = demoCluster();
  before(async () => {
    cluster = await liveCluster({ objects: demo.objects, endpoints: demo.endpoints });
  });
  after(() => cluster.close());
  const core = () => loadKubeConfig({ kubeconfig: cluster.kubeconfig.file }).makeApiClient(CoreV1Api);

  test('the continue token is apiserver’s, the resourceVersion stays, later pages show the first snapshot', async () => {
    const first = await core().listPodForAllNamespaces({ limit: 2 });
    const token = first.metadata?._continue ?? '';
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString());
    assert.deepEqual(Object.keys(decoded), ['v', 'rv', 'start']);
    assert.equal(decoded.v, 'meta.k8s.io/v1');
    assert.equal(String(decoded.rv), first.metadata?.resourceVersion);
    assert.ok(decoded.start.endsWith('\u0000'), 'starts just after the last key');
    assert.equal(first.metadata?.remainingItemCount, 4, 'no selector: the rest is counted');
    // A pod created after the first page is not in the rest of this list.
    const late = { ...demo.objects.find((o) => o.kind === 'Pod')! };
    late.metadata = { ...late.metadata, name: 'zz-created-later' };
    cluster.api.options.objects.push(late);
    try {
      const names: string[] = first.items.map((p) => p.metadata!.name!);
      let next: string | undefined = token;
      while (next) {
        const page = await core().listPodForAllNamespaces({ limit: 2, _continue: next });
        assert.equal(page.metadata?.resourceVersion, first.metadata?.resourceVersion);
        names.push(...page.items.map((p) => p.metadata!.name!));
        next = page.metadata?._continue;
      }
      assert.equal(names.length, 6);
      assert.ok(!names.includes('zz-created-later'));
      const fresh = await core().listPodForAllNamespaces({});
      assert.equal(fresh.items.length, 7);
      assert.notEqual(fresh.metadata?.resourceVersion, first.metadata?.resourceVersion);
    } finally {
      cluster.api.options.objects.pop();
    }
  });

  test('with a selector there is no remainingItemCount; the last page has no continue', async () => {
    const first = await core().listPodForAllNamespaces({ fieldSelector: 'status.phase=Running', limit: 4 });
    assert.ok(first.metadata?._continue);
    assert.equal(first.metadata?.remainingItemCount, undefined);
    const last = await core().listPodForAllNamespaces({
      fieldSelector: 'status.phase=Running',
      limit: 4,
      _continue: first.metadata?._continue,
    });
    assert.equal(last.items.length, 1);
    assert.equal(last.metadata?._continue, undefined);
  });

  test('a compacted token is 410 Expired with an inconsistent token; a garbled one is 400', async () => {
    const first = await core().listPodForAllNamespaces({ limit: 2 });
    cluster.api.compact();
    const expired = await core()
      .listPodForAllNamespaces({ limit: 2, _continue: first.metadata?._continue })
      .catch((e: unknown) => e);
    assert.ok(expired instanceof ApiException);
    assert.equal(expired.code, 410);
    const status = JSON.parse(String(expired.body));
    assert.equal(status.reason, 'Expired');
    assert.match(status.message, /^The provided continue parameter is too old/);
    const again = JSON.parse(Buffer.from(status.metadata.continue, 'base64url').toString());
    assert.equal(again.rv, -1, 'continues at the latest state');
    const rest = await core().listPodForAllNamespaces({ limit: 10, _continue: status.metadata.continue });
    assert.equal(rest.items.length, 4);
    const garbled = await core()
      .listPodForAllNamespaces({ limit: 2, _continue: 'not-a-token' })
      .catch((e: unknown) => e);
    assert.ok(garbled instanceof ApiException);
    assert.equal(garbled.code, 400);
    assert.match(
      JSON.parse(String(garbled.body)).message,
      /^invalid continue token: continue key is not valid/,
    );
  });

  test('sparse pages: fewer items than the limit, even none, still with a token', async () => {
    const sparse = await liveCluster({ objects: demo.objects, sparsePages: true });
    try {
      const kc = loadKubeConfig({ kubeconfig: sparse.kubeconfig.file }).makeApiClient(CoreV1Api);
      const sizes: number[] = [];
      let next: string | undefined;
      do {
        const page = await kc.listPodForAllNamespaces({
          fieldSelector: 'status.phase=Running',
          limit: 2,
          _continue: next,
        });
        sizes.push(page.items.length);
        next = page.metadata?._continue;
      } while (next);
      assert.equal(
        sizes.reduce((a, b) => a + b),
        5,
      );
      assert.ok(sizes.some((n) => n < 2));
    } finally {
      await sparse.close();
    }
  });

  test('behind a path prefix: the API answers below it and a plain 404 outside', async () => {
    const prefixed = await liveCluster({ objects: demo.objects, pathPrefix: '/k8s/clusters/c-m-4x7qz' });
    try {
      assert.match(prefixed.api.url, /\/k8s\/clusters\/c-m-4x7qz$/);
      const kc = loadKubeConfig({ kubeconfig: prefixed.kubeconfig.file });
      const pods = await kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: DEMO_NS });
      assert.equal(pods.kind, 'PodList');
      assert.deepEqual(prefixed.api.requests.at(-1)?.path, `/api/v1/namespaces/${DEMO_NS}/pods`);
      const res = await fetch(`${prefixed.api.url.replace(/\/k8s.*$/, '')}/api/v1/pods`, {
        headers: { Authorization: 'Bearer stand-in-token' },
      });
      assert.equal(res.status, 404);
      assert.equal(await res.text(), '404 page not found\n');
      assert.equal(prefixed.api.requests.at(-1)?.outsidePrefix, true);
    } finally {
      await prefixed.close();
    }
  });
});

describe('readBody', () => {
  async function* chunks(...parts: string[]): AsyncGenerator<Buffer> {
    for (const part of parts) yield Buffer.from(part, 'utf8');
  }

  test('a body of exactly maxBytes is whole; one byte more is cut to its first maxBytes bytes', async () => {
    assert.deepEqual(await readBody(chunks('abc', 'de'), 5), { text: 'abcde', cut: false });
    assert.deepEqual(await readBody(chunks('abc', 'def', 'ghi'), 5), { text: 'abcde', cut: true });
    assert.deepEqual(await readBody(chunks('abcdef'), 5), { text: 'abcde', cut: true });
    assert.deepEqual(await readBody(chunks(), 5), { text: '', cut: false });
  });

  test('the rest of a cut body is not read', async () => {
    let read = 0;
    async function* counted(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 10; i++) {
        read++;
        yield Buffer.alloc(4, 'x');
      }
    }
    assert.equal((await readBody(counted(), 6)).cut, true);
    assert.equal(read, 2);
  });
});
