// The files behind `--metrics PATH...`: files or directories (recursive), in a stable order,
// with their sizes (a large capture is split between worker threads by size). Listed with
// synchronous calls: the listing is small, and a caller that starts workers must know the
// files before it yields to other work.
import type { Dirent, Stats } from 'node:fs';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { displayName } from '../display-path.ts';
import { InputError } from '../errors.ts';
import { type LinkGuard, repositoryLinkGuard } from '../repository-links.ts';

export interface MetricFile {
  absolute: string;
  /** The name errors and warnings show (relative to the working directory when inside it). */
  file: string;
  size: number;
}

export function unreadable(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError('no such file or directory', { file });
  if (code === 'EACCES' || code === 'EPERM') return new InputError('permission denied', { file });
  if (code === 'EISDIR') return new InputError('is a directory', { file });
  return new InputError(`cannot read: ${(err as Error).message}`, { file });
}

function statOf(file: string): Stats {
  try {
    return statSync(file);
  } catch (err) {
    throw unreadable(file, err);
  }
}

/** A file's or folder's identity on disk: the same through any link or path that reaches it. */
function identityOf(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}

export interface ListedFile {
  absolute: string;
  size: number;
  /** identityOf the file: a capture reached twice (a link, a path given twice) is read once. */
  identity: string;
}

/**
 * Every regular file under `root` (or `root` itself) with its size, sorted for a stable order.
 * A link back to a folder being listed is an error: followed, it would list the same files
 * again at every depth until the system gives up.
 */
export function listMetricFiles(
  root: string,
  guard: LinkGuard = (absolute) => absolute,
  above: Set<string> = new Set(),
): ListedFile[] {
  const info = statOf(root);
  if (info.isFile()) return [{ absolute: root, size: info.size, identity: identityOf(info) }];
  if (!info.isDirectory()) throw new InputError('not a regular file or directory', { file: root });
  const folder = identityOf(info);
  if (above.has(folder)) {
    throw new InputError('a link that leads back into a folder it is in: the listing would never end', {
      file: root,
    });
  }
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (err) {
    throw unreadable(root, err);
  }
  above.add(folder);
  const files: ListedFile[] = [];
  for (const entry of entries) {
    const child = path.join(root, entry.name);
    // Directories are listed, files and links (to learn what they point to) asked for their size.
    if (entry.isDirectory()) {
      for (const f of listMetricFiles(child, guard, above)) files.push(f);
      continue;
    }
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    // Only a link can lead out of the folder: it must stay in the repository.
    if (entry.isSymbolicLink()) guard(child, child);
    const target = statOf(child);
    if (target.isDirectory()) for (const f of listMetricFiles(child, guard, above)) files.push(f);
    else if (target.isFile())
      files.push({ absolute: child, size: target.size, identity: identityOf(target) });
  }
  above.delete(folder);
  return files;
}

/**
 * The files of every path (relative ones against `cwd`), in the order given, each once: a file
 * already in `seen` (reached through a link, or under a path given twice) is left out, so its
 * requests are not counted twice. Throws InputError.
 */
export function metricFilesOf(
  paths: readonly string[],
  cwd: string,
  seen: Set<string> = new Set(),
): MetricFile[] {
  if (paths.length === 0) throw new InputError('no metrics path given');
  const all: MetricFile[] = [];
  const inRepository = repositoryLinkGuard(cwd);
  const guard: LinkGuard = (absolute) => inRepository(absolute, displayName(absolute, cwd));
  for (const given of paths) {
    const root = path.resolve(cwd, given);
    let files: ListedFile[];
    try {
      inRepository(root, given);
      files = listMetricFiles(root, guard);
    } catch (err) {
      // The path as given, and what lies under it as errors and warnings name files.
      if (!(err instanceof InputError) || err.file === undefined) throw err;
      throw new InputError(err.message, { file: err.file === root ? given : displayName(err.file, cwd) });
    }
    if (files.length === 0) throw new InputError('no files in this directory', { file: given });
    for (const f of files) {
      if (seen.has(f.identity)) continue;
      seen.add(f.identity);
      all.push({ absolute: f.absolute, size: f.size, file: displayName(f.absolute, cwd) });
    }
  }
  return all;
}
