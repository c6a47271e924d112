// A large cluster's mapper answer (megabytes of intents) is read whole through either path: the
// API server's service proxy and --mapper-url.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { readMapper } from '../../src/observe/live/mapper-source.ts';
import type { MapperIntentRecord, MapperStandIn } from '../support/mapper-graphql-server.ts';
import { type LiveCluster, mapperInCluster } from './live-harness.ts';

const WORKLOADS = 600;
const SERVERS = 5;

/** Each of 600 workloads calls 5 others on 4 paths: 3,000 intents, 12,000 calls. */
function largeCluster(): MapperIntentRecord[] {
  const owner = { group: 'apps', version: 'v1', kind: 'Deployment' };
  const intents: MapperIntentRecord[] = [];
  for (let c = 0; c < WORKLOADS; c++) {
    for (let k = 1; k <= SERVERS; k++) {
      const s = (c + k) % WORKLOADS;
      intents.push({
        client: { name: `workload-${c}`, namespace: `team-${c % 20}`, podOwnerKind: owner },
        server: { name: `workload-${s}`, namespace: `team-${s % 20}`, podOwnerKind: owner },
        type: 'HTTP',
        httpResources: [0, 1, 2, 3].map((p) => ({
          path: `/api/v1/resources-of-kind-${p}/items`,
          methods: ['GET'],
        })),
      });
    }
  }
  return intents;
}

describe('mapper source: a large answer', () => {
  let mapper: MapperStandIn;
  let cluster: LiveCluster;
  let close: () => Promise<void>;
  before(async () => {
    ({ mapper, cluster, close } = await mapperInCluster(largeCluster()));
  });
  after(() => close());

  // The answer is 1.7 MB. Through the service proxy it was cut at 1 MiB and refused as "not a
  // GraphQL answer".
  test('through the service proxy and directly: every call, the same map', async () => {
    const proxied = await readMapper({ kubeconfig: cluster.kubeconfig.file });
    const direct = await readMapper({ url: mapper.url });
    assert.equal(proxied.calls.length, WORKLOADS * SERVERS * 4);
    assert.deepStrictEqual(proxied.calls, direct.calls);
  });

  test('an answer over the limit is an input error saying so, on either path, never a cut answer', async () => {
    const maxAnswerBytes = 1024 * 1024;
    await assert.rejects(
      readMapper({ kubeconfig: cluster.kubeconfig.file, maxAnswerBytes }),
      (err: unknown) => {
        assert.ok(err instanceof InputError, String(err));
        assert.match(err.message, /through the API server\): answer larger than 1 MiB: not read$/);
        return true;
      },
    );
    await assert.rejects(readMapper({ url: mapper.url, maxAnswerBytes }), (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.match(err.message, /^http:\/\/127\.0\.0\.1:\d+\/query: answer larger than 1 MiB: not read$/);
      return true;
    });
    // At 2 MiB both read it.
    const map = await readMapper({ url: mapper.url, maxAnswerBytes: 2 * maxAnswerBytes });
    assert.equal(map.calls.length, WORKLOADS * SERVERS * 4);
  });
});
