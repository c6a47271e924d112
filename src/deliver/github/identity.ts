// Who the token is, so the sticky comment is only ever one we wrote. GET /user answers for
// personal tokens; installation tokens (GITHUB_TOKEN, app tokens) get 403 there but GraphQL's
// `viewer` answers for both, with the bot's login (`github-actions[bot]`, `my-app[bot]`).
import { isGraphqlRefusal } from './github-errors.ts';
import type { GitHubClient } from './octokit.ts';

/** The login GITHUB_TOKEN's comments carry: the last resort when the API will not say. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

export interface TokenIdentity {
  login: string;
  /** How the login was learned, for the log. */
  via: 'rest' | 'graphql' | 'fallback';
}

export async function tokenIdentity(client: GitHubClient): Promise<TokenIdentity> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return { login: data.login, via: 'rest' };
  } catch (err) {
    if (!isAuthRefusal(err)) throw err;
  }
  try {
    const data = await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    if (typeof data.viewer?.login === 'string' && data.viewer.login !== '') {
      return { login: data.viewer.login, via: 'graphql' };
    }
  } catch (err) {
    if (!isAuthRefusal(err)) throw err;
  }
  return { login: ACTIONS_BOT_LOGIN, via: 'fallback' };
}

/**
 * Whether a comment's author is the token's identity. GraphQL may name a bot without the
 * `[bot]` suffix that REST puts on its comments; the suffix alone identifies a bot account.
 */
export function isAuthoredBy(
  user: { login: string; type?: string } | null | undefined,
  login: string,
): boolean {
  if (!user) return false;
  if (user.login === login) return true;
  return user.type === 'Bot' && user.login === `${login}[bot]`;
}

/**
 * The endpoint refuses this kind of token: 403 or 404, or GraphQL's FORBIDDEN-type errors, which
 * GitHub sends with HTTP 200 (no status on the error). A bad token (401) stays an error.
 */
function isAuthRefusal(err: unknown): boolean {
  if (isGraphqlRefusal(err)) return true;
  const status = (err as { status?: number }).status;
  return status === 403 || status === 404;
}
