// The real runner on node:child_process: output streamed by lines and kept, stdin fed, secrets
// masked wherever they could show, a missing program told apart, and timeouts that end the
// whole process group, also once `sh` itself has exited, without waiting for whoever still holds
// the output pipes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ClusterStepError, mustRun } from '../../src/cluster/cluster-step.ts';
import {
  childEnvironment,
  commandLine,
  createProcessRunner,
  maskSecrets,
  ToolMissingError,
} from '../../src/cluster/command-runner.ts';
import { processAlive as alive, endsSoon, OUTLIVING_CHILD } from './fake-tools.ts';

const node = process.execPath;

function runner(secrets: string[] = []) {
  const logged: string[] = [];
  return { logged, run: createProcessRunner({ log: (l) => logged.push(l), secrets }) };
}

describe('createProcessRunner', () => {
  test('streams each line to the log and returns code, stdout and stderr', async () => {
    const { logged, run } = runner();
    const script =
      'process.stdin.on("data", d => { process.stdout.write("got " + d + "\\nsecond"); console.error("warn"); process.exitCode = 4; })';
    const result = await run.run({ program: node, args: ['-e', script], stdin: 'input', timeoutMs: 10_000 });
    assert.deepEqual(result, { code: 4, stdout: 'got input\nsecond', stderr: 'warn\n', timedOut: false });
    assert.deepEqual(logged.slice(1).sort(), ['got input', 'second', 'warn']);
    assert.equal(logged[0], `$ ${node} -e ${script}`);
  });

  test('a character whose bytes come in two reads is kept whole, in the result and the log', async () => {
    const { logged, run } = runner();
    // The two bytes of é in two writes, far enough apart to reach the runner as two chunks.
    const script =
      'process.stdout.write(Buffer.from([0xc3])); setTimeout(() => process.stdout.write(Buffer.from([0xa9, 0x0a])), 200)';
    const result = await run.run({ program: node, args: ['-e', script], timeoutMs: 10_000 });
    assert.equal(result.stdout, 'é\n');
    assert.deepEqual(logged.slice(1), ['é']);
  });

  test('quietOutput keeps stdout (JSON read by the life cycle) out of the log, not stderr', async () => {
    const { logged, run } = runner();
    const script = 'console.log(JSON.stringify({ items: [] })); console.error("a warning")';
    const result = await run.run({
      program: node,
      args: ['-e', script],
      timeoutMs: 10_000,
      quietOutput: true,
    });
    assert.equal(result.stdout, '{"items":[]}\n');
    assert.deepEqual(logged.slice(1), ['a warning']);
  });

  test('never shows an env value or a given secret: masked in the log, the output and failures', async () => {
    const { logged, run } = runner(['ghs_the-installation-token']);
    const command = {
      program: node,
      args: [
        '-e',
        'console.error("token=" + process.env.KIND_TOKEN + " gh=ghs_the-installation-token"); process.exit(1)',
      ],
      env: { KIND_TOKEN: 's3cr3t-value' },
      timeoutMs: 10_000,
    };
    const result = await run.run(command);
    assert.equal(result.stderr, 'token=*** gh=***\n');
    assert.ok(
      logged.every((l) => !l.includes('s3cr3t-value') && !l.includes('ghs_the')),
      logged.join('\n'),
    );
    const err = await mustRun({ runner: run, log: silentLog, now: Date.now }, 'helm', command).catch(
      (e) => e,
    );
    assert.ok(err instanceof ClusterStepError);
    assert.ok(!err.message.includes('s3cr3t-value') && err.message.includes('token=***'), err.message);
  });

  test('children do not inherit the action’s inputs or the runner’s tokens', () => {
    const env = childEnvironment({
      PATH: '/usr/bin',
      'INPUT_GITHUB-TOKEN': 'ghs_x',
      ACTIONS_RUNTIME_TOKEN: 'rt',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x',
      KUBECONFIG: '/k',
    });
    assert.deepEqual(env, { PATH: '/usr/bin', KUBECONFIG: '/k' });
  });

  test('a program not on PATH rejects with ToolMissingError', async () => {
    const { run } = runner();
    const err = await run
      .run({ program: 'intent-drift-no-such-tool', args: [], timeoutMs: 10_000 })
      .catch((e: unknown) => e);
    assert.ok(err instanceof ToolMissingError);
    assert.equal(err.message, 'intent-drift-no-such-tool is not on PATH');
  });

  test('a timeout ends the command and what it started', async () => {
    const { run } = runner();
    const started = Date.now();
    const result = await run.run({ program: 'sh', args: ['-c', 'sleep 30 & wait'], timeoutMs: 200 });
    assert.equal(result.timedOut, true);
    assert.equal(result.code, null);
    assert.ok(Date.now() - started < 5000);
  });

  test('an abort signal ends it too', async () => {
    const { run } = runner();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await run.run({
      program: 'sh',
      args: ['-c', 'sleep 30'],
      signal: controller.signal,
      timeoutMs: 60_000,
    });
    assert.equal(result.timedOut, true);
  });
});

