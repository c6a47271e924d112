// The namespace of ClientIntents that name none: --default-namespace when given (even with -n),
// else the one namespace -n names, as `kubectl apply -n NS` would use it; else none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultNamespaceFor } from '../../src/declare/namespace-defaults.ts';

test('--default-namespace wins over -n; -n gives one only when it names exactly one', () => {
  assert.equal(defaultNamespaceFor('jobs', ['shop']), 'jobs', 'the flag, not -n');
  assert.equal(defaultNamespaceFor('jobs', []), 'jobs');
  assert.equal(defaultNamespaceFor(undefined, ['shop']), 'shop');
  assert.equal(defaultNamespaceFor(undefined, ['shop', 'web']), undefined, 'no guess between two');
  assert.equal(defaultNamespaceFor(undefined, []), undefined);
});
