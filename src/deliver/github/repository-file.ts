// One file of the repository at one commit, read through GitHub's contents API: how a pull
// request's run reads the base branch's gate files without a second checkout. Files over
// 1 MB come back without content in the JSON form (encoding "none"); they are asked for again
// in the raw media type, which GitHub serves up to 100 MB.
import { InputError } from '../../errors.ts';
import { asRequestError, describeGitHubError } from './github-errors.ts';
import type { GitHubClient } from './octokit.ts';

export interface FileAtCommit {
  owner: string;
  repo: string;
  /** A repository path (posix, no leading `/`). */
  path: string;
  /** The commit SHA to read at. */
  ref: string;
}

/** Larger files are refused: the gate files (config, baseline) are small. */
export const MAX_REPOSITORY_FILE_BYTES = 16 * 1024 * 1024;

interface ContentItem {
  type?: string;
  encoding?: string;
  content?: string;
  size?: number;
}

/** The file's bytes at the commit, for a reader that decodes them itself; undefined on a 404. */
export async function readRepositoryFileBytes(
  client: GitHubClient,
  at: FileAtCommit,
): Promise<Buffer | undefined> {
  const where = `${at.path} at ${at.ref.slice(0, 7)}`;
  let data: ContentItem | ContentItem[];
  try {
    ({ data } = await client.rest.repos.getContent({
      owner: at.owner,
      repo: at.repo,
      path: at.path,
      ref: at.ref,
    }));
  } catch (err) {
    // A 404 for the ref itself is no answer about the file: never read it as "no config here".
    if (asRequestError(err)?.status === 404 && !/no commit found/i.test(describeGitHubError(err))) {
      return undefined;
    }
    throw refused(err, where);
  }
  if (Array.isArray(data)) throw new InputError(`${where} is a directory, not a file`);
  if (data.type !== 'file')
    throw new InputError(`${where} is a ${data.type ?? 'strange object'}, not a file`);
  if ((data.size ?? 0) > MAX_REPOSITORY_FILE_BYTES) {
    throw new InputError(`${where} is larger than ${MAX_REPOSITORY_FILE_BYTES / 1024 / 1024} MiB`);
  }
  if (data.encoding === 'base64' && typeof data.content === 'string') {
    // GitHub wraps the base64 in lines of 60 characters; Buffer skips the line breaks.
    return Buffer.from(data.content, 'base64');
  }
  if (data.encoding === 'none') return readRaw(client, at, where);
  throw new InputError(`${where}: GitHub answered with an unknown encoding ${JSON.stringify(data.encoding)}`);
}

async function readRaw(client: GitHubClient, at: FileAtCommit, where: string): Promise<Buffer> {
  try {
    const { data } = await client.rest.repos.getContent({
      owner: at.owner,
      repo: at.repo,
      path: at.path,
      ref: at.ref,
      mediaType: { format: 'raw' },
    });
    // Octokit gives text for a text/* or utf-8 answer (decoded as UTF-8 already), the bytes otherwise.
    const raw = data as unknown;
    if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
    if (raw instanceof ArrayBuffer) return Buffer.from(raw);
    throw new InputError(`${where}: GitHub's raw answer was neither text nor bytes`);
  } catch (err) {
    throw err instanceof InputError ? err : refused(err, where);
  }
}

function refused(err: unknown, where: string): unknown {
  const status = asRequestError(err)?.status;
  if (status === undefined) return err;
  const hint =
    status === 403
      ? ': the token needs `contents: read` on this repository'
      : status === 401
        ? ': GitHub does not accept the token (expired, revoked or mistyped)'
        : '';
  return new InputError(`cannot read ${where}: ${describeGitHubError(err)}${hint}`);
}
