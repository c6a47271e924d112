// What the runner tells a step about where it runs: repository, event, commit, URLs. Read from
// the environment and the event file once, like @actions/github's context, but as plain data
// the rest of the code can be tested with.
import { InputError } from '../../errors.ts';
import { readRegularFileBytesSync } from '../../regular-file.ts';
import type { RunHeader } from '../../report/markdown-report.ts';

export interface PullRequestInfo {
  number: number;
  headSha: string;
  /** The base branch's commit the pull request was compared with (pull_request.base.sha). */
  baseSha: string | undefined;
  /** The head repository is not the base repository: the token cannot write. */
  fork: boolean;
}

export interface RunContext {
  owner: string;
  repo: string;
  eventName: string;
  /** GITHUB_SHA: the commit the workspace holds. */
  sha: string;
  /** Branch name of GITHUB_REF when it is a branch. */
  branch: string | undefined;
  serverUrl: string;
  apiUrl: string;
  runUrl: string | undefined;
  pullRequest: PullRequestInfo | undefined;
  /** The workflow_run that produced an artifact (mode: comment). */
  workflowRun: WorkflowRunInfo | undefined;
}

/** What GitHub says about the run that produced an artifact: never what the artifact says. */
export interface WorkflowRunInfo {
  headSha: string;
  /** `workflow_run.head_repository.full_name`: the fork the PR run checked out, or this repository. */
  headRepository: string | undefined;
  /** `workflow_run.head_branch`. */
  headBranch: string | undefined;
  /** The checking run's page, where its job summary is (only a page on this GitHub). */
  url?: string;
}

type Env = Record<string, string | undefined>;

export function readRunContext(env: Env): RunContext {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new InputError('GITHUB_REPOSITORY is not set: run this as a GitHub Action step');
  const payload = readEvent(env.GITHUB_EVENT_PATH);
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
  const ref = env.GITHUB_REF ?? '';
  return {
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    branch: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined,
    serverUrl,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    runUrl: env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    pullRequest: pullRequestOf(payload),
    workflowRun: workflowRunOf(payload, serverUrl),
  };
}

/** GitHub caps a webhook's payload at 25 MB; the runner writes that payload to the event file. */
const MAX_EVENT_BYTES = 32 * 1024 * 1024;

function readEvent(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  try {
    // Only a regular file, and only so much: a FIFO would block the step, a device never end.
    const bytes = readRegularFileBytesSync(file, { maxBytes: MAX_EVENT_BYTES });
    return JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

interface PullRequestPayload {
  number?: unknown;
  head?: { sha?: unknown; repo?: { full_name?: unknown } | null };
  base?: { sha?: unknown; repo?: { full_name?: unknown } };
}

function pullRequestOf(payload: Record<string, unknown>): PullRequestInfo | undefined {
  const pr = payload.pull_request as PullRequestPayload | undefined;
  if (!pr || typeof pr.number !== 'number' || typeof pr.head?.sha !== 'string') return undefined;
  const head = pr.head.repo?.full_name;
  const base = pr.base?.repo?.full_name;
  // A deleted fork has no head repo: treat it as a fork too.
  const baseSha = typeof pr.base?.sha === 'string' ? pr.base.sha : undefined;
  return { number: pr.number, headSha: pr.head.sha, baseSha, fork: head !== base };
}

function workflowRunOf(payload: Record<string, unknown>, serverUrl: string): RunContext['workflowRun'] {
  const run = payload.workflow_run as
    | {
        head_sha?: unknown;
        head_branch?: unknown;
        head_repository?: { full_name?: unknown } | null;
        html_url?: unknown;
      }
    | undefined;
  if (typeof run?.head_sha !== 'string') return undefined;
  const repository = run.head_repository?.full_name;
  const url = run.html_url;
  const own = typeof url === 'string' && url.startsWith(`${serverUrl}/`) && /^[\x21-\x7e]+$/.test(url);
  return {
    headSha: run.head_sha,
    headRepository: typeof repository === 'string' ? repository : undefined,
    headBranch: typeof run.head_branch === 'string' ? run.head_branch : undefined,
    ...(own ? { url } : {}),
  };
}

/** Links to a rule's file and line at the PR head commit (or the checked-out commit). */
export function blobLink(context: RunContext, sha: string) {
  return (file: string, line: number): string =>
    `${context.serverUrl}/${context.owner}/${context.repo}/blob/${sha}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

/** The commit's page: what the comment's "checked a1b2c3d" links to. */
export function commitLink(context: RunContext, sha: string): string {
  return `${context.serverUrl}/${context.owner}/${context.repo}/commit/${sha}`;
}

/** The header of a comment about `sha`: the commit, linked, and the run. */
export function runHeader(context: RunContext, sha: string): RunHeader {
  return {
    ...(sha === '' ? {} : { commit: { sha, url: commitLink(context, sha) } }),
    ...(context.runUrl === undefined ? {} : { runUrl: context.runUrl }),
  };
}
