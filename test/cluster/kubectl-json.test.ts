// `kubectl get ... --output json` read by the life cycle: only a JSON object is taken, anything
// else fails the step with one line naming the get, and a List's items are its objects only.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ClusterStepError } from '../../src/cluster/cluster-step.ts';
import { itemsOf, readJson } from '../../src/cluster/kubectl-json.ts';
import { RecordingLog, RecordingRunner, stepContext } from './fake-tools.ts';

async function read(stdout: string) {
  const runner = new RecordingRunner(() => ({ stdout }));
  const ctx = stepContext(runner, new RecordingLog());
  const value = await readJson(ctx, 'Istio', ['get', 'deployments', '--all-namespaces']).catch(
    (e: unknown) => e,
  );
  return { value, runner };
}

describe('readJson', () => {
  test('asks for JSON, kept out of the log, and answers the object', async () => {
    const { value, runner } = await read('{"kind": "List", "items": []}');
    assert.deepEqual(value, { kind: 'List', items: [] });
    assert.deepEqual(runner.lines(), ['kubectl get deployments --all-namespaces --output json']);
    assert.equal(runner.calls[0]!.readOutput, true);
  });

  test('a List of several MiB is read whole, not the tail a log keeps', async () => {
    const items = Array.from({ length: 400 }, (_, i) => ({
      metadata: { name: `d${i}`, annotations: { a: 'v'.repeat(8000) } },
    }));
    const { value } = await read(JSON.stringify({ kind: 'List', items }, null, 2));
    assert.equal(itemsOf(value as Record<string, unknown>).length, 400);
  });

  test('null, an array, a number or text that is not JSON fails the step, naming the get', async () => {
    for (const stdout of ['null', '[{"kind": "Deployment"}]', '3', 'error: the server is gone', '']) {
      const { value } = await read(stdout);
      assert.ok(value instanceof ClusterStepError, `${stdout}: ${String(value)}`);
      assert.equal(value.message, 'Istio failed: kubectl get deployments did not write a JSON object');
    }
  });
});

describe('itemsOf', () => {
  test("a List's items that are objects; none when items is missing or not an array", () => {
    assert.deepEqual(itemsOf({ items: [{ a: 1 }, null, 'x', 2, { b: 2 }] }), [{ a: 1 }, { b: 2 }]);
    assert.deepEqual(itemsOf({ items: { a: 1 } }), []);
    assert.deepEqual(itemsOf({ items: 'x' }), []);
    assert.deepEqual(itemsOf({}), []);
  });
});
