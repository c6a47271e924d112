// `check --fix` never writes an intents file that the intents reader would refuse on the next
// check (over 4 MiB, or over its count of YAML values): nothing is written, exit 2, and the
// message says which file and why. Nor a file outside the intents paths given (a sibling folder,
// a new file through a linked folder, above a glob's folder), nor one that is not YAML; the names
// it prints are escaped.
import assert from 'node:assert/strict';
import { access, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { applyIntentsEdit } from '../../src/cli/fix-intents.ts';
import { InputError } from '../../src/errors.ts';
import { readYamlFile } from '../../src/yaml/read-yaml.ts';
import { MAX_YAML_BYTES } from '../../src/yaml/yaml-tree.ts';

const io = { cwd: '', env: {}, stdoutIsTTY: false, write: () => {}, writeError: () => {} };

async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fix-limits-'));
  await mkdir(path.join(dir, 'intents'));
  await writeFile(path.join(dir, 'intents', 'a.yaml'), 'kind: ClientIntents\n');
  await writeFile(path.join(dir, 'intents', 'b.yaml'), 'kind: ClientIntents\n');
  return dir;
}

for (const [what, after, reason] of [
  ['over 4 MiB', `a: "${'x'.repeat(4 * 1024 * 1024)}"\n`, /over the reader's 4194304/],
  ['over the count of values', `${'- 1\n'.repeat(210_000)}`, /YAML values/],
] as const) {
  test(`a file ${what} is refused before anything is written`, async () => {
    const dir = await workspace();
    const edit = {
      files: [
        { file: 'intents/a.yaml', before: 'kind: ClientIntents\n', after: 'kind: ClientIntents\n# edited\n' },
        { file: 'intents/b.yaml', before: 'kind: ClientIntents\n', after },
      ],
      changes: [],
      skipped: [],
    };
    await assert.rejects(applyIntentsEdit(edit, ['intents'], dir, io), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.match(
        err.message,
        /^--fix would write intents\/b\.yaml, which the intents reader would then refuse \(/,
      );
      assert.match(err.message, reason);
      assert.match(err.message, /nothing was written/);
      return true;
    });
    assert.equal(await readFile(path.join(dir, 'intents', 'a.yaml'), 'utf8'), 'kind: ClientIntents\n');
    assert.equal(await readFile(path.join(dir, 'intents', 'b.yaml'), 'utf8'), 'kind: ClientIntents\n');
  });
}

/** The error --fix gives for a file outside the intents paths; nothing written. */
const outside = (file: string) => (err: unknown) => {
  assert.ok(err instanceof InputError);
  assert.equal(
    err.message,
    `--fix would write ${file}, outside the --intents paths given: nothing was written`,
  );
  return true;
};

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

const edit = (file: string, before: string | null, after: string, skipped: string[] = []) => ({
  files: [{ file, before, after }],
  changes: [],
  skipped,
});

test('a sibling folder whose name starts with the intents folder’s is outside it', async () => {
  const dir = await workspace();
  await mkdir(path.join(dir, 'intents-old'));
  await writeFile(path.join(dir, 'intents-old', 'a.yaml'), 'kind: ClientIntents\n');
  const change = edit('intents-old/a.yaml', 'kind: ClientIntents\n', 'kind: ClientIntents\n# edited\n');
  await assert.rejects(applyIntentsEdit(change, ['intents'], dir, io), outside('intents-old/a.yaml'));
  assert.equal(await readFile(path.join(dir, 'intents-old', 'a.yaml'), 'utf8'), 'kind: ClientIntents\n');
});

test('only YAML files are written, inside the intents folder too', async () => {
  const dir = await workspace();
  const change = edit('intents/hook.sh', null, 'kind: ClientIntents\n');
  await assert.rejects(applyIntentsEdit(change, ['intents'], dir, io), outside('intents/hook.sh'));
  assert.equal(await exists(path.join(dir, 'intents', 'hook.sh')), false);
});

test('a new file under a linked folder is written only if the link stays inside', async () => {
  const dir = await workspace();
  await mkdir(path.join(dir, 'elsewhere'));
  await symlink(path.join(dir, 'elsewhere'), path.join(dir, 'intents', 'linked'));
  const change = edit('intents/linked/new.yaml', null, 'kind: ClientIntents\n');
  await assert.rejects(applyIntentsEdit(change, ['intents'], dir, io), outside('intents/linked/new.yaml'));
  assert.equal(await exists(path.join(dir, 'elsewhere', 'new.yaml')), false);
});

test('a glob with no folder before it holds the working folder, not the disk', async () => {
  const dir = await workspace();
  const cwd = path.join(dir, 'intents');
  const change = edit('../escaped.yaml', null, 'kind: ClientIntents\n');
  await assert.rejects(applyIntentsEdit(change, ['*.yaml'], cwd, io), outside('../escaped.yaml'));
  assert.equal(await exists(path.join(dir, 'escaped.yaml')), false);
  const inside = edit('new.yaml', null, 'kind: ClientIntents\n');
  assert.deepEqual(await applyIntentsEdit(inside, ['*.yaml'], cwd, io), ['new.yaml']);
});

test('the file names and notes it prints are escaped', async () => {
  const dir = await workspace();
  const raw = 'x\u001b[2J.yaml';
  await assert.rejects(
    applyIntentsEdit(edit(raw, null, 'kind: ClientIntents\n'), ['intents'], dir, io),
    outside('x\\x1b[2J.yaml'),
  );
  const lines: string[] = [];
  const noted = { ...edit('intents/a.yaml', 'same\n', 'same\n', ['client\u001b]0;t\u0007: JSON']) };
  await applyIntentsEdit(noted, ['intents'], dir, { ...io, writeError: (t: string) => lines.push(t) });
  assert.deepEqual(lines, ['not fixed: client\\x1b]0;t\\x07: JSON\n']);
});

test('a file the edit leaves as it was is neither written nor named, wherever it is', async () => {
  const dir = await workspace();
  const lines: string[] = [];
  const unchanged = {
    files: [
      { file: 'intents/a.yaml', before: 'x: 1\n', after: 'x: 1\n' },
      { file: 'elsewhere.yaml', before: 'y: 1\n', after: 'y: 1\n' },
    ],
    changes: [],
    skipped: [],
  };
  const written = await applyIntentsEdit(unchanged, ['intents'], dir, {
    ...io,
    writeError: (t: string) => lines.push(t),
  });
  assert.deepEqual(written, []);
  assert.deepEqual(lines, []);
  assert.equal(await readFile(path.join(dir, 'intents', 'a.yaml'), 'utf8'), 'kind: ClientIntents\n');
});

test('an intents root at the file system root holds every file under it', async () => {
  // `--intents /`: a root whose path ends in the separator; a prefix test with one more
  // separator looked for `//` and refused every file.
  const dir = await workspace();
  const file = path.join(dir, 'intents', 'a.yaml');
  const written = await applyIntentsEdit(
    edit(file, 'kind: ClientIntents\n', 'kind: ClientIntents\n# edited\n'),
    [path.parse(dir).root],
    dir,
    io,
  );
  assert.deepEqual(written, [file]);
  assert.equal(await readFile(file, 'utf8'), 'kind: ClientIntents\n# edited\n');
});

test('a glob at the file system root holds every file under it too, not just the working folder', async () => {
  const dir = await workspace();
  const file = path.join(dir, 'top.yaml');
  const written = await applyIntentsEdit(
    edit(file, null, 'kind: ClientIntents\n'),
    [`${path.parse(dir).root}*.yaml`],
    path.join(dir, 'intents'),
    io,
  );
  assert.deepEqual(written, [file]);
});

test('a file given by name is written; a name that only contains .yaml is not YAML', async () => {
  const dir = await workspace();
  const change = edit('intents/a.yaml', 'kind: ClientIntents\n', 'kind: ClientIntents\n# edited\n');
  assert.deepEqual(await applyIntentsEdit(change, ['intents/a.yaml'], dir, io), ['intents/a.yaml']);
  assert.equal(
    await readFile(path.join(dir, 'intents', 'a.yaml'), 'utf8'),
    'kind: ClientIntents\n# edited\n',
  );
  const hook = edit('intents/hook.yaml.sh', null, 'kind: ClientIntents\n');
  await assert.rejects(applyIntentsEdit(hook, ['intents'], dir, io), outside('intents/hook.yaml.sh'));
  assert.equal(await exists(path.join(dir, 'intents', 'hook.yaml.sh')), false);
});

test("a file of exactly the reader's size limit is written: the reader takes it", async () => {
  const dir = await workspace();
  const head = 'a: "';
  const text = `${head}${'x'.repeat(MAX_YAML_BYTES - head.length - 2)}"\n`;
  assert.equal(Buffer.byteLength(text), MAX_YAML_BYTES);
  const change = edit('intents/a.yaml', 'kind: ClientIntents\n', text);
  assert.deepEqual(await applyIntentsEdit(change, ['intents'], dir, io), ['intents/a.yaml']);
  assert.equal(readYamlFile(path.join(dir, 'intents', 'a.yaml'), 'intents/a.yaml').length, 1);
});

test('a dangling link inside the intents folder is not followed to create its target outside', async () => {
  const dir = await workspace();
  await mkdir(path.join(dir, 'elsewhere'));
  await symlink(path.join(dir, 'elsewhere', 'planted.yaml'), path.join(dir, 'intents', 'new.yaml'));
  const change = edit('intents/new.yaml', null, 'kind: ClientIntents\n');
  await assert.rejects(applyIntentsEdit(change, ['intents'], dir, io), outside('intents/new.yaml'));
  assert.equal(await exists(path.join(dir, 'elsewhere', 'planted.yaml')), false);
});
