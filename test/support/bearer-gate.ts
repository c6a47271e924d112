// An authenticating reverse proxy, as Prometheus and the mapper sit behind in real clusters
// (kube-rbac-proxy, oauth2-proxy, a managed Prometheus' gateway): a request without
// `Authorization: Bearer TOKEN` gets 401 with `WWW-Authenticate: Bearer` and a plain-text body;
// with it, the request goes to the upstream unchanged (method, path, query, body).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BearerGate {
  url: string;
  /** Every request, with whether it carried the right token. */
  seen: { method: string; path: string; authorized: boolean }[];
  close(): Promise<void>;
}

export async function startBearerGate(upstream: string, token: string): Promise<BearerGate> {
  const seen: BearerGate['seen'] = [];
  const target = new URL(upstream);
  const server = http.createServer((req, res) => {
    const authorized = req.headers.authorization === `Bearer ${token}`;
    seen.push({ method: req.method ?? '', path: (req.url ?? '/').split('?')[0]!, authorized });
    if (!authorized) {
      req.resume();
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer' });
      return res.end('Unauthorized\n');
    }
    const headers = { ...req.headers, host: target.host };
    delete headers.authorization;
    const up = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('Bad Gateway\n');
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
