// The CLI as a new user meets it: help per command, "did you mean", flags that do not apply,
// no observed data, and the exit codes of the commands that write.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseCommandLine } from '../../src/cli/args.ts';
import { COMMAND_TABLE } from '../../src/cli/command-table.ts';
import { FLAG_GROUPS, flagSignature } from '../../src/cli/flag-spec.ts';
import { FLAG_TABLE, flagsOf } from '../../src/cli/flag-table.ts';
import { commandHelp, globalHelp } from '../../src/cli/help.ts';
import { main } from '../../src/cli/main.ts';
import { isInputError } from '../../src/errors.ts';
import { repoRoot, runCli } from './run-cli.ts';

const demo = ['--metrics', 'fixtures/demo/capture', '--intents', 'fixtures/demo/intents'];
const COMMANDS_WITH_HELP = COMMAND_TABLE.map((c) => c.name);

describe('help', () => {
  test('each command prints its own usage, the flags it reads, two examples and its exit codes', async () => {
    for (const spec of COMMAND_TABLE) {
      const run = await runCli([spec.name, '--help']);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.stdout.startsWith(`intent-drift ${spec.name}: ${spec.summary}\n`), spec.name);
      assert.match(run.stdout, new RegExp(`^Usage: intent-drift ${spec.name} `, 'm'));
      for (const flag of FLAG_TABLE) {
        const listed = run.stdout.includes(`  ${flagSignature(flag)} `);
        assert.equal(listed, flag.commands.includes(spec.name), `${spec.name} --help and --${flag.name}`);
      }
      const examples = run.stdout.split('\nExamples:\n')[1]?.split('\n\n')[0] ?? '';
      const runs = examples.split('\n').filter((l) => /^ {2}\S/.test(l));
      assert.equal(runs.length, 2, spec.name);
      for (const line of runs) assert.match(line, new RegExp(`intent-drift ${spec.name}`));
      assert.match(run.stdout, /^Exit codes:$/m);
      assert.equal((await runCli(['help', spec.name])).stdout, run.stdout, 'help <command> says the same');
    }
  });

  test('check --help lists the drift controls the old page left out', async () => {
    const { stdout } = await runCli(['check', '--help']);
    for (const flag of [
      '--config FILE',
      '--baseline FILE',
      '--write-baseline FILE',
      '--min-count N',
      '--no-templates',
      '--environment NAME',
      '--fix',
      '--prune-stale',
      '--version',
    ]) {
      assert.ok(stdout.includes(`  ${flag} `), flag);
    }
    assert.equal(stdout.includes('--output-type'), false, 'an export flag is not on the check page');
  });

  test('--help without a command lists every command and every flag', async () => {
    const run = await runCli(['--help']);
    assert.equal(run.code, 0);
    for (const spec of COMMAND_TABLE)
      assert.match(run.stdout, new RegExp(`^  ${spec.name} +${spec.summary.slice(0, 20)}`, 'm'));
    for (const flag of FLAG_TABLE) assert.ok(run.stdout.includes(`  ${flagSignature(flag)} `), flag.name);
    assert.equal((await runCli([])).stdout, run.stdout);
  });

  test('help wins over other flags, but a mistyped command is still named', async () => {
    assert.equal((await runCli(['check', '--bogus', '--help'])).code, 0);
    const run = await runCli(['help', 'chek']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /did you mean 'check'\?/);
  });
});

