// The review's findings, each reproduced through the CLI as a user (or an attacker's series)
// would meet it: names that escape folders or namespaces, a backtracking glob, credentials in
// errors, escape sequences in every output, readers that hang or crash on a wrong shape.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { rawUnsafeChars } from '../support/unsafe-chars.ts';
import { repoRoot, runCli } from './run-cli.ts';

/** One `istio_requests_total` line; label values escaped as the text format wants. */
function series(labels: Record<string, string>, value = 3): string {
  const all = {
    reporter: 'source',
    source_workload: 'shopper',
    source_workload_namespace: 'shop',
    destination_workload: 'orders',
    destination_workload_namespace: 'shop',
    destination_service_name: 'orders',
    destination_service_namespace: 'shop',
    request_protocol: 'http',
    request_method: 'GET',
    request_path: '/a',
    ...labels,
  };
  const text = Object.entries(all)
    .map(([k, v]) => `${k}="${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`)
    .join(',');
  return `istio_requests_total{${text}} ${value}\n`;
}

async function workspace(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-hostile-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

const INTENTS = `apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: shopper
  namespace: shop
spec:
  workload:
    name: shopper
  targets:
    - kubernetes:
        name: orders
        http:
          - path: /old
            methods: [GET]
`;

describe('names from traffic', () => {
  test('a namespace that climbs out of the export folder writes nothing outside it', async () => {
    const dir = await workspace({
      'm.prom':
        series({}) +
        series({ source_workload: 'evil', source_workload_namespace: '/../../escaped/docker-compose' }),
    });
    await mkdir(path.join(dir, 'escaped'));
    const run = await runCli(['export', '--metrics', 'm.prom', '--output-type', 'dir', '-o', 'out'], {
      cwd: dir,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(await readdir(path.join(dir, 'escaped')), []);
    assert.deepEqual(await readdir(path.join(dir, 'out')), ['shopper.shop.yaml']);
    assert.match(run.stderr, /1 series left out: .*namespace "\/\.\.\/\.\.\/escaped\/docker-compose"/);
  });

  test('a dotted workload is never written as a target the operator reads as another namespace', async () => {
    const dir = await workspace({
      'm.prom': series({}) + series({ destination_workload: 'payments-db.prod', request_path: '/pay' }),
      'intents/shopper.yaml': INTENTS,
    });
    const exported = await runCli(['export', '--metrics', 'm.prom'], { cwd: dir });
    assert.equal(exported.code, 0, exported.stderr);
    assert.doesNotMatch(exported.stdout, /payments-db/);
    assert.match(exported.stdout, /name: orders/);
    assert.match(
      exported.stderr,
      /shop\/shopper -> shop\/payments-db\.prod: the intents-operator reads a dot/,
    );
    // The drift itself is still reported: the call is missing.
    const checked = await runCli(
      ['check', '--metrics', 'm.prom', '--intents', 'intents', '--format', 'json'],
      {
        cwd: dir,
      },
    );
    const report = JSON.parse(checked.stdout) as { missing: { server: { name: string } }[] };
    assert.ok(report.missing.some((c) => c.server.name === 'payments-db.prod'));
  });
});

describe('counts no sidecar writes', () => {
  // A meshed app can append its own series to the sidecar's merged :15020 endpoint: a negative
  // value cancelled its undeclared call's count (drift, exit 1, became OK, exit 0).
  const undeclared = series({ request_method: 'POST', request_path: '/refund' }, 291);
  test('a negative, fractional or inexact count is exit 2 at its line, never a lower count', async () => {
    for (const [value, why] of [
      ['-291', 'counters never go below 0'],
      ['-Inf', 'counters never go below 0'],
      ['0.25', 'counters are whole numbers'],
      ['9007199254740993', 'a count past 2^53 is not exact'],
    ] as const) {
      const cancel = series(
        { request_method: 'POST', request_path: '/refund', response_code: '999' },
        0,
      ).replace(/ 0\n$/, ` ${value}\n`);
      const dir = await workspace({ 'm/a.prom': `${undeclared}${cancel}`, 'intents/i.yaml': INTENTS });
      const run = await runCli(['check', '--metrics', 'm', '--intents', 'intents'], { cwd: dir });
      assert.equal(run.code, 2, `${value}: ${run.stdout}`);
      assert.match(
        run.stderr,
        new RegExp(`m/a\\.prom:2: istio_requests_total has the value .*\\(${why.replace('^', '\\^')}\\)`),
      );
    }
  });

  test('the same in Envoy JSON stats; a NaN is still ignored with a warning', async () => {
    const stat = (value: number) =>
      `{"name": "istiocustom.istio_requests_total.reporter.source.source_workload.shopper.source_workload_namespace.shop.destination_workload.orders.destination_workload_namespace.shop.request_protocol.http.request_method.GET.request_path./a", "value": ${value}}`;
    const dir = await workspace({
      'm/a.json': `{"stats": [${stat(3)}, ${stat(-3)}]}`,
      'intents/i.yaml': INTENTS,
    });
    const run = await runCli(['check', '--metrics', 'm', '--intents', 'intents'], { cwd: dir });
    assert.equal(run.code, 2, run.stdout);
    assert.match(run.stderr, /m\/a\.json: stats\[1\] \(istio_requests_total\) has the value -3/);
    const nan = series({ request_method: 'GET', request_path: '/b' }, 0).replace(/ 0\n$/, ' NaN\n');
    const ok = await workspace({ 'm/a.prom': `${undeclared}${nan}`, 'intents/i.yaml': INTENTS });
    const counted = await runCli(['check', '--metrics', 'm', '--intents', 'intents'], { cwd: ok });
    assert.equal(counted.code, 1, counted.stderr);
    assert.match(counted.stdout, /1 series with a NaN or infinite value were ignored/);
  });
});

describe('bounded time', () => {
  // A backtracking regex blocks the event loop, so a test timeout could not stop it: the check
  // runs in a child process that is killed if it has not finished long after it should have.
  test('an ignore glob full of stars against a long path is matched at once (was 117 s)', () => {
    const longPath = `/api/${'a/'.repeat(240)}x`;
    const files = {
      'm.prom': series({ request_path: longPath }),
      'intents/shopper.yaml': INTENTS,
      '.intent-drift.yaml': 'ignore:\n  - path: "/api/*/*/*/*/*/end"\n',
    };
    const dir = mkdtempSync(path.join(tmpdir(), 'intent-drift-redos-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    const run = spawnSync(
      process.execPath,
      [
        path.join(repoRoot, 'src', 'cli', 'entry.ts'),
        'check',
        '--metrics',
        'm.prom',
        '--intents',
        'intents',
        '--format',
        'json',
      ],
      { cwd: dir, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' },
    );
    assert.equal(run.signal, null, 'killed: the match did not finish');
    assert.equal(run.status, 1, run.stderr);
    assert.equal((JSON.parse(run.stdout) as { missing: unknown[] }).missing.length, 1);
  });
});

describe('credentials stay out of errors', () => {
  test('a broken kubeconfig is named, its token never shown', async () => {
    const dir = await workspace({
      kubeconfig: [
        'apiVersion: v1',
        'kind: Config',
        'users:',
        '- name: u',
        '  user:',
        '    token: sk-SECRET-TOKEN-123',
        '    bad: [unclosed',
        'contexts: []',
        '',
      ].join('\n'),
      'intents/shopper.yaml': INTENTS,
    });
    const run = await runCli(
      ['check', '--source', 'sidecars', '--kubeconfig', 'kubeconfig', '--intents', 'intents'],
      {
        cwd: dir,
      },
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /kubeconfig: cannot load the kubeconfig/);
    assert.doesNotMatch(run.stderr, /SECRET/);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  });

  test('a server URL’s userinfo and query string never show, even inside a library’s message', async () => {
    const dir = await workspace({
      kubeconfig: [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '- cluster: {server: "https://admin:hunter2@127.0.0.1:9/?token=abc"}',
        '  name: c',
        'users:',
        '- name: u',
        '  user: {token: sk-SECRET}',
        'contexts:',
        '- context: {cluster: c, user: u}',
        '  name: x',
        'current-context: x',
        '',
      ].join('\n'),
      'intents/shopper.yaml': INTENTS,
    });
    for (const args of [
      ['--source', 'sidecars', '--kubeconfig', 'kubeconfig'],
      ['--source', 'mapper', '--kubeconfig', 'kubeconfig'],
      ['--source', 'prometheus', '--prometheus-url', 'http://admin:hunter2@127.0.0.1:9/p?token=abc'],
      ['--source', 'mapper', '--mapper-url', 'http://admin:hunter2@127.0.0.1:9/q?token=abc'],
    ]) {
      const run = await runCli(['check', ...args, '--intents', 'intents'], { cwd: dir });
      assert.equal(run.code, 2, run.stderr);
      assert.doesNotMatch(run.stderr, /hunter2|token=abc|SECRET/, run.stderr);
    }
  });
});

describe('escape sequences never reach an output raw', () => {
  const HOSTILE_PATHS = [
    '/esc\u001b[31mred\u001b]0;title\u0007',
    '/bidi\u202etxt.exe',
    '/zero\u200bwidth\u200d\u2066\u2069\ufeff',
    '/c1\u009b31m\u0085',
    '/legacy##[add-mask]x',
  ];

  test('text, markdown, JSON, list, export, policies, visualize (html) and stderr', async () => {
    const dir = await workspace({
      'm.prom':
        HOSTILE_PATHS.map((p) => series({ request_path: p })).join('') +
        series({ destination_service_name: 'svc\u202e', request_path: '/x' }),
      'intents/shopper.yaml': INTENTS.replace('/old', '"/old\\u202e\\u200b"'),
    });
    const outputs: [string, string][] = [];
    // Each command with the flags that apply to it (a flag that does not is bad usage).
    const both = ['--metrics', 'm.prom', '--intents', 'intents'];
    for (const args of [
      ['check', '--format', 'text', ...both],
      ['check', '--format', 'markdown', ...both],
      ['check', '--format', 'json', ...both],
      ['list', '--metrics', 'm.prom'],
      ['export', '--metrics', 'm.prom'],
      ['export', '--format', 'json', '--metrics', 'm.prom'],
      ['policies', '--intents', 'intents'],
    ]) {
      const run = await runCli(args, { cwd: dir });
      assert.ok(run.code === 0 || run.code === 1, `${args.join(' ')}: ${run.stderr}`);
      outputs.push([`${args.join(' ')} (stdout)`, run.stdout], [`${args.join(' ')} (stderr)`, run.stderr]);
    }
    const drawn = await runCli(['visualize', '-o', 'g.html', '--metrics', 'm.prom', '--intents', 'intents'], {
      cwd: dir,
    });
    assert.ok(drawn.code === 0 || drawn.code === 1, drawn.stderr);
    outputs.push(['visualize html', await readFile(path.join(dir, 'g.html'), 'utf8')]);
    for (const [what, text] of outputs) {
      assert.deepEqual(rawUnsafeChars(text), [], what);
      // The runner reads `##[name]` anywhere in a CI step's output as a command.
      assert.ok(!text.includes('##['), what);
    }
    // The data is all there, shown as escapes.
    assert.match(outputs[0]![1], /\/bidi\\u202etxt\.exe/);
  });

  // A path's `#` starts its fragment, so `##[` reaches the outputs through the method and the
  // host of an external call, which are free text. A `\n` in a value of 40 characters or more
  // is where the YAML library folds a double-quoted scalar onto a new line: with its indent
  // trimmed (as the runner does) that line would be a workflow command.
  const COMMAND = '::error title=injected::from a metric label';
  const LONG_PATH = `/${'a'.repeat(48)}\n${COMMAND}`;

  test('list (JSON, YAML), export, SARIF and JUnit: no raw character, no `##[`, no line a command', async () => {
    const dir = await workspace({
      'm.prom':
        series({ request_path: LONG_PATH }) +
        series({ request_method: 'G##[add-mask]\u202e', request_path: '/m' }) +
        series({
          destination_workload: 'unknown',
          destination_service_name: 'unknown',
          destination_service: `h##[error]\u202e\n${COMMAND}.example.com`,
          request_path: '/ext',
        }),
      // Alone, since a method ClientIntents cannot name makes export allow every method.
      'long.prom': series({ request_path: LONG_PATH }),
      'intents/shopper.yaml': INTENTS,
    });
    const both = ['--metrics', 'm.prom', '--intents', 'intents'];
    for (const args of [
      ['list', '--format', 'json', '--metrics', 'm.prom'],
      ['list', '--format', 'yaml', '--metrics', 'm.prom'],
      ['export', '--no-templates', '--metrics', 'long.prom'],
      ['check', '--format', 'sarif', ...both],
      ['check', '--format', 'junit', ...both],
    ]) {
      const run = await runCli(args, { cwd: dir });
      assert.ok(run.code === 0 || run.code === 1, `${args.join(' ')}: ${run.stderr}`);
      const what = args.join(' ');
      assert.deepEqual(rawUnsafeChars(run.stdout), [], what);
      assert.ok(!run.stdout.includes('##['), what);
      const commands = run.stdout.split('\n').filter((line) => line.trimStart().startsWith('::'));
      assert.deepEqual(commands, [], what);
      // The value is still there, escaped.
      assert.ok(run.stdout.includes('::error title=injected'), `${what}: ${run.stdout}`);
    }
  });
});

test('a crash is exit 2 with one scrubbed line, never 1 (which means drift)', async () => {
  const { main } = await import('../../src/cli/main.ts');
  let stderr = '';
  const code = await main(['demo'], {
    cwd: repoRoot,
    env: {},
    stdoutIsTTY: false,
    write: () => {
      throw new Error('boom at https://u:secret@example.com/x?token=abc\n::warning::x');
    },
    writeError: (text) => {
      stderr += text;
    },
  });
  assert.equal(code, 2);
  assert.ok(
    stderr.startsWith('intent-drift: internal error: boom at https://example.com/x\\n::warning::x (a bug in'),
    stderr,
  );
  assert.equal(stderr.split('\n').length, 2, 'one line');
  assert.doesNotMatch(stderr, /secret|token=abc/);
});

describe('readers refuse what they cannot read', () => {
  test('a FIFO as --snapshot is refused at once instead of blocking', { timeout: 30_000 }, async (t) => {
    const dir = await workspace({ 'intents/shopper.yaml': INTENTS });
    try {
      execFileSync('mkfifo', [path.join(dir, 'fifo.json')]);
    } catch {
      t.skip('mkfifo is not available');
      return;
    }
    const run = await runCli(['check', '--snapshot', 'fifo.json', '--intents', 'intents'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /fifo\.json: not a regular file/);
  });

  test('a FIFO, or a file that holds more than it says, as --prometheus-ca is refused before any connection', {
    timeout: 30_000,
  }, async (t) => {
    const dir = await workspace({ 'intents/shopper.yaml': INTENTS });
    try {
      execFileSync('mkfifo', [path.join(dir, 'ca.pem')]);
    } catch {
      t.skip('mkfifo is not available');
      return;
    }
    // Port 9 (discard) is never reached: the CA is read first.
    const check = (ca: string) =>
      runCli(
        ['check', '--intents', 'intents', '--prometheus-url', 'https://127.0.0.1:9', '--prometheus-ca', ca],
        {
          cwd: dir,
        },
      );
    const fifo = await check('ca.pem');
    assert.equal(fifo.code, 2);
    assert.match(fifo.stderr, /ca\.pem: not a regular file \(a FIFO, socket or device\?\)\n$/);
    // A kernel file says 0 bytes: read only up to the 4 MiB limit.
    const kernel = '/proc/kallsyms';
    let length = 0;
    try {
      length = readFileSync(kernel).length;
    } catch {}
    if (length <= 4 * 1024 * 1024) return;
    const big = await check(kernel);
    assert.equal(big.code, 2);
    assert.equal(big.stderr, `intent-drift: ${kernel}: larger than 4 MiB\n`);
  });

  test('a snapshot field of the wrong type is exit 2 naming the field, never a TypeError', async () => {
    const at = '2026-03-01T10:00:00Z';
    const good = {
      client: { name: 'shopper', namespace: 'shop' },
      server: { name: 'orders', namespace: 'shop', service: { name: 'orders', namespace: 'shop' } },
      method: 'GET',
      path: '/a',
      count: 1,
      protocol: 'http',
      firstSeen: at,
      lastSeen: at,
    };
    const snapshot = (call: unknown, more: Record<string, unknown> = {}) =>
      JSON.stringify({
        kind: 'IntentDriftSnapshot',
        version: 1,
        source: 'sidecars',
        capturedAt: at,
        calls: [call],
        unattributed: [],
        external: [],
        warnings: [],
        stats: { series: 1, sources: 1 },
        ...more,
      });
    const cases: [string, string, RegExp][] = [
      [
        'service',
        snapshot({ ...good, server: { ...good.server, service: { name: 5, namespace: 'shop' } } }),
        /calls\[0\]\.server\.service\.name: must be a string/,
      ],
      ['host', snapshot({ ...good, host: {} }), /calls\[0\]\.host: must be a string/],
      ['stats', snapshot(good, { stats: 'many' }), /stats: must be an object/],
      ['window', snapshot(good, { window: { from: 1 } }), /window\.from: must be a string/],
      ['extra', snapshot({ ...good, evil: true }), /calls\[0\]\.evil: is not a field of a snapshot/],
    ];
    for (const [name, text, message] of cases) {
      const dir = await workspace({ 's.json': text, 'intents/shopper.yaml': INTENTS });
      const run = await runCli(['check', '--snapshot', 's.json', '--intents', 'intents'], { cwd: dir });
      assert.equal(run.code, 2, `${name}: ${run.stderr}`);
      assert.match(run.stderr, message, name);
      assert.doesNotMatch(run.stderr, /TypeError|internal error/, name);
    }
  });

  test('a Prometheus answer of the wrong shape is exit 2 with a message', async () => {
    const answers = [
      { status: 'success', data: { resultType: 'vector', result: [{ metric: null, value: [1, '3'] }] } },
      {
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: { reporter: 5 }, value: [1, '3'] }] },
      },
      { status: 'success', data: { resultType: 'vector', result: [null] } },
      null,
    ];
    const dir = await workspace({ 'intents/shopper.yaml': INTENTS });
    for (const answer of answers) {
      const server = http.createServer((_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(answer));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const run = await runCli(['check', '--prometheus-url', url, '--intents', 'intents'], { cwd: dir });
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, /not a Prometheus (vector sample|API answer)/, run.stderr);
      } finally {
        server.close();
      }
    }
  });
});
