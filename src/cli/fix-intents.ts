// `check --fix [--prune-stale]`: the minimal, comment-keeping edit the action suggests and
// commits, written to the local intents files. Files are written only inside the intents paths
// given (a file given is the only file; a folder or a glob's folder holds new files too),
// resolved through symbolic links, or nothing is written at all.
import { lstat, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IntentsEditResult } from '../declare/edit-intents-types.ts';
import { leavesDirectory } from '../display-path.ts';
import { InputError } from '../errors.ts';
import { plural, showControlChars } from '../report/display-text.ts';
import { parseYamlDocuments } from '../yaml/read-yaml.ts';
import { MAX_YAML_BYTES } from '../yaml/yaml-tree.ts';
import type { CliIo } from './cli-io.ts';

const GLOB_CHARS = /[*?[\]{}]/;

interface Root {
  absolute: string;
  /** A file given by name: only it may be written. */
  file: boolean;
}

/** The folder a glob reads from: its segments before the first one with a glob character. */
function globBase(pattern: string): string {
  const segments = pattern.split(/[/\\]/);
  const fixed = segments.slice(
    0,
    segments.findIndex((s) => GLOB_CHARS.test(s)),
  );
  return fixed.length === 0 ? '.' : fixed.join('/') || '/';
}

async function rootsOf(intents: readonly string[], cwd: string): Promise<Root[]> {
  const roots: Root[] = [];
  for (const given of intents) {
    const glob = GLOB_CHARS.test(given);
    const absolute = await realpath(path.resolve(cwd, glob ? globBase(given) : given));
    roots.push({ absolute, file: !glob && (await stat(absolute)).isFile() });
  }
  return roots;
}

async function isLink(file: string): Promise<boolean> {
  try {
    return (await lstat(file)).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The real path a write would reach: the file's own when it exists, else its folder's. */
async function reachedPath(absolute: string): Promise<string | undefined> {
  try {
    return await realpath(absolute);
  } catch {
    // A link whose target does not exist: writing it would create the target, wherever it is.
    if (await isLink(absolute)) return undefined;
    try {
      return path.join(await realpath(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return undefined;
    }
  }
}

function inside(target: string, roots: readonly Root[]): boolean {
  return roots.some((root) => {
    if (root.file) return target === root.absolute;
    // Relative, not a prefix with a separator added: a root at `/` must not look for `//`.
    const relative = path.relative(root.absolute, target);
    return relative !== '' && !leavesDirectory(relative);
  });
}

/** Writes the edit; returns the files written. Refuses the whole edit if one file falls outside. */
export async function applyIntentsEdit(
  edit: IntentsEditResult,
  intents: readonly string[],
  cwd: string,
  io: CliIo,
): Promise<string[]> {
  const roots = await rootsOf(intents, cwd);
  const writes: { file: string; absolute: string; text: string }[] = [];
  for (const change of edit.files) {
    if (change.before === change.after) continue;
    const absolute = path.resolve(cwd, change.file);
    const reached = await reachedPath(absolute);
    if (reached === undefined || !inside(reached, roots) || !/\.ya?ml$/i.test(reached)) {
      throw new InputError(
        `--fix would write ${showControlChars(change.file)}, outside the --intents paths given: nothing was written`,
      );
    }
    writes.push({ file: change.file, absolute, text: change.after });
  }
  // A file the intents reader would refuse next time (over its size or value limits) is not
  // written: the next check would fail on it. Nothing is written then.
  for (const { file, text } of writes) refuseUnreadable(file, text);
  for (const { absolute, text } of writes) await writeFile(absolute, text);
  for (const { file } of writes) {
    const changes = edit.changes.filter((c) => c.file === file);
    const added = changes.filter((c) => c.action === 'add').length;
    const removed = changes.length - added;
    const what = [
      added > 0 ? `${plural(added, 'rule')} added` : '',
      removed > 0 ? `${plural(removed, 'rule')} removed` : '',
    ]
      .filter((x) => x !== '')
      .join(', ');
    io.writeError(`fixed ${showControlChars(file)}${what === '' ? '' : `: ${what}`}\n`);
  }
  for (const note of edit.skipped) io.writeError(`not fixed: ${showControlChars(note)}\n`);
  return writes.map((w) => w.file);
}

function refuseUnreadable(file: string, text: string): void {
  const shown = showControlChars(file);
  const bytes = Buffer.byteLength(text, 'utf8');
  let problem: string | undefined;
  if (bytes > MAX_YAML_BYTES) problem = `${bytes} bytes, over the reader's ${MAX_YAML_BYTES}`;
  else {
    try {
      parseYamlDocuments(text, file);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problem = err.message;
    }
  }
  if (problem !== undefined) {
    throw new InputError(
      `--fix would write ${shown}, which the intents reader would then refuse (${problem}): nothing was written; split the intents or fix fewer calls at once (-n)`,
    );
  }
}
