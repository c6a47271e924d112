// Where a reviewer adds a missing call (src/diff/intents-homes.ts): in the client's first
// ClientIntents document, the target naming the call's server (its workload first, else the
// Service the caller used), else the document's list of targets.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { intentsFileFor, intentsHomes } from '../../src/diff/intents-homes.ts';
import type { DeclaredIntents, DeclaredRule } from '../../src/model.ts';
import { call, NS, rule } from './builders.ts';

const FILE = 'intents/web.yaml';
/** A rule of web's target at `targetLine`. */
const target = (server: string, targetLine: number, spec: Parameters<typeof rule>[4] = {}): DeclaredRule => ({
  ...rule('web', server, 'GET', '/a', { file: FILE, ...spec }),
  targetLine,
});
const document = (file: string, targetsLine: number): DeclaredIntents['documents'][number] => ({
  client: { name: 'web', namespace: NS },
  apiVersion: 'k8s.otterize.com/v2beta1',
  file,
  line: 1,
  targetsLine,
});
/** Where intentsFileFor sends a call of web to `server`. */
function placeOf(declared: DeclaredIntents, server: string, spec: Parameters<typeof call>[4] = {}) {
  const home = intentsHomes(declared).of({ name: 'web', namespace: NS });
  assert.ok(home);
  return intentsFileFor(home, call('web', server, 'GET', '/b', spec).server);
}

describe('intentsFileFor', () => {
  test("a client's first document is its home; another document's targets are not in it", () => {
    // Two documents for web (a Deployment and a StatefulSet of that name, say), in two files.
    const declared: DeclaredIntents = {
      rules: [target('orders', 7), target('payments', 9, { file: 'intents/web-statefulset.yaml' })],
      documents: [document(FILE, 6), document('intents/web-statefulset.yaml', 8)],
      warnings: [],
    };
    assert.deepEqual(placeOf(declared, 'orders'), { file: FILE, line: 7 });
    assert.deepEqual(placeOf(declared, 'payments'), { file: FILE, line: 6 }, 'the list, in the home file');
  });

  test("a Deployment's and a StatefulSet's ClientIntents of one name: each kind's call goes into its own", () => {
    // One file, two documents (the webhook keys a workload by name and kind): the Deployment's
    // targets orders at line 7, the StatefulSet's payments at line 17.
    const withKind = (kind: string, line: number, targetsLine: number) => ({
      ...document(FILE, targetsLine),
      client: { name: 'web', namespace: NS, kind },
      line,
    });
    const declared: DeclaredIntents = {
      rules: [target('orders', 7, { kind: 'Deployment' }), target('payments', 17, { kind: 'StatefulSet' })],
      documents: [withKind('Deployment', 1, 6), withKind('StatefulSet', 11, 16)],
      warnings: [],
    };
    const homes = intentsHomes(declared);
    const placeFor = (kind: string | undefined, server: string) => {
      const spec = kind === undefined ? {} : { kind };
      const home = homes.of(call('web', server, 'GET', '/b', spec).client);
      assert.ok(home);
      return intentsFileFor(home, call('web', server, 'GET', '/b', spec).server);
    };
    assert.deepEqual(placeFor('StatefulSet', 'payments'), { file: FILE, line: 17 });
    assert.deepEqual(placeFor('StatefulSet', 'orders'), { file: FILE, line: 16 }, "the StatefulSet's list");
    assert.deepEqual(placeFor('Deployment', 'orders'), { file: FILE, line: 7 });
    assert.deepEqual(placeFor('Deployment', 'payments'), { file: FILE, line: 6 }, "the Deployment's list");
    // Kind unknown (metrics without --workloads): the first document.
    assert.deepEqual(placeFor(undefined, 'orders'), { file: FILE, line: 7 });
    // A DaemonSet of that name has no ClientIntents: no place in another kind's.
    assert.equal(homes.of({ name: 'web', namespace: NS, kind: 'DaemonSet' }), undefined);
  });

  test("the workload's target before a target naming the Service of the same name", () => {
    const declared: DeclaredIntents = {
      rules: [target('orders', 7, { targetType: 'service' }), target('orders', 11)],
      documents: [document(FILE, 6)],
      warnings: [],
    };
    assert.deepEqual(placeOf(declared, 'orders', { service: 'orders' }), { file: FILE, line: 11 });
  });

  test('a server declared only by the Service the caller used: at that target', () => {
    const declared: DeclaredIntents = {
      rules: [target('nginx-service', 7, { targetType: 'service' })],
      documents: [document(FILE, 6)],
      warnings: [],
    };
    assert.deepEqual(placeOf(declared, 'nginx', { service: 'nginx-service' }), { file: FILE, line: 7 });
  });

  test("a target naming a server of that name in another namespace is not the call's", () => {
    const declared: DeclaredIntents = {
      rules: [target('orders.other', 7)],
      documents: [document(FILE, 6)],
      warnings: [],
    };
    assert.deepEqual(placeOf(declared, 'orders'), { file: FILE, line: 6 });
  });

  test('two targets written on one line (flow style) are two targets', () => {
    const declared: DeclaredIntents = {
      rules: [target('orders', 7), target('users', 7)],
      documents: [document(FILE, 6)],
      warnings: [],
    };
    assert.deepEqual(placeOf(declared, 'users'), { file: FILE, line: 7 });
  });
});