describe('did you mean', () => {
  const cases: [string[], RegExp][] = [
    [['chekc'], /^intent-drift: unknown command 'chekc': did you mean 'check'\? \(commands: check, list/],
    [['vizualize'], /did you mean 'visualize'\?/],
    [
      ['check', '--metric', 'capture/'],
      /^intent-drift: unknown flag --metric: did you mean --metrics\? \(intent-drift check --help lists the flags\)\n$/,
    ],
    [['list', '--fromat', 'json'], /unknown flag --fromat: did you mean --format\?/],
    [['check', '--prom', 'x'], /did you mean --prometheus-url, --prometheus-token-env or --prometheus-ca\?/],
    // A whole first word of three flags: all three, not the one fewest edits away (--prometheus-ca).
    [
      ['check', '--prometheus', 'x'],
      /did you mean --prometheus-url, --prometheus-token-env or --prometheus-ca\?/,
    ],
    [['check', '-metrics', 'x'], /unknown flag -metrics: did you mean --metrics\?/],
    [
      ['export', '--fail-ob', 'x'],
      /unknown flag --fail-ob: did you mean --fail-on \(a flag of check, demo, visualize\)\?/,
    ],
    // Another command's flag strictly nearer than any of the command's own: named with its
    // commands, not the own flag three edits away (`--version`).
    [
      ['check', '--apiversion', 'v2'],
      /^intent-drift: unknown flag --apiversion: did you mean --api-version \(a flag of export\)\? \(intent-drift check --help lists the flags\)\n$/,
    ],
    // As near as one of the command's own (two edits from --junit and from export's --output):
    // the command's own is named alone.
    [['check', '--junput', 'x'], /unknown flag --junput: did you mean --junit\? \(intent-drift check/],
  ];
  for (const [args, expected] of cases) {
    test(args.join(' '), async () => {
      const run = await runCli(args);
      assert.equal(run.code, 2);
      assert.match(run.stderr, expected);
      assert.equal(run.stderr.split('\n').length, 2, 'one line');
    });
  }

  test('without a command: a mistyped flag is named, flags alone are no command; bare prints the overview', async () => {
    const typo = await runCli(['--verison']);
    assert.equal(typo.code, 2);
    assert.equal(
      typo.stderr,
      'intent-drift: unknown flag --verison: did you mean --version? (intent-drift --help lists the flags)\n',
    );
    assert.equal(typo.stdout, '');
    const flagsOnly = await runCli(['--metrics', 'capture/']);
    assert.equal(flagsOnly.code, 2);
    assert.match(flagsOnly.stderr, /^intent-drift: no command: give one of check, list, /);
    assert.equal((await runCli([])).code, 0);
    assert.equal((await runCli(['--bogus', '--help'])).code, 0, 'help still wins');
  });

  test('nothing near: no guess', async () => {
    const run = await runCli(['check', '--zzzzzzzzzz']);
    assert.equal(
      run.stderr,
      'intent-drift: unknown flag --zzzzzzzzzz (intent-drift check --help lists the flags)\n',
    );
  });
});

describe('flags that do not apply', () => {
  test('a flag of another command is an error naming the command', async () => {
    const run = await runCli([
      'visualize',
      '-o',
      'x.svg',
      '--report',
      'r.json',
      '--metrics',
      'fixtures/demo/capture',
    ]);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'intent-drift: --report does not apply to visualize (it applies to check, demo); intent-drift visualize --help lists the flags of visualize\n',
    );
    assert.match((await runCli(['list', '--metrics', 'x', '--fix'])).stderr, /--fix does not apply to list/);
    assert.match((await runCli(['demo', '--metrics', 'x'])).stderr, /--metrics does not apply to demo/);
  });

  test('a flag of another source is an error naming both', async () => {
    const run = await runCli(['list', '--metrics', 'fixtures/demo/capture', '--window', '60s']);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'intent-drift: --window applies to --source sidecars, but this run reads metrics (named by --metrics)\n',
    );
    const two = await runCli(['check', ...demo, '--prometheus-url', 'http://p:9090']);
    assert.match(two.stderr, /--prometheus-url applies to --source prometheus, but this run reads metrics/);
    const since = await runCli(['list', '--metrics', 'fixtures/demo/capture', '--since', '15m']);
    assert.match(since.stderr, /--since applies to --source prometheus or --source snapshot/);
  });

  test('capture reads a live source: --source metrics or snapshot is refused before anything is read', async () => {
    for (const source of ['metrics', 'snapshot']) {
      const run = await runCli(['capture', '--source', source, '-o', 'x.json']);
      assert.equal(run.code, 2);
      assert.equal(
        run.stderr,
        'intent-drift: capture reads a live source: --source sidecars, prometheus or mapper\n',
        source,
      );
    }
  });

  test('a flag that needs another', async () => {
    assert.match((await runCli(['check', ...demo, '--prune-stale'])).stderr, /--prune-stale needs --fix\n$/);
  });

  test('a value that is another flag, a flag given twice, a value on a switch', async () => {
    assert.match(
      (await runCli(['check', '--metrics', '--intents', 'x'])).stderr,
      /--metrics needs a value \(PATH\)/,
    );
    assert.match(
      (await runCli(['check', ...demo, '--format', 'json', '--format', 'text'])).stderr,
      /--format is given twice/,
    );
    // In a copy: were the value taken, --fix would edit the intents it names.
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-switch-value-'));
    await cp(path.join(repoRoot, 'fixtures/demo'), dir, { recursive: true });
    const fix = await runCli(['check', '--metrics', 'capture', '--intents', 'intents', '--fix=yes'], {
      cwd: dir,
    });
    assert.match(fix.stderr, /--fix takes no value/);
    assert.equal(fix.code, 2);
  });

  test('two report flags naming one file: refused before anything is written', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-same-file-'));
    const demo = ['--metrics', path.join(repoRoot, 'fixtures/demo/capture')].concat([
      '--intents',
      path.join(repoRoot, 'fixtures/demo/intents'),
    ]);
    const run = await runCli(['check', ...demo, '--sarif', 'out/drift', '--junit', './out/../out/drift'], {
      cwd: dir,
    });
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'intent-drift: --sarif and --junit name the same file (./out/../out/drift): give each its own\n',
    );
    assert.equal(run.stdout, '');
    // The same file by its absolute path and from the working folder.
    const absolute = await runCli(
      ['check', ...demo, '--report', path.join(dir, 'out', 'drift.json'), '--sarif', 'out/drift.json'],
      { cwd: dir },
    );
    assert.equal(absolute.code, 2);
    assert.match(
      absolute.stderr,
      /^intent-drift: --report and --sarif name the same file \(out\/drift\.json\)/,
    );
    const apart = await runCli(
      ['check', ...demo, '--sarif', 'a.sarif', '--junit', 'a.xml', '--report', 'a.json'],
      {
        cwd: dir,
      },
    );
    assert.equal(apart.code, 1, apart.stderr);
  });
});

