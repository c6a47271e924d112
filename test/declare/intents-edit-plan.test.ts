// The edit plan (the comment's suggested patch, `check --fix`, open-pr) reads an intents file
// only when the edit touches it: a drift of one client in a repository of thousands of files
// reads one file, not all of them again.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { PATCH_OVER_ROOM, patchWithinRoom, planIntentsEdit } from '../../src/declare/intents-edit-plan.ts';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import { InputError } from '../../src/errors.ts';
import { MAX_YAML_BYTES } from '../../src/yaml/yaml-tree.ts';
import { call, NS, observedMap } from '../diff/builders.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

async function demoCopy() {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-plan-'));
  await cp(path.join(root, 'fixtures', 'demo', 'intents'), path.join(dir, 'intents'), { recursive: true });
  return { dir, declared: await loadIntents(['intents'], { cwd: dir }) };
}

/** A ClientIntents document of `client` calling nginx on one path. */
function doc(client: string, path: string): string {
  return [
    'apiVersion: k8s.otterize.com/v2beta1',
    'kind: ClientIntents',
    'metadata:',
    // Its own resource name: a second document named like client.yaml's would replace that one.
    `  name: ${client}-shared`,
    `  namespace: ${NS}`,
    'spec:',
    '  workload:',
    `    name: ${client}`,
    '  targets:',
    '    - kubernetes:',
    '        name: nginx',
    '        http:',
    `          - path: ${path}`,
    '            methods: [GET]',
    '',
  ].join('\n');
}

/** The demo's intents, plus a file of two clients and a second document of `client` in it. */
async function widerCopy() {
  const { dir } = await demoCopy();
  const shared = [doc('alpha', '/a'), doc('beta', '/b'), doc('client', '/second-home')].join('---\n');
  await writeFile(path.join(dir, 'intents', 'shared.yaml'), shared);
  // Intents kept as JSON: read, never edited.
  const exported = {
    apiVersion: 'k8s.otterize.com/v2beta1',
    kind: 'ClientIntents',
    metadata: { name: 'exported', namespace: NS },
    spec: { workload: { name: 'exported' }, targets: [{ kubernetes: { name: 'nginx' } }] },
  };
  await writeFile(path.join(dir, 'intents', 'exported.json'), `${JSON.stringify(exported, null, 2)}\n`);
  return { dir, declared: await loadIntents(['intents'], { cwd: dir }) };
}

describe('planIntentsEdit', () => {
  test('reads only the files it edits: another intents file gone since the check does not matter', async () => {
    const { dir, declared } = await demoCopy();
    const drift = computeDrift(observedMap([call('client', 'nginx', 'DELETE', '/only-here')]), declared);
    // client2's file is not part of this edit: were it read, the plan would fail on it.
    await rm(path.join(dir, 'intents', 'client2.yaml'));
    const { edit, patch } = await planIntentsEdit(dir, declared, drift, false);
    assert.deepEqual(
      edit.files.map((f) => f.file),
      ['intents/client.yaml'],
    );
    assert.equal(
      patch,
      [
        '--- a/intents/client.yaml',
        '+++ b/intents/client.yaml',
        '@@ -16,3 +16,6 @@',
        '           - path: /client-path',
        '             methods:',
        '               - GET',
        '+          - path: /only-here',
        '+            methods:',
        '+              - DELETE',
        '',
      ].join('\n'),
    );
  });

  test('a file the edit needs that is gone is an input error naming it', async () => {
    const { dir, declared } = await demoCopy();
    const drift = computeDrift(observedMap([call('client', 'nginx', 'DELETE', '/only-here')]), declared);
    await rm(path.join(dir, 'intents', 'client.yaml'));
    await assert.rejects(
      planIntentsEdit(dir, declared, drift, false),
      (err: unknown) =>
        err instanceof InputError && err.file === 'intents/client.yaml' && /no such file/.test(err.message),
    );
  });

  test('patchWithinRoom: the whole plan’s patch when it fits the room, else over the room, for any drift', async () => {
    const { dir, declared } = await widerCopy();
    const calls = fc.array(
      fc.tuple(
        fc.constantFrom('client', 'client2', 'alpha', 'beta', 'newcomer', 'exported'),
        fc.constantFrom('nginx', 'orders'),
        fc.constantFrom('GET', 'POST'),
        fc.constantFrom('/a', '/b', '/client-path', '/x/y', '/second-home', '/a\u202eb'),
      ),
      { minLength: 1, maxLength: 10 },
    );
    let withLeftOut = 0;
    await fc.assert(
      fc.asyncProperty(calls, fc.boolean(), fc.nat(3000), async (tuples, prune, room) => {
        const drift = computeDrift(observedMap(tuples.map(([c, s, m, p]) => call(c, s, m, p))), declared);
        const { patch, edit } = await planIntentsEdit(dir, declared, drift, prune);
        if (edit.skipped.length > 0 && patch.length <= room) withLeftOut++;
        const within = await patchWithinRoom(dir, declared, drift, prune, room);
        // Within the room: the same patch, and as many notes of what it leaves out.
        assert.deepEqual(
          within,
          patch.length > room ? PATCH_OVER_ROOM : { patch, leftOut: edit.skipped.length },
        );
      }),
      { numRuns: 150 },
    );
    // The JSON-file client's calls are left out: the property met such patches.
    assert.ok(withLeftOut > 0);
  });

  test('patchWithinRoom stops at the first file that passes the room: the files after it are not read', async () => {
    const { dir, declared } = await widerCopy();
    const observed = observedMap([
      call('alpha', 'nginx', 'POST', '/new'),
      call('client', 'nginx', 'POST', '/new'),
    ]);
    const drift = computeDrift(observed, declared);
    // client's edit (intents/client.yaml) comes first in file order; shared.yaml is gone.
    await rm(path.join(dir, 'intents', 'shared.yaml'));
    assert.equal(await patchWithinRoom(dir, declared, drift, false, 50), PATCH_OVER_ROOM);
    await assert.rejects(patchWithinRoom(dir, declared, drift, false, 10_000), /no such file/);
  });

  test('patchWithinRoom: a client found in another file than its first (the file changed since) gives the whole plan’s patch', async () => {
    const { dir, declared } = await widerCopy();
    const observed = observedMap([
      call('client', 'nginx', 'POST', '/new'),
      call('alpha', 'nginx', 'POST', '/new'),
    ]);
    const drift = computeDrift(observed, declared);
    // client.yaml no longer describes client: the editor finds client's home in shared.yaml.
    await writeFile(path.join(dir, 'intents', 'client.yaml'), doc('someone-else', '/z'));
    const { edit, patch } = await planIntentsEdit(dir, declared, drift, false);
    assert.deepEqual(
      edit.files.map((f) => f.file),
      ['intents/shared.yaml'],
    );
    assert.deepEqual(await patchWithinRoom(dir, declared, drift, false, 10_000), {
      patch,
      leftOut: edit.skipped.length,
    });
  });

  test('a file the edit needs that became a FIFO or grew past the limit is refused, not read', async (t) => {
    const { dir, declared } = await demoCopy();
    const drift = computeDrift(observedMap([call('client', 'nginx', 'DELETE', '/only-here')]), declared);
    const file = path.join(dir, 'intents', 'client.yaml');
    await writeFile(file, `# ${'x'.repeat(MAX_YAML_BYTES)}\n`);
    await assert.rejects(
      planIntentsEdit(dir, declared, drift, false),
      (err: unknown) =>
        err instanceof InputError && err.file === 'intents/client.yaml' && /larger than/.test(err.message),
    );
    if (process.platform === 'win32') return t.skip('no mkfifo');
    await rm(file);
    execFileSync('mkfifo', [file]);
    await assert.rejects(
      planIntentsEdit(dir, declared, drift, false),
      (err: unknown) => err instanceof InputError && /not a regular file/.test(err.message),
    );
  });
});

