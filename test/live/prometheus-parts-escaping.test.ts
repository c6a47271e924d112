// The parts of a split read name their callers' namespaces in a regex: a namespace label value
// comes from Prometheus' own answer (hostile), so its regex characters must match only themselves.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readPrometheus } from '../../src/observe/live/prometheus-source.ts';
import { expected, type MeshCall, mesh, seen, standIn } from '../support/prometheus-mesh-calls.ts';

describe('prometheus source: a split read and namespace values with regex characters', () => {
  test('a namespace label value ".*" matches only itself: no part reads the whole mesh, no call counts twice', async () => {
    const calls = mesh(4, 30);
    const hostile: MeshCall = {
      client: 'c',
      server: 's',
      ns: '.*',
      method: 'GET',
      path: '/x',
      source: 5,
      destination: 5,
    };
    const api = await standIn([...calls, hostile]);
    const map = await readPrometheus({ url: api.url, since: '10m', maxRowsPerQuery: 30, concurrency: 1 });
    // The hostile namespace is no Kubernetes name: its call is refused, the others read once each.
    assert.deepEqual(seen(map), expected(calls));
    const parts = api.queries.filter((q) => q.query.startsWith('sum by'));
    assert.ok(parts.length >= 5, `${parts.length} parts`);
    assert.ok(
      parts.every((q) => !q.query.includes('source_workload_namespace=~".*"')),
      'a part matched every namespace',
    );
  });
});
