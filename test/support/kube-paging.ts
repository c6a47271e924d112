// The API server's chunked lists (`limit` and `continue`) as kube-apiserver's etcd3 store serves
// them, which our listing code must survive:
// - items in key order (`namespace/name`), each page read from one snapshot: a continue token
//   carries the first page's resourceVersion, and every later page shows the list as it was then
//   (objects created or deleted meanwhile do not appear), with that same resourceVersion;
// - the token is base64url (no padding) of `{"v":"meta.k8s.io/v1","rv":N,"start":"KEY\u0000"}`
//   (apiserver/pkg/storage/continue.go); a token that does not decode is 400 BadRequest
//   "invalid continue token: ...";
// - `metadata.remainingItemCount` only when the request had no label or field selector (the
//   count is unknown otherwise) and more items remain; `continue` absent on the last page;
// - a token whose resourceVersion was compacted away (etcd keeps about 5 minutes) is 410 Expired,
//   whose Status carries an inconsistent token (rv -1) that continues at the latest state
//   (etcd3 store's handleCompactedErrorForPaging).
// The contract also allows a page with fewer items than `limit`, even none, with a token: `sparse`
// pages filter after taking `limit` keys, so a client must follow `continue`, never count items.

export interface PagingFailure {
  code: 400 | 410;
  reason: 'BadRequest' | 'Expired';
  message: string;
  /** The Status's `metadata.continue` (410 only). */
  continueToken?: string;
}

export interface PageRequest<T> {
  /** The objects as they are now (already scoped to the namespace and resource). */
  current: () => T[];
  keyOf: (item: T) => string;
  matches: (item: T) => boolean;
  /** A label or field selector was given (then remainingItemCount stays unset). */
  selective: boolean;
  limit: number;
  continueToken: string | null;
  sparse: boolean;
}

export interface Page<T> {
  items: T[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

const TOKEN_VERSION = 'meta.k8s.io/v1';

export const INCONSISTENT_CONTINUE =
  'The provided continue parameter is too old to display a consistent list result. You can start a ' +
  'new list without the continue parameter, or use the continue token in this response to retrieve ' +
  'the remainder of the results. Continuing with the provided token results in an inconsistent list - ' +
  'objects that were created, modified, or deleted between the time the first chunk was returned and ' +
  'now may show up in the list.';

export function encodeContinue(rv: number, startKey: string): string {
  return Buffer.from(JSON.stringify({ v: TOKEN_VERSION, rv, start: startKey })).toString('base64url');
}

function decodeContinue(token: string): { rv: number; start: string } | string {
  let parsed: { v?: unknown; rv?: unknown; start?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return 'continue key is not valid';
  }
  if (parsed.v !== TOKEN_VERSION) {
    return `continue key is not valid: server does not recognize this encoded version "${String(parsed.v)}"`;
  }
  if (typeof parsed.rv !== 'number' || parsed.rv === 0) {
    return 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)';
  }
  if (typeof parsed.start !== 'string' || parsed.start === '') {
    return 'continue key is not valid: encoded start key empty (version meta.k8s.io/v1)';
  }
  return { rv: parsed.rv, start: parsed.start };
}

/** Snapshots of the store by resourceVersion, and what compaction has thrown away. */
export class ListSnapshots<T> {
  private revision = 1000;
  private compactedUpTo = 0;
  private readonly kept = new Map<number, T[]>();

  /** The resourceVersion a fresh read is served at. */
  get current(): number {
    return this.revision;
  }

  /** Forgets every snapshot so far, as etcd's compaction does after its retention window. */
  compact(): void {
    this.compactedUpTo = this.revision;
    this.kept.clear();
    this.revision++;
  }

  page<T2 extends T>(req: PageRequest<T2>): Page<T2> | PagingFailure {
    let rv: number;
    let all: T2[];
    let after = '';
    if (req.continueToken === null || req.continueToken === '') {
      rv = ++this.revision;
      all = sortByKey(req.current(), req.keyOf);
      if (req.limit > 0) this.kept.set(rv, all);
    } else {
      const token = decodeContinue(req.continueToken);
      if (typeof token === 'string') {
        return { code: 400, reason: 'BadRequest', message: `invalid continue token: ${token}` };
      }
      after = token.start;
      if (token.rv === -1) {
        rv = ++this.revision;
        all = sortByKey(req.current(), req.keyOf);
      } else {
        const snapshot = this.kept.get(token.rv) as T2[] | undefined;
        if (snapshot === undefined || token.rv <= this.compactedUpTo) {
          return {
            code: 410,
            reason: 'Expired',
            message: INCONSISTENT_CONTINUE,
            continueToken: encodeContinue(-1, token.start),
          };
        }
        rv = token.rv;
        all = snapshot;
      }
    }
    const rest = all.filter((item) => req.keyOf(item) >= after);
    return req.sparse ? sparsePage(req, rest, rv) : fullPage(req, rest, rv);
  }
}

function sortByKey<T>(items: T[], keyOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

/** etcd3's loop: keep reading keys until `limit` matching items are found or the keys run out. */
function fullPage<T>(req: PageRequest<T>, rest: T[], rv: number): Page<T> {
  const matching = rest.filter(req.matches);
  if (req.limit <= 0 || matching.length <= req.limit) {
    return { items: matching, resourceVersion: String(rv) };
  }
  const items = matching.slice(0, req.limit);
  return withToken(req, items, rv, matching.length - items.length);
}

/** `limit` keys read, then filtered: fewer items than asked for, still with a token. */
function sparsePage<T>(req: PageRequest<T>, rest: T[], rv: number): Page<T> {
  if (req.limit <= 0 || rest.length <= req.limit) {
    return { items: rest.filter(req.matches), resourceVersion: String(rv) };
  }
  const read = rest.slice(0, req.limit);
  const page = withToken(req, read.filter(req.matches), rv, rest.length - read.length);
  page.continueToken = encodeContinue(rv, `${req.keyOf(read.at(-1)!)}\u0000`);
  return page;
}

function withToken<T>(req: PageRequest<T>, items: T[], rv: number, remaining: number): Page<T> {
  const last = items.at(-1);
  const page: Page<T> = {
    items,
    resourceVersion: String(rv),
    continueToken: encodeContinue(rv, last === undefined ? '\u0000' : `${req.keyOf(last)}\u0000`),
  };
  if (!req.selective) page.remainingItemCount = remaining;
  return page;
}
