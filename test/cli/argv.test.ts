// The command line split as users type it (src/cli/argv.ts): values after `=` or in the next
// argument, `-` for stdin, a negative number as a value, `--` before positionals.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitArgv } from '../../src/cli/argv.ts';
import { runCli } from './run-cli.ts';

const valuesOf = (argv: string[]) =>
  Object.fromEntries([...splitArgv(argv).flags].map(([name, given]) => [name, given.values]));

describe('splitArgv', () => {
  test('after --, everything is a positional, the -- itself not', () => {
    const split = splitArgv(['check', '--', '-odd-name', '--metrics']);
    assert.deepEqual(split.positionals, ['check', '-odd-name', '--metrics']);
    assert.equal(split.flags.size, 0);
  });

  test('a value in the next argument may be a negative number or - (stdin), not another flag', () => {
    assert.deepEqual(valuesOf(['--min-count', '-1', '--metrics', '-']), {
      'min-count': ['-1'],
      metrics: ['-'],
    });
    assert.throws(() => splitArgv(['--metrics', '--intents', 'x']), /--metrics needs a value/);
  });

  test('a value after = keeps any further =, and a short flag takes its value too', () => {
    assert.deepEqual(valuesOf(['--metrics=a=b', '-n', 'shop']), { metrics: ['a=b'], namespace: ['shop'] });
  });

  test('unknown flags are kept as typed, for the caller to name', () => {
    assert.deepEqual(splitArgv(['--metric', 'x', '-Z']).unknown, ['--metric', '-Z']);
  });
});

test('a negative --min-count is refused for its range, not taken for a missing value', async () => {
  const run = await runCli([
    'check',
    '--metrics',
    'fixtures/demo/capture',
    '--intents',
    'fixtures/demo/intents',
    '--min-count',
    '-1',
  ]);
  assert.equal(run.code, 2);
  assert.doesNotMatch(run.stderr, /needs a value/);
  assert.equal(run.stderr, "intent-drift: --min-count must be a whole number of 1 or more (got '-1')\n");
});

describe('splitArgv refuses what it cannot read as typed', () => {
  test('a single dash with more than one letter is unknown, not a short flag with its value glued on', () => {
    // `-oops` is not `-o ops`, and `-metrics` is not `--metrics`: both are typos to name.
    assert.deepEqual(splitArgv(['-oops', '-metrics', 'x']).unknown, ['-oops', '-metrics']);
    assert.equal(splitArgv(['-oops']).flags.size, 0);
  });

  test('a switch given twice is an error, as a one-value flag is', () => {
    assert.throws(() => splitArgv(['--fix', '--fix']), /--fix is given twice/);
    assert.throws(() => splitArgv(['-o', 'a', '--output', 'b']), /--output is given twice/);
  });

  test('a short flag takes its value after = too', () => {
    assert.deepEqual(valuesOf(['-n=shop', '-o=out.yaml']), { namespace: ['shop'], output: ['out.yaml'] });
  });
});
