// A stand-in for api.github.com that speaks its REST wire format for exactly the calls the
// action makes, keeps state in memory, and answers everything else with GitHub's 404. Faults
// (403, 422, 429, rate limits) are planted per route so tests can drive the real Octokit
// through them. It is as permissive as GitHub where our safety must come from our own code:
// any token that may write edits anyone's comment, and a `head` filter without `owner:` is
// ignored (all open PRs come back). GraphQL answers errors with HTTP 200 (github-graphql.ts).
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentsRoutes } from './github-contents-routes.ts';
import { type GitState, gitRoutes, isAncestor } from './github-git-routes.ts';
import { answerGraphql } from './github-graphql.ts';

export interface Identity {
  login: string;
  /** installation: GITHUB_TOKEN or an app token, which GET /user refuses. */
  kind: 'user' | 'installation';
  /** `none`: a token without the contents permission (the contents API answers 403). */
  contents?: 'none' | 'read';
  /** GraphQL refuses `viewer` to this token: HTTP 200 with a FORBIDDEN error (a narrow app token). */
  viewerForbidden?: boolean;
}

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
}

export interface StoredPull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
  /** The head commit, for GET pulls/:number (comment mode checks it). */
  headSha?: string;
  /** The base commit GitHub compares the pull request with (else the base branch's head). */
  baseSha?: string;
  /**
   * The head repository's full name (a fork's `someone/shop`; its owner is the head's owner);
   * default this repository. Null as GitHub answers when the fork was deleted: no owner then.
   */
  headRepo?: string | null;
}

export interface Fault {
  method: string;
  path: RegExp;
  /** Fires only on a request whose query string (`page=2&per_page=100`) this matches. */
  query?: RegExp;
  status: number;
  body?: unknown;
  /** Sent as is instead of the JSON body (a raw media type). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  /** How many times it fires (default 1). */
  times?: number;
  /**
   * The request is carried out first, then answered with the fault: a gateway that times out
   * after GitHub wrote (a comment created, yet a 502 comes back).
   */
  afterWrite?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The Accept header (media types such as the contents API's raw one). */
  accept?: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** Sent as is instead of JSON (a raw media type). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
}

export type Route = (req: RecordedRequest, match: RegExpMatchArray) => Reply;

const DOCS = 'https://docs.github.com/rest';

/** GitHub's error body: message, documentation_url, status (a string, as GitHub sends it). */
export function githubError(status: number, message: string, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { message, documentation_url: DOCS, status: String(status), ...extra } };
}

export class GitHubApiServer {
  readonly tokens = new Map<string, Identity>();
  readonly comments: StoredComment[] = [];
  readonly pulls: StoredPull[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  readonly git: GitState = { blobs: new Map(), trees: new Map(), commits: new Map(), refs: new Map() };
  /** Repository the routes answer for. */
  owner = 'acme';
  repo = 'shop';
  defaultBranch = 'main';
  /** Writes answer 403 like a fork PR's read-only token. */
  readOnly = false;
  /** GitHub's limit on comment and PR bodies; lower it to provoke the 422. */
  maxBodyLength = 65_536;
  private nextId = 1000;
  private server: Server | undefined;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: String(err) }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  addPull(pull: Omit<StoredPull, 'state'>): void {
    this.pulls.push({ ...pull, state: 'open' });
  }

  addComment(issue: number, body: string, user: StoredComment['user']): StoredComment {
    const comment = { id: this.nextId++, issue, body, user };
    this.comments.push(comment);
    return comment;
  }

  /** Stores files as a commit on `branch` and returns its sha (`sha` names it, as an event's base.sha would). */
  seedCommit(branch: string, files: Record<string, string | Buffer>, sha?: string): string {
    const tree = Object.entries(files).map(([path, content]) => ({
      path,
      mode: '100644',
      type: 'blob',
      sha: this.storeBlob(content),
    }));
    const treeSha = sha1(JSON.stringify(tree));
    this.git.trees.set(treeSha, tree);
    const commitSha = sha ?? sha1(`seed ${treeSha}`);
    this.git.commits.set(commitSha, { sha: commitSha, tree: treeSha, parents: [], message: 'seed' });
    this.git.refs.set(`heads/${branch}`, commitSha);
    return commitSha;
  }

