// The process runner's limits, each on the real node:child_process: a signal aborted before the
// call, a program deaf to SIGTERM, what is left running with its output sent elsewhere, a
// finished call's deadline that must not hold the process, the output kept (its tail, bounded),
// the secrets masked in it, the environment children get, and a program that exits without
// reading a large stdin.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import { failureDetail } from '../../src/cluster/cluster-step.ts';
import { createProcessRunner, maskSecrets } from '../../src/cluster/command-runner.ts';
import { endsSoon, processAlive } from './fake-tools.ts';

const node = process.execPath;
const bound = { timeout: 30_000 };

function runner(options: { secrets?: string[]; env?: NodeJS.ProcessEnv } = {}) {
  const logged: string[] = [];
  return { logged, run: createProcessRunner({ log: (l) => logged.push(l), ...options }) };
}

describe('the deadline', () => {
  test('a signal aborted before the call ends the command at once', bound, async () => {
    const { run } = runner();
    const controller = new AbortController();
    controller.abort();
    const started = Date.now();
    const result = await run.run({
      program: 'sh',
      args: ['-c', 'sleep 30'],
      signal: controller.signal,
      timeoutMs: 60_000,
    });
    assert.equal(result.timedOut, true);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });

  test('a program that ignores SIGTERM is killed after the grace period', bound, async () => {
    const { run } = runner();
    // The background sleep inherits the ignored SIGTERM; only SIGKILL ends it.
    const result = await run.run({
      program: 'sh',
      args: ['-c', "trap '' TERM; sleep 60 & echo $!; wait"],
      timeoutMs: 300,
    });
    const pid = Number(result.stdout.trim());
    try {
      assert.ok(pid > 0, result.stdout);
      assert.equal(result.timedOut, true);
      assert.ok(await endsSoon(pid), 'the sleep deaf to SIGTERM was killed');
    } finally {
      if (pid > 0 && processAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  test('what sh left running with its output elsewhere still ends at the deadline', bound, async () => {
    const { run } = runner();
    const result = await run.run({
      program: 'sh',
      args: ['-c', 'sleep 60 >/dev/null 2>&1 & echo $!'],
      timeoutMs: 500,
    });
    const pid = Number(result.stdout.trim());
    try {
      assert.ok(pid > 0, result.stdout);
      // Settled when sh exited and the pipes closed: nothing holds them.
      assert.equal(result.timedOut, false);
      assert.equal(result.code, 0);
      assert.ok(await endsSoon(pid), 'the background sleep was ended at the deadline');
    } finally {
      if (pid > 0 && processAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  test("a finished command's deadline does not keep the process alive", bound, () => {
    const module = path.resolve(import.meta.dirname, '../../src/cluster/command-runner.ts');
    const script =
      `import { createProcessRunner } from ${JSON.stringify(module)};\n` +
      "const r = await createProcessRunner({ log() {} }).run({ program: 'true', args: [], timeoutMs: 600000 });\n" +
      'console.log(r.code);\n';
    const started = Date.now();
    const out = execFileSync(node, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(out, '0\n');
    assert.ok(Date.now() - started < 15_000, `exited after ${Date.now() - started} ms`);
  });
});

describe('the output', () => {
  test('keeps the last 256 KiB of a long output, where the error is', bound, async () => {
    const { run } = runner();
    const script = 'process.stdout.write(("a".repeat(1023) + "\\n").repeat(1024) + "the error")';
    const result = await run.run({
      program: node,
      args: ['-e', script],
      timeoutMs: 20_000,
      quietOutput: true,
    });
    assert.equal(result.code, 0);
    assert.equal(result.stdout.length, 256 * 1024);
    assert.ok(result.stdout.endsWith('a\nthe error'));
  });

  test(
    'a line of 48 MiB keeps its first and last 32 Ki characters and says how many it left out',
    bound,
    async () => {
      const { logged, run } = runner();
      // Written in 1 MiB pieces without a newline, then the error at the end of the line.
      const script =
        'const a = "a".repeat(1 << 20); let n = 0;' +
        'const more = () => { while (n < 48) { n++; if (!process.stdout.write(a)) return process.stdout.once("drain", more); }' +
        ' process.stdout.write("the error\\r\\nnext\\n"); }; more();';
      const result = await run.run({ program: node, args: ['-e', script], timeoutMs: 60_000 });
      assert.equal(result.code, 0);
      // The last 32 Ki characters held the line's `\r`, its ending's, not shown as text.
      const tail = `${'a'.repeat(32 * 1024 - 10)}the error`;
      const notShown = 48 * 1024 * 1024 + 'the error'.length - 32 * 1024 - tail.length;
      const line = `${'a'.repeat(32 * 1024)} ... (${notShown} characters not shown) ... ${tail}`;
      const same = (a: string, b: string) =>
        assert.ok(a === b, `${a.length}: ${a.slice(32 * 1024 - 5, 32 * 1024 + 60)}`);
      assert.equal(logged.length, 3);
      same(logged[1]!, line);
      assert.equal(logged[2], 'next');
      same(result.stdout, `${line}\r\nnext\n`);
    },
  );

  test('output read as data is kept whole, not its tail, and kept out of the log', bound, async () => {
    const { logged, run } = runner();
    // One line of JSON (a ConfigMap's data is one escaped string) of 1 MiB.
    const script = 'process.stdout.write(JSON.stringify({ data: { mesh: "m".repeat(1 << 20) } }))';
    const result = await run.run({
      program: node,
      args: ['-e', script],
      timeoutMs: 20_000,
      readOutput: true,
    });
    assert.equal(result.code, 0);
    assert.equal(result.outputTooLarge, undefined);
    assert.equal((JSON.parse(result.stdout) as { data: { mesh: string } }).data.mesh.length, 1 << 20);
    assert.equal(logged.length, 1, 'the command line only');
  });

  test('output read as data past 16 MiB ends the command, and the step says so', bound, async () => {
    const { run } = runner();
    const script =
      'const a = "x".repeat(1 << 20); const more = () => { while (process.stdout.write(a)); process.stdout.once("drain", more); }; more();';
    const started = Date.now();
    const command = { program: node, args: ['-e', script], timeoutMs: 60_000, readOutput: true };
    const result = await run.run(command);
    assert.equal(result.outputTooLarge, true);
    assert.equal(result.timedOut, false);
    assert.equal(result.stdout, '');
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
    assert.match(failureDetail(command, result), /wrote more than 16 MiB, more than is read, and was ended$/);
  });

  test('a secret printed on stdout is masked in the result too', async () => {
    const { logged, run } = runner({ secrets: ['ghs_given'] });
    const result = await run.run({
      program: node,
      args: ['-e', 'console.log(process.env.TOKEN + " " + "ghs_" + "given")'],
      env: { TOKEN: 'env-secret-value' },
      timeoutMs: 10_000,
    });
    assert.equal(result.stdout, '*** ***\n');
    assert.deepEqual(logged.slice(1), ['*** ***']);
  });

  test('a secret the 256 KiB cut falls inside is masked: no end of it is kept', bound, async () => {
    const secret = `ghs_${'T'.repeat(20)}${'E'.repeat(16)}`;
    const { logged, run } = runner({ secrets: [secret] });
    // After the line with the token, lines that leave 24 characters of it inside the kept tail.
    // 256 KiB - 25 characters of filler, in lines shorter than a logged line's limit.
    const filler = `"x".repeat(998) + "\\n" + ("x".repeat(1023) + "\\n").repeat(255)`;
    const script = `console.log("token " + process.env.T); process.stdout.write(${filler})`;
    const result = await run.run({
      program: node,
      args: ['-e', script],
      env: { T: secret },
      timeoutMs: 20_000,
      quietOutput: true,
    });
    assert.equal(result.code, 0);
    assert.equal(logged.length, 1, 'quiet output is not logged');
    assert.ok(!result.stdout.includes('TTT') && !result.stdout.includes('EEEE'), result.stdout.slice(0, 40));
    assert.ok(result.stdout.endsWith('xxx\n'));
    assert.ok(result.stdout.length <= 256 * 1024);
  });

  test('a secret on two lines (a certificate in env) is masked in the log and in the result', async () => {
    const { logged, run } = runner();
    const result = await run.run({
      program: node,
      args: ['-e', 'console.log("cert:"); console.log(process.env.CERT); console.error(process.env.CERT)'],
      env: { CERT: 'BEGIN-first-half\nsecond-half-END' },
      timeoutMs: 10_000,
    });
    assert.equal(result.stdout, 'cert:\n***\n***\n');
    assert.equal(result.stderr, '***\n***\n');
    const shown = logged.slice(1).join('\n');
    assert.ok(!shown.includes('half'), shown);
  });

  test('a secret of exactly four characters is masked', () => {
    assert.equal(maskSecrets('key=abcd', ['abcd']), 'key=***');
  });
});

describe('what the command gets', () => {
  test("children get the runner's environment without the action's inputs and tokens", async () => {
    const { run } = runner({
      env: { PATH: process.env.PATH, 'INPUT_GITHUB-TOKEN': 'ghs_x', ACTIONS_RUNTIME_TOKEN: 'rt', KEEP: 'k' },
    });
    const result = await run.run({
      program: node,
      args: ['-e', 'console.log(Object.keys(process.env).sort().join(","))'],
      env: { ADDED: 'a' },
      timeoutMs: 10_000,
    });
    assert.equal(result.stdout, 'ADDED,KEEP,PATH\n');
  });

  test('a program that exits without reading a large stdin is an exit code, not a crash', bound, async () => {
    const { run } = runner();
    const result = await run.run({
      program: 'sh',
      args: ['-c', 'exit 3'],
      stdin: 'x'.repeat(8 * 1024 * 1024),
      timeoutMs: 10_000,
    });
    assert.equal(result.code, 3);
    assert.equal(result.timedOut, false);
  });
});
