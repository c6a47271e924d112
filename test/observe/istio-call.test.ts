import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { istioCallOf } from '../../src/observe/istio-call.ts';

const BASE: Record<string, string> = {
  reporter: 'source',
  source_workload: 'client',
  source_workload_namespace: 'shop',
  destination_workload: 'nginx',
  destination_workload_namespace: 'shop',
  destination_service: 'nginx-service.shop.svc.cluster.local',
  destination_service_name: 'nginx-service',
  destination_service_namespace: 'shop',
  request_protocol: 'http',
  request_method: 'get',
  request_path: '/a/../b?token=x',
};

describe('istioCallOf', () => {
  test('client, server, Service, the method as sent (case kept: Istio matches it so), normalized path', () => {
    assert.deepEqual(istioCallOf('istio_requests_total', BASE), {
      reporter: 'source',
      client: { name: 'client', namespace: 'shop' },
      server: { name: 'nginx', namespace: 'shop' },
      service: { name: 'nginx-service', namespace: 'shop' },
      host: null,
      method: 'get',
      path: '/b',
      protocol: 'http',
      hasHttpDetail: true,
    });
  });

  test('label order and extra Prometheus target labels do not matter', () => {
    const reversed = Object.fromEntries(Object.entries(BASE).reverse());
    const extra = {
      ...reversed,
      pod: 'nginx-1',
      namespace: 'other',
      instance: '10.0.0.1:15020',
      job: 'kubernetes-pods',
    };
    assert.deepEqual(istioCallOf('istio_requests_total', extra), istioCallOf('istio_requests_total', BASE));
  });

  test('"unknown" and "" mean missing: caller outside the mesh, external host', () => {
    const call = istioCallOf('istio_requests_total', {
      ...BASE,
      source_workload: 'unknown',
      destination_workload: '',
      destination_service: 'httpbin.org',
      destination_service_name: 'httpbin.org',
      destination_service_namespace: 'unknown',
    });
    assert.equal(call.client, null);
    assert.equal(call.server, null);
    assert.equal(call.service, null);
    assert.equal(call.host, 'httpbin.org');
  });

  test('passthrough clusters are no Service', () => {
    const call = istioCallOf('istio_requests_total', {
      ...BASE,
      destination_service_name: 'PassthroughCluster',
    });
    assert.equal(call.service, null);
  });

  test('every Envoy cluster that stands for passed-through or dropped traffic is no Service', () => {
    for (const cluster of [
      'PassthroughCluster',
      'InboundPassthroughCluster',
      'InboundPassthroughClusterIpv4',
      'InboundPassthroughClusterIpv6',
      'BlackHoleCluster',
    ]) {
      const call = istioCallOf('istio_requests_total', { ...BASE, destination_service_name: cluster });
      assert.equal(call.service, null, cluster);
    }
    // A Service whose name merely contains one is a Service.
    const named = istioCallOf('istio_requests_total', {
      ...BASE,
      destination_service_name: 'blackholecluster-api',
    });
    assert.deepEqual(named.service, { name: 'blackholecluster-api', namespace: 'shop' });
  });

  test("an external call's host: destination_service, else destination_service_name; unknown is no host", () => {
    const outside: Record<string, string> = {
      ...BASE,
      destination_workload: 'unknown',
      destination_workload_namespace: 'unknown',
    };
    const hostOf = (labels: Record<string, string>) => istioCallOf('istio_requests_total', labels).host;
    // Through the passthrough cluster the Service name is the cluster's, the host is the real one.
    assert.equal(
      hostOf({
        ...outside,
        destination_service: 'api.stripe.com',
        destination_service_name: 'PassthroughCluster',
      }),
      'api.stripe.com',
    );
    assert.equal(
      hostOf({ ...outside, destination_service: 'unknown', destination_service_name: 'httpbin.org' }),
      'httpbin.org',
    );
    const { destination_service: _ds, ...nameOnly }: Record<string, string> = {
      ...outside,
      destination_service_name: 'httpbin.org',
    };
    assert.equal(hostOf(nameOnly), 'httpbin.org');
    assert.equal(
      hostOf({ ...outside, destination_service: 'unknown', destination_service_name: 'unknown' }),
      null,
    );
    assert.equal(hostOf({ ...outside, destination_service: '', destination_service_name: '' }), null);
  });

  test('a cross-namespace caller keeps its own namespace, the Service its own', () => {
    const call = istioCallOf('istio_requests_total', {
      ...BASE,
      source_workload_namespace: 'web',
      destination_workload_namespace: 'shop',
      destination_service_namespace: 'shared',
    });
    assert.deepEqual(call.client, { name: 'client', namespace: 'web' });
    assert.deepEqual(call.server, { name: 'nginx', namespace: 'shop' });
    assert.deepEqual(call.service, { name: 'nginx-service', namespace: 'shared' });
  });

  test('grpc from request_protocol; tcp for istio_tcp_* with no method/path', () => {
    assert.equal(istioCallOf('istio_requests_total', { ...BASE, request_protocol: 'grpc' }).protocol, 'grpc');
    const tcp = istioCallOf('istio_tcp_connections_opened_total', BASE);
    assert.deepEqual([tcp.protocol, tcp.method, tcp.path, tcp.hasHttpDetail], ['tcp', null, null, false]);
  });

  test('no request_method/request_path labels: no HTTP detail', () => {
    const { request_method: _m, request_path: _p, ...plain } = BASE;
    const call = istioCallOf('istio_requests_total', plain);
    assert.deepEqual([call.method, call.path, call.hasHttpDetail], [null, null, false]);
  });

  test('a gRPC call keeps its method and path (the service and method it called)', () => {
    const call = istioCallOf('istio_requests_total', {
      ...BASE,
      request_protocol: 'grpc',
      request_method: 'POST',
      request_path: '/shop.Cart/AddItem',
    });
    assert.deepEqual(
      [call.protocol, call.method, call.path, call.hasHttpDetail],
      ['grpc', 'POST', '/shop.Cart/AddItem', true],
    );
  });

  test('a method or path that is "unknown" or empty is none; the label alone still says the Telemetry applied', () => {
    for (const missing of ['unknown', '']) {
      const call = istioCallOf('istio_requests_total', {
        ...BASE,
        request_method: missing,
        request_path: missing,
      });
      assert.deepEqual(
        [call.method, call.path, call.hasHttpDetail],
        [null, null, true],
        JSON.stringify(missing),
      );
    }
  });

  test('either HTTP detail label alone is HTTP detail', () => {
    const { request_method: _m, ...pathOnly } = BASE;
    const { request_path: _p, ...methodOnly } = BASE;
    const onlyPath = istioCallOf('istio_requests_total', pathOnly);
    assert.deepEqual([onlyPath.method, onlyPath.path, onlyPath.hasHttpDetail], [null, '/b', true]);
    const onlyMethod = istioCallOf('istio_requests_total', methodOnly);
    assert.deepEqual([onlyMethod.method, onlyMethod.path, onlyMethod.hasHttpDetail], ['get', null, true]);
  });
});
