// The HTTP client of the Prometheus source and --mapper-url (src/observe/live/http-client.ts)
// against small local servers: the URL it accepts, TLS with a private CA (--prometheus-ca), the
// content codings of an answer, the headers it sends, and the limits of a whole answer (its
// size, the timeout, a body cut off). fixtures/tls/ holds a test CA and a certificate it signed
// for 127.0.0.1, valid from 2000 to 2100.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { InputError } from '../../src/errors.ts';
import { httpRequest, httpStream, parseBaseUrl } from '../../src/observe/live/http-client.ts';
import { readPrometheus } from '../../src/observe/live/prometheus-source.ts';

const TLS = new URL('../../fixtures/tls/', import.meta.url);
const CA_FILE = fileURLToPath(new URL('test-ca.pem', TLS));
const EMPTY_VECTOR = JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } });

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface Seen {
  method: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const closers: (() => void)[] = [];
after(() => {
  for (const close of closers) close();
});

/** A server on a loopback port; `seen` holds each request once its body has arrived. */
async function serve(handler: Handler, secure = false): Promise<{ url: URL; seen: Seen[] }> {
  const seen: Seen[] = [];
  const onRequest: Handler = (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', headers: req.headers, body });
      handler(req, res);
    });
  };
  const server = secure
    ? https.createServer(
        {
          cert: readFileSync(new URL('server-cert.pem', TLS)),
          key: readFileSync(new URL('server-key.pem', TLS)),
        },
        onRequest,
      )
    : http.createServer(onRequest);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  const { port } = server.address() as AddressInfo;
  return { url: new URL(`${secure ? 'https' : 'http'}://127.0.0.1:${port}/api/v1/query`), seen };
}

/** httpStream's answer as text. */
function streamText(url: URL, target: Parameters<typeof httpStream>[1] = {}): Promise<string> {
  return httpStream(url, { timeoutMs: 5000, ...target }, { method: 'GET' }, async (_status, body) => {
    let text = '';
    for await (const chunk of body) text += chunk.toString();
    return text;
  });
}

describe('the URL of an endpoint', () => {
  test('http and https are taken, with a path prefix', () => {
    assert.equal(
      parseBaseUrl('http://prometheus:9090/prom', '--prometheus-url').href,
      'http://prometheus:9090/prom',
    );
    assert.equal(parseBaseUrl('https://prometheus', '--prometheus-url').protocol, 'https:');
  });

  test('another scheme is an input error saying what is wanted', () => {
    for (const text of ['file:///etc/passwd', 'ftp://prometheus/', 'unix:/run/prometheus.sock']) {
      assert.throws(
        () => parseBaseUrl(text, '--prometheus-url'),
        (err: unknown) =>
          err instanceof InputError && err.message === '--prometheus-url: must be http or https',
        text,
      );
    }
  });

  test('text that is no URL is refused without being repeated: it may be the token, given in its place', () => {
    assert.throws(
      () => parseBaseUrl('glpat-0123456789abcdef', '--prometheus-url'),
      (err: unknown) => err instanceof InputError && err.message === '--prometheus-url: not a URL',
    );
  });
});

describe('https with a private CA', () => {
  test('the CA file given is trusted; without it the certificate is refused', async () => {
    const { url } = await serve((_req, res) => res.end('signed'), true);
    assert.equal(await streamText(url, { caFile: CA_FILE }), 'signed');
    await assert.rejects(streamText(url), /cannot reach: .*(CERT|certificate)/i);
  });

  test('readPrometheus hands its caFile on (--prometheus-ca)', async () => {
    const { url, seen } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(EMPTY_VECTOR);
    }, true);
    const base = url.origin;
    const map = await readPrometheus({ url: base, since: '5m', caFile: CA_FILE });
    assert.deepEqual(map.calls, []);
    assert.ok(seen.length >= 2, `${seen.length} queries`);
    await assert.rejects(readPrometheus({ url: base, since: '5m' }), /cannot reach: .*(CERT|certificate)/i);
  });

  test('the workers of a split read trust the CA file too', async () => {
    // Two namespaces of 10 rows each, read in parts of 10: three parts, on two workers.
    const sizes = JSON.stringify({
      status: 'success',
      data: {
        resultType: 'vector',
        result: ['a', 'b'].map((ns) => ({ metric: { source_workload_namespace: ns }, value: [0, '10'] })),
      },
    });
    let log: Seen[] = [];
    const { url, seen } = await serve((_req, res) => {
      const query = new URLSearchParams(log.at(-1)!.body).get('query') ?? '';
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(query.startsWith('count by') ? sizes : EMPTY_VECTOR);
    }, true);
    log = seen;
    const map = await readPrometheus({
      url: url.origin,
      since: '5m',
      caFile: CA_FILE,
      maxRowsPerQuery: 10,
      workers: 2,
    });
    assert.deepEqual(map.calls, []);
    // The size, then three parts' requests and TCP queries (on the workers) and three -1 queries.
    assert.equal(seen.length, 10);
  });
});