  /** Stores the bytes (a string as UTF-8) under git's blob sha. */
  storeBlob(content: string | Buffer): string {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const sha = sha1(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]));
    this.git.blobs.set(sha, bytes);
    return sha;
  }

  /** The files of the commit a branch points at. */
  filesAt(branch: string): Record<string, string> {
    const commit = this.git.commits.get(this.git.refs.get(`heads/${branch}`) ?? '');
    const tree = this.git.trees.get(commit?.tree ?? '') ?? [];
    return Object.fromEntries(tree.map((e) => [e.path, this.git.blobs.get(e.sha)?.toString('utf8') ?? '']));
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql');
  }

  private routes(): [string, RegExp, Route][] {
    const repo = `/repos/${this.owner}/${this.repo}`;
    const r = (p: string) => new RegExp(`^${repo.replaceAll('/', '\\/')}${p}$`);
    return [
      ['GET', /^\/user$/, (req) => this.getUser(req)],
      ['POST', /^\/graphql$/, (req) => this.graphql(req)],
      ['GET', r(''), () => ({ status: 200, body: this.repository() })],
      ['GET', r('/issues/(\\d+)/comments'), (req, m) => this.listComments(req, Number(m[1]))],
      ['POST', r('/issues/(\\d+)/comments'), (req, m) => this.createComment(req, Number(m[1]))],
      ['PATCH', r('/issues/comments/(\\d+)'), (req, m) => this.updateComment(req, Number(m[1]))],
      ['GET', r('/pulls'), (req) => this.listPulls(req)],
      ['POST', r('/pulls'), (req) => this.createPull(req)],
      ['GET', r('/pulls/(\\d+)'), (_req, m) => this.getPull(Number(m[1]))],
      ['PATCH', r('/pulls/(\\d+)'), (req, m) => this.updatePull(req, Number(m[1]))],
      ...gitRoutes(this.git, r, (content) => this.storeBlob(content)),
      ...contentsRoutes(this.git, r, () => ({
        owner: this.owner,
        name: this.repo,
        defaultBranch: this.defaultBranch,
      })),
    ];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = await readBody(req);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      // GitHub decodes the path: Octokit sends `heads/a/b` as `heads%2Fa%2Fb`.
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      body: raw === '' ? undefined : JSON.parse(raw),
      ...(req.headers.accept === undefined ? {} : { accept: req.headers.accept }),
    };
    this.requests.push(recorded);
    const reply = this.answer(recorded, req.headers.authorization);
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-github-request-id': `STAND-IN:${this.requests.length}`,
      ...reply.headers,
    };
    res.writeHead(reply.status, headers);
    res.end(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)));
  }

  private answer(req: RecordedRequest, authorization: string | undefined): Reply {
    const identity = this.tokens.get((authorization ?? '').replace(/^(token|bearer) /i, ''));
    if (identity === undefined) return githubError(401, 'Bad credentials');
    const fault = this.faults.find(
      (f) =>
        f.method === req.method && f.path.test(req.path) && (f.query?.test(req.query.toString()) ?? true),
    );
    if (fault !== undefined) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      if (fault.afterWrite) this.route(req, identity);
      return { status: fault.status, body: fault.body, raw: fault.raw, headers: fault.headers ?? {} };
    }
    return this.route(req, identity);
  }

  private route(req: RecordedRequest, identity: Identity): Reply {
    for (const [method, pattern, route] of this.routes()) {
      const match = req.path.match(pattern);
      if (method === req.method && match) {
        if (this.readOnly && method !== 'GET' && req.path !== '/graphql') {
          return githubError(403, 'Resource not accessible by integration');
        }
        return route({ ...req, body: { ...(req.body as object), identity } }, match);
      }
    }
    return githubError(404, 'Not Found');
  }

  private getUser(req: RecordedRequest): Reply {
    const { identity } = req.body as { identity: Identity };
    if (identity.kind === 'installation') return githubError(403, 'Resource not accessible by integration');
    return { status: 200, body: { login: identity.login, id: 1, type: 'User' } };
  }

  private graphql(req: RecordedRequest): Reply {
    const { identity, query, variables } = req.body as {
      identity: Identity;
      query: string;
      variables?: Record<string, unknown>;
    };
    return answerGraphql(identity, query, variables ?? {});
  }

  private repository() {
    return {
      name: this.repo,
      full_name: `${this.owner}/${this.repo}`,
      owner: { login: this.owner },
      default_branch: this.defaultBranch,
    };
  }

  private commentJson(c: StoredComment) {
    return {
      id: c.id,
      body: c.body,
      user: c.user,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${c.issue}#issuecomment-${c.id}`,
    };
  }

  private listComments(req: RecordedRequest, issue: number): Reply {
    const perPage = Math.min(Number(req.query.get('per_page') ?? 30), 100);
    const page = Number(req.query.get('page') ?? 1);
    const all = this.comments.filter((c) => c.issue === issue);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (p: number, rel: string) =>
      `<${this.url}${req.path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
    const links = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    return {
      status: 200,
      body: all.slice((page - 1) * perPage, page * perPage).map((c) => this.commentJson(c)),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  }

  private tooLong(body: string | undefined): Reply | undefined {
    if ((body ?? '').length <= this.maxBodyLength) return undefined;
    return githubError(422, 'Validation Failed', {
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: `body is too long (maximum is ${this.maxBodyLength} characters)`,
        },
      ],
    });
  }

  private createComment(req: RecordedRequest, issue: number): Reply {
    const { body, identity } = req.body as { body: string; identity: Identity };
    const refused = this.tooLong(body);
    if (refused) return refused;
    const type = identity.login.endsWith('[bot]') ? 'Bot' : 'User';
    return {
      status: 201,
      body: this.commentJson(this.addComment(issue, body, { login: identity.login, type })),
    };
  }

  private updateComment(req: RecordedRequest, id: number): Reply {
    const { body } = req.body as { body: string };
    const comment = this.comments.find((c) => c.id === id);
    if (comment === undefined) return githubError(404, 'Not Found');
    // GitHub lets anyone with write access edit any comment (a read-only token got its 403 in
    // answer()): only the action's own author check keeps it off a comment someone else wrote.
    const refused = this.tooLong(body);
    if (refused) return refused;
    comment.body = body;
    return { status: 200, body: this.commentJson(comment) };
  }

  /** The owner of a pull request's head repository; null when that repository was deleted. */
  private headOwnerOf(p: StoredPull): string | null {
    if (p.headRepo === null) return null;
    return p.headRepo === undefined ? this.owner : p.headRepo.split('/')[0]!;
  }

  private pullJson(p: StoredPull) {
    return {
      number: p.number,
      title: p.title,
      body: p.body,
      state: p.state,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${p.number}`,
      head: {
        ref: p.head,
        label: `${this.headOwnerOf(p) ?? 'unknown'}:${p.head}`,
        sha: p.headSha ?? this.git.refs.get(`heads/${p.head}`),
        repo: p.headRepo === null ? null : { full_name: p.headRepo ?? `${this.owner}/${this.repo}` },
      },
      base: {
        ref: p.base,
        sha: p.baseSha ?? this.git.refs.get(`heads/${p.base}`),
        repo: { full_name: `${this.owner}/${this.repo}` },
      },
    };
  }

  private listPulls(req: RecordedRequest): Reply {
    // GitHub filters by `head` only in its `owner:branch` form; a bare branch name is ignored.
    const head = req.query.get('head')?.includes(':') ? req.query.get('head') : null;
    const state = req.query.get('state') ?? 'open';
    const found = this.pulls.filter(
      (p) =>
        (head === null || `${this.headOwnerOf(p)}:${p.head}` === head) &&
        (state === 'all' || p.state === state) &&
        (req.query.get('base') === null || p.base === req.query.get('base')),
    );
    return { status: 200, body: found.map((p) => this.pullJson(p)) };
  }

  private createPull(req: RecordedRequest): Reply {
    const { title, body, head, base } = req.body as StoredPull;
    const refused = this.tooLong(body);
    if (refused) return refused;
    if (!this.git.refs.has(`heads/${head}`)) {
      return githubError(422, 'Validation Failed', {
        errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }],
      });
    }
    const baseSha = this.git.refs.get(`heads/${base}`);
    if (baseSha === undefined) {
      return githubError(422, 'Validation Failed', {
        errors: [{ resource: 'PullRequest', field: 'base', code: 'invalid' }],
      });
    }
    const ours = (p: StoredPull) => this.headOwnerOf(p) === this.owner;
    if (this.pulls.some((p) => ours(p) && p.head === head && p.base === base && p.state === 'open')) {
      return githubError(422, 'Validation Failed', {
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${this.owner}:${head}.`,
          },
        ],
      });
    }
    // GitHub refuses a PR whose head brings nothing: its head commit is the base's or one of
    // its ancestors (a branch merged already, say).
    if (isAncestor(this.git, this.git.refs.get(`heads/${head}`)!, baseSha)) {
      return githubError(422, 'Validation Failed', {
        errors: [
          { resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` },
        ],
      });
    }
    const pull: StoredPull = { number: this.nextId++, title, body, head, base, state: 'open' };
    this.pulls.push(pull);
    return { status: 201, body: this.pullJson(pull) };
  }

  private getPull(number: number): Reply {
    const pull = this.pulls.find((p) => p.number === number);
    return pull === undefined ? githubError(404, 'Not Found') : { status: 200, body: this.pullJson(pull) };
  }

  private updatePull(req: RecordedRequest, number: number): Reply {
    const pull = this.pulls.find((p) => p.number === number);
    if (pull === undefined) return githubError(404, 'Not Found');
    const { title, body } = req.body as Partial<StoredPull>;
    const refused = this.tooLong(body);
    if (refused) return refused;
    if (title !== undefined) pull.title = title;
    if (body !== undefined) pull.body = body;
    return { status: 200, body: this.pullJson(pull) };
  }
}

export function sha1(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
