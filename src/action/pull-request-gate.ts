// A pull request cannot loosen its own gate. On a pull request the drift controls (failOn,
// overrides, ignore rules, minCount, clientIdle, environments) and the baseline come from the
// base commit, read through the contents API (no second checkout): a PR that adds
// `ignore: [{path: "*"}]` or `failOn: none` is checked by the rules it would change, and its
// own apply once merged. The comment and the summary say when it changes them.
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { DEFAULT_CONFIG_FILE, type DriftConfig, defaultDriftConfig } from '../config/drift-config.ts';
import { parseDriftConfig } from '../config/read-config.ts';
import type { ActionIo } from '../deliver/github/action-io.ts';
import type { GateFileChange } from '../deliver/github/gate-note.ts';
import type { GitHubClient } from '../deliver/github/octokit.ts';
import { MAX_REPOSITORY_FILE_BYTES, readRepositoryFileBytes } from '../deliver/github/repository-file.ts';
import type { RunContext } from '../deliver/github/run-context.ts';
import { parseBaseline } from '../diff/baseline.ts';
import { InputError, isInputError } from '../errors.ts';
import type { GateFiles } from '../pipeline.ts';
import { readRegularFileBytes } from '../regular-file.ts';
import { repositoryLinkGuard } from '../repository-links.ts';
import { yamlTextOf } from '../yaml/kubectl-text.ts';
import { type ActionSettings, INPUT } from './inputs.ts';
import { githubClient } from './outcome.ts';

export interface PullRequestGate {
  files: GateFiles;
  /** The gate files this pull request changes, with the difference (empty: none). */
  changes: GateFileChange[];
}

/** The base commit's gate files on a pull request; undefined on any other event. */
export async function pullRequestGate(
  settings: ActionSettings,
  context: RunContext,
  io: ActionIo,
): Promise<PullRequestGate | undefined> {
  const pr = context.pullRequest;
  if (pr === undefined) return undefined;
  if (pr.baseSha === undefined) {
    throw new InputError(
      'the pull_request event names no base commit (pull_request.base.sha) to read the gate from',
    );
  }
  if (settings.token === '') {
    throw new InputError(
      `${INPUT.githubToken} is empty: on a pull request the gate's config is read from the base commit through the API`,
    );
  }
  const client = githubClient(settings, context, io);
  const read = (file: string) =>
    readRepositoryFileBytes(client, {
      owner: context.owner,
      repo: context.repo,
      path: file,
      ref: pr.baseSha!,
    });
  const { check } = settings;
  const configFile = repositoryPath(check.configFile ?? DEFAULT_CONFIG_FILE, INPUT.config);
  const config = await sideBySide(configFile, check.cwd, read, yamlTextOf);
  if (config.base === undefined && config.head === undefined && check.configFile !== undefined) {
    throw new InputError('no such file in the pull request or at its base commit', {
      file: check.configFile,
    });
  }
  const changes = [config].filter((f) => f.base !== f.head).map(asChange);
  const files: GateFiles = { config: baseConfig(config, pr.baseSha), baseline: undefined };
  if (check.baselineFile !== undefined) {
    const baselineFile = repositoryPath(check.baselineFile, INPUT.baseline);
    const baseline = await sideBySide(baselineFile, check.cwd, read, utf8);
    if (baseline.base === undefined && baseline.head === undefined) {
      throw new InputError('no such file in the pull request or at its base commit', {
        file: check.baselineFile,
      });
    }
    if (baseline.base !== baseline.head) changes.push(asChange(baseline));
    if (baseline.base !== undefined) files.baseline = parseBaseline(baseline.base, baseline.file);
  }
  return { files, changes };
}

/** The gate files a pull request changes, both sides read through the API (mode: comment has no checkout). */
export async function gateChangesOfPullRequest(
  client: GitHubClient,
  context: RunContext,
  settings: ActionSettings,
  commits: { base: string; head: string },
): Promise<GateFileChange[]> {
  const at = (ref: string, file: string, decode: (bytes: Buffer) => string) =>
    readRepositoryFileBytes(client, { owner: context.owner, repo: context.repo, path: file, ref }).then(
      (bytes) => decoded(bytes, decode),
    );
  const names: [string | undefined, string, (bytes: Buffer) => string][] = [
    [settings.check.configFile ?? DEFAULT_CONFIG_FILE, INPUT.config, yamlTextOf],
    [settings.check.baselineFile, INPUT.baseline, utf8],
  ];
  const changes: GateFileChange[] = [];
  for (const [name, input, decode] of names) {
    if (name === undefined) continue;
    const file = repositoryPath(name, input);
    const [base, head] = await Promise.all([at(commits.base, file, decode), at(commits.head, file, decode)]);
    if (base !== head) changes.push(asChange({ file, base, head }));
  }
  return changes;
}

interface SideBySide {
  file: string;
  /** Undefined: no such file there. */
  base: string | undefined;
  head: string | undefined;
}

/** The config is YAML, decoded as kubectl decodes it (a UTF-16 byte order mark); the baseline is JSON, UTF-8. */
const utf8 = (bytes: Buffer) => bytes.toString('utf8');
const decoded = (bytes: Buffer | undefined, decode: (bytes: Buffer) => string) =>
  bytes === undefined ? undefined : decode(bytes);

async function sideBySide(
  file: string,
  cwd: string,
  readBase: (file: string) => Promise<Buffer | undefined>,
  decode: (bytes: Buffer) => string,
): Promise<SideBySide> {
  const [base, head] = await Promise.all([readBase(file), readLocal(cwd, file)]);
  return { file, base: decoded(base, decode), head: decoded(head, decode) };
}

function baseConfig(side: SideBySide, baseSha: string): DriftConfig {
  if (side.base === undefined) return defaultDriftConfig();
  try {
    return parseDriftConfig(side.base, side.file);
  } catch (err) {
    if (!isInputError(err)) throw err;
    const where = { file: err.file ?? side.file, ...(err.line === undefined ? {} : { line: err.line }) };
    throw new InputError(
      `${err.message} (in the base commit ${baseSha.slice(0, 7)}, whose config gates this pull request)`,
      where,
    );
  }
}

function asChange(side: SideBySide): GateFileChange {
  const diff = createTwoFilesPatch(
    side.base === undefined ? '/dev/null' : `a/${side.file}`,
    side.head === undefined ? '/dev/null' : `b/${side.file}`,
    side.base ?? '',
    side.head ?? '',
    undefined,
    undefined,
    { context: 3, headerOptions: FILE_HEADERS_ONLY },
  );
  return { file: side.file, diff };
}

async function readLocal(cwd: string, file: string): Promise<Buffer | undefined> {
  const absolute = path.resolve(cwd, file);
  try {
    await lstat(absolute);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
  }
  // The checkout is the pull request's: a link there (to .git/config, /proc/self/environ) must
  // not put another file into the comment's diff. Only a regular file of the repository is read.
  const real = repositoryLinkGuard(cwd)(absolute, file);
  return readRegularFileBytes(real, { file, maxBytes: MAX_REPOSITORY_FILE_BYTES });
}

/** The repository path of a file the inputs name (relative to the workspace, the repository root). */
function repositoryPath(file: string, input: string): string {
  const normal = path.posix.normalize(file.replaceAll('\\', '/')).replace(/^\.\//, '');
  if (path.posix.isAbsolute(normal) || normal === '.' || normal === '..' || normal.startsWith('../')) {
    throw new InputError(
      `${input}: ${JSON.stringify(file)} must be a path inside the repository (on a pull request it is read from the base commit)`,
    );
  }
  return normal;
}