/** `sh -c` printing the pid of its background child, then exiting while the child runs on. */
const BACKGROUND = 'sleep 60 & echo $!';

describe('what sh left running when it exited', () => {
  // Each would wait for the 60 s sleep before the fix: the test's own timeout is the bound.
  const bound = { timeout: 30_000 };

  test('the timeout ends it, though sh exited 0 before', bound, async () => {
    const { run } = runner();
    const result = await run.run({ program: 'sh', args: ['-c', BACKGROUND], timeoutMs: 300 });
    const pid = Number(result.stdout.trim());
    assert.ok(pid > 0, result.stdout);
    assert.ok(await endsSoon(pid), 'the background sleep was ended, not waited for');
    assert.equal(result.timedOut, true);
    assert.equal(result.code, 0, "sh's own exit code");
  });

  test('an abort ends it too, and says so', bound, async () => {
    const controller = new AbortController();
    let pid = 0;
    const run = createProcessRunner({
      log: (line) => {
        if (/^\d+$/.test(line)) {
          pid = Number(line);
          controller.abort();
        }
      },
    });
    const result = await run.run({
      program: 'sh',
      args: ['-c', OUTLIVING_CHILD],
      signal: controller.signal,
      timeoutMs: 60_000,
    });
    assert.ok(pid > 0);
    assert.ok(await endsSoon(pid));
    assert.equal(result.timedOut, true);
    assert.equal(result.code, 0);
  });

  test('a process that left the group and holds the output is not waited for', bound, async () => {
    const { run } = runner();
    const result = await run.run({
      program: 'sh',
      args: ['-c', 'setsid sleep 60 & echo $!'],
      timeoutMs: 300,
    });
    const pid = Number(result.stdout.trim());
    try {
      assert.ok(pid > 0, result.stdout);
      // Settled before that child's own end: it still runs, out of the group's reach.
      assert.equal(alive(pid), true);
      assert.equal(result.timedOut, true);
    } finally {
      if (pid > 0) process.kill(pid, 'SIGKILL');
    }
  });

  test('without a deadline the call waits for the output, then settles', async () => {
    const { run } = runner();
    const result = await run.run({
      program: 'sh',
      args: ['-c', '(sleep 0.2; echo late) & echo early'],
      timeoutMs: 30_000,
    });
    assert.deepEqual(result, { code: 0, stdout: 'early\nlate\n', stderr: '', timedOut: false });
  });
});

describe('what the log shows of a command', () => {
  test('quiet arguments stay out of the log', () => {
    assert.equal(
      commandLine({ program: 'sh', args: ['-c', 'curl -H "x: token"'], quietArgs: true, timeoutMs: 1 }),
      '$ sh (arguments not shown)',
    );
    assert.equal(
      commandLine({ program: 'kind', args: ['delete', 'cluster'], timeoutMs: 1 }),
      '$ kind delete cluster',
    );
  });

  test('maskSecrets leaves secrets too short to be told from words', () => {
    assert.equal(maskSecrets('a abc abcd abcde', ['abc', 'abcde']), 'a abc abcd ***');
  });
});

const silentLog = { info() {}, warning() {}, startGroup() {}, endGroup() {} };