describe('no observed data', () => {
  const env = (home: string) => ({ HOME: home });

  test('no data-source flag and no kubeconfig: exit 2 saying how to give observed data', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'intent-drift-home-'));
    for (const command of ['check', 'list', 'export', 'capture']) {
      const args =
        command === 'capture' ? ['capture', '-o', 'x.json'] : [command, '--intents', 'fixtures/demo/intents'];
      const run = await runCli(command === 'check' ? args : args.filter((a) => !a.includes('intents')), {
        env: env(home),
      });
      assert.equal(run.code, 2, `${command}: ${run.stderr}`);
      assert.match(
        run.stderr,
        /^intent-drift: no observed data: give --metrics PATH .*--snapshot FILE .*--prometheus-url URL, or a kubeconfig .*none found\)\n$/,
      );
      assert.doesNotMatch(run.stderr, /localhost:8080/);
    }
    const sidecars = await runCli(['list', '--source', 'sidecars'], { env: env(home) });
    assert.match(
      sidecars.stderr,
      /^intent-drift: --source sidecars reads the cluster through a kubeconfig: give --metrics/,
    );
    assert.match(
      (await runCli(['reset'], { env: env(home) })).stderr,
      /reset needs the mapper: --mapper-url URL, or a kubeconfig/,
    );
  });

  test('with a kubeconfig found ($KUBECONFIG, ~/.kube/config), the default source is the cluster', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'intent-drift-home-'));
    await mkdir(path.join(home, '.kube'));
    await writeFile(path.join(home, '.kube', 'config'), 'apiVersion: v1\nkind: Config\n');
    const ctx = { cwd: '/', colorDefault: false };
    const fromHome = parseCommandLine(['list'], { ...ctx, variables: { HOME: home } });
    assert.equal(fromHome.command === 'list' && fromHome.settings.source, 'sidecars');
    const fromVar = parseCommandLine(['list'], { ...ctx, variables: { KUBECONFIG: '/some/file' } });
    assert.equal(fromVar.command === 'list' && fromVar.settings.source, 'sidecars');
  });
});

