import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readMapper, resetMapperCapture } from '../../src/observe/live/mapper-source.ts';
import { startBearerGate } from '../support/bearer-gate.ts';
import { DEMO_NS } from '../support/demo-cluster.ts';
import {
  demoMapperIntents,
  type MapperIntentRecord,
  type MapperStandIn,
} from '../support/mapper-graphql-server.ts';
import { freePort } from '../support/prometheus-process.ts';
import { type LiveCluster, mapperInCluster } from './live-harness.ts';

/**
 * The demo as the mapper records it, with a second method on client2, a path recorded for every
 * method (`ALL`, which the schema's HttpMethod has) and a non-HTTP call.
 */
const demoIntents = (): MapperIntentRecord[] => {
  const [client, client2] = demoMapperIntents() as [MapperIntentRecord, MapperIntentRecord];
  return [
    client,
    {
      ...client2,
      httpResources: [
        { path: '/client2-path', methods: ['POST', 'PUT', 'ALL'] },
        { path: '/client2-any', methods: ['ALL'] },
      ],
    },
    {
      client: {
        name: 'batch',
        namespace: 'jobs',
        podOwnerKind: { group: 'batch', version: 'v1', kind: 'CronJob' },
      },
      server: { name: 'db', namespace: 'jobs', podOwnerKind: null },
      type: null,
      httpResources: null,
    },
  ];
};

describe('mapper source', () => {
  let mapper: MapperStandIn;
  let cluster: LiveCluster;
  let close: () => Promise<void>;
  before(async () => {
    ({ mapper, cluster, close } = await mapperInCluster(demoIntents()));
  });
  after(() => close());

  test('intents through the API server’s service proxy become calls with kinds', async () => {
    const map = await readMapper({ kubeconfig: cluster.kubeconfig.file, namespaces: [DEMO_NS] });
    assert.deepEqual(
      map.calls.map(
        (c) => `${c.client.kind}/${c.client.name} -> ${c.server.kind}/${c.server.name} ${c.method} ${c.path}`,
      ),
      [
        'Deployment/client -> Deployment/nginx GET /client-path',
        'Deployment/client2 -> Deployment/nginx null /client2-any',
        'Deployment/client2 -> Deployment/nginx POST /client2-path',
        'Deployment/client2 -> Deployment/nginx PUT /client2-path',
      ],
      'ALL is no method of its own: beside others it adds nothing, alone it is any method',
    );
    assert.deepEqual(map.calls[0]?.server.service, { name: 'nginx-service', namespace: DEMO_NS });
    assert.deepEqual(mapper.bodies.at(-1)?.variables, { namespaces: [DEMO_NS] });
    const proxied = cluster.api.requests.at(-1);
    assert.deepEqual(
      [proxied?.method, proxied?.path],
      ['POST', '/api/v1/namespaces/otterize-system/services/otterize-network-mapper:9090/proxy/query'],
    );
  });

  test('a non-HTTP intent is service-level evidence; --mapper-url talks directly', async () => {
    const map = await readMapper({ url: mapper.url });
    const batch = map.calls.find((c) => c.client.name === 'batch');
    assert.deepEqual(
      [batch?.method, batch?.path, batch?.protocol, batch?.client.kind],
      [null, null, 'tcp', 'CronJob'],
    );
    assert.ok(map.warnings.some((w) => w.includes('keeps no request counts')));
  });

  test('an older mapper without podOwnerKind: falls back to the basic query', async () => {
    mapper.old = true;
    try {
      const map = await readMapper({ url: `${mapper.url}/query` });
      assert.equal(map.calls.length, 5);
      assert.equal(map.calls[0]?.client.kind, undefined);
    } finally {
      mapper.old = false;
    }
  });

  test('403 on the service proxy names the permission; a missing mapper is an input error', async () => {
    cluster.api.options.deny = ['create services/proxy'];
    try {
      await assert.rejects(
        readMapper({ kubeconfig: cluster.kubeconfig.file }),
        /missing permission: create services\/proxy/,
      );
    } finally {
      cluster.api.options.deny = [];
    }
    await assert.rejects(
      readMapper({
        kubeconfig: cluster.kubeconfig.file,
        service: { namespace: 'x', name: 'nope', port: 9090 },
      }),
      /service x\/nope:9090 .*HTTP 404: services "nope" not found/,
    );
  });

  test('the mapper answers only the fields asked for, as gqlgen does', async () => {
    const res = await fetch(`${mapper.url}/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ intents { client { name } type } }' }),
    });
    const body = (await res.json()) as { data: { intents: object[] } };
    assert.deepEqual(body.data.intents[0], { client: { name: 'client' }, type: 'HTTP' });
    const bad = await fetch(`${mapper.url}/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ intents { client { name } methods } }' }),
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(
      ((await bad.json()) as { errors: { message: string }[] }).errors[0]?.message,
      'Cannot query field "methods" on type "Intent".',
    );
  });

  test('a failing resolver (HTTP 200 with GraphQL errors) is an input error with its message', async () => {
    mapper.resolverError = 'failed to list intents: context deadline exceeded';
    try {
      await assert.rejects(
        readMapper({ url: mapper.url }),
        /mapper error: failed to list intents: context deadline exceeded/,
      );
    } finally {
      mapper.resolverError = undefined;
    }
  });

  test('--mapper-url behind a bearer-token proxy: the token goes with the query; without it, the 401', async () => {
    const gate = await startBearerGate(mapper.url, 'mapper-token');
    try {
      const map = await readMapper({ url: gate.url, token: 'mapper-token', namespaces: [DEMO_NS] });
      assert.equal(map.calls.length, 4);
      assert.deepEqual(
        gate.seen.map((r) => [r.path, r.authorized]),
        [['/query', true]],
      );
      await assert.rejects(readMapper({ url: gate.url }), (err: Error) => {
        assert.equal(err.name, 'InputError');
        assert.match(err.message, /\/query: HTTP 401: not authorized: check the bearer token/);
        return true;
      });
    } finally {
      await gate.close();
    }
  });

  test('an unreachable --mapper-url: the error names the endpoint, never its query string', async () => {
    const port = await freePort();
    await assert.rejects(
      readMapper({ url: `http://127.0.0.1:${port}/query?access_token=very-secret`, token: 'also-secret' }),
      (err: Error) => {
        assert.equal(err.name, 'InputError');
        assert.match(
          err.message,
          new RegExp(`^http://127\\.0\\.0\\.1:${port}/query: cannot reach: ECONNREFUSED`),
        );
        assert.doesNotMatch(err.message, /access_token|very-secret|also-secret/);
        return true;
      },
    );
  });

  test('resetCapture clears what the mapper saw', async () => {
    await resetMapperCapture({ kubeconfig: cluster.kubeconfig.file });
    assert.match(mapper.bodies.at(-1)?.query ?? '', /mutation ResetCapture \{ resetCapture \}/);
    const map = await readMapper({ url: mapper.url });
    assert.deepEqual(map.calls, []);
  });
});