describe('the content coding of an answer', () => {
  const answering = (encoding: string, body: Buffer) =>
    serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': encoding });
      res.end(body);
    });

  test('gzip is asked for, and read whatever the case of its name, or as x-gzip', async () => {
    for (const encoding of ['gzip', 'GZIP', 'x-gzip', 'X-Gzip']) {
      const { url, seen } = await answering(encoding, gzipSync(EMPTY_VECTOR));
      assert.equal(await streamText(url), EMPTY_VECTOR, encoding);
      assert.equal(seen[0]?.headers['accept-encoding'], 'gzip');
    }
  });

  test('a coding not asked for is an input error naming it, not a garbled answer', async () => {
    const { url } = await answering('br', Buffer.from([0x1b, 0x03, 0x00, 0xf8, 0xa5, 0x40, 0x02]));
    await assert.rejects(streamText(url), (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.match(
        err.message,
        /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/query: answered in an encoding not asked for \(br\)$/,
      );
      return true;
    });
  });
});

describe('the headers of a request', () => {
  test('no Authorization without a token; the bearer token with one', async () => {
    const { url, seen } = await serve((_req, res) => res.end('{}'));
    await streamText(url);
    await httpRequest(url, {});
    await streamText(url, { token: 'abc' });
    await httpRequest(url, { token: 'abc' });
    assert.deepEqual(
      seen.map((s) => s.headers.authorization),
      [undefined, undefined, 'Bearer abc', 'Bearer abc'],
    );
  });

  test("a body goes with its own type (Prometheus' form), JSON when none is named", async () => {
    const { url, seen } = await serve((_req, res) => res.end('{}'));
    const form = {
      method: 'POST' as const,
      body: 'query=up',
      contentType: 'application/x-www-form-urlencoded',
    };
    await httpStream(url, {}, form, async (_status, body) => {
      for await (const _ of body);
    });
    await httpRequest(url, {}, form);
    await httpRequest(url, {}, { method: 'POST', body: '{"query":"{ x }"}' });
    assert.deepEqual(
      seen.map((s) => [s.method, s.headers['content-type'], s.headers['content-length'], s.body]),
      [
        ['POST', 'application/x-www-form-urlencoded', '8', 'query=up'],
        ['POST', 'application/x-www-form-urlencoded', '8', 'query=up'],
        ['POST', 'application/json', '17', '{"query":"{ x }"}'],
      ],
    );
  });
});

describe('a whole answer (httpRequest, the mapper)', () => {
  test('an answer of exactly maxBytes is read; one byte more is refused', async () => {
    const maxBytes = 1024 * 1024;
    let size = maxBytes;
    const { url } = await serve((_req, res) => res.end('x'.repeat(size)));
    const answer = await httpRequest(url, {}, { maxBytes });
    assert.equal(answer.text.length, maxBytes);
    size = maxBytes + 1;
    await assert.rejects(httpRequest(url, {}, { maxBytes }), (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.match(err.message, /\/api\/v1\/query: answer larger than 1 MiB: not read$/);
      return true;
    });
  });

  // The tests' own limits only end a hang (what a client without these guards does); they are
  // not what is tested.
  test('a server that never answers is given up at the timeout', { timeout: 20_000 }, async () => {
    // The request is taken, and nothing is ever written back.
    const { url } = await serve(() => {});
    await assert.rejects(httpRequest(url, { timeoutMs: 100 }), (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.match(err.message, /\/api\/v1\/query: cannot reach: timed out$/);
      return true;
    });
  });

  test('an answer cut off before its end is an input error, not a hang or a short text', {
    timeout: 20_000,
  }, async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('{"data":');
      setImmediate(() => res.socket?.destroy());
    });
    await assert.rejects(httpRequest(url, {}), (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.match(err.message, /\/api\/v1\/query: cannot reach: ECONNRESET/);
      return true;
    });
  });
});
