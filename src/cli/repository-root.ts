// The repository a command runs in: the nearest folder at or above the working directory that
// holds `.git` (a folder, or a file in a worktree or submodule); the working directory itself
// when there is none. Reports for code scanning name files from here.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function repositoryRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}
