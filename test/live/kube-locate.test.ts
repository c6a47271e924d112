// Whether a kubeconfig would be found, as kubectl looks: $KUBECONFIG's first file, else
// ~/.kube/config (HOME, or USERPROFILE on Windows), else the in-cluster service account.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { findKubeconfig } from '../../src/observe/live/kube-locate.ts';

const TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

test('$KUBECONFIG names a list: its first file is used, empty entries skipped', () => {
  const none = () => false;
  const list = ['', '/first', '/second'].join(path.delimiter);
  assert.equal(findKubeconfig({ KUBECONFIG: list }, none), '/first');
});

test('~/.kube/config from HOME, or from USERPROFILE where HOME is not set', () => {
  const home = path.join('/users', 'me');
  const file = path.join(home, '.kube', 'config');
  const exists = (f: string) => f === file;
  assert.equal(findKubeconfig({ HOME: home }, exists), file);
  assert.equal(findKubeconfig({ USERPROFILE: home }, exists), file);
  assert.equal(findKubeconfig({ HOME: '/elsewhere' }, exists), undefined);
});

test('in a pod: the service account, only with both the service host and the token', () => {
  const token = (f: string) => f === TOKEN;
  assert.equal(
    findKubeconfig({ KUBERNETES_SERVICE_HOST: '10.0.0.1' }, token),
    'the in-cluster service account',
  );
  assert.equal(
    findKubeconfig({ KUBERNETES_SERVICE_HOST: '10.0.0.1' }, () => false),
    undefined,
  );
  assert.equal(findKubeconfig({}, token), undefined);
});