describe('patchWithinRoom, case by case: the whole plan’s patch, or over the room', () => {
  const wholeAndWithin = async (observed: Parameters<typeof observedMap>[0]) => {
    const { dir, declared } = await widerCopy();
    const drift = computeDrift(observedMap(observed), declared);
    const { patch, edit } = await planIntentsEdit(dir, declared, drift, false);
    return { dir, declared, drift, patch, edit };
  };

  test('a patch of exactly the room fits; one character less does not (file by file)', async () => {
    const { dir, declared, drift, patch } = await wholeAndWithin([call('client', 'nginx', 'POST', '/new')]);
    assert.ok(patch.length > 0);
    assert.deepEqual(await patchWithinRoom(dir, declared, drift, false, patch.length), { patch, leftOut: 0 });
    assert.equal(await patchWithinRoom(dir, declared, drift, false, patch.length - 1), PATCH_OVER_ROOM);
  });

  test('a patch of exactly the room fits; one character less does not (a new client: the whole edit)', async () => {
    const { dir, declared, drift, patch, edit } = await wholeAndWithin([
      call('newcomer', 'nginx', 'GET', '/a'),
    ]);
    assert.deepEqual(
      edit.files.map((f) => [f.file, f.before]),
      [['intents/newcomer.yaml', null]],
      "the new client's file, not on disk and not read",
    );
    assert.deepEqual(await patchWithinRoom(dir, declared, drift, false, patch.length), { patch, leftOut: 0 });
    assert.equal(await patchWithinRoom(dir, declared, drift, false, patch.length - 1), PATCH_OVER_ROOM);
  });

  test('files in name order, whatever order the drift names their clients in', async () => {
    // alpha (intents/shared.yaml) comes before client (intents/client.yaml) in the drift.
    const { dir, declared, drift, patch } = await wholeAndWithin([
      call('alpha', 'nginx', 'POST', '/new'),
      call('client', 'nginx', 'POST', '/new'),
    ]);
    assert.deepEqual(
      drift.missing.map((c) => c.client.name),
      ['alpha', 'client'],
    );
    assert.deepEqual(
      [...patch.matchAll(/^\+\+\+ b\/(.*)$/gm)].map((m) => m[1]),
      ['intents/client.yaml', 'intents/shared.yaml'],
    );
    assert.deepEqual(await patchWithinRoom(dir, declared, drift, false, 100_000), { patch, leftOut: 0 });
  });

  test('a new client beside declared ones: its document is in the patch', async () => {
    const { dir, declared, drift, patch } = await wholeAndWithin([
      call('client', 'nginx', 'POST', '/new'),
      call('newcomer', 'nginx', 'GET', '/a'),
    ]);
    assert.match(patch, /^\+\+\+ b\/intents\/newcomer\.yaml$/m);
    assert.deepEqual(await patchWithinRoom(dir, declared, drift, false, 100_000), { patch, leftOut: 0 });
  });
});
