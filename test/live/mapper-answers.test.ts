// What the mapper source makes of answers a real network-mapper seldom gives: a 403 from a proxy
// in front of it, a failing status with data, a schema lacking one of the newer fields, a reset
// it did not confirm, an answer slower than --timeout, and intents whose text looks like a
// Kubernetes Status (outside data is hostile: a path is whatever a client sent).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { readMapper, resetMapperCapture } from '../../src/observe/live/mapper-source.ts';
import { demoMapperIntents } from '../support/mapper-graphql-server.ts';
import { liveCluster } from './live-harness.ts';

type Answer = { status: number; body: unknown; delayMs?: number };

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers) await close();
});

/** A mapper endpoint answering each POSTed GraphQL body with `answer(body)`. */
async function scripted(answer: (body: { query: string }) => Answer): Promise<string> {
  const server = http.createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const { status, body, delayMs } = answer(JSON.parse(text) as { query: string });
    if (delayMs !== undefined) await new Promise((r) => setTimeout(r, delayMs));
    if (res.destroyed) return;
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A cluster whose otterize-network-mapper Service is `upstream`. */
async function behindApiServer(upstream: string) {
  const cluster = await liveCluster({
    objects: [
      {
        kind: 'Service',
        apiVersion: 'v1',
        metadata: { name: 'otterize-network-mapper', namespace: 'otterize-system' },
      },
    ],
    serviceUpstreams: new Map([['otterize-system/otterize-network-mapper:9090', upstream]]),
  });
  closers.push(() => cluster.close());
  return cluster;
}

describe('mapper source: answers out of the ordinary', () => {
  test('--mapper-url answering 403 is named a refused token, like a 401', async () => {
    const url = await scripted(() => ({ status: 403, body: { error: 'forbidden' } }));
    await assert.rejects(readMapper({ url, token: 't' }), (err: Error) => {
      assert.equal(err.name, 'InputError');
      assert.match(err.message, /\/query: HTTP 403: not authorized: check the bearer token/);
      return true;
    });
  });

  test('a failing status with data and no errors is refused, not read as the intents', async () => {
    const url = await scripted(() => ({ status: 500, body: { data: { intents: demoMapperIntents() } } }));
    await assert.rejects(readMapper({ url }), (err: Error) => {
      assert.equal(err.name, 'InputError');
      assert.match(err.message, /\/query: HTTP 500$/);
      return true;
    });
  });

  test('a mapper without kubernetesService alone falls back to the basic query', async () => {
    const queries: string[] = [];
    const url = await scripted(({ query }) => {
      queries.push(query);
      return query.includes('kubernetesService')
        ? {
            status: 422,
            body: { errors: [{ message: 'Cannot query field "kubernetesService" on type "Identity".' }] },
          }
        : { status: 200, body: { data: { intents: demoMapperIntents() } } };
    });
    const map = await readMapper({ url });
    assert.equal(queries.length, 2);
    assert.deepEqual(
      map.calls.map((c) => `${c.client.name} -> ${c.server.name} ${c.method} ${c.path}`).sort(),
      ['client -> nginx GET /client-path', 'client2 -> nginx POST /client2-path'],
    );
  });

  test('errors beside data (a partial GraphQL answer): the calls are read, and a warning says it may lack some', async () => {
    const errors = [
      { message: 'cannot resolve podOwnerKind for pod web-1' },
      { message: `x${'y'.repeat(300)}` },
      { message: 'third' },
      { message: 'fourth' },
    ];
    const url = await scripted(() => ({
      status: 200,
      body: { data: { intents: demoMapperIntents() }, errors },
    }));
    const map = await readMapper({ url });
    assert.equal(map.calls.length, 2);
    const warning = map.warnings.find((w) => w.includes('error(s) beside its data'));
    assert.ok(warning !== undefined, map.warnings.join('\n'));
    assert.match(
      warning,
      /came with 4 error\(s\) beside its data, so it may lack calls: cannot resolve podOwnerKind for pod web-1; xy+…; third \(and 1 more\)$/,
    );
    assert.ok(!warning.includes('fourth') && !warning.includes('y'.repeat(201)), warning);
    // A whole answer has no such warning.
    const whole = await readMapper({
      url: await scripted(() => ({ status: 200, body: { data: { intents: demoMapperIntents() } } })),
    });
    assert.ok(!whole.warnings.some((w) => w.includes('beside its data')), whole.warnings.join('\n'));
  });

  test('a reset the mapper did not confirm (resetCapture null) is an input error', async () => {
    const url = await scripted(() => ({ status: 200, body: { data: { resetCapture: null } } }));
    await assert.rejects(resetMapperCapture({ url }), /the mapper did not confirm resetCapture/);
  });

  test('through the API server: intents whose text holds "kind":"Status" are read, not refused', async () => {
    // A client owned by a custom resource whose kind is Status: the answer's JSON holds
    // "kind":"Status", as a Kubernetes Status would.
    const intents = demoMapperIntents();
    intents[0]!.client.podOwnerKind = { group: 'example.com', version: 'v1', kind: 'Status' };
    const cluster = await behindApiServer(
      await scripted(() => ({ status: 200, body: { data: { intents } } })),
    );
    const map = await readMapper({ kubeconfig: cluster.kubeconfig.file });
    assert.deepEqual(
      map.calls.map((c) => `${c.client.name} -> ${c.server.name} ${c.method} ${c.path}`).sort(),
      ['client -> nginx GET /client-path', 'client2 -> nginx POST /client2-path'],
    );
  });

  test('through the API server: --timeout bounds the wait for the mapper', async () => {
    const slow = await scripted(() => ({
      status: 200,
      body: { data: { intents: demoMapperIntents() } },
      delayMs: 3000,
    }));
    const cluster = await behindApiServer(slow);
    const started = Date.now();
    await assert.rejects(
      readMapper({ kubeconfig: cluster.kubeconfig.file, timeoutMs: 200 }),
      (err: Error) => {
        assert.equal(err.name, 'InputError');
        assert.match(err.message, /otterize-network-mapper:9090 \(through the API server\): cannot reach/);
        return true;
      },
    );
    assert.ok(Date.now() - started < 2500, `${Date.now() - started} ms`);
  });
});
