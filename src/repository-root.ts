// The repository a command runs in: the nearest folder at or above the working directory that
// holds `.git` (a folder, or a file in a worktree or submodule). Config discovery stops there,
// and reports for code scanning name files from there: one walk serves both, so the two never
// disagree about which repository a run is in.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository's root folder, or undefined outside a repository. */
export function findRepositoryRoot(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The repository's root folder; the working directory itself outside a repository. */
export function repositoryRoot(cwd: string): string {
  return findRepositoryRoot(cwd) ?? path.resolve(cwd);
}
