// A repository's files may be symbolic links, and a pull request chooses them:
// `.intent-drift.yaml -> .git/config` would put the checkout's credentials into a PR comment,
// `intent-drift-report.json -> ~/.bashrc` would have the report written over a file outside the
// workspace. So a path inside the repository must really lead somewhere inside it, and not into
// git's own folder. Paths outside the repository were chosen by whoever runs intent-drift (a
// capture in the runner's temp folder, a report in /tmp) and are left as they are.
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { type FileHandle, mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { isRepositoryPath } from './contained-path.ts';
import { leavesDirectory } from './display-path.ts';
import { InputError } from './errors.ts';
import { findRepositoryRoot } from './repository-root.ts';

/**
 * Where a path really leads: `absolute` itself outside a repository, else its real path once
 * checked (InputError naming `shown` when a link takes it out of the repository, into `.git`, or
 * to nothing). A path that does not exist yet (a report to write) is checked through the nearest
 * folder above it that does.
 */
export type LinkGuard = (absolute: string, shown: string) => string;

/** The guard for the repository that holds `cwd`; it lets everything through outside one. */
export function repositoryLinkGuard(cwd: string): LinkGuard {
  const root = findRepositoryRoot(cwd);
  if (root === undefined) return (absolute) => absolute;
  let realRoot: string | undefined;
  return (absolute, shown) => {
    realRoot ??= realpathSync.native(root);
    if (!isWithin(root, absolute) && !reallyWithin(realRoot, absolute)) return absolute;
    const real = realPathOf(absolute, shown);
    const relative = path.relative(realRoot, real);
    if (relative === '') return real;
    if (!isWithin(realRoot, real)) {
      throw new InputError(
        'leads out of the repository through a symbolic link: refused (a file of the repository must be in it)',
        { file: shown },
      );
    }
    if (!isRepositoryPath(relative.split(path.sep).join('/'))) {
      throw new InputError("leads into git's own folder (.git): refused", { file: shown });
    }
    return real;
  };
}

/**
 * Opens `file` (relative to `cwd`) for writing, its folders made: through the guard, so that a
 * link the repository holds cannot send the write elsewhere. InputError when it cannot.
 */
export async function openInRepository(cwd: string, file: string): Promise<FileHandle> {
  const real = repositoryLinkGuard(cwd)(path.resolve(cwd, file), file);
  try {
    await mkdir(path.dirname(real), { recursive: true });
    return await open(real, 'w');
  } catch (err) {
    throw new InputError(`cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      file,
    });
  }
}

/** Writes `text` to `file` (relative to `cwd`) through openInRepository; returns the path written. */
export async function writeFileInRepository(
  cwd: string,
  file: string,
  text: string | Uint8Array,
): Promise<string> {
  const handle = await openInRepository(cwd, file);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return path.resolve(cwd, file);
}

/**
 * Whether the folder holding `absolute` really is inside `realRoot`, whatever name the path
 * reaches it by (a link to the checkout, macOS's /tmp for /private/tmp): a file named through
 * another name of the repository is still the repository's, links and all.
 */
function reallyWithin(realRoot: string, absolute: string): boolean {
  try {
    return isWithin(realRoot, realPathOf(path.dirname(absolute), absolute));
  } catch {
    return false;
  }
}

function isWithin(directory: string, file: string): boolean {
  const relative = path.relative(directory, file);
  return relative === '' || !leavesDirectory(relative);
}

/** The real path of `absolute`, or of the nearest existing folder above it with the rest appended. */
function realPathOf(absolute: string, shown: string, links = 0): string {
  const rest: string[] = [];
  for (let at = absolute; ; ) {
    try {
      return path.join(realpathSync.native(at), ...rest);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        throw new InputError(`cannot resolve: ${code ?? (err as Error).message}`, { file: shown });
      }
      // A link to nothing yet: writing through it creates its target, so the target is what counts.
      const target = linkTarget(at);
      if (target !== undefined) {
        if (links >= MAX_LINKS) throw new InputError('too many levels of symbolic links', { file: shown });
        return path.join(realPathOf(path.resolve(path.dirname(at), target), shown, links + 1), ...rest);
      }
      const parent = path.dirname(at);
      if (parent === at) return absolute;
      rest.unshift(path.basename(at));
      at = parent;
    }
  }
}

/** Linux's own limit on links followed in one lookup (ELOOP). */
const MAX_LINKS = 40;

/** What `file` points to when it is a symbolic link; undefined otherwise. */
function linkTarget(file: string): string | undefined {
  try {
    return lstatSync(file).isSymbolicLink() ? readlinkSync(file) : undefined;
  } catch {
    return undefined;
  }
}
