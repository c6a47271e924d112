// The checks at the end where files named from data are written: one plain file name, a path
// that stays in the repository and out of .git, a file inside its folder, and a write that
// neither follows a link planted in the folder nor keeps the tail of the file it replaces.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  isInsideDirectory,
  isPlainFileName,
  isRepositoryPath,
  writeFileInside,
} from '../../src/contained-path.ts';
import { InputError } from '../../src/errors.ts';

describe('isPlainFileName', () => {
  test('one name of up to 255 characters, with dots inside it', () => {
    for (const name of ['shopper.yaml', 'shopper.shop.yaml', 'a..b', 'x'.repeat(255)]) {
      assert.equal(isPlainFileName(name), true, name);
    }
  });

  test('no separator of either kind, no NUL, not hidden, not empty, not too long', () => {
    for (const name of ['', '.', '..', '.github', '.bashrc', 'a/b', '../x', 'a\\b', '..\\x', 'a\u0000b']) {
      assert.equal(isPlainFileName(name), false, JSON.stringify(name));
    }
    assert.equal(isPlainFileName('x'.repeat(256)), false);
    // 255 bytes, not 255 characters: 128 two-byte letters are 256 bytes, one too many.
    assert.equal(isPlainFileName('é'.repeat(127)), true);
    assert.equal(isPlainFileName('é'.repeat(128)), false);
  });
});

describe('isRepositoryPath', () => {
  test('relative posix paths of plain segments', () => {
    for (const file of ['a.yaml', 'deploy/intents/a.yaml', 'a..b/c', '.github/workflows/ci.yml', 'git/x']) {
      assert.equal(isRepositoryPath(file), true, file);
    }
  });

  test('no absolute path, empty, . or .. segment, backslash or NUL', () => {
    for (const file of [
      '',
      '/etc/passwd',
      'a//b',
      'a/',
      './a',
      'a/./b',
      'a/.',
      '../a',
      'a/../b',
      'a\\b',
      'a\u0000b',
    ]) {
      assert.equal(isRepositoryPath(file), false, JSON.stringify(file));
    }
  });

  test('nothing in git’s own folder, in any case (a case-insensitive disk has one .git)', () => {
    for (const file of ['.git/config', '.GIT/hooks/pre-commit', 'sub/.Git/config', 'a/.git']) {
      assert.equal(isRepositoryPath(file), false, file);
    }
  });
});

describe('isInsideDirectory', () => {
  test('a file below the folder; the root holds every repository path', () => {
    assert.equal(isInsideDirectory('deploy/intents/a.yaml', 'deploy/intents'), true);
    assert.equal(isInsideDirectory('deploy/intents/sub/a.yaml', './deploy/intents'), true);
    assert.equal(isInsideDirectory('a.yaml', '.'), true);
    assert.equal(isInsideDirectory('../a.yaml', '.'), false);
  });

  test('a sibling folder whose name starts with the folder’s is outside it', () => {
    assert.equal(isInsideDirectory('deploy/intents-other/a.yaml', 'deploy/intents'), false);
    assert.equal(isInsideDirectory('deploy/intentsa.yaml', 'deploy/intents'), false);
    assert.equal(isInsideDirectory('deploy/intents', 'deploy/intents'), false);
  });
});

describe('writeFileInside', () => {
  test('writes the text in the folder, creating it, and returns the path', async () => {
    const root = path.join(await mkdtemp(path.join(tmpdir(), 'intent-drift-inside-')), 'out');
    const written = await writeFileInside(root, 'shopper.shop.yaml', 'a: 1\n');
    assert.equal(written, path.join(root, 'shopper.shop.yaml'));
    assert.equal(await readFile(written, 'utf8'), 'a: 1\n');
  });

  test('a shorter text written again replaces the whole file', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'intent-drift-inside-'));
    await writeFileInside(root, 'a.yaml', 'a long first version\n');
    await writeFileInside(root, 'a.yaml', 'b: 2\n');
    assert.equal(await readFile(path.join(root, 'a.yaml'), 'utf8'), 'b: 2\n');
  });

  test('a name that is not one plain file name is refused, naming it and the folder', async () => {
    const sandbox = await mkdtemp(path.join(tmpdir(), 'intent-drift-inside-'));
    const root = path.join(sandbox, 'out');
    for (const name of ['.github', '..', 'a\\b', '../escape']) {
      await assert.rejects(
        writeFileInside(root, name, 'x'),
        (err: unknown) =>
          err instanceof InputError &&
          err.message === `refusing to write "${name}": not a plain file name inside ${root}`,
      );
    }
    assert.deepEqual(await readdir(sandbox), []);
  });

  test('a symbolic link planted in the folder is not written through', async (t) => {
    if (process.platform === 'win32') return t.skip('symbolic links need privileges on Windows');
    const sandbox = await mkdtemp(path.join(tmpdir(), 'intent-drift-inside-'));
    const outside = path.join(sandbox, 'outside.txt');
    await writeFile(outside, 'untouched\n');
    const root = path.join(sandbox, 'out');
    await writeFileInside(root, 'keep.yaml', 'x');
    await symlink(outside, path.join(root, 'a.yaml'));
    await assert.rejects(
      writeFileInside(root, 'a.yaml', 'planted\n'),
      (err: unknown) =>
        err instanceof InputError &&
        err.message === 'is a symbolic link: not written through' &&
        err.file === path.join(root, 'a.yaml'),
    );
    assert.equal(await readFile(outside, 'utf8'), 'untouched\n');
  });
});
