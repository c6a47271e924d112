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

/** Every regular file under `root` (or `root` itself) with its size, sorted for a stable order. */
export function listMetricFiles(
  root: string,
  guard: LinkGuard = (absolute) => absolute,
): { absolute: string; size: number }[] {
  const info = statOf(root);
  if (info.isFile()) return [{ absolute: root, size: info.size }];
  if (!info.isDirectory()) throw new InputError('not a regular file or directory', { file: root });
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (err) {
    throw unreadable(root, err);
  }
  const files: { absolute: string; size: number }[] = [];
  for (const entry of entries) {
    const child = path.join(root, entry.name);
    // Directories are listed, files and links (to learn what they point to) asked for their size.
    if (entry.isDirectory()) {
      for (const f of listMetricFiles(child, guard)) files.push(f);
      continue;
    }
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    // Only a link can lead out of the folder: it must stay in the repository.
    if (entry.isSymbolicLink()) guard(child, child);
    const target = statOf(child);
    if (target.isDirectory()) for (const f of listMetricFiles(child, guard)) files.push(f);
    else if (target.isFile()) files.push({ absolute: child, size: target.size });
  }
  return files;
}

/** The files of every path (relative ones against `cwd`), in the order given. Throws InputError. */
export function metricFilesOf(paths: readonly string[], cwd: string): MetricFile[] {
  if (paths.length === 0) throw new InputError('no metrics path given');
  const all: MetricFile[] = [];
  const inRepository = repositoryLinkGuard(cwd);
  const guard: LinkGuard = (absolute) => inRepository(absolute, displayName(absolute, cwd));
  for (const given of paths) {
    const root = path.resolve(cwd, given);
    let files: { absolute: string; size: number }[];
    try {
      inRepository(root, given);
      files = listMetricFiles(root, guard);
    } catch (err) {
      throw err instanceof InputError && err.file === root
        ? new InputError(err.message, { file: given })
        : err;
    }
    if (files.length === 0) throw new InputError('no files in this directory', { file: given });
    for (const f of files) all.push({ ...f, file: displayName(f.absolute, cwd) });
  }
  return all;
}
