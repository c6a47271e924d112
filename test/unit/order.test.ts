// compareCalls skips the fields of a client or server object it meets on both sides (an
// observed map shares one object per distinct reference). Against the order written out field
// by field: the same sign for every pair of generated calls, whether they share their objects,
// have equal fields in different objects (a kind apart, a namespace apart), or neither.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { ObservedCall } from '../../src/model.ts';
import { compareCalls } from '../../src/order.ts';

function text(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** The documented order: client, server, path, method, Service, host, kinds, protocol, count. */
function fieldByField(a: ObservedCall, b: ObservedCall): number {
  const pairs: [string | null | undefined, string | null | undefined][] = [
    [a.client.namespace, b.client.namespace],
    [a.client.name, b.client.name],
    [a.server.namespace, b.server.namespace],
    [a.server.name, b.server.name],
    [a.path, b.path],
    [a.method, b.method],
    [a.server.service?.namespace, b.server.service?.namespace],
    [a.server.service?.name, b.server.service?.name],
    [a.host, b.host],
    [a.client.kind, b.client.kind],
    [a.server.kind, b.server.kind],
    [a.protocol, b.protocol],
  ];
  for (const [x, y] of pairs) {
    const c = text(x, y);
    if (c !== 0) return c;
  }
  return a.count - b.count;
}

const word = fc.constantFrom('a', 'b', 'shop', 'web');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const client = fc.record({
  name: word,
  namespace: word,
  kind: maybe(fc.constantFrom('Deployment', 'StatefulSet')),
});
const server = fc.record({
  name: word,
  namespace: word,
  kind: maybe(fc.constantFrom('Deployment', 'Service')),
  service: maybe(fc.record({ name: word, namespace: word })),
});

/** Calls drawing their client and server from small pools of objects, so some share them. */
const calls = fc
  .tuple(fc.array(client, { minLength: 1, maxLength: 4 }), fc.array(server, { minLength: 1, maxLength: 4 }))
  .chain(([clients, servers]) =>
    fc.array(
      fc
        .record({
          c: fc.nat(clients.length - 1),
          s: fc.nat(servers.length - 1),
          method: fc.option(fc.constantFrom('GET', 'POST')),
          path: fc.option(fc.constantFrom('/a', '/b')),
          count: fc.integer({ min: 1, max: 3 }),
          protocol: fc.constantFrom('http' as const, 'grpc' as const, 'tcp' as const),
          host: maybe(word),
        })
        .map(({ c, s, host, ...rest }): ObservedCall => {
          const call: ObservedCall = { client: clients[c]!, server: servers[s]!, ...rest };
          if (host !== undefined) call.host = host;
          return call;
        }),
      { minLength: 2, maxLength: 12 },
    ),
  );

describe('compareCalls', () => {
  test('orders every pair as the fields do, shared objects or not', () => {
    fc.assert(
      fc.property(calls, (list) => {
        for (const a of list) {
          for (const b of list) assert.equal(Math.sign(compareCalls(a, b)), Math.sign(fieldByField(a, b)));
        }
      }),
      { numRuns: 500 },
    );
  });
});