describe('exit codes: drift decides check and demo only, unless --fail-on is given', () => {
  test('list, export, policies exit 0 on the drifting demo', async () => {
    assert.equal((await runCli(['list', '--metrics', 'fixtures/demo/capture'])).code, 0);
    assert.equal((await runCli(['export', '--metrics', 'fixtures/demo/capture'])).code, 0);
    assert.equal((await runCli(['policies', '--intents', 'fixtures/demo/intents'])).code, 0);
    assert.equal((await runCli(['check', ...demo])).code, 1);
    assert.equal((await runCli(['demo'])).code, 1);
  });

  test('check --write-baseline exits 0 once the baseline is written, so `&& git add` goes on', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-baseline-'));
    const file = path.join(dir, 'baseline.json');
    const run = await runCli(['check', ...demo, '--write-baseline', file]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /wrote a baseline of 2 drift entries/);
    assert.ok(JSON.parse(await readFile(file, 'utf8')));
    assert.equal(
      (await runCli(['check', ...demo, '--write-baseline', file, '--fail-on', 'missing'])).code,
      1,
    );
    assert.equal((await runCli(['check', ...demo, '--baseline', file])).code, 0, 'the baseline accepts it');
    // demo takes --write-baseline too: same exit, and its help says so as check's does.
    assert.equal((await runCli(['demo', '--write-baseline', path.join(dir, 'demo.json')])).code, 0);
    for (const command of ['check', 'demo']) {
      const help = (await runCli([command, '--help'])).stdout.replace(/\s+/g, ' ');
      assert.match(help, / 0 no failing drift \(with --write-baseline: the baseline was written\)/, command);
    }
  });

  test('--baseline alone exits 1 on drift the baseline does not hold; a new baseline records all of today', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-baseline-'));
    const one = path.join(dir, 'one.json');
    // client's drift only: client2's missing call is new to it.
    const client = ['--metrics', 'fixtures/demo/capture/client.prom', '--intents', 'fixtures/demo/intents'];
    assert.equal((await runCli(['check', ...client, '--write-baseline', one])).code, 0);
    const newer = await runCli(['check', ...demo, '--baseline', one]);
    assert.equal(newer.code, 1, newer.stderr);
    // Given both, the baseline written holds today's whole drift, what the old one accepted included.
    const all = path.join(dir, 'all.json');
    const both = await runCli(['check', ...demo, '--baseline', one, '--write-baseline', all]);
    assert.equal(both.code, 0, both.stderr);
    assert.match(both.stderr, /wrote a baseline of 2 drift entries/);
    assert.equal((await runCli(['check', ...demo, '--baseline', all])).code, 0);
  });

  test('the baseline message counts one drift entry, and none', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-baseline-'));
    const one = await runCli([
      'check',
      ...['--metrics', 'fixtures/demo/capture/client.prom', '--intents', 'fixtures/demo/intents'],
      ...['--write-baseline', path.join(dir, 'one.json')],
    ]);
    assert.match(one.stderr, /wrote a baseline of 1 drift entry to /, one.stderr);
    const config = path.join(dir, 'ignore-all.yaml');
    await writeFile(config, 'ignore:\n  - client: "*"\n');
    const none = await runCli([
      'check',
      ...demo,
      '--config',
      config,
      '--write-baseline',
      path.join(dir, 'none.json'),
    ]);
    assert.match(none.stderr, /wrote a baseline of 0 drift entries to /, none.stderr);
  });

  test('every command the table says writes has output exit 0', () => {
    const writing = COMMAND_TABLE.filter((c) => c.exit === 'output').map((c) => c.name);
    assert.deepEqual(writing, ['list', 'export', 'visualize', 'policies', 'capture', 'reset']);
    for (const command of writing) {
      const failOn = flagsOf(command).some((f) => f.name === 'fail-on');
      assert.equal(failOn, command === 'visualize', `${command} takes --fail-on only to draw drift`);
    }
  });
});

describe('colour: a terminal, NO_COLOR and FORCE_COLOR', () => {
  const coloured = async (stdoutIsTTY: boolean, env: Record<string, string>) => {
    let stdout = '';
    const write = (t: string) => {
      stdout += t;
    };
    await main(['check', ...demo], { cwd: repoRoot, env, stdoutIsTTY, write, writeError: () => {} });
    return stdout.includes('\u001b[');
  };

  test('an empty NO_COLOR leaves colour on; FORCE_COLOR=0 turns it off, even on a terminal', async () => {
    assert.equal(await coloured(true, {}), true, 'a terminal');
    assert.equal(await coloured(false, {}), false, 'a pipe');
    assert.equal(await coloured(true, { NO_COLOR: '' }), true, 'no-color.org: only a non-empty NO_COLOR');
    assert.equal(await coloured(true, { NO_COLOR: '1', FORCE_COLOR: '1' }), false);
    assert.equal(await coloured(false, { FORCE_COLOR: '1' }), true);
    assert.equal(await coloured(false, { FORCE_COLOR: '0' }), false, 'FORCE_COLOR=0 on a pipe');
    assert.equal(await coloured(true, { FORCE_COLOR: '0' }), false, 'FORCE_COLOR=0 on a terminal');
    assert.equal(await coloured(true, { FORCE_COLOR: 'false' }), false);
  });

  test('--color and --no-color decide over the terminal and the environment', async () => {
    const flagged = async (flag: string, stdoutIsTTY: boolean, env: Record<string, string>) => {
      let stdout = '';
      const write = (t: string) => {
        stdout += t;
      };
      await main(['check', ...demo, flag], { cwd: repoRoot, env, stdoutIsTTY, write, writeError: () => {} });
      return stdout.includes('\u001b[');
    };
    assert.equal(await flagged('--no-color', true, { FORCE_COLOR: '1' }), false);
    assert.equal(await flagged('--color', false, { NO_COLOR: '1' }), true);
  });
});

