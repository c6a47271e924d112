// What the API server said, as the messages of the live sources show it: a Status object's
// message and reason, the first line of a body that is not one, a network error's cause.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiException } from '@kubernetes/client-node';
import { failureOf, permissionHint, statusOf } from '../../src/observe/live/kube-errors.ts';

test('a Status body gives its message and reason; another body its first line', () => {
  const expired = JSON.stringify({
    kind: 'Status',
    status: 'Failure',
    message: 'The provided continue parameter is too old',
    reason: 'Expired',
    code: 410,
  });
  assert.deepEqual(statusOf(410, expired), {
    code: 410,
    reason: 'Expired',
    message: 'The provided continue parameter is too old',
  });
  assert.deepEqual(statusOf(502, '\n<html>Bad Gateway</html>\n<body>proxy detail</body>\n'), {
    code: 502,
    reason: undefined,
    message: '<html>Bad Gateway</html>',
  });
  assert.deepEqual(statusOf(500, '   '), { code: 500, reason: undefined, message: 'HTTP 500' });
  assert.equal(statusOf(503, 'x'.repeat(10_000)).message, 'x'.repeat(300), 'a long line is cut');
});

test("the generated client's ApiException reads as its Status", () => {
  const body = JSON.stringify({ kind: 'Status', message: 'pods is forbidden', reason: 'Forbidden' });
  assert.deepEqual(failureOf(new ApiException(403, 'Forbidden', body, {})), {
    code: 403,
    reason: 'Forbidden',
    message: 'pods is forbidden',
  });
});

test("a network error is code 0, with its cause's code and message (fetch wraps them)", () => {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });
  assert.deepEqual(failureOf(new TypeError('fetch failed', { cause })), {
    code: 0,
    reason: 'ECONNREFUSED',
    message: 'connect ECONNREFUSED 127.0.0.1:6443',
  });
  const plain = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  assert.deepEqual(failureOf(plain), { code: 0, reason: 'ECONNRESET', message: 'socket hang up' });
});

test('a missing permission names the ClusterRole to apply', () => {
  assert.equal(
    permissionHint('list', 'pods'),
    'missing permission: list pods (see rbac/intent-drift-clusterrole.yaml)',
  );
});
