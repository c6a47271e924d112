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
});
