// The contents API of the GitHub stand-in (GET /repos/{owner}/{repo}/contents/{path}?ref=),
// over the same git state as the git data routes, with GitHub's shapes:
// - a file: `type: "file"`, `encoding: "base64"`, the content in base64 wrapped in lines of 60
//   characters with a trailing newline (Ruby's Base64.encode64, as api.github.com sends it);
// - over 1 MB: `encoding: "none"` and an empty content, unless the raw media type is asked
//   for (`Accept: application/vnd.github.raw` / `.v3.raw`), which answers the bytes;
// - a directory: an array of entries; no such path: 404 "Not Found"; a ref that names no
//   commit: 404 "No commit found for the ref ..."; a token without contents access: 403.
import { githubError, type Identity, type Reply, type Route } from './github-api-server.ts';
import type { GitState } from './github-git-routes.ts';

/** Files above this come back without content in the JSON form. */
export const INLINE_CONTENT_LIMIT = 1024 * 1024;

export function contentsRoutes(
  git: GitState,
  r: (path: string) => RegExp,
  repo: () => { owner: string; name: string; defaultBranch: string },
): [string, RegExp, Route][] {
  return [
    [
      'GET',
      r('/contents/(.+)'),
      (req, m) => {
        const { identity } = req.body as { identity: Identity };
        if (identity.contents === 'none') return githubError(403, 'Resource not accessible by integration');
        const ref = req.query.get('ref') ?? repo().defaultBranch;
        const sha = /^[0-9a-f]{40}$/.test(ref) && git.commits.has(ref) ? ref : git.refs.get(`heads/${ref}`);
        if (sha === undefined) return githubError(404, `No commit found for the ref ${ref}`);
        const tree = git.trees.get(git.commits.get(sha)?.tree ?? '') ?? [];
        const wanted = (m[1] ?? '').replace(/\/+$/, '');
        const entry = tree.find((e) => e.path === wanted);
        if (entry !== undefined) {
          const bytes = git.blobs.get(entry.sha) ?? Buffer.alloc(0);
          return fileReply(repo(), wanted, entry.sha, bytes, req.accept ?? '');
        }
        const inside = tree.filter((e) => e.path.startsWith(`${wanted}/`));
        if (inside.length === 0) return githubError(404, 'Not Found');
        const names = new Map<string, string>();
        for (const e of inside) {
          const rest = e.path.slice(wanted.length + 1);
          names.set(rest.split('/')[0]!, rest.includes('/') ? 'dir' : 'file');
        }
        return {
          status: 200,
          body: [...names].map(([name, type]) => ({ type, name, path: `${wanted}/${name}` })),
        };
      },
    ],
  ];
}

function fileReply(
  repo: { owner: string; name: string },
  path: string,
  sha: string,
  bytes: Buffer,
  accept: string,
): Reply {
  if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) {
    return { status: 200, raw: bytes, headers: { 'content-type': 'application/vnd.github.raw' } };
  }
  const size = bytes.length;
  const inline = size <= INLINE_CONTENT_LIMIT;
  const api = `https://api.github.com/repos/${repo.owner}/${repo.name}`;
  const html = `https://github.com/${repo.owner}/${repo.name}/blob/${sha}/${path}`;
  return {
    status: 200,
    body: {
      type: 'file',
      encoding: inline ? 'base64' : 'none',
      size,
      name: path.split('/').pop(),
      path,
      content: inline ? wrapped(bytes.toString('base64')) : '',
      sha,
      url: `${api}/contents/${path}`,
      git_url: `${api}/git/blobs/${sha}`,
      html_url: html,
      download_url: `https://raw.githubusercontent.com/${repo.owner}/${repo.name}/${sha}/${path}`,
      _links: { self: `${api}/contents/${path}`, git: `${api}/git/blobs/${sha}`, html },
    },
  };
}

/** Base64 in lines of 60 characters, each ending in a newline. */
function wrapped(base64: string): string {
  let out = '';
  for (let i = 0; i < base64.length; i += 60) out += `${base64.slice(i, i + 60)}\n`;
  return out;
}