describe('what the user typed is echoed inert', () => {
  test('control characters in a mistyped flag or value reach the terminal as escapes', async () => {
    const run = await runCli(['check', '--metrics\u001b[2J', 'x']);
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes('--metrics\\x1b[2J'), run.stderr);
    const value = await runCli(['check', '--format', 'text\rcolored\u001b[31m']);
    assert.equal(value.stderr.includes('\u001b'), false);
    assert.equal(value.stderr.includes('\r'), false);
  });
});

describe('what the parser must not drop silently', () => {
  const ctx = { cwd: '/', colorDefault: false };
  const metrics = ['--metrics', 'capture/'];
  const refused = (argv: string[], variables: Record<string, string> = {}) => {
    try {
      parseCommandLine(argv, { ...ctx, variables });
      return undefined;
    } catch (err) {
      assert.ok(isInputError(err), String(err));
      return String(err);
    }
  };

  test('a stray argument after a command or a help topic is an error', () => {
    assert.equal(refused(['check', ...metrics, 'extra']), "unexpected argument 'extra' after check");
    assert.equal(refused(['help', 'check', 'extra']), "unexpected argument 'extra'");
  });

  test('a whole number is digits only (1e1 is refused), up to the most --help gives', () => {
    const kube = { KUBECONFIG: '/some/file' };
    for (const value of ['1e1', '0x10', ' 5', '5.0']) {
      assert.equal(
        refused(['check', ...metrics, '--min-count', value]),
        `--min-count must be a whole number of 1 or more (got '${value}')`,
      );
    }
    assert.equal(
      refused(['list', '--concurrency', '1e1'], kube),
      "--concurrency must be a whole number from 1 to 256 (got '1e1')",
    );
    const most = parseCommandLine(['list', '--concurrency', '256'], { ...ctx, variables: kube });
    assert.equal(most.settings.live.concurrency, 256, '--help: "1 to 256"');
    assert.match(refused(['list', '--concurrency', '257'], kube) ?? '', /from 1 to 256 \(got '257'\)/);
  });

  test('an empty path is refused, spaced or after =', () => {
    assert.equal(refused(['check', '--metrics', '', '--intents', 'i/']), '--metrics needs a non-empty value');
    assert.equal(refused(['check', ...metrics, '--intents=']), '--intents needs a non-empty value');
    assert.equal(refused(['check', ...metrics, '--report', '']), '--report needs a non-empty value');
  });

  test('every path flag refuses an empty value, and stdin where it reads none', () => {
    for (const [args, flag] of [
      [['list'], '--kubeconfig'],
      [['list', ...metrics], '--workloads'],
      [['check', ...metrics], '--write-baseline'],
      [['check', ...metrics], '--junit'],
      [['list', '--prometheus-url', 'https://p'], '--prometheus-ca'],
    ] as const) {
      assert.equal(refused([...args, flag, '']), `${flag} needs a non-empty value`);
      assert.equal(
        refused([...args, flag, '-']),
        `${flag} does not read stdin: give a file name instead of '-'`,
      );
    }
  });

  test('--output-type and --api-version take only their names; a short API version gets its group', () => {
    assert.equal(
      refused(['export', ...metrics, '--output-type', 'dirs']),
      "--output-type must be one of single-file, dir (got 'dirs')",
    );
    for (const given of ['v1alpha3', 'k8s.otterize.com/v1alpha3']) {
      const parsed = parseCommandLine(['export', ...metrics, '--api-version', given], ctx);
      assert.equal(parsed.settings.export.apiVersion, 'k8s.otterize.com/v1alpha3', given);
    }
    assert.match(
      refused(['export', ...metrics, '--api-version', 'example.com/v1alpha3']) ?? '',
      /^--api-version must be one of k8s\.otterize\.com\/v2beta1, .*\(got 'example\.com\/v1alpha3'\)$/,
    );
  });

  test("stdin ('-') is read once: given twice is an error", () => {
    for (const flag of ['--metrics', '--snapshot']) {
      assert.match(refused(['check', flag, '-', flag, '-']) ?? '', /stdin \('-'\) can be read once/, flag);
    }
  });

  test('-n: an empty list is an error, not every namespace; a namespace named twice is one', () => {
    assert.match(refused(['list', ...metrics, '-n', ',']) ?? '', /--namespace: "," names no namespace/);
    assert.match(refused(['list', ...metrics, '-n', ' ']) ?? '', /names no namespace/);
    const parsed = parseCommandLine(
      ['list', ...metrics, '-n', 'shop,web', '-n', 'shop', '-n', 'web,,shop'],
      ctx,
    );
    assert.deepEqual(parsed.settings.namespaces, ['shop', 'web']);
  });

  test('--output-type dir needs -o; --write-baseline and a report may not share a file', () => {
    assert.equal(
      refused(['export', ...metrics, '--output-type', 'dir']),
      '--output-type dir needs -o DIRECTORY',
    );
    assert.match(
      refused(['check', ...metrics, '--report', 'out.json', '--write-baseline', './out.json']) ?? '',
      /--report and --write-baseline name the same file/,
    );
  });

  test('reset with a kubeconfig found needs no --mapper-url', () => {
    assert.equal(refused(['reset'], { KUBECONFIG: '/some/file' }), undefined);
    assert.match(refused(['reset'], { HOME: '/nonexistent-home' }) ?? '', /reset needs the mapper/);
  });

  test('reset at a --mapper-url refuses --kubeconfig and --context, which would do nothing', () => {
    for (const flag of ['--kubeconfig', '--context']) {
      assert.equal(
        refused(['reset', '--mapper-url', 'http://mapper:9090', flag, 'x']),
        `${flag} does not apply with --mapper-url: the mapper is read at its URL, not through a kubeconfig; give one of them`,
      );
    }
    assert.equal(refused(['reset', '--mapper-url', 'http://mapper:9090']), undefined);
    assert.equal(
      refused(['reset', '--kubeconfig', 'k', '--context', 'c'], { KUBECONFIG: '/some/file' }),
      undefined,
    );
  });

  test('an empty token variable is no token; the defaults --help gives', () => {
    const parsed = parseCommandLine(['list', '--prometheus-url', 'http://p:9090'], {
      ...ctx,
      variables: { PROMETHEUS_TOKEN: '', MAPPER_TOKEN: '' },
    });
    assert.equal(
      parsed.settings.live.prometheusToken,
      undefined,
      'no "Authorization: Bearer " with nothing after it',
    );
    const mapper = parseCommandLine(['list', '--mapper-url', 'http://m:9090'], {
      ...ctx,
      variables: { MAPPER_TOKEN: '' },
    });
    assert.equal(mapper.settings.live.mapperToken, undefined);
    const sidecars = parseCommandLine(['list'], { ...ctx, variables: { KUBECONFIG: '/some/file' } });
    assert.equal(sidecars.settings.live.concurrency, 16, '--concurrency: "default 16"');
    // --prometheus-token-env: "default PROMETHEUS_TOKEN"; --mapper-token-env: "default MAPPER_TOKEN".
    const tokens = { PROMETHEUS_TOKEN: 'p-token', MAPPER_TOKEN: 'm-token' };
    const withToken = parseCommandLine(['list', '--prometheus-url', 'http://p:9090'], {
      ...ctx,
      variables: tokens,
    });
    assert.equal(withToken.settings.live.prometheusToken, 'p-token');
    const withMapperToken = parseCommandLine(['list', '--mapper-url', 'http://m:9090'], {
      ...ctx,
      variables: tokens,
    });
    assert.equal(withMapperToken.settings.live.mapperToken, 'm-token');
  });
});

