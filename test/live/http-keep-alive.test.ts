// A kept-alive connection the server closes as idle just as the client sends its next request
// on it: the client sees a reset before any answer. Every keep-alive client meets this race (a
// proxy with a short idle timeout makes it common); the request is sent once more on a new
// connection. A reset on a new connection is an error as before, the retry's included.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, describe, test } from 'node:test';
import { httpRequest, httpStream } from '../../src/observe/live/http-client.ts';

const ANSWER = JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } });

interface RacyServer {
  url: URL;
  /** Per connection, in the order opened: the requests answered on it. */
  answered: number[];
  close: () => Promise<void>;
}

/**
 * HTTP/1.1 by hand, so the test decides what each connection does: `reset(connection,
 * request)` true resets the connection when that request (1-based, on that connection) comes in.
 */
async function racyServer(reset: (connection: number, request: number) => boolean): Promise<RacyServer> {
  const answered: number[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const connection = answered.push(0);
    let pending = '';
    let requests = 0;
    socket.on('data', (data) => {
      pending += data.toString('latin1');
      for (;;) {
        const end = pending.indexOf('\r\n\r\n');
        if (end === -1) return;
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(pending.slice(0, end))?.[1] ?? 0);
        if (pending.length < end + 4 + length) return;
        pending = pending.slice(end + 4 + length);
        if (reset(connection, ++requests)) {
          socket.resetAndDestroy();
          return;
        }
        answered[connection - 1]!++;
        socket.write(
          'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n' +
            `Content-Length: ${ANSWER.length}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=300\r\n\r\n${ANSWER}`,
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/api/v1/query`),
    answered,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const servers: RacyServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

/** A query as the Prometheus source sends it: POSTed, its answer read as a stream. */
function query(url: URL): Promise<string> {
  return httpStream(
    url,
    { timeoutMs: 5000 },
    { method: 'POST', body: 'query=up', contentType: 'application/x-www-form-urlencoded' },
    async (_status, body) => {
      let text = '';
      for await (const chunk of body) text += chunk.toString();
      return text;
    },
  );
}

describe('a kept-alive connection closed by the server as the next request goes out', () => {
  test('httpStream (Prometheus): the request is sent again on a new connection', async () => {
    // The second request on any connection finds it closed.
    const server = await racyServer((_connection, request) => request === 2);
    servers.push(server);
    assert.equal(await query(server.url), ANSWER);
    assert.equal(await query(server.url), ANSWER);
    assert.equal(await query(server.url), ANSWER);
    assert.deepEqual(server.answered, [1, 1, 1], 'each query answered on a connection of its own');
  });

  test('httpRequest (the mapper): the same', async () => {
    const server = await racyServer((_connection, request) => request === 2);
    servers.push(server);
    const post = () => httpRequest(server.url, { timeoutMs: 5000 }, { method: 'POST', body: '{}' });
    assert.equal((await post()).text, ANSWER);
    assert.equal((await post()).text, ANSWER);
    assert.deepEqual(server.answered, [1, 1]);
  });

  test('a reset on a new connection is an error, not retried', async () => {
    const server = await racyServer(() => true);
    servers.push(server);
    await assert.rejects(query(server.url), /cannot reach: ECONNRESET/);
    assert.deepEqual(server.answered, [0], 'one connection, one request');
  });

  test('a retry that meets a reset on its new connection is an error', async () => {
    // The first connection answers once; every later request, on any connection, is reset.
    let first = true;
    const server = await racyServer(() => {
      if (first) {
        first = false;
        return false;
      }
      return true;
    });
    servers.push(server);
    assert.equal(await query(server.url), ANSWER);
    await assert.rejects(query(server.url), /cannot reach: ECONNRESET/);
    assert.deepEqual(server.answered, [1, 0], 'the reused connection, then one new one');
  });
});
