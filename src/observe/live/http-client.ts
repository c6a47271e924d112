// Plain HTTP(S) for Prometheus and a directly reachable mapper: a bearer token, a custom CA,
// a timeout. Errors name the endpoint without its query string (queries and tokens stay private).
import http from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError, isInputError } from '../../errors.ts';
import { readRegularFileBytesSync } from '../../regular-file.ts';
import { shownUrl } from './shown-url.ts';

export interface HttpTarget {
  /** Bearer token sent as Authorization (never printed). */
  token?: string;
  /** PEM file of the CA that signed the server's certificate. */
  caFile?: string;
  timeoutMs?: number;
  /** Stops the request (httpStream only). */
  signal?: AbortSignal;
}

export interface HttpAnswer {
  status: number;
  text: string;
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

function caOf(target: HttpTarget): Buffer | undefined {
  if (target.caFile === undefined) return undefined;
  // A FIFO or device as the CA file would block or never end: only a regular file is read, and
  // no more than its limit.
  return readRegularFileBytesSync(target.caFile, { maxBytes: 4 * 1024 * 1024 });
}

export interface RequestInit {
  method?: 'GET' | 'POST';
  body?: string;
  contentType?: string;
}

/** The headers of a request (the bearer token, the body's type and length) and its body. */
function requestHeaders(
  target: HttpTarget,
  init: RequestInit,
  extra: Record<string, string> = {},
): { headers: Record<string, string | number>; body: Buffer | undefined } {
  const headers: Record<string, string | number> = { Accept: 'application/json', ...extra };
  if (target.token !== undefined) headers.Authorization = `Bearer ${target.token}`;
  const body = init.body === undefined ? undefined : Buffer.from(init.body);
  if (body !== undefined) {
    headers['Content-Type'] = init.contentType ?? 'application/json';
    headers['Content-Length'] = body.length;
  }
  return { headers, body };
}

/**
 * One request whose answer is read as a stream by `consume` (the body's chunks, gunzipped when
 * the server compressed them: gzip is asked for). The timeout covers this request, its body
 * and its one resend (closedWhileIdle) included; errors name the endpoint without its query string.
 */
export function httpStream<T>(
  url: URL,
  target: HttpTarget,
  init: RequestInit,
  consume: (status: number, body: AsyncIterable<Buffer>) => Promise<T>,
): Promise<T> {
  const ca = caOf(target);
  const { headers, body } = requestHeaders(target, init, { 'Accept-Encoding': 'gzip' });
  const timeout = AbortSignal.timeout(target.timeoutMs ?? 30_000);
  const signal = target.signal === undefined ? timeout : AbortSignal.any([timeout, target.signal]);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<T>((resolve, reject) => {
    const fail = (err: unknown) =>
      reject(isInputError(err) ? err : unreachable(url, timeout.aborted ? timeout.reason : (err as Error)));
    const send = (again: boolean) => {
      let responded = false;
      const req = transport.request(
        url,
        { method: init.method ?? 'GET', headers, ...(ca === undefined ? {} : { ca }), signal },
        (res) => {
          // From here on the body's stream reports what goes wrong (a cut, the timeout).
          responded = true;
          const encoding = (res.headers['content-encoding'] ?? 'identity').toLowerCase();
          let stream: AsyncIterable<Buffer> = res;
          if (encoding === 'gzip' || encoding === 'x-gzip')
            stream = pipeline(res, createGunzip({ chunkSize: 256 * 1024 }), () => {});
          else if (encoding !== 'identity') {
            res.destroy();
            reject(new InputError(`${shownUrl(url)}: answered in an encoding not asked for (${encoding})`));
            return;
          }
          consume(res.statusCode ?? 0, stream).then(resolve, fail);
        },
      );
      req.on('error', (err) => {
        if (responded) return;
        if (!again && closedWhileIdle(req, err)) send(true);
        else fail(err);
      });
      req.end(body);
    };
    send(false);
  });
}

/**
 * The request went out on a kept-alive connection the server had just closed as idle (a
 * reset or hang-up before any answer): a race of every keep-alive client, worst behind a proxy
 * with a short idle timeout. The request never reached the server, so it is sent once more, on
 * a new connection. A query is read-only, so even a request that did arrive does no harm twice.
 */
function closedWhileIdle(req: http.ClientRequest, err: Error): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE');
}

/**
 * A whole (small) answer as text. `maxBytes`: a longer body is not read on, and is an input
 * error saying so (never cut short and parsed).
 */
export async function httpRequest(
  url: URL,
  target: HttpTarget,
  init: RequestInit & { maxBytes?: number } = {},
): Promise<HttpAnswer> {
  const ca = caOf(target);
  const { headers, body } = requestHeaders(target, init);
  const timeoutMs = target.timeoutMs ?? 30_000;
  const transport = url.protocol === 'https:' ? https : http;
  const signal = AbortSignal.timeout(timeoutMs);
  return new Promise<HttpAnswer>((resolve, reject) => {
    const send = (again: boolean) => {
      let responded = false;
      const req = transport.request(
        url,
        {
          method: init.method ?? 'GET',
          headers,
          ...(ca === undefined ? {} : { ca }),
          signal,
        },
        (res) => {
          responded = true;
          const parts: Buffer[] = [];
          let length = 0;
          res.on('data', (c: Buffer) => {
            length += c.length;
            if (init.maxBytes !== undefined && length > init.maxBytes) {
              res.destroy();
              reject(new InputError(`${shownUrl(url)}: ${tooLarge(init.maxBytes)}`));
              return;
            }
            parts.push(c);
          });
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }),
          );
          res.on('error', (err) => reject(unreachable(url, err)));
        },
      );
      req.on('error', (err) => {
        if (!responded && !again && closedWhileIdle(req, err)) send(true);
        else reject(unreachable(url, err));
      });
      req.end(body);
    };
    send(false);
  });
}

function unreachable(url: URL, err: Error): InputError {
  const e = err as NodeJS.ErrnoException;
  const reason = e.name === 'TimeoutError' || e.code === 'ABORT_ERR' ? 'timed out' : (e.code ?? e.message);
  return new InputError(
    `${shownUrl(url)}: cannot reach: ${reason}${e.code && e.message && reason === e.code ? ` (${e.message})` : ''}`,
  );
}

/** What an answer over its byte limit is called, wherever it came from. */
export function tooLarge(maxBytes: number): string {
  return `answer larger than ${maxBytes / 1024 / 1024} MiB: not read`;
}