describe('--no-templates', () => {
  test('export keeps the raw paths, and says nothing of a template', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-templates-'));
    const series = (p: string) =>
      `istio_requests_total{reporter="source",source_workload="cart",source_workload_namespace="shop",destination_workload="db",destination_workload_namespace="shop",destination_service_name="db",destination_service_namespace="shop",request_protocol="http",response_code="200",request_method="GET",request_path="${p}"} 10\n`;
    const ids = [101, 102, 103, 104, 105];
    await writeFile(path.join(dir, 'm.prom'), ids.map((id) => series(`/items/${id}`)).join(''));
    const paths = (yaml: string) => yaml.split('\n').filter((l) => l.includes('- path: '));
    const templated = await runCli(['export', '--metrics', 'm.prom'], { cwd: dir });
    assert.deepEqual(paths(templated.stdout), ['          - path: /items/{*}']);
    const raw = await runCli(['export', '--metrics', 'm.prom', '--no-templates'], { cwd: dir });
    assert.equal(raw.code, 0, raw.stderr);
    assert.deepEqual(
      paths(raw.stdout),
      ids.map((id) => `          - path: /items/${id}`),
    );
    assert.equal(raw.stderr, '');
  });
});

describe('export: scope, templates and what it says on stderr', () => {
  const series = (client: string, namespace: string, p: string, value: string) =>
    `istio_requests_total{reporter="source",source_workload="${client}",source_workload_namespace="${namespace}",destination_workload="db",destination_workload_namespace="shop",destination_service_name="db",destination_service_namespace="shop",request_protocol="http",response_code="200",request_method="GET",request_path="${p}"} ${value}\n`;

  test('-n keeps one namespace; each template is said; the read’s warnings are printed; a config can turn templates off', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-export-'));
    await writeFile(
      path.join(dir, 'm.prom'),
      [101, 102, 103, 104, 105].map((id) => series('cart', 'shop', `/items/${id}`, '10')).join('') +
        series('jobs', 'ops', '/health', '3') +
        series('cart', 'shop', '/broken', 'NaN'),
    );
    const run = await runCli(['export', '--metrics', 'm.prom', '-n', 'shop'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^ {2}name: cart\n {2}namespace: shop$/m);
    assert.doesNotMatch(run.stdout, /jobs|ops/, 'no ClientIntents of a namespace -n left out');
    assert.match(run.stderr, /^warning: 1 series with a NaN or infinite value were ignored$/m);
    assert.match(
      run.stderr,
      /^template: shop\/cart -> shop\/db: \/items\/\{\*\} stands for 5 observed paths /m,
    );
    await writeFile(path.join(dir, 'raw.yaml'), 'templates: false\n');
    const raw = await runCli(['export', '--metrics', 'm.prom', '-n', 'shop', '--config', 'raw.yaml'], {
      cwd: dir,
    });
    assert.equal(raw.code, 0, raw.stderr);
    assert.match(raw.stdout, /- path: \/items\/101\n/);
    assert.doesNotMatch(raw.stdout + raw.stderr, /\{\*\}/);
  });
});

