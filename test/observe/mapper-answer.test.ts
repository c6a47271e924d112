// The network mapper's answer, field by field (mapper-answer.ts): what it refuses, naming the
// field, and the calls it makes of what it accepts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { callsOfIntents, parseMapperIntents } from '../../src/observe/live/mapper-answer.ts';

const identity = (name: string, namespace = 'shop', extra: object = {}) => ({
  name,
  namespace,
  podOwnerKind: { kind: 'Deployment' },
  ...extra,
});

const refused = (intents: unknown, message: RegExp) =>
  assert.throws(
    () => parseMapperIntents(intents),
    (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.match(err.message, message);
      return true;
    },
  );

describe('the mapper answer: what is refused', () => {
  test('intents that are not a list', () => {
    for (const intents of [{}, { length: 1, 0: {} }, 'x', null]) {
      refused(intents, /^the mapper answered without an `intents` list$/);
    }
  });

  test('an identity that is a list, a missing namespace, a kind that is no string', () => {
    refused([{ client: [], server: identity('b') }], /intents\[0\]\.client is not an object$/);
    refused(
      [{ client: identity('a'), server: { name: 'b' } }],
      /intents\[0\]\.server\.namespace is not a string$/,
    );
    refused(
      [{ client: identity('a', 'shop', { podOwnerKind: { kind: 5 } }), server: identity('b') }],
      /intents\[0\]\.client\.podOwnerKind\.kind is not a string$/,
    );
  });

  test('a string of 4096 characters is taken; one more is refused, the field named', () => {
    const long = 'a'.repeat(4096);
    assert.equal(
      parseMapperIntents([{ client: identity(long), server: identity('b') }])[0]?.client.name,
      long,
    );
    refused(
      [{ client: identity(`${long}a`), server: identity('b') }],
      /^the mapper's answer is not an intents list: intents\[0\]\.client\.name is longer than 4096 characters$/,
    );
  });

  test('a method that is no string is named by its own index and its resource', () => {
    refused(
      [
        {
          client: identity('a'),
          server: identity('b'),
          type: 'HTTP',
          httpResources: [
            { path: '/x', methods: ['GET'] },
            { path: '/y', methods: ['GET', 'PUT', 7] },
          ],
        },
      ],
      /intents\[0\]\.httpResources\[1\]\.methods\[2\] is not a string$/,
    );
  });
});

describe('the mapper answer: the calls it makes', () => {
  const callsOf = (intents: unknown[]) =>
    callsOfIntents(parseMapperIntents(intents)).map(
      (c) =>
        `${c.client.kind ?? '-'}/${c.client.name} -> ${c.server.kind ?? '-'}/${c.server.name}` +
        `${c.server.service ? ` via ${c.server.service.namespace}/${c.server.service.name}` : ''}` +
        ` ${c.protocol} ${c.method} ${c.path}`,
    );

  test('an HTTP intent with no resources is an http call; a TCP one ignores any resources', () => {
    assert.deepEqual(
      callsOf([
        { client: identity('a'), server: identity('b'), type: 'HTTP', httpResources: [] },
        {
          client: identity('c'),
          server: identity('d'),
          type: 'TCP',
          httpResources: [{ path: '/x', methods: ['GET'] }],
        },
      ]),
      ['Deployment/a -> Deployment/b http null null', 'Deployment/c -> Deployment/d tcp null null'],
    );
  });

  test('an empty path is no path; an empty kind or Service is none', () => {
    assert.deepEqual(
      callsOf([
        {
          client: identity('a', 'shop', { podOwnerKind: { kind: '' } }),
          server: identity('b', 'shop', { kubernetesService: '' }),
          type: 'HTTP',
          httpResources: [{ path: '', methods: ['GET'] }],
        },
      ]),
      ['-/a -> Deployment/b http GET null'],
    );
  });

  test("the Service is in the server's namespace; a kind the webhook would refuse is left out", () => {
    assert.deepEqual(
      callsOf([
        {
          client: identity('a', 'front', { podOwnerKind: { kind: 'deployment' } }),
          server: identity('b', 'back', { kubernetesService: 'b-svc' }),
          type: null,
        },
      ]),
      ['-/a -> Deployment/b via back/b-svc tcp null null'],
    );
  });

  test('the calls come sorted, whatever the order of the intents', () => {
    const z = { client: identity('z'), server: identity('b'), type: null };
    const a = { client: identity('a'), server: identity('b'), type: null };
    assert.deepEqual(callsOf([z, a]), callsOf([a, z]));
    assert.deepEqual(
      callsOf([z, a]).map((c) => c.split(' ')[0]),
      ['Deployment/a', 'Deployment/z'],
    );
  });
});
