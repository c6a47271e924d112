// A snapshot file spells each call's client and server out. Read back, equal ones are one shared
// object, as every live source makes them: the diff looks a group's rules up once per run of
// calls holding the same objects (an object per call made a 200,000-call snapshot check half
// again as slow as the same calls read from metrics).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readSnapshots } from '../../src/observe/snapshot/snapshot-merge.ts';

const T = '2026-12-01T10:00:00.000Z';

function snapshot(calls: object[]): string {
  return JSON.stringify({
    kind: 'IntentDriftSnapshot',
    version: 1,
    source: 'sidecars',
    capturedAt: T,
    calls,
    unattributed: [],
    external: [],
    warnings: [],
    stats: { series: calls.length, sources: 1 },
  });
}

const call = (client: object, server: object, path: string) => ({
  client,
  server,
  method: 'GET',
  path,
  count: 1,
  protocol: 'http',
  firstSeen: T,
  lastSeen: T,
});

test('equal clients and servers of a snapshot are one object each; different ones stay apart', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-snapshot-refs-'));
  try {
    const web = { name: 'web', namespace: 'shop' };
    const api = { name: 'api', namespace: 'shop', service: { name: 'api', namespace: 'shop' } };
    const apiOtherService = {
      name: 'api',
      namespace: 'shop',
      service: { name: 'api-canary', namespace: 'shop' },
    };
    const apiStatefulSet = {
      name: 'api',
      namespace: 'shop',
      kind: 'StatefulSet',
      service: { name: 'api', namespace: 'shop' },
    };
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    await writeFile(
      a,
      snapshot([call(web, api, '/a'), call(web, api, '/b'), call(web, apiOtherService, '/c')]),
    );
    await writeFile(b, snapshot([call(web, api, '/d'), call(web, apiStatefulSet, '/e')]));
    const map = await readSnapshots([a, b]);
    assert.deepEqual(
      map.calls.map(
        (c) => `${c.client.name} -> ${c.server.name} ${c.server.kind} ${c.server.service?.name} ${c.path}`,
      ),
      [
        'web -> api undefined api /a',
        'web -> api undefined api /b',
        'web -> api undefined api-canary /c',
        'web -> api undefined api /d',
        'web -> api StatefulSet api /e',
      ],
    );
    assert.equal(new Set(map.calls.map((c) => c.client)).size, 1);
    const servers = map.calls.map((c) => c.server);
    assert.equal(servers[0], servers[1]);
    assert.equal(servers[0], servers[3]);
    assert.equal(new Set(servers).size, 3);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