describe('policies: scope and warnings', () => {
  test('-n prints the policies of that namespace only', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-policies-'));
    const intents = (client: string, namespace: string, server: string) =>
      `apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: ${client}\n  namespace: ${namespace}\nspec:\n  workload:\n    name: ${client}\n  targets:\n    - kubernetes:\n        name: ${server}\n`;
    await writeFile(
      path.join(dir, 'intents.yaml'),
      `${intents('web', 'shop', 'orders')}---\n${intents('cron', 'ops', 'ledger')}`,
    );
    const all = await runCli(['policies', '--intents', 'intents.yaml'], { cwd: dir });
    assert.equal(all.code, 0, all.stderr);
    assert.match(all.stdout, /namespace: ops\n/);
    const shop = await runCli(['policies', '--intents', 'intents.yaml', '-n', 'shop'], { cwd: dir });
    assert.equal(shop.code, 0, shop.stderr);
    assert.match(shop.stdout, /name: authorization-policy-to-orders-from-web\.shop\n/);
    assert.doesNotMatch(shop.stdout, /ops|ledger|cron/);
  });

  test("the intents' own warnings are printed too", async () => {
    const run = await runCli(['policies', '--intents', 'fixtures/intents/misc/http-without-type.yaml']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /^warning: fixtures\/intents\/misc\/http-without-type\.yaml:12: spec\.calls\[0\]\.HTTPResources ignored without type: http/m,
    );
  });
});

