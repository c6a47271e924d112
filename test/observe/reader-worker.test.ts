// Running a reader on a worker thread (reader-worker.ts), with small worker scripts given as
// data: URLs: its answer, its error, an exit without an answer, an abort, its heap limits.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { errorReply, replyError, runReaderWorker, workerScript } from '../../src/observe/reader-worker.ts';

const script = (body: string) =>
  new URL(
    `data:text/javascript,${encodeURIComponent(`import { parentPort, workerData, resourceLimits } from 'node:worker_threads';\n${body}`)}`,
  );

/** The promise, or a rejection when it has not settled within `ms`: a test that fails, never one that hangs. */
async function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('runReaderWorker', () => {
  test('the part and extra the worker posts; the thread id told when it starts', async () => {
    const threads: number[] = [];
    const got = await runReaderWorker<number>(
      script('parentPort.postMessage({ part: workerData, extra: 7 });'),
      { a: 1 },
      {
        what: 'reading',
        onWorker: (id) => threads.push(id),
      },
    );
    assert.deepEqual(got, { part: { a: 1 }, extra: 7 });
    assert.equal(threads.length, 1);
    assert.ok(threads[0]! > 0);
  });

  test('the heap limits go to the worker', async () => {
    const got = await runReaderWorker<{ maxYoungGenerationSizeMb: number }>(
      script('parentPort.postMessage({ part: {}, extra: resourceLimits });'),
      null,
      { what: 'reading', resourceLimits: { maxYoungGenerationSizeMb: 24 } },
    );
    assert.equal(got.extra.maxYoungGenerationSizeMb, 24);
  });

  test('a worker that throws: its error', async () => {
    await assert.rejects(
      within(runReaderWorker(script("throw new Error('boom in the worker');"), null, { what: 'reading' })),
      /boom in the worker/,
    );
  });

  test('a worker that exits without an answer: an error naming what it did and its exit code', async () => {
    await assert.rejects(
      within(runReaderWorker(script('process.exit(3);'), null, { what: 'reading the metrics' })),
      (err: Error) => {
        assert.equal(err.message, 'reading the metrics stopped (exit code 3) without an answer');
        return true;
      },
    );
  });

  test("an abort rejects with the signal's reason", async () => {
    const stop = new AbortController();
    const reason = new Error('stopped by the caller');
    const run = runReaderWorker(script('setInterval(() => {}, 1000);'), null, {
      what: 'reading',
      signal: stop.signal,
    });
    setTimeout(() => stop.abort(reason), 50);
    await assert.rejects(within(run), (err) => err === reason);
  });
});

describe('worker replies', () => {
  test("a failure other than an InputError: what failed, and the error's stack", () => {
    const err = new TypeError('x is not a function');
    const got = replyError(structuredClone(errorReply(err)), 'reading Prometheus');
    assert.ok(!(got instanceof InputError));
    assert.ok(
      got.message.startsWith('reading Prometheus failed: TypeError: x is not a function\n    at '),
      got.message,
    );
    assert.equal(replyError(errorReply('a string'), 'reading').message, 'reading failed: a string');
  });

  test('a worker script that is not there is undefined', () => {
    assert.equal(workerScript('./no-such-worker.ts', 'no-such-worker'), undefined);
    assert.ok(workerScript('./reader-worker.ts', 'reader-worker') instanceof URL);
  });
});
