// `--baseline FILE` and `--write-baseline FILE`: the baseline on disk. A missing or unreadable
// baseline is bad input (exit 2): silently checking without it would fail a build that was
// adopted on it.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type Baseline, baselineOf, parseBaseline, renderBaseline } from '../diff/baseline.ts';
import { InputError } from '../errors.ts';
import type { Drift } from '../model.ts';
import { readRegularFile } from '../regular-file.ts';
import { repositoryLinkGuard, writeFileInRepository } from '../repository-links.ts';

const MAX_BASELINE_BYTES = 16 * 1024 * 1024;

export async function readBaselineFile(cwd: string, file: string): Promise<Baseline> {
  const absolute = repositoryLinkGuard(cwd)(path.resolve(cwd, file), file);
  let size: number;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) throw new InputError('not a regular file', { file });
    size = info.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read the baseline: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, {
      file,
    });
  }
  if (size > MAX_BASELINE_BYTES) throw new InputError('baseline larger than 16 MiB', { file });
  // Read with the same bound: a file can grow between the stat and the read.
  return parseBaseline(await readRegularFile(absolute, { file, maxBytes: MAX_BASELINE_BYTES }), file);
}

/** Writes the drift as a baseline; returns how many entries it holds. */
export async function writeBaselineFile(cwd: string, file: string, drift: Drift): Promise<number> {
  const baseline = baselineOf(drift);
  await writeFileInRepository(cwd, file, renderBaseline(baseline));
  return baseline.missing.length + baseline.stale.length;
}
