// The progress of a live read on stderr: redrawn in place on a terminal, one summary line in a log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressLine, withProgress } from '../../src/cli/progress.ts';

const io = (stderrIsTTY: boolean) => {
  const io = {
    cwd: '/',
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY,
    stderr: '',
    write: () => {},
    writeError: (text: string) => {
      io.stderr += text;
    },
  };
  return io;
};

test('a log gets one summary line and no carriage return', () => {
  let out = '';
  const line = progressLine((t) => {
    out += t;
  }, false);
  line.listener({ reading: 'first', done: 1, total: 3 });
  line.listener({ reading: 'second', done: 3, total: 3 });
  line.finish();
  assert.match(out, /^read 3\/3 meshed pods in [\d.]+s\n$/);
});

test('a terminal gets each phase redrawn in place, then the line cleared for the summary', () => {
  let out = '';
  const line = progressLine((t) => {
    out += t;
  }, true);
  line.listener({ reading: 'first', done: 1, total: 2 });
  line.listener({ reading: 'waiting', done: 2, total: 2 });
  line.listener({ reading: 'second', done: 2, total: 2 });
  line.finish();
  const parts = out.split('\r\x1b[K');
  assert.deepEqual(parts.slice(0, 4), [
    '',
    'first reading: 1/2 pods',
    'waiting for traffic: 2/2 pods',
    'second reading: 2/2 pods',
  ]);
  assert.match(parts[4]!, /^read 2\/2 meshed pods in [\d.]+s\n$/);
});

test('a read that fails still ends the progress line before the error is printed', async () => {
  const tty = io(true);
  await assert.rejects(
    withProgress(tty, async (listener) => {
      listener({ reading: 'single', done: 1, total: 4 });
      throw new Error('unreachable');
    }),
    /unreachable/,
  );
  const parts = tty.stderr.split('\r\x1b[K');
  assert.deepEqual(parts.slice(0, 2), ['', 'reading sidecars: 1/4 pods']);
  assert.match(parts[2]!, /^read 1\/4 meshed pods in [\d.]+s\n$/);
  assert.equal(parts.length, 3);
});

test('a source that reports no progress (files) prints nothing', async () => {
  const log = io(true);
  assert.equal(await withProgress(log, async () => 7), 7);
  assert.equal(log.stderr, '');
});
