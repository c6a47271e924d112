// Plain HTTP(S) for Prometheus and a directly reachable mapper: a bearer token, a custom CA,
// a timeout. Errors name the endpoint without its query string (queries and tokens stay private).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { InputError } from '../../errors.ts';
import { assertRegularFileSync } from '../../regular-file.ts';

export interface HttpTarget {
  /** Bearer token sent as Authorization (never printed). */
  token?: string;
  /** PEM file of the CA that signed the server's certificate. */
  caFile?: string;
  timeoutMs?: number;
}

export interface HttpAnswer {
  status: number;
  text: string;
}

/** `scheme://host/path` of a URL: no credentials, no query, no fragment. */
export function shownUrl(url: URL | string): string {
  try {
    const u = new URL(String(url));
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

export function parseBaseUrl(text: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(`${flag}: not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InputError(`${flag}: must be http or https`);
  return url;
}

export async function httpRequest(
  url: URL,
  target: HttpTarget,
  init: { method?: 'GET' | 'POST'; body?: string; contentType?: string } = {},
): Promise<HttpAnswer> {
  let ca: Buffer | undefined;
  if (target.caFile !== undefined) {
    // A FIFO or device as the CA file would block or never end: only a regular file is read.
    assertRegularFileSync(target.caFile, { maxBytes: 4 * 1024 * 1024 });
    try {
      ca = readFileSync(target.caFile);
    } catch (err) {
      throw new InputError(`cannot read the CA file: ${(err as Error).message}`, { file: target.caFile });
    }
  }
  const headers: Record<string, string | number> = { Accept: 'application/json' };
  if (target.token !== undefined) headers.Authorization = `Bearer ${target.token}`;
  const body = init.body === undefined ? undefined : Buffer.from(init.body);
  if (body !== undefined) {
    headers['Content-Type'] = init.contentType ?? 'application/json';
    headers['Content-Length'] = body.length;
  }
  const timeoutMs = target.timeoutMs ?? 30_000;
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<HttpAnswer>((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: init.method ?? 'GET',
        headers,
        ...(ca === undefined ? {} : { ca }),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }),
        );
        res.on('error', (err) => reject(unreachable(url, err)));
      },
    );
    req.on('error', (err) => reject(unreachable(url, err)));
    req.end(body);
  });
}

function unreachable(url: URL, err: Error): InputError {
  const e = err as NodeJS.ErrnoException;
  const reason = e.name === 'TimeoutError' || e.code === 'ABORT_ERR' ? 'timed out' : (e.code ?? e.message);
  return new InputError(
    `${shownUrl(url)}: cannot reach: ${reason}${e.code && e.message && reason === e.code ? ` (${e.message})` : ''}`,
  );
}
