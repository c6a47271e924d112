// Expands the paths a user gives (files, directories, globs) into a list of manifest files, in
// the order `kubectl apply -R -f A -f B` reads them (the paths one after another, each folder as
// its walk goes), each with the name reports show: relative to the working directory, with posix
// slashes.
// A directory yields its `.yaml`, `.yml` and `.json` files, as `kubectl apply -R -f DIR` reads them:
// the extension compared as written (cli-runtime's ignoreFile), so `a.YAML` in a folder is
// skipped, as kubectl skips it; a file named on its own is read whatever its name.
import { Buffer } from 'node:buffer';
import * as fsPromises from 'node:fs/promises';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayName } from '../display-path.ts';
import { InputError } from '../errors.ts';
import { type LinkGuard, repositoryLinkGuard } from '../repository-links.ts';

export interface FoundFile {
  /** Absolute path, for reading. */
  absolute: string;
  /** Name shown in messages and rules: relative to cwd when inside it, posix slashes. */
  file: string;
  /** The paths as given (file, directory or glob) that named this file. */
  given: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;
const MANIFEST_FILE = /\.(?:ya?ml|json)$/;
/** Named like a manifest but for the case of its extension: kubectl skips it in a folder. */
const OTHER_CASE = /\.(?:ya?ml|json)$/i;

export async function collectYamlFiles(paths: string[], cwd: string = process.cwd()): Promise<FoundFile[]> {
  if (paths.length === 0) throw new InputError('no files given');
  const found = new Map<string, FoundFile>();
  // The index of the last path that named each file: where kubectl applies it for the last time.
  const lastNamedBy = new Map<string, number>();
  const guard = repositoryLinkGuard(cwd);
  for (const [index, given] of paths.entries()) {
    const matches = GLOB_CHARS.test(given)
      ? await expandGlob(given, cwd, guard)
      : await expandPath(given, cwd, guard);
    for (const absolute of matches) {
      const known = found.get(absolute);
      if (known === undefined)
        found.set(absolute, { absolute, file: displayName(absolute, cwd), given: [given] });
      else if (!known.given.includes(given)) known.given.push(given);
      lastNamedBy.set(absolute, index);
    }
  }
  return inApplyOrder([...found.values()], (file) => lastNamedBy.get(file.absolute)!);
}

/**
 * The order `kubectl apply -R -f A -f B` applies files in: the paths in the order given (the
 * resource builder visits them one after another), and within each the order its folder walk
 * (cli-runtime's filepath.Walk) reads them: each folder's names sorted byte by byte in UTF-8, a
 * subfolder read whole at its name's place. Comparing whole paths would put `payments.yaml`
 * before `payments/ledger.yaml` ("." is below "/"), and UTF-16 code units put U+1F600 before
 * U+FF41: which of two ClientIntents of one name is applied last, and so in force, would differ
 * from kubectl's. Each name's UTF-8 bytes with every `/` as a NUL byte (below any byte a file
 * name holds) compare as the walk orders them, so each file's key is made once, not at every
 * comparison. A file two paths name kubectl applies twice; the second time is the one that
 * counts, so it takes the later path's place. A glob's matches come in the same order: kubectl
 * expands one with Go's filepath.Glob (names sorted at each level) and walks each match in turn.
 */
function inApplyOrder(files: FoundFile[], pathIndex: (file: FoundFile) => number): FoundFile[] {
  const keyed = files.map((found) => ({
    found,
    index: pathIndex(found),
    key: Buffer.from(found.file.replaceAll('/', '\0')),
  }));
  keyed.sort((a, b) => a.index - b.index || Buffer.compare(a.key, b.key));
  return keyed.map(({ found }) => found);
}

async function expandPath(given: string, cwd: string, guard: LinkGuard): Promise<string[]> {
  const absolute = path.resolve(cwd, given);
  guard(absolute, given);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(absolute);
  } catch {
    throw new InputError(`${given}: no such file or directory`);
  }
  if (!info.isDirectory()) return [absolute];
  const { files, notRegular, otherCase } = await yamlFilesUnder(absolute, guard, cwd);
  if (files.length === 0) {
    // A FIFO or a device named like a manifest is never read (it may never end): say so, and a
    // file kubectl skips for the case of its extension.
    const odd =
      notRegular.length > 0
        ? ` (${notRegular[0]} is named like one but is not a regular file)`
        : otherCase.length > 0
          ? ` (${otherCase[0]} is skipped, as kubectl apply -f skips it: extensions are matched in lower case only)`
          : '';
    throw new InputError(`${given}: no *.yaml, *.yml or *.json files in this directory${odd}`);
  }
  return files;
}

async function expandGlob(pattern: string, cwd: string, guard: LinkGuard): Promise<string[]> {
  // fs.promises.glob came in Node.js 22; looked up at call time so the rest runs on older ones.
  const glob = (fsPromises as Partial<typeof fsPromises>).glob;
  if (glob === undefined) throw new InputError(`"${pattern}": glob patterns need Node.js 22 or newer`);
  const files: string[] = [];
  for await (const match of glob(pattern, { cwd })) {
    const absolute = path.resolve(cwd, match);
    guard(absolute, displayName(absolute, cwd));
    const info = await stat(absolute);
    if (info.isDirectory())
      for (const found of (await yamlFilesUnder(absolute, guard, cwd)).files) files.push(found);
    else if (info.isFile()) files.push(absolute);
  }
  if (files.length === 0) throw new InputError(`no files match "${pattern}"`);
  return files;
}

/**
 * The manifest files under `dir`, the entries named like one that are no regular file, and the
 * files kubectl skips for the case of their extension.
 */
async function yamlFilesUnder(
  dir: string,
  guard: LinkGuard,
  cwd: string,
): Promise<{ files: string[]; notRegular: string[]; otherCase: string[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  const notRegular: string[] = [];
  const otherCase: string[] = [];
  for (const entry of entries) {
    if (!MANIFEST_FILE.test(entry.name)) {
      if (OTHER_CASE.test(entry.name) && !entry.isDirectory()) {
        otherCase.push(path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
      }
      continue;
    }
    const absolute = path.join(entry.parentPath, entry.name);
    // Only a symbolic link needs a stat to learn what it points to, and can lead out of the repository.
    if (entry.isSymbolicLink()) guard(absolute, displayName(absolute, cwd));
    if (entry.isFile() || (entry.isSymbolicLink() && (await stat(absolute)).isFile())) files.push(absolute);
    else if (!entry.isDirectory()) notRegular.push(path.relative(dir, absolute).split(path.sep).join('/'));
  }
  return { files, notRegular, otherCase };
}
