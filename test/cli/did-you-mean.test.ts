// "Did you mean …?": the known names nearest to what was typed, and none when nothing is near.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMANDS } from '../../src/cli/command-table.ts';
import { closestNames, didYouMean } from '../../src/cli/did-you-mean.ts';
import { runCli } from './run-cli.ts';

test('names equally near are all offered', () => {
  assert.deepEqual(closestNames('cat', ['bat', 'dog', 'car']), ['bat', 'car']);
  assert.equal(didYouMean(["'bat'", "'car'"]), ": did you mean 'bat' or 'car'?");
});

test('a short word two edits from a command is no typo of it (a third of the length, rounded down)', async () => {
  assert.deepEqual(closestNames('test', COMMANDS), []);
  assert.deepEqual(closestNames('dump', COMMANDS), []);
  const run = await runCli(['test']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^intent-drift: unknown command 'test' \(commands: /);
});

test('a typo in capitals is still near', async () => {
  const run = await runCli(['CHEK', '--metrics', 'x']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /unknown command 'CHEK': did you mean 'check'\?/);
});
