// The user's traffic command: how it ended (finished, stopped when the window closed, failed or
// never started), and the one log line each gets.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CommandRunner } from '../../src/cluster/command-runner.ts';
import { reportTraffic, startTraffic, type TrafficOutcome } from '../../src/cluster/traffic.ts';
import { type Answer, RecordingLog, RecordingRunner, stepContext } from './fake-tools.ts';

const OPTIONS = { command: './replay.sh', cwd: '/work', durationMs: 60_000 };

/** The outcome of a traffic command the runner answers `answer` for, and its log line. */
async function outcomeOf(answer: Answer | CommandRunner) {
  const runner = typeof answer === 'object' && 'run' in answer ? answer : new RecordingRunner(() => answer);
  const log = new RecordingLog();
  const ctx = stepContext(runner, log);
  const running = startTraffic(ctx, OPTIONS);
  const outcome = await running.done;
  reportTraffic(ctx, outcome);
  return { outcome, log: log.entries };
}

describe('startTraffic and reportTraffic', () => {
  test('a command that finishes before the window closes: how long it ran, from its start', async () => {
    const { outcome, log } = await outcomeOf({ code: 0 });
    // The clock moves a second per reading: started at 1 s, ended at 2 s.
    assert.deepEqual(outcome, { kind: 'finished', afterMs: 1000 });
    assert.deepEqual(log, ['traffic: finished after 1.0s']);
  });

  test('a command the window closed on is stopped, not failed', async () => {
    const runner = new RecordingRunner();
    const log = new RecordingLog();
    const ctx = stepContext(runner, log);
    const running = startTraffic(ctx, OPTIONS);
    running.stop();
    const outcome: TrafficOutcome = await running.done;
    reportTraffic(ctx, outcome);
    assert.deepEqual(outcome, { kind: 'window-closed' });
    assert.deepEqual(log.entries, ['traffic: stopped when the window closed']);
    assert.equal(runner.calls[0]!.signal?.aborted, true);
  });

  test("a failure quotes the last five lines of the command's stderr, as a warning", async () => {
    const stderr = Array.from({ length: 8 }, (_, i) => `curl: attempt ${i + 1} refused`).join('\n');
    const { outcome, log } = await outcomeOf({ code: 7, stderr });
    assert.deepEqual(outcome, {
      kind: 'failed',
      detail:
        'exited with code 7:\ncurl: attempt 4 refused\ncurl: attempt 5 refused\ncurl: attempt 6 refused\n' +
        'curl: attempt 7 refused\ncurl: attempt 8 refused',
    });
    assert.equal(log.length, 1);
    assert.match(log[0]!, /^warning: the traffic command exited with code 7:\n/);
    assert.match(log[0]!, /attempt 8 refused; the reading shows only the traffic there was$/);
  });

  test('a command killed by a signal, with nothing on stderr: said so, without a dangling colon', async () => {
    const { outcome, log } = await outcomeOf({ code: null });
    assert.deepEqual(outcome, { kind: 'failed', detail: 'exited with code null (killed)' });
    assert.deepEqual(log, [
      'warning: the traffic command exited with code null (killed); the reading shows only the traffic there was',
    ]);
    const quiet = await outcomeOf({ code: 1 });
    assert.deepEqual(quiet.outcome, { kind: 'failed', detail: 'exited with code 1' });
  });

  test('sh not on PATH, or a command that cannot start: a warning with the reason', async () => {
    const missing = await outcomeOf('missing');
    assert.deepEqual(missing.outcome, { kind: 'failed', detail: 'sh is not on PATH' });
    const refused = await outcomeOf({
      run: async () => {
        throw new Error('spawn sh EACCES');
      },
    });
    assert.deepEqual(refused.outcome, { kind: 'failed', detail: 'could not start: spawn sh EACCES' });
    assert.deepEqual(refused.log, [
      'warning: the traffic command could not start: spawn sh EACCES; the reading shows only the traffic there was',
    ]);
  });
});
