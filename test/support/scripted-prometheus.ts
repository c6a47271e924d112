// A Prometheus API that answers each query as a test scripts it, for answers the evaluating
// stand-in (prometheus-api-server.ts) would never give: a size count that lies, answers that
// outgrow it. It reads the form POST the source sends and writes Prometheus' vector shape.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedPrometheus {
  url: string;
  /** Every query asked, in order. */
  queries: string[];
  close(): Promise<void>;
}

/** `answer` gives a query's result rows, or a bare HTTP status to answer with instead. */
export async function scriptedPrometheus(
  answer: (query: string) => unknown[] | { status: number },
): Promise<ScriptedPrometheus> {
  const queries: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      const query = new URLSearchParams(body).get('query') ?? '';
      queries.push(query);
      const result = answer(query);
      if (!Array.isArray(result)) {
        res.writeHead(result.status);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    queries,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
