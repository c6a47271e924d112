// The comment shows the suggested patch only when it fits a third of the comment; the CLI knows a
// patch cannot fit from a lower bound of its size, without parsing, editing and diffing every
// intents file. Here the bound is checked against the patch really made, and the shortcut is seen
// from the outside.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { patchLowerBound, planIntentsEdit } from '../../src/declare/intents-edit-plan.ts';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import type { Drift, ObservedCall } from '../../src/model.ts';
import { runCli } from '../cli/run-cli.ts';
import { call, NS, observedMap } from '../diff/builders.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

async function demoIntents(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-bound-'));
  await cp(path.join(root, 'fixtures', 'demo', 'intents'), path.join(dir, 'intents'), { recursive: true });
  return dir;
}

/**
 * Beside the demo's: intents kept as JSON, which the editor never edits: the bound must not
 * count their client's calls. (A document without a targets list is refused when read.)
 */
async function intentsWithSkippedClients(): Promise<string> {
  const dir = await demoIntents();
  const json = {
    apiVersion: 'k8s.otterize.com/v2beta1',
    kind: 'ClientIntents',
    metadata: { name: 'exported', namespace: NS },
    spec: {
      workload: { name: 'exported' },
      targets: [{ kubernetes: { name: 'nginx', http: [{ path: '/e', methods: ['GET'] }] } }],
    },
  };
  await writeFile(path.join(dir, 'intents', 'exported.json'), `${JSON.stringify(json, null, 2)}\n`);
  // YAML anchors and aliases: the editor leaves these intents alone too.
  await writeFile(
    path.join(dir, 'intents', 'anchored.yaml'),
    `apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: anchored
  namespace: ${NS}
spec:
  workload:
    name: anchored
  targets:
    - kubernetes:
        name: nginx
        http:
          - path: /e
            methods: &read [GET]
          - path: /f
            methods: *read
`,
  );
  return dir;
}

/** A call the builder cannot write: a server whose name holds a dot (the operator cannot name it). */
function dottedServerCall(client: string): ObservedCall {
  const c = call(client, 'nginx', 'GET', '/a');
  return { ...c, server: { name: 'api.v2', namespace: NS } };
}