describe('what --help promises', () => {
  test('every example runs as written: the parser takes its flags and values', () => {
    for (const spec of COMMAND_TABLE) {
      for (const { run } of spec.examples) {
        const argv = run.split(' | ').at(-1)!.split(' ').slice(1);
        assert.equal(argv[0], spec.name, run);
        const parsed = parseCommandLine(argv, {
          cwd: '/',
          colorDefault: false,
          variables: { KUBECONFIG: '/some/file' },
        });
        assert.equal(parsed.command, spec.name, run);
      }
    }
  });

  test('help fits 100 columns: wrapped, and each title line short enough (the examples, which are copied, are not wrapped)', async () => {
    const pages = [
      await runCli(['--help']),
      ...(await Promise.all(COMMANDS_WITH_HELP.map((c) => runCli([c, '--help'])))),
    ];
    for (const page of pages) {
      const examples = new Set(COMMAND_TABLE.flatMap((c) => c.examples.map((e) => `  ${e.run}`)));
      for (const line of page.stdout.split('\n')) {
        if (!examples.has(line)) {
          assert.ok(line.length <= 100, `${line.length}: ${line}`);
        }
      }
    }
  });

  test("each command's exit codes are the ones it returns", async () => {
    const codes = async (command: string) => {
      const page = (await runCli([command, '--help'])).stdout.split('\nExit codes:\n')[1]!;
      return [...page.matchAll(/^ {2}(\d) {2}/gm)].map((m) => Number(m[1]));
    };
    assert.deepEqual(await codes('check'), [0, 1, 2]);
    assert.deepEqual(await codes('list'), [0, 2]);
    assert.deepEqual(await codes('policies'), [0, 2]);
    assert.deepEqual(await codes('visualize'), [0, 1, 2]);
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-exit-'));
    const drawn = await runCli(['visualize', ...demo, '--fail-on', 'missing', '-o', path.join(dir, 'd.svg')]);
    assert.equal(drawn.code, 1, 'visualize with --intents and --fail-on: failing drift');
    assert.equal((await runCli(['list', '--metrics', 'fixtures/demo/capture', '--bogus'])).code, 2);
    assert.match((await runCli(['list', '--help'])).stdout, /^ {2}2 {2}bad usage/m);
  });

  test('--default-namespace takes a Kubernetes namespace name; visualize --environment needs --intents', async () => {
    const bad = await runCli(['check', ...demo, '--default-namespace', 'Shop_1']);
    assert.equal(bad.code, 2);
    assert.equal(
      bad.stderr,
      "intent-drift: --default-namespace must be a Kubernetes namespace name (got 'Shop_1')\n",
    );
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-env-'));
    const env = await runCli([
      'visualize',
      '--metrics',
      'fixtures/demo/capture',
      '--environment',
      'prod',
      '-o',
      path.join(dir, 'map.svg'),
    ]);
    assert.equal(env.code, 2);
    assert.match(env.stderr, /--environment needs --intents/);
  });
});

describe('what each flag line of --help says', () => {
  const flat = (page: string) => page.replace(/\s+/g, ' ');

  test('short forms, the sources a flag is for, and on the global page the commands that read it', () => {
    const page = flat(globalHelp());
    assert.match(page, / -o, --output PATH /);
    assert.match(page, / -n, --namespace NS /);
    assert.match(page, / --window DURATION sidecars: /);
    assert.match(page, / --fix add the missing calls .*\[check\]/);
    assert.doesNotMatch(flat(commandHelp('check')), /\[check/, "a command's own page does not list commands");
  });

  test('a needed flag is said where it is needed: --fail-on needs --intents on visualize only', () => {
    const failOn = (page: string) => flat(page).match(/--fail-on WHAT (.*?) --allow-empty /)![1]!;
    assert.match(failOn(commandHelp('visualize')), /\(needs --intents\)/);
    assert.doesNotMatch(failOn(commandHelp('check')), /needs --intents/);
    assert.doesNotMatch(failOn(globalHelp()), /needs --intents/);
    assert.match(flat(commandHelp('check')), /--prune-stale with --fix, .*\(needs --fix\)/);
  });

  test("visualize's --fail-on line is its own: exit 0 once the picture is written, unless given", () => {
    assert.match(
      flat(commandHelp('visualize')),
      /--fail-on WHAT missing, stale, any or none: exit 1 on that drift/,
    );
    assert.match(flat(commandHelp('check')), /--fail-on WHAT missing, stale, any or none: what exits 1/);
  });

  test('no group title without a flag under it, and the global page ends with every exit code', () => {
    for (const page of [globalHelp(), ...COMMANDS_WITH_HELP.map((c) => commandHelp(c))]) {
      const lines = page.split('\n');
      lines.forEach((line, i) => {
        if (FLAG_GROUPS.some((g) => line === `${g.title}:`)) {
          assert.match(lines[i + 1]!, /^ {2}-/, `${line} is followed by a flag`);
        }
      });
    }
    const codes = globalHelp().split('\nExit codes:\n')[1] ?? '';
    assert.deepEqual(
      [...codes.matchAll(/^ {2}(\d) {2}/gm)].map((m) => Number(m[1])),
      [0, 1, 2],
    );
  });
});
