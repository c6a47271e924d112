// Raw requests to the API server with the kubeconfig's credentials (client-node's
// applyToHTTPSOptions: CA, client certs, tokens, exec plugins, proxies). Used where the generated
// client would buffer the whole body: the pod proxy streams a sidecar's exposition into the reader.
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

export interface KubeResponse {
  status: number;
  body: http.IncomingMessage;
}

export interface KubeRequestOptions {
  method?: 'GET' | 'POST';
  /** A JSON body (for POST). */
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** `server` may carry a path prefix (Rancher, proxies): join it with the API path. */
function urlFor(server: string, apiPath: string): URL {
  const base = new URL(server);
  const prefix = base.pathname.endsWith('/') ? base.pathname.slice(0, -1) : base.pathname;
  return new URL(`${prefix}${apiPath}`, base);
}

export async function kubeRequest(
  kc: KubeConfig,
  apiPath: string,
  opts: KubeRequestOptions = {},
): Promise<KubeResponse> {
  const cluster = kc.getCurrentCluster();
  if (cluster === null) throw new Error('no current cluster');
  const url = urlFor(cluster.server, apiPath);
  const body = opts.json === undefined ? undefined : Buffer.from(JSON.stringify(opts.json));
  const options: https.RequestOptions = {
    method: opts.method ?? 'GET',
    headers: {
      Accept: 'application/json, */*',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': body.length }),
      ...opts.headers,
    },
  };
  await kc.applyToHTTPSOptions(options);
  const transport = url.protocol === 'http:' ? http : https;
  return new Promise<KubeResponse>((resolve, reject) => {
    const req = transport.request(url, { ...options, signal: opts.signal }, (res) => {
      resolve({ status: res.statusCode ?? 0, body: res });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Reads a body as text, at most `maxBytes` of it: `cut` when it was longer (the rest is not read;
 * `text` is then its first `maxBytes` bytes).
 */
export async function readBody(
  body: AsyncIterable<Buffer>,
  maxBytes = 1 << 20,
): Promise<{ text: string; cut: boolean }> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    parts.push(chunk);
    length += chunk.length;
    if (length > maxBytes)
      return { text: Buffer.concat(parts).subarray(0, maxBytes).toString('utf8'), cut: true };
  }
  return { text: Buffer.concat(parts).toString('utf8'), cut: false };
}