describe('the suggested patch’s lower bound', () => {
  test('is never more than the patch made, for any missing calls of declared and new clients', async () => {
    const dir = await demoIntents();
    const declared = await loadIntents(['intents'], { cwd: dir });
    const calls = fc.array(
      fc.tuple(
        fc.constantFrom('client', 'client2', 'newcomer'),
        fc.constantFrom('nginx', 'orders', 'users.other'),
        fc.constantFrom('GET', 'POST', 'DELETE'),
        fc.constantFrom('/a', '/client-path', '/users/8812', '/x/y/z'),
      ),
      { minLength: 1, maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(calls, async (tuples) => {
        const observed = observedMap(tuples.map(([c, s, m, p]) => call(c, s, m, p)));
        const drift = computeDrift(observed, declared);
        const { patch } = await planIntentsEdit(dir, declared, drift, false);
        assert.ok(
          patchLowerBound(drift, declared) <= patch.length,
          `${patchLowerBound(drift, declared)} > ${patch.length}`,
        );
      }),
      { numRuns: 60 },
    );
  });

  test('stops counting once past the room it is given: still a lower bound, and above that room', async () => {
    const dir = await demoIntents();
    const declared = await loadIntents(['intents'], { cwd: dir });
    const paths = Array.from({ length: 400 }, (_, i) => `/items/page-${i}`);
    const drift = computeDrift(observedMap(paths.map((p) => call('client', 'nginx', 'GET', p))), declared);
    const whole = patchLowerBound(drift, declared);
    assert.ok(whole > 400 * 9, `${whole}`);
    for (const enough of [0, 9, 100, 1000, whole - 1]) {
      const bound = patchLowerBound(drift, declared, enough);
      assert.ok(bound > enough && bound <= whole, `enough ${enough}: ${bound} against ${whole}`);
      // Stopped early: at most one call past the room (9 characters, or a file's lines).
      assert.ok(bound < enough + 9 + 100, `enough ${enough}: counted on to ${bound}`);
    }
    assert.equal(patchLowerBound(drift, declared, whole), whole);
    assert.equal(patchLowerBound(drift, declared, whole + 1), whole);
  });

  test('counts no call the editor skips: JSON intents, anchors, unsafe characters, unnameable servers, no HTTP detail', async () => {
    const dir = await intentsWithSkippedClients();
    const declared = await loadIntents(['intents'], { cwd: dir });
    const calls = fc.array(
      fc.oneof(
        fc
          .tuple(
            fc.constantFrom('client', 'client2', 'newcomer', 'exported', 'anchored'),
            fc.constantFrom('nginx', 'orders'),
            fc.constantFrom<[string | null, string | null]>(
              ['GET', '/a'],
              ['POST', '/users/8812'],
              ['GET', '/a\u202eb'],
              ['G\u200bET', '/a'],
              [null, null],
            ),
          )
          .map(([c, s, [m, p]]) => call(c, s, m, p)),
        fc.constantFrom('client', 'newcomer').map(dottedServerCall),
      ),
      { minLength: 1, maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(calls, async (observedCalls) => {
        const drift = computeDrift(observedMap(observedCalls), declared);
        const { patch } = await planIntentsEdit(dir, declared, drift, false);
        assert.ok(
          patchLowerBound(drift, declared) <= patch.length,
          `${patchLowerBound(drift, declared)} > ${patch.length}`,
        );
      }),
      { numRuns: 80 },
    );
  });

  test('check --format markdown: calls the editor would skip do not make the patch "too long"', async () => {
    const dir = await intentsWithSkippedClients();
    // 3,000 servers the JSON-declared client calls: 3,000 rules the bound once counted, none written.
    const series = Array.from({ length: 3000 }, (_, i) =>
      [
        `istio_requests_total{reporter="source",source_workload="exported",source_workload_namespace="${NS}",`,
        `destination_workload="srv${i}",destination_workload_namespace="${NS}",`,
        'request_protocol="http",request_method="GET",request_path="/items",response_code="200"} 3',
      ].join(''),
    );
    await writeFile(path.join(dir, 'm.prom'), `${series.join('\n')}\n`);
    const run = await runCli(
      ['check', '--format', 'markdown', '--metrics', 'm.prom', '--intents', 'intents'],
      {
        cwd: dir,
      },
    );
    assert.equal(run.code, 1, run.stderr);
    assert.doesNotMatch(run.stdout, /suggested patch is too long/);
  });

  test('check --format markdown: a drift whose patch cannot fit gets the note, not the patch', async () => {
    const dir = await demoIntents();
    const series = Array.from({ length: 3000 }, (_, i) =>
      [
        'istio_requests_total{reporter="source",source_workload="client2",source_workload_namespace="otterize-tutorial-istio-mapping",',
        'destination_workload="nginx",destination_workload_namespace="otterize-tutorial-istio-mapping",',
        `destination_service_name="nginx-service",request_protocol="http",request_method="GET",request_path="/p${i}/q",response_code="200"} 3`,
      ].join(''),
    );
    await writeFile(path.join(dir, 'm.prom'), `${series.join('\n')}\n`);
    // Raw paths (no templates): 3,000 rules to add, at least 27,000 characters of patch.
    const args = [
      'check',
      '--format',
      'markdown',
      '--no-templates',
      '--metrics',
      'm.prom',
      '--intents',
      'intents',
    ];
    const run = await runCli(args, { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stdout,
      /> The suggested patch is too long for a comment: `intent-drift check --fix` applies it to the files\./,
    );
    assert.doesNotMatch(run.stdout, /<summary>Suggested patch/);
  });
});

/** client's ClientIntents (resource name `name`, workload kind `kind` if any) calling nginx on /a. */
function clientDoc(name: string, kind?: string): string {
  return [
    'apiVersion: k8s.otterize.com/v2beta1',
    'kind: ClientIntents',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${NS}`,
    'spec:',
    '  workload:',
    '    name: client',
    ...(kind === undefined ? [] : [`    kind: ${kind}`]),
    '  targets:',
    '    - kubernetes:',
    '        name: nginx',
    '        http:',
    '          - path: /a',
    '            methods: [GET]',
    '',
  ].join('\n');
}

/** The bound and the patch for `observed` against intents files `files` (path: text). */
async function boundAndPatch(
  files: Record<string, string>,
  observed: ObservedCall[],
  edit = (d: Drift) => d,
) {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-bound-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  const declared = await loadIntents(['intents'], { cwd: dir });
  const drift = edit(computeDrift(observedMap(observed), declared));
  const { patch } = await planIntentsEdit(dir, declared, drift, false);
  return { bound: patchLowerBound(drift, declared), patch, drift };
}

describe('the suggested patch’s lower bound, case by case', () => {
  test('a TCP connection to a target with HTTP rules is skipped by the editor: not counted', async () => {
    const { bound, patch, drift } = await boundAndPatch({ 'intents/client.yaml': clientDoc('client') }, [
      call('client', 'nginx', null, null, { protocol: 'tcp' }),
    ]);
    assert.equal(drift.missing.length, 1, 'missing: no HTTP rule allows a connection');
    assert.equal(patch, '');
    assert.equal(bound, 0);
  });

  test('calls with a path but no method are no rules: their new target is written once, without http', async () => {
    const paths = Array.from({ length: 40 }, (_, i) => `/p${i}`);
    const { bound, patch } = await boundAndPatch(
      { 'intents/client.yaml': clientDoc('client') },
      paths.map((p) => call('client', 'orders', null, p)),
    );
    assert.deepEqual(
      patch.split('\n').filter((l) => l.startsWith('+ ')),
      ['+    - kubernetes:', '+        name: orders'],
    );
    assert.ok(bound <= patch.length, `${bound} > ${patch.length}`);
  });

  test('calls sharing one template are one rule', async () => {
    const paths = Array.from({ length: 60 }, (_, i) => `/items/${1000 + i}`);
    const { bound, patch } = await boundAndPatch(
      { 'intents/client.yaml': clientDoc('client') },
      paths.map((p) => call('client', 'nginx', 'GET', p)),
      (drift) => ({ ...drift, missing: drift.missing.map((c) => ({ ...c, suggestedPath: '/items/{*}' })) }),
    );
    assert.equal(patch.match(/^\+ +- path: /gm)?.length, 1, patch);
    assert.ok(bound <= patch.length, `${bound} > ${patch.length}`);
  });

  test("a client's calls are counted in the file the editor writes them to: its first of the client's kind", async () => {
    // Two workloads named client: a StatefulSet (intents/a.yaml) and a Deployment (a long path).
    const long = `intents/${'deep/'.repeat(60)}client-deployment.yaml`;
    const files = {
      'intents/a.yaml': clientDoc('client-sts', 'StatefulSet'),
      [long]: clientDoc('client-deployment', 'Deployment'),
    };
    // Of unknown kind: either workload's document is its; the first is written.
    const any = await boundAndPatch(files, [call('client', 'nginx', 'POST', '/b')]);
    assert.match(any.patch, /^\+\+\+ b\/intents\/a\.yaml$/m);
    assert.ok(any.bound <= any.patch.length, `${any.bound} > ${any.patch.length}`);
    // The Deployment's call goes into the Deployment's file, and is counted there.
    const deployment = await boundAndPatch(files, [
      call('client', 'nginx', 'POST', '/b', { kind: 'Deployment' }),
    ]);
    assert.match(deployment.patch, /^\+\+\+ b\/intents\/deep\//m);
    assert.ok(deployment.bound >= 2 * long.length, `${deployment.bound} counts the long name`);
    assert.ok(
      deployment.bound <= deployment.patch.length,
      `${deployment.bound} > ${deployment.patch.length}`,
    );
  });
});
