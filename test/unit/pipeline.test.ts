// The pipeline's wiring, called as the CLI and the action call it: which settings reach each
// source (paths resolved from cwd, empty tokens left out, --since), what the check takes from the
// flags and what from the config or the gate, and how reports name the observed data.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type DriftConfig, defaultDriftConfig } from '../../src/config/drift-config.ts';
import { baselineOf, renderBaseline } from '../../src/diff/baseline.ts';
import { isInputError } from '../../src/errors.ts';
import type { ObservedCall, ObservedMap } from '../../src/model.ts';
import { writeSnapshot } from '../../src/observe/snapshot/snapshot-file.ts';
import { check, declare, observe, observedFrom, readConfig, scopeOf } from '../../src/pipeline.ts';
import { defaultSettings, type Settings } from '../../src/settings.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

/** The demo: its capture and intents, one missing call and one stale rule. */
const demo = (over: Partial<Settings> = {}): Settings => ({
  ...defaultSettings(root),
  metrics: ['fixtures/demo/capture'],
  intents: ['fixtures/demo/intents'],
  findConfig: false,
  ...over,
});

const gate = (over: Partial<DriftConfig> = {}) => ({
  config: { ...defaultDriftConfig(), ...over },
  baseline: undefined,
});

async function failure(p: Promise<unknown>): Promise<Error> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(err instanceof Error, 'expected a failure');
  return err;
}

describe('check: flags, config and gate', () => {
  test("the config's failOn holds unless --fail-on was given", async () => {
    const quiet = await check(demo(), undefined, gate({ failOn: 'none' }));
    assert.equal(quiet.failOn, 'none');
    assert.equal(quiet.exitCode, 0);
    const given = await check(demo({ failOnExplicit: true }), undefined, gate({ failOn: 'none' }));
    assert.equal(given.failOn, 'missing');
    assert.equal(given.exitCode, 1);
  });

  test('--no-templates and --min-count beat the config', async () => {
    const result = await check(demo({ templates: false, minCount: 1_000_000 }), undefined, gate());
    assert.equal(result.controls.templates, false);
    assert.equal(result.controls.minCount, 1_000_000);
    assert.equal(result.drift.missing.length, 0, 'every missing call is under the noise floor');
    const plain = await check(demo(), undefined, gate({ minCount: 1 }));
    assert.equal(plain.controls.templates, true);
    assert.equal(plain.drift.missing.length, 1);
  });

  test("a gate's config names the drift's config; with no file, none", async () => {
    const named = await check(demo(), undefined, gate({ file: 'base:.intent-drift.yaml' }));
    assert.equal(named.drift.config, 'base:.intent-drift.yaml');
    assert.equal((await check(demo(), undefined, gate())).drift.config, null);
  });

  test("the gate's baseline applies, never the checked-out --baseline file", async () => {
    const first = await check(demo(), undefined, gate());
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-pipeline-'));
    const file = path.join(dir, 'baseline.json');
    await writeFile(file, renderBaseline(baselineOf(first.beforeBaseline)));
    const ownBaseline = await check(demo({ baselineFile: file }));
    assert.equal(ownBaseline.exitCode, 0, 'the baseline accepts all of the drift');
    const gated = await check(demo({ baselineFile: file }), undefined, gate());
    assert.equal(gated.exitCode, 1, "a PR's own baseline does not loosen its gate");
  });

  test('no intents given is an input error that says which flag', async () => {
    const err = await failure(declare(demo({ intents: [] })));
    assert.ok(isInputError(err));
    assert.equal(err.message, 'no intents given: use --intents PATH');
  });
});

describe('readConfig', () => {
  test('.intent-drift.yaml is looked for only when asked; --config is read either way', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-pipeline-'));
    await writeFile(path.join(dir, '.intent-drift.yaml'), 'minCount: 3\n');
    await writeFile(path.join(dir, 'other.yaml'), 'minCount: 5\n');
    const settings = { ...defaultSettings(dir), findConfig: false };
    assert.equal((await readConfig(settings)).file, undefined);
    assert.equal((await readConfig({ ...settings, findConfig: true })).minCount, 3);
    assert.equal((await readConfig({ ...settings, configFile: 'other.yaml' })).minCount, 5);
  });
});

