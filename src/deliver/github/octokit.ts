// The one Octokit factory: @actions/github's client with retry (5xx, network) and throttling
// (primary and secondary rate limits), writes one at a time. Nothing else builds a client.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** GITHUB_API_URL (GitHub Enterprise Server, or a local stand-in in tests). */
  baseUrl: string;
  /** Milliseconds per second of retry-after; below 1000 only in tests, which must not sleep. */
  delayUnitMs?: number;
  /** Where the plugins say what they wait for. */
  log?: (message: string) => void;
  /** How often a rate-limited request is tried again. */
  rateLimitRetries?: number;
  /** How long one request may take before it counts as unanswered (and is retried). */
  requestTimeoutMs?: number;
}

/**
 * One request's time limit. Octokit sets none, and Node's fetch waits 5 minutes for headers and
 * 5 more for the body: an API that takes the connection and never answers (a proxy, a GHES
 * outage) would hold the job 4 tries of that long.
 */
export const REQUEST_TIMEOUT_MS = 60_000;

/**
 * The longest rate-limit wait, in seconds. A primary limit resets up to an hour ahead, and a
 * secondary limit's retry-after can be as long: waiting that out would sit the job out to its
 * timeout with no verdict at all. Past this the request fails, and its caller degrades or says so.
 */
export const MAX_RATE_LIMIT_WAIT_S = 120;

export function createGitHubClient(token: string, options: ClientOptions): GitHubClient {
  const unit = options.delayUnitMs ?? 1000;
  const retries = options.rateLimitRetries ?? 2;
  const log = options.log ?? (() => {});
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _client: unknown, retryCount: number) => {
      if (retryCount >= retries) {
        log(`GitHub ${kind} rate limit on ${request.method} ${pathOf(request.url)}: giving up`);
        return false;
      }
      if (retryAfter > MAX_RATE_LIMIT_WAIT_S) {
        log(
          `GitHub ${kind} rate limit on ${request.method} ${pathOf(request.url)}: not waiting ${retryAfter}s (over ${MAX_RATE_LIMIT_WAIT_S}s): giving up`,
        );
        return false;
      }
      log(
        `GitHub ${kind} rate limit on ${request.method} ${pathOf(request.url)}: retrying in ${retryAfter}s`,
      );
      return true;
    };
  return getOctokit(
    token,
    {
      baseUrl: options.baseUrl,
      request: { fetch: fetchWithin(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS) },
      log: { debug: () => {}, info: () => {}, warn: log, error: log },
      // 429 is a rate limit: throttling owns it, retry would hammer the API.
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], retryAfterBaseValue: unit },
      throttle: {
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        retryAfterBaseValue: unit,
        ...(unit === 1000 ? {} : oneAtATimeGroups(unit)),
      },
    },
    retry,
    throttling,
  );
}

/** fetch that gives up after `ms` (a request's own signal, when it has one, still applies too). */
function fetchWithin(ms: number): typeof fetch {
  return (input, init) => {
    const limit = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, limit]) : limit;
    return fetch(input, { ...init, signal });
  };
}

/** Never a query string (it may hold a token in a misconfigured URL). */
function pathOf(url: string): string {
  return url.split('?')[0] ?? url;
}

/**
 * The throttling plugin keeps 1 s (3 s for notifying writes) between writes; with a shorter
 * unit, keep them serial with a proportional gap instead.
 */
function oneAtATimeGroups(unit: number) {
  let tail: Promise<unknown> = Promise.resolve();
  const serial = {
    schedule<T>(_options: unknown, job: () => Promise<T>): Promise<T> {
      const run = tail.then(() => new Promise((r) => setTimeout(r, unit))).then(job);
      tail = run.catch(() => {});
      return run;
    },
  };
  const group = { key: () => serial };
  // biome-ignore lint/suspicious/noExplicitAny: stands in for a Bottleneck.Group, of which the plugin calls key().schedule()
  return { write: group as any, notifications: group as any };
}
