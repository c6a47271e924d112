// The pool that reads pods, owners and Prometheus parts: at most `limit` at once, each item once,
// results in input order; and the wait of --window, cut short when the run is stopped.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setImmediate } from 'node:timers/promises';
import { delay, mapPool } from '../../src/observe/live/pool.ts';

/** A task whose every call waits until `release(i)`; `started` lists the calls begun. */
function gatedTask() {
  const started: number[] = [];
  const gates = new Map<number, () => void>();
  const task = (item: string, i: number) => {
    started.push(i);
    return new Promise<string>((resolve) => gates.set(i, () => resolve(item.toUpperCase())));
  };
  return { started, task, release: (i: number) => gates.get(i)!() };
}

describe('mapPool', () => {
  test('runs `limit` tasks at once, never more, and answers in input order', async () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const { started, task, release } = gatedTask();
    const all = mapPool(items, 2, task);
    assert.deepEqual(started, [0, 1], 'two at once from the start');
    release(1);
    await setImmediate();
    assert.deepEqual(started, [0, 1, 2], 'one more when one ends');
    for (const i of [2, 0, 3, 4]) {
      release(i);
      await setImmediate();
    }
    assert.deepEqual(await all, ['A', 'B', 'C', 'D', 'E']);
    assert.deepEqual(started, [0, 1, 2, 3, 4]);
  });

  test('fewer items than the limit: each item once', async () => {
    const { started, task, release } = gatedTask();
    const all = mapPool(['x'], 8, task);
    release(0);
    assert.deepEqual(await all, ['X']);
    assert.deepEqual(started, [0]);
  });
});

describe('delay', () => {
  test('ends as soon as the signal aborts, and at once when it has aborted already', async () => {
    const controller = new AbortController();
    let ended = false;
    const waiting = delay(10_000, controller.signal).then(() => {
      ended = true;
    });
    await setImmediate();
    assert.equal(ended, false);
    controller.abort();
    await setImmediate();
    assert.equal(ended, true, 'the abort ends the wait');
    await waiting;
    let endedAborted = false;
    const aborted = delay(10_000, controller.signal).then(() => {
      endedAborted = true;
    });
    await setImmediate();
    assert.equal(endedAborted, true, 'an aborted signal does not wait');
    await aborted;
  });
});
