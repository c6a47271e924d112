// Files named from data (a workload's name and namespace) must land in the folder they are
// meant for: `../.github/workflows/ci` or `/../../tmp/x` as a name must never become a path
// outside it. The names are checked where they enter (src/kubernetes-names.ts, applied by
// src/observe/name-gate.ts); these checks stand at the other end, where the file is written,
// whatever the name went through.
import { constants } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './errors.ts';

/** Whether `name` is one plain file name: no separator, not `.` or `..`, no NUL, not hidden, at most 255 bytes. */
export function isPlainFileName(name: string): boolean {
  return (
    name !== '' &&
    !name.startsWith('.') &&
    !name.includes('/') &&
    !name.includes('\\') &&
    !name.includes('\u0000') &&
    // File systems count a name's bytes (NAME_MAX), not its UTF-16 units.
    Buffer.byteLength(name) <= 255
  );
}

/**
 * Whether a repository path (posix, relative to the repository root) stays inside the
 * repository and out of git's own folder: no leading `/`, no `.` or `..` segment, no empty
 * segment, no backslash, no `.git` segment.
 */
export function isRepositoryPath(file: string): boolean {
  if (file === '' || file.startsWith('/') || file.includes('\\') || file.includes('\u0000')) return false;
  return file
    .split('/')
    .every(
      (segment) => segment !== '' && segment !== '.' && segment !== '..' && segment.toLowerCase() !== '.git',
    );
}

/** Whether `file` (posix, relative) is inside `directory` (posix, relative; `.` the root). */
export function isInsideDirectory(file: string, directory: string): boolean {
  if (!isRepositoryPath(file)) return false;
  const dir = path.posix.normalize(directory);
  if (dir === '.') return true;
  if (!isRepositoryPath(dir)) return false;
  return file.startsWith(`${dir}/`);
}

/**
 * Writes `text` to `root/name`, where `name` must be a plain file name: InputError otherwise.
 * The last component is opened without following a symbolic link, so a link planted in the
 * folder cannot redirect the write elsewhere.
 */
export async function writeFileInside(root: string, name: string, text: string): Promise<string> {
  if (!isPlainFileName(name)) {
    throw new InputError(`refusing to write "${name}": not a plain file name inside ${root}`);
  }
  const target = path.join(root, name);
  const relative = path.relative(root, target);
  if (relative !== name || path.isAbsolute(relative)) {
    throw new InputError(`refusing to write "${name}": it would land outside ${root}`);
  }
  await mkdir(root, { recursive: true });
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(target, flags, 0o644);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new InputError('is a symbolic link: not written through', { file: target });
    throw new InputError(`cannot write: ${code ?? (err as Error).message}`, { file: target });
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return target;
}
