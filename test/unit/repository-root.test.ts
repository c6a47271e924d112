// The repository a command runs in: the nearest folder at or above the working directory with a
// `.git` (a folder, or a worktree's file), always an absolute path, whatever form cwd takes.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { findRepositoryRoot, repositoryRoot } from '../../src/repository-root.ts';

test('found from a subfolder, given absolute or relative to the process, as an absolute path', async () => {
  const repo = await realpath(await mkdtemp(path.join(tmpdir(), 'intent-drift-root-')));
  try {
    await mkdir(path.join(repo, '.git'));
    const deep = path.join(repo, 'deploy', 'intents');
    await mkdir(deep, { recursive: true });
    assert.equal(findRepositoryRoot(deep), repo);
    assert.equal(findRepositoryRoot(repo), repo);
    const relative = path.relative(process.cwd(), deep);
    assert.ok(!path.isAbsolute(relative));
    assert.equal(findRepositoryRoot(relative), repo);
    assert.equal(repositoryRoot(relative), repo);
  } finally {
    await rm(repo, { recursive: true, force: true });
  }
});

test("a worktree's .git file ends the search; outside any repository, the working directory itself", async () => {
  const dir = await realpath(await mkdtemp(path.join(tmpdir(), 'intent-drift-root-')));
  try {
    const tree = path.join(dir, 'tree');
    await mkdir(path.join(tree, 'sub'), { recursive: true });
    await writeFile(path.join(tree, '.git'), 'gitdir: /elsewhere\n');
    assert.equal(findRepositoryRoot(path.join(tree, 'sub')), tree);
    const outside = path.join(dir, 'plain');
    await mkdir(outside);
    // The temporary folder is in no repository, unless a folder above it is one.
    const above = findRepositoryRoot(dir);
    assert.equal(findRepositoryRoot(outside), above);
    assert.equal(repositoryRoot(outside), above ?? outside);
    assert.equal(repositoryRoot(path.relative(process.cwd(), outside)), above ?? outside);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
