// Every intents path must yield a ClientIntents: a path of manifests, a folder of something
// else or a glob that matches the wrong files is an error naming the path and what it held.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { InputError } from '../../src/errors.ts';

const INTENTS = `apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: client
  namespace: demo
spec:
  workload:
    name: client
  targets:
    - kubernetes:
        name: nginx
`;
const DEPLOYMENT = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
`;

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-presence-'));
  await mkdir(path.join(dir, 'intents'));
  await mkdir(path.join(dir, 'deploy'));
  await writeFile(path.join(dir, 'intents', 'client.yaml'), INTENTS);
  // Other kinds beside a ClientIntents stay skipped.
  await writeFile(
    path.join(dir, 'intents', 'mixed.yaml'),
    `${DEPLOYMENT('web')}---\n${INTENTS.replaceAll('client', 'web')}`,
  );
  await writeFile(
    path.join(dir, 'deploy', 'workloads.yaml'),
    `${DEPLOYMENT('a')}---\n${DEPLOYMENT('b')}---\nkind: Service\n`,
  );
  await writeFile(
    path.join(dir, 'deploy', 'list.yaml'),
    'kind: List\nitems:\n  - kind: ConfigMap\n  - kind: ConfigMap\n',
  );
  // A folder whose only ClientIntents is also named by a path of its own.
  await mkdir(path.join(dir, 'shared'));
  await writeFile(path.join(dir, 'shared', 'a-deploy.yaml'), DEPLOYMENT('c'));
  await writeFile(path.join(dir, 'shared', 'b-intents.yaml'), INTENTS);
  await writeFile(path.join(dir, 'empty.yaml'), '# nothing yet\n');
  await writeFile(path.join(dir, 'empty-array.json'), '[]\n');
  await writeFile(path.join(dir, 'deployments.json'), '[{"kind": "Deployment"}, {"kind": "Deployment"}]\n');
  await writeFile(path.join(dir, 'hostile.yaml'), 'kind: "Evil\\e[31m"\n');
  await writeFile(
    path.join(dir, 'typed-kinds.yaml'),
    'kind: off\n---\nkind: 0x1F\n---\nkind: ~\n---\nkind: off\n',
  );
  await mkdir(path.join(dir, 'one'));
  await writeFile(path.join(dir, 'one', 'only.yaml'), DEPLOYMENT('d'));
  const kinds = (...names: string[]) => names.map((kind) => `kind: ${kind}\n`).join('---\n');
  await writeFile(
    path.join(dir, 'frequent.yaml'),
    kinds('ConfigMap', 'Service', 'Deployment', 'Service', 'Service'),
  );
  await writeFile(
    path.join(dir, 'seven-kinds.yaml'),
    kinds('Service', 'Secret', 'Pod', 'Job', 'Ingress', 'Deployment', 'ConfigMap'),
  );
  // An empty list is named by its own kind; a typed list's items without kind take its item kind.
  await writeFile(
    path.join(dir, 'lists.yaml'),
    'kind: DeploymentList\nitems: []\n---\nkind: ServiceList\nitems:\n  - metadata: {name: a}\n  - kind: Job\n',
  );
  await writeFile(path.join(dir, 'odd-kinds.yaml'), `metadata: {name: x}\n---\nkind: ${'Long'.repeat(25)}\n`);
});
after(() => rm(dir, { recursive: true, force: true }));

async function failure(paths: string[]): Promise<string> {
  try {
    await loadIntents(paths, { cwd: dir });
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return String(err);
  }
  return assert.fail('expected an InputError');
}

describe('an intents path must hold a ClientIntents', () => {
  test('a manifests file: the path and the kinds it holds, most frequent first', async () => {
    assert.equal(
      await failure(['deploy/workloads.yaml']),
      'deploy/workloads.yaml: no ClientIntents here; found Deployment (2), Service',
    );
  });

  test('a folder: how many files it held, and the kinds inside List items', async () => {
    assert.equal(
      await failure(['deploy']),
      'deploy: no ClientIntents here (2 YAML files); found ConfigMap (2), Deployment (2), Service',
    );
  });

  test('a path given twice counts its files and kinds once', async () => {
    assert.equal(
      await failure(['deploy', 'deploy']),
      'deploy: no ClientIntents here (2 YAML files); found ConfigMap (2), Deployment (2), Service',
    );
  });

  test('a glob, and the path named among good ones', async () => {
    assert.equal(
      await failure(['intents', 'deploy/*.yaml']),
      'deploy/*.yaml: no ClientIntents here (2 YAML files); found ConfigMap (2), Deployment (2), Service',
    );
  });

  test('a JSON array: the kinds of its items, or that it holds none', async () => {
    assert.equal(
      await failure(['deployments.json']),
      'deployments.json: no ClientIntents here; found Deployment (2)',
    );
    assert.equal(
      await failure(['empty-array.json']),
      'empty-array.json: no ClientIntents here; found no Kubernetes objects',
    );
  });

  test('a file without documents, and a kind that is not a name (quoted, escaped)', async () => {
    assert.equal(await failure(['empty.yaml']), 'empty.yaml: no ClientIntents here; found no YAML documents');
    assert.equal(
      await failure(['hostile.yaml']),
      'hostile.yaml: no ClientIntents here; found "Evil\\u001b[31m"',
    );
  });

  test('a kind kubectl reads as no string says what was written', async () => {
    assert.equal(
      await failure(['typed-kinds.yaml']),
      'typed-kinds.yaml: no ClientIntents here; found kind "off" (a boolean to kubectl, not a name) (2), kind 31 (a number to kubectl, not a name), kind null (null to kubectl, not a name)',
    );
  });

  test('a folder or glob of one file still says how many files it held; a file named alone does not', async () => {
    assert.equal(await failure(['one']), 'one: no ClientIntents here (1 YAML file); found Deployment');
    assert.equal(
      await failure(['one/*.yaml']),
      'one/*.yaml: no ClientIntents here (1 YAML file); found Deployment',
    );
    assert.equal(await failure(['one/only.yaml']), 'one/only.yaml: no ClientIntents here; found Deployment');
  });

  test('the most frequent kind comes first, whatever its name', async () => {
    assert.equal(
      await failure(['frequent.yaml']),
      'frequent.yaml: no ClientIntents here; found Service (3), ConfigMap, Deployment',
    );
  });

  test('five kinds are named, and how many more there were', async () => {
    assert.equal(
      await failure(['seven-kinds.yaml']),
      'seven-kinds.yaml: no ClientIntents here; found ConfigMap, Deployment, Ingress, Job, Pod, and 2 more kinds',
    );
  });

  test("lists: an empty one by its own kind, a typed one's kindless items by its item kind", async () => {
    assert.equal(
      await failure(['lists.yaml']),
      'lists.yaml: no ClientIntents here; found DeploymentList, Job, Service',
    );
  });

  test('a document without kind is said plainly; a kind too long for a name is quoted and cut', async () => {
    assert.equal(
      await failure(['odd-kinds.yaml']),
      `odd-kinds.yaml: no ClientIntents here; found "${'Long'.repeat(10)}", (no kind)`,
    );
  });

  test('a wrong path given after a good one is still named, whichever comes first', async () => {
    for (const paths of [
      ['intents', 'typed-kinds.yaml'],
      ['typed-kinds.yaml', 'intents'],
    ]) {
      assert.match(await failure(paths), /^typed-kinds\.yaml: no ClientIntents here/);
    }
  });

  test('a file named by two paths counts for both: its folder holds a ClientIntents', async () => {
    for (const paths of [
      ['shared', 'shared/b-intents.yaml'],
      ['shared/b-intents.yaml', 'shared'],
    ]) {
      const declared = await loadIntents(paths, { cwd: dir });
      assert.deepEqual(
        declared.documents.map((d) => d.file),
        ['shared/b-intents.yaml'],
        paths.join(' '),
      );
    }
  });

  test('a mixed file passes, other kinds skipped; one file named by two paths passes', async () => {
    const declared = await loadIntents(['intents', 'intents/mixed.yaml'], { cwd: dir });
    assert.deepEqual(
      declared.documents.map((d) => `${d.file}:${d.line} ${d.client.name}`),
      ['intents/client.yaml:1 client', 'intents/mixed.yaml:6 web'],
    );
  });
});
