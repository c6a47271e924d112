import assert from 'node:assert/strict';
import { access, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { describeSource, trafficWindow } from '../../src/cli/visualize-source.ts';
import { defaultSettings } from '../../src/settings.ts';
import { call, observedMap } from '../diff/builders.ts';
import { repoRoot, runCli } from './run-cli.ts';

const metrics = ['--metrics', 'fixtures/demo/capture'];
const intents = ['--intents', 'fixtures/demo/intents'];
const NS = 'otterize-tutorial-istio-mapping';

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-visualize-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

describe('visualize', () => {
  test('draws the observed map as SVG', async () => {
    const out = path.join(dir, 'map.svg');
    const run = await runCli(['visualize', '-o', out, ...metrics]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /drew 2 call\(s\) and rule\(s\) between 3 node\(s\)/);
    const svg = (await readFile(out, 'utf8')).replaceAll('&#45;', '-');
    assert.match(svg, /^<\?xml/);
    assert.ok(svg.includes(`namespace ${NS}`), 'the namespace on its box');
    assert.ok(svg.includes('>nginx</text>'), 'the bare name inside it');
    assert.doesNotMatch(svg, /#d62728/, 'no intents, no verdict colours');
  });

  test('with --intents draws the drift and exits 0 once drawn; an explicit --fail-on lets drift decide', async () => {
    const out = path.join(dir, 'nested', 'drift.svg');
    const run = await runCli(['visualize', '-o', out, ...metrics, ...intents]);
    assert.equal(run.code, 0, 'the picture is written: `visualize -o x && open x` goes on');
    const svg = (await readFile(out, 'utf8')).replaceAll('&#45;', '-');
    assert.match(svg, /stroke="#d62728"/);
    assert.ok(svg.includes('POST /client2-old-path'), 'the stale rule is drawn');
    const strict = await runCli(['visualize', '-o', out, ...metrics, ...intents, '--fail-on', 'missing']);
    assert.equal(strict.code, 1, 'the demo has a missing call');
    const lenient = await runCli(['visualize', '-o', out, ...metrics, ...intents, '--fail-on', 'none']);
    assert.equal(lenient.code, 0, lenient.stderr);
  });

  test('--fail-on without --intents is bad usage: there is no drift to fail on', async () => {
    const run = await runCli(['visualize', '-o', path.join(dir, 'x.svg'), ...metrics, '--fail-on', 'any']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'intent-drift: --fail-on needs --intents with visualize\n');
  });

  test('PNG and HTML by the ending, relative to the working directory', async () => {
    const png = await runCli(
      ['visualize', '-o', 'drift.PNG', '--metrics', path.join(repoRoot, 'fixtures/demo/capture')],
      {
        cwd: dir,
      },
    );
    assert.equal(png.code, 0, png.stderr);
    const bytes = await readFile(path.join(dir, 'drift.PNG'));
    assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
    const html = await runCli(['visualize', '-o', path.join(dir, 'map.html'), ...metrics, ...intents]);
    assert.equal(html.code, 0, html.stderr);
    const page = await readFile(path.join(dir, 'map.html'), 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<script type="application\/json" id="map-data">\{/);
    assert.ok(page.includes(`"label":"client2.${NS}"`));
    assert.match(page, /"source":"metrics fixtures\/demo\/capture \(\d+ series from \d+ sources\)"/);
    assert.match(page, /"kind":"blocked","rows":\[\{"call":"POST \/client2-path"/);
  });

  test('--only-drift: the picture holds only missing and stale, the page starts filtered', async () => {
    const out = path.join(dir, 'only.svg');
    const run = await runCli([
      'visualize',
      '-o',
      out,
      ...metrics,
      ...intents,
      '--only-drift',
      '--fail-on',
      'none',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /drew 2 call\(s\) and rule\(s\) between 2 node\(s\)/);
    const svg = (await readFile(out, 'utf8')).replaceAll('&#45;', '-');
    assert.ok(svg.includes('POST /client2-path'));
    assert.ok(!svg.includes('GET /client-path'), 'the covered call is left out');
    assert.ok(!svg.includes('>client</text>'), 'and its client');
    const html = path.join(dir, 'only.html');
    const page = await runCli([
      'visualize',
      '-o',
      html,
      ...metrics,
      ...intents,
      '--only-drift',
      '--fail-on',
      'none',
    ]);
    assert.equal(page.code, 0, page.stderr);
    const text = await readFile(html, 'utf8');
    assert.match(text, /"onlyDrift":true/);
    assert.match(text, /"kind":"covered"/, 'the page keeps every edge: its reader can widen the filter');
  });

  test('--only-drift without intents, or on another command, is bad usage (exit 2)', async () => {
    const run = await runCli(['visualize', '-o', path.join(dir, 'x.svg'), ...metrics, '--only-drift']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--only-drift needs --intents/);
    const other = await runCli(['check', ...metrics, ...intents, '--only-drift']);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /--only-drift does not apply to check \(it applies to visualize\)/);
  });

  test('another ending is bad usage (exit 2), before reading anything', async () => {
    const out = path.join(dir, 'x.gif');
    const run = await runCli(['visualize', '-o', out, '--metrics', 'no/such/dir']);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'intent-drift: visualize -o: the file must end in .svg, .png or .html (got .gif)\n',
    );
    assert.equal(await exists(out), false);
  });

  test('without -o is bad usage (exit 2)', async () => {
    const run = await runCli(['visualize', ...metrics]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /visualize needs -o FILE/);
  });

  test('bad input is exit 2 as in check', async () => {
    const run = await runCli(['visualize', '-o', path.join(dir, 'bad.svg'), '--metrics', 'no/such/dir']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no\/such\/dir/);
  });

  test('.htm is a page too', async () => {
    const run = await runCli(['visualize', '-o', path.join(dir, 'map.htm'), ...metrics]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(await readFile(path.join(dir, 'map.htm'), 'utf8'), /^<!DOCTYPE html>/);
  });

  test('the page with --only-drift is said to hold every edge it holds', async () => {
    const run = await runCli([
      'visualize',
      '-o',
      path.join(dir, 'count.html'),
      ...metrics,
      ...intents,
      '--only-drift',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^drew 3 call\(s\) and rule\(s\) between 3 node\(s\) to /m);
  });

  test('-n keeps the clients of its namespaces, outside callers of its servers, and their external hosts', async () => {
    const work = await mkdtemp(path.join(dir, 'scope-'));
    // [workload, namespace] of each side; an external host is a service of no workload.
    const series = (reporter: string, [sw, sns]: string[], [dw, dns, svc = dw]: string[], p: string) =>
      `istio_requests_total{reporter="${reporter}",source_workload="${sw}",source_workload_namespace="${sns}",destination_workload="${dw}",destination_workload_namespace="${dns}",destination_service_name="${svc}",destination_service_namespace="${dns}",request_protocol="http",response_code="200",request_method="GET",request_path="${p}"} 10\n`;
    const outside = ['unknown', 'unknown'];
    await writeFile(
      path.join(work, 'm.prom'),
      '# TYPE istio_requests_total counter\n' +
        series('source', ['cart', 'shop'], ['db', 'shop'], '/a') +
        series('source', ['front', 'web'], ['api', 'web'], '/b') +
        series('destination', outside, ['db', 'shop'], '/c') +
        series('destination', outside, ['api', 'web'], '/d') +
        series('source', ['cart', 'shop'], [...outside, 'api.example.com'], '/e') +
        series('source', ['front', 'web'], [...outside, 'other.example.com'], '/f'),
    );
    const run = await runCli(['visualize', '-o', 'g.svg', '--metrics', 'm.prom', '-n', 'shop'], {
      cwd: work,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, 'drew 3 call(s) and rule(s) between 4 node(s) to g.svg\n');
    const svg = await readFile(path.join(work, 'g.svg'), 'utf8');
    const drawn = ['/a', '/b', '/c', '/d', '/e', '/f'].filter((p) => svg.includes(`GET ${p} (10)`));
    assert.deepEqual(drawn, ['/a', '/c', '/e']);
    assert.ok(svg.includes('>api.example.com</text>') && !svg.includes('other.example.com'));
  });

  test('warnings and the file name reach the terminal escaped', async () => {
    const work = await mkdtemp(path.join(dir, 'escaped-'));
    await cp(path.join(repoRoot, 'fixtures/demo/capture'), path.join(work, 'm'), { recursive: true });
    await writeFile(path.join(work, 'm', 'x\u001b[2J.prom'), '# nothing\n');
    const run = await runCli(['visualize', '-o', 'g\u001b]0;t.svg', '--metrics', 'm'], { cwd: work });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stderr,
      'warning: m/x\\x1b[2J.prom: no istio_requests_total or istio_tcp_* series: it holds text that is neither Prometheus exposition, Envoy JSON stats nor YAML\n' +
        'drew 2 call(s) and rule(s) between 3 node(s) to g\\x1b]0;t.svg\n',
    );
  });

  test('the help lists it', async () => {
    const run = await runCli(['help']);
    assert.match(run.stdout, /visualize +draw the calls and, with --intents, the drift/);
  });
});

describe('what the page says about its data', () => {
  const observed = observedMap([call('client', 'nginx', 'GET', '/a')], { stats: { series: 4, sources: 2 } });
  const settings = (over: (s: ReturnType<typeof defaultSettings>) => void) => {
    const s = defaultSettings('/work');
    over(s);
    return s;
  };

  test('each source, named without a URL’s credentials, path or query', () => {
    const described = [
      settings((s) => {
        s.source = 'metrics';
        s.metrics = ['a.prom', 'b'];
      }),
      settings((s) => {
        s.source = 'snapshot';
        s.snapshots = ['snap.json'];
        s.live.since = '2h';
      }),
      settings((s) => {
        s.source = 'sidecars';
        s.live.context = 'kind-x';
        s.live.window = '30s';
      }),
      settings((s) => {
        s.source = 'prometheus';
        s.live.prometheusUrl = 'https://user:secret@prom.example:9090/api/v1?token=t';
        s.live.since = '15m';
      }),
      settings((s) => {
        s.source = 'mapper';
        s.live.mapperUrl = 'http://mapper:9090/query';
      }),
    ].map((s) => describeSource(s, observed));
    assert.deepEqual(described, [
      'metrics a.prom, b (4 series from 2 sources)',
      'snapshot snap.json, since 2h (4 series from 2 sources)',
      'the sidecars of context kind-x, over a window of 30s (4 series from 2 sources)',
      'Prometheus at prom.example:9090, since 15m (4 series from 2 sources)',
      'Otterize network-mapper at mapper:9090 (4 series from 2 sources)',
    ]);
  });

  test('the span: the live window, else the earliest first seen to the latest last seen', () => {
    const stamped = (first: string, last: string) =>
      call('client', 'nginx', 'GET', '/a', { firstSeen: first, lastSeen: last });
    const map = observedMap([stamped('2026-03-01T10:05:00Z', '2026-03-01T10:06:00Z')], {
      unattributed: [stamped('2026-03-01T10:00:00Z', '2026-03-01T10:09:00Z')],
      external: [stamped('2026-03-01T10:02:00Z', '2026-03-01T10:03:00Z')],
    });
    assert.deepEqual(trafficWindow(map), { from: '2026-03-01T10:00:00Z', to: '2026-03-01T10:09:00Z' });
    const live = { from: '2026-03-01T11:00:00Z', to: '2026-03-01T11:01:00Z' };
    assert.deepEqual(trafficWindow({ ...map, window: live }), live);
    assert.equal(trafficWindow(observed), undefined, 'no stamps, no span');
    // Times as written in a snapshot: compared as times (10:00:00Z is before 10:00:00.500Z, and
    // 12:30+02:00 is 10:30Z, before 10:40Z), though as text they sort the other way.
    const written = observedMap([
      stamped('2026-03-01T10:00:00.500Z', '2026-03-01T12:30:00+02:00'),
      stamped('2026-03-01T10:00:00Z', '2026-03-01T10:40:00Z'),
    ]);
    assert.deepEqual(trafficWindow(written), {
      from: '2026-03-01T10:00:00Z',
      to: '2026-03-01T10:40:00Z',
    });
  });
});
