// The git data API of the GitHub stand-in: blobs, trees, commits and refs, with GitHub's
// shapes and errors (GET git/ref/heads/x answers 404 for a branch that does not exist;
// creating a ref that exists is 422 "Reference already exists").
import { githubError, type RecordedRequest, type Route, sha1 } from './github-api-server.ts';

export interface TreeEntry {
  path: string;
  mode: string;
  type: string;
  sha: string;
}

export interface StoredCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}

export interface GitState {
  /** Blob sha to its bytes (GitHub stores bytes: a UTF-16 file stays UTF-16). */
  blobs: Map<string, Buffer>;
  trees: Map<string, TreeEntry[]>;
  commits: Map<string, StoredCommit>;
  /** `heads/<branch>` to commit sha. */
  refs: Map<string, string>;
}

export function gitRoutes(
  git: GitState,
  r: (path: string) => RegExp,
  storeBlob: (content: Buffer) => string,
): [string, RegExp, Route][] {
  const body = <T>(req: RecordedRequest) => req.body as T;
  return [
    [
      'POST',
      r('/git/blobs'),
      (req) => {
        const { content, encoding } = body<{ content: string; encoding?: string }>(req);
        const bytes = encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
        return { status: 201, body: { sha: storeBlob(bytes) } };
      },
    ],
    [
      'POST',
      r('/git/trees'),
      (req) => {
        const { base_tree, tree } = body<{ base_tree?: string; tree: TreeEntry[] }>(req);
        const base = base_tree === undefined ? [] : git.trees.get(base_tree);
        if (base === undefined) return githubError(422, 'Invalid tree info');
        const entries = new Map(base.map((e) => [e.path, e]));
        for (const entry of tree) {
          if (!git.blobs.has(entry.sha)) return githubError(422, 'Invalid tree info');
          entries.set(entry.path, entry);
        }
        const merged = [...entries.values()].sort((a, b) => a.path.localeCompare(b.path));
        const sha = sha1(JSON.stringify(merged));
        git.trees.set(sha, merged);
        return { status: 201, body: { sha, tree: merged } };
      },
    ],
    [
      'GET',
      r('/git/commits/([0-9a-f]{40})'),
      (_req, m) => {
        const commit = git.commits.get(m[1] ?? '');
        if (commit === undefined) return githubError(404, 'Not Found');
        return { status: 200, body: commitJson(commit) };
      },
    ],
    [
      'POST',
      r('/git/commits'),
      (req) => {
        const { message, tree, parents } = body<{ message: string; tree: string; parents: string[] }>(req);
        if (!git.trees.has(tree) || parents.some((p) => !git.commits.has(p))) {
          return githubError(422, 'Tree SHA does not exist');
        }
        const sha = sha1(`commit ${tree} ${parents.join(',')} ${message}`);
        git.commits.set(sha, { sha, tree, parents, message });
        return { status: 201, body: commitJson(git.commits.get(sha)!) };
      },
    ],
    [
      'GET',
      r('/git/ref/(heads/.+)'),
      (_req, m) => {
        const ref = m[1] ?? '';
        const sha = git.refs.get(ref);
        if (sha === undefined) return githubError(404, 'Not Found');
        return { status: 200, body: { ref: `refs/${ref}`, object: { sha, type: 'commit' } } };
      },
    ],
    [
      'POST',
      r('/git/refs'),
      (req) => {
        const { ref, sha } = body<{ ref: string; sha: string }>(req);
        const name = ref.replace(/^refs\//, '');
        if (git.refs.has(name)) return githubError(422, 'Reference already exists');
        if (!git.commits.has(sha)) return githubError(422, 'Object does not exist');
        git.refs.set(name, sha);
        return { status: 201, body: { ref, object: { sha, type: 'commit' } } };
      },
    ],
    [
      'PATCH',
      r('/git/refs/(heads/.+)'),
      (req, m) => {
        const name = m[1] ?? '';
        const { sha, force } = body<{ sha: string; force?: boolean }>(req);
        const current = git.refs.get(name);
        if (current === undefined) return githubError(422, 'Reference does not exist');
        if (!git.commits.has(sha)) return githubError(422, 'Object does not exist');
        if (!force && !isAncestor(git, current, sha)) return githubError(422, 'Update is not a fast forward');
        git.refs.set(name, sha);
        return { status: 200, body: { ref: `refs/${name}`, object: { sha, type: 'commit' } } };
      },
    ],
  ];
}

function commitJson(c: StoredCommit) {
  return {
    sha: c.sha,
    message: c.message,
    tree: { sha: c.tree },
    parents: c.parents.map((sha) => ({ sha })),
    // Commits made through the API without an author are signed by GitHub.
    verification: { verified: true, reason: 'valid' },
  };
}

/** Whether commit `ancestor` is `of` or reachable from it through parents. */
export function isAncestor(git: GitState, ancestor: string, of: string): boolean {
  const queue = [of];
  while (queue.length > 0) {
    const sha = queue.shift()!;
    if (sha === ancestor) return true;
    queue.push(...(git.commits.get(sha)?.parents ?? []));
  }
  return false;
}