describe('scopeOf', () => {
  const config = (environments: Record<string, string>, file: string | undefined) => ({
    ...defaultDriftConfig(),
    file,
    environments,
  });

  test("-n and the environment's namespaces, each once", () => {
    const scope = scopeOf(
      { ...defaultSettings(root), namespaces: ['shop'], environment: 'prod' },
      config({ shop: 'prod', cart: 'prod', web: 'staging' }, 'ci.yaml'),
    );
    assert.deepEqual(scope.namespaces, ['shop', 'cart']);
    assert.deepEqual(scope.environmentScope, { name: 'prod', file: 'ci.yaml', namespaces: ['cart', 'shop'] });
  });

  test('an environment no config maps: the config file and its environments, sorted and once each, or none', () => {
    const settings = { ...defaultSettings(root), environment: 'prd' };
    assert.throws(() => scopeOf(settings, config({ a: 'staging', b: 'prod', c: 'staging' }, 'ci.yaml')), {
      message: '--environment prd: ci.yaml maps no namespace to it (its environments: prod, staging)',
    });
    assert.throws(() => scopeOf(settings, config({}, 'ci.yaml')), {
      message: '--environment prd: ci.yaml maps no namespace to it (its environments: none)',
    });
    assert.throws(() => scopeOf(settings, config({}, undefined)), {
      message: /^--environment prd: no config maps environments to namespaces \(none found/,
    });
  });
});

describe('observedFrom', () => {
  const map: ObservedMap = {
    calls: [],
    unattributed: [],
    external: [],
    warnings: [],
    stats: { series: 0, sources: 0 },
  };

  test('a URL is shown without credentials or query; a window and --since are kept', () => {
    const settings: Settings = {
      ...defaultSettings(root),
      source: 'prometheus',
      live: {
        ...defaultSettings(root).live,
        prometheusUrl: 'https://user:secret@prom.example:9090/api/?token=x',
        since: '15m',
      },
    };
    const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-01T00:15:00.000Z' };
    assert.deepEqual(observedFrom(settings, { ...map, window }), {
      source: 'prometheus',
      inputs: ['https://prom.example:9090/api/'],
      window,
      since: '15m',
    });
    const mapper = {
      ...settings,
      source: 'mapper' as const,
      live: { ...settings.live, mapperUrl: 'http://a:b@mapper:9090/query', since: undefined },
    };
    assert.deepEqual(observedFrom(mapper, map), { source: 'mapper', inputs: ['http://mapper:9090/query'] });
  });
});

describe('observe: what reaches each source', () => {
  test('metrics without a path is an input error', async () => {
    const err = await failure(observe({ ...defaultSettings(root), source: 'metrics' }));
    assert.ok(isInputError(err));
    assert.equal(err.message, '--source metrics needs --metrics PATH');
  });

  test('one --workloads path gives the calls their kinds', async () => {
    const map = await observe(demo({ workloads: ['fixtures/demo/workloads.yaml'] }));
    assert.ok(map.calls.length > 0);
    assert.ok(
      map.calls.every((c) => c.client.kind === 'Deployment'),
      JSON.stringify(map.calls[0]),
    );
  });

  test('snapshots are found from cwd, and --since keeps the calls seen since', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-pipeline-'));
    const call = (p: string, lastSeen: string): ObservedCall => ({
      client: { name: 'web', namespace: 'shop' },
      server: { name: 'cart', namespace: 'shop' },
      method: 'GET',
      path: p,
      count: 1,
      protocol: 'http',
      firstSeen: '2020-01-01T00:00:00.000Z',
      lastSeen,
    });
    await writeSnapshot(
      path.join(dir, 'a.json'),
      {
        calls: [call('/old', '2020-01-01T00:00:00.000Z'), call('/new', new Date().toISOString())],
        unattributed: [],
        external: [],
        warnings: [],
        stats: { series: 2, sources: 1 },
      },
      { source: 'sidecars', capturedAt: new Date() },
    );
    const settings = { ...defaultSettings(dir), source: 'snapshot' as const, snapshots: ['a.json'] };
    const all = await observe(settings);
    assert.deepEqual(all.calls.map((c) => c.path).sort(), ['/new', '/old']);
    const recent = await observe({ ...settings, live: { ...settings.live, since: '1h' } });
    assert.deepEqual(
      recent.calls.map((c) => c.path),
      ['/new'],
    );
  });

  test('sidecars: --window and --pod-timeout are read as durations, each under its own name', async () => {
    const settings = { ...defaultSettings(root), source: 'sidecars' as const };
    for (const [key, flag] of [
      ['window', '--window'],
      ['podTimeout', '--pod-timeout'],
    ] as const) {
      const err = await failure(observe({ ...settings, live: { ...settings.live, [key]: 'soon' } }));
      assert.ok(isInputError(err), String(err));
      assert.equal(err.message, `${flag}: "soon" is not a duration (like 30s, 15m, 1h30m)`);
      // Past a timer's reach the wait would end at once (Node.js fires it after 1 ms).
      const long = await failure(observe({ ...settings, live: { ...settings.live, [key]: '600h' } }));
      assert.ok(isInputError(long), String(long));
      assert.equal(long.message, `${flag}: 600h is longer than the longest wait, 596 hours (2^31-1 ms)`);
    }
  });

  test('a relative --kubeconfig is read from cwd, with its --context', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-pipeline-'));
    await writeFile(
      path.join(dir, 'kube.yaml'),
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]',
        'users: [{name: u, user: {}}]',
        'contexts: [{name: a, context: {cluster: c, user: u}}]',
        '',
      ].join('\n'),
    );
    for (const source of ['sidecars', 'mapper'] as const) {
      const settings = { ...defaultSettings(dir), source };
      const err = await failure(
        observe({ ...settings, live: { ...settings.live, kubeconfig: 'kube.yaml', context: 'b' } }),
      );
      assert.equal(err.message, '--context b: no such context in the kubeconfig (has: a)', source);
    }
  });

  describe('Prometheus and the mapper by URL', () => {
    /** Each request's Authorization header and query; Prometheus' answer is an empty vector. */
    const seen: { authorization: string | undefined; query: string }[] = [];
    let server: http.Server;
    let url = '';
    before(async () => {
      server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (d: Buffer) => {
          body += d.toString();
        });
        req.on('end', () => {
          const query =
            new URL(req.url ?? '/', 'http://x').searchParams.get('query') ??
            new URLSearchParams(body).get('query') ??
            body;
          seen.push({ authorization: req.headers.authorization, query });
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"status":"success","data":{"resultType":"vector","result":[]}}');
        });
      });
      server.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => server.close());

    const prometheus = (dir: string, live: Partial<Settings['live']>): Settings => {
      const settings = { ...defaultSettings(dir), source: 'prometheus' as const };
      return { ...settings, live: { ...settings.live, prometheusUrl: url, ...live } };
    };

    test('an empty token is no Authorization header; a token is a bearer one', async () => {
      seen.length = 0;
      await observe(prometheus(root, { prometheusToken: '' }));
      assert.ok(seen.length > 0);
      assert.deepEqual(new Set(seen.map((s) => s.authorization)), new Set([undefined]));
      seen.length = 0;
      await observe(prometheus(root, { prometheusToken: 'tok' }));
      assert.deepEqual(new Set(seen.map((s) => s.authorization)), new Set(['Bearer tok']));
    });

    test('--since sets the range; the CA file is found from cwd', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-pipeline-'));
      await writeFile(path.join(dir, 'ca.pem'), 'not read over http\n');
      seen.length = 0;
      const map = await observe(prometheus(dir, { since: '15m', prometheusCa: 'ca.pem' }));
      assert.ok(seen.length > 0);
      const queries = seen.map((s) => s.query).join('\n');
      assert.match(queries, /\[900s\]/);
      assert.doesNotMatch(queries, /\[3600s\]/);
      assert.ok(map.window !== undefined);
      assert.equal(Date.parse(map.window.to) - Date.parse(map.window.from), 15 * 60_000);
    });

    test('the mapper: an empty token is no Authorization header', async () => {
      for (const [token, authorization] of [
        ['', undefined],
        ['m', 'Bearer m'],
      ] as const) {
        seen.length = 0;
        const settings = { ...defaultSettings(root), source: 'mapper' as const };
        await observe({ ...settings, live: { ...settings.live, mapperUrl: url, mapperToken: token } }).catch(
          () => undefined,
        );
        assert.ok(seen.length > 0);
        assert.equal(seen[0]!.authorization, authorization);
      }
    });
  });
});
