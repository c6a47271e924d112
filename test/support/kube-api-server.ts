// A stand-in for the Kubernetes API server that speaks its wire format for exactly the calls
// intent-drift makes: pod/namespace/service lists (labelSelector, fieldSelector, limit/continue),
// reads of ReplicaSets, Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, the pod proxy
// (`pods/NAME:PORT/proxy/...`) and the service proxy. Failures are Status objects, as the real
// server sends them; anything else is a 404 or 405 Status. Every request is logged. Lists page
// as the real server pages them (kube-paging.ts); the server may sit under a path prefix, as
// behind Rancher or another proxy, and then answers only below it.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ListSnapshots } from './kube-paging.ts';
import { GENERIC_FIELDS, POD_FIELDS, parseFieldSelector, parseLabelSelector } from './kube-selectors.ts';

export type KubeObject = {
  kind: string;
  apiVersion: string;
  metadata: { name: string; namespace?: string; [k: string]: unknown };
  [k: string]: unknown;
};

/** What a pod's port 15020 does when proxied to. Pods without one refuse the connection. */
export interface PodEndpoint {
  /** The exposition text (called per request, so counters can grow). */
  metrics?: () => string;
  delayMs?: number;
  fault?: 'http500' | 'hang' | 'truncate' | 'endless';
  /** With `endless`: after `metrics`, the lines written again and again until the client hangs up. */
  endless?: (round: number) => string;
  /** With `endless`: told when the client hung up. */
  onClose?: () => void;
}

export interface StandInOptions {
  objects: KubeObject[];
  /** `NS/NAME` -> what its :15020 answers. */
  endpoints?: Map<string, PodEndpoint>;
  /** Required `Authorization: Bearer` token (default `stand-in-token`). */
  token?: string;
  /**
   * RBAC the caller lacks: `list pods`, `get pods/proxy`, `get replicasets.apps`, ... everywhere,
   * or in one namespace only (a RoleBinding elsewhere): `get pods/proxy in restricted`.
   */
  deny?: string[];
  /** `NS/NAME:PORT` of a Service -> base URL of the process behind it. */
  serviceUpstreams?: Map<string, string>;
  /** Serve below this path (`/k8s/clusters/c-m-abc`), as a proxy in front of the API server does. */
  pathPrefix?: string;
  /** Pages filtered after reading `limit` keys: fewer items than asked for (the contract allows it). */
  sparsePages?: boolean;
  /** Called with each request before it is answered (a test may compact() here). */
  beforeRequest?: (request: LoggedRequest) => void;
}

export interface LoggedRequest {
  method: string;
  /** The API path, below the path prefix. */
  path: string;
  query: Record<string, string>;
  /** The request missed the path prefix (and was answered 404). */
  outsidePrefix?: true;
}

export interface StandIn {
  /** The server URL a kubeconfig names (with the path prefix). */
  url: string;
  requests: LoggedRequest[];
  options: StandInOptions;
  /** Forgets the list snapshots so far: their continue tokens answer 410 Expired. */
  compact(): void;
  close(): Promise<void>;
}

const USER = 'system:serviceaccount:ci:intent-drift';

interface Resource {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

const RESOURCES: Resource[] = [
  { group: '', version: 'v1', plural: 'namespaces', kind: 'Namespace', namespaced: false },
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true },
  { group: '', version: 'v1', plural: 'services', kind: 'Service', namespaced: true },
  { group: 'apps', version: 'v1', plural: 'replicasets', kind: 'ReplicaSet', namespaced: true },
  { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment', namespaced: true },
  { group: 'apps', version: 'v1', plural: 'statefulsets', kind: 'StatefulSet', namespaced: true },
  { group: 'apps', version: 'v1', plural: 'daemonsets', kind: 'DaemonSet', namespaced: true },
  { group: 'batch', version: 'v1', plural: 'jobs', kind: 'Job', namespaced: true },
  { group: 'batch', version: 'v1', plural: 'cronjobs', kind: 'CronJob', namespaced: true },
];

function status(
  res: http.ServerResponse,
  code: number,
  reason: string,
  message: string,
  details?: object,
  listMeta: Record<string, unknown> = {},
) {
  const body = JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: listMeta,
    status: 'Failure',
    message,
    reason,
    ...(details === undefined ? {} : { details }),
    code,
  });
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function json(res: http.ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function resourceName(r: Resource): string {
  return r.group === '' ? r.plural : `${r.plural}.${r.group}`;
}

export async function startKubeApiServer(options: StandInOptions): Promise<StandIn> {
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const token = options.token ?? 'stand-in-token';
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
  const snapshots = new ListSnapshots<KubeObject>();

  const objectsOf = (r: Resource, namespace: string | null) =>
    options.objects.filter(
      (o) =>
        o.kind === r.kind &&
        o.apiVersion === (r.group === '' ? r.version : `${r.group}/${r.version}`) &&
        (namespace === null || o.metadata.namespace === namespace),
    );

  function forbidden(res: http.ServerResponse, verb: string, r: string, ns: string | null, name?: string) {
    const [resource, sub] = r.split('/');
    const group = resource!.includes('.') ? resource!.split('.').slice(1).join('.') : '';
    const plain = resource!.split('.')[0]!;
    const subject = name === undefined ? plain : `${plain} "${name}"`;
    const scope = ns === null ? 'at the cluster scope' : `in the namespace "${ns}"`;
    const shown = sub === undefined ? plain : `${plain}/${sub}`;
    status(
      res,
      403,
      'Forbidden',
      `${subject} is forbidden: User "${USER}" cannot ${verb} resource "${shown}" in API group "${group}" ${scope}`,
      { name, kind: plain },
    );
  }

  const denied = (verb: string, r: string, ns: string | null) =>
    (options.deny ?? []).some((d) => d === `${verb} ${r}` || (ns !== null && d === `${verb} ${r} in ${ns}`));

  function list(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    r: Resource,
    ns: string | null,
    q: URLSearchParams,
  ) {
    if (denied('list', resourceName(r), ns)) return forbidden(res, 'list', resourceName(r), ns);
    const tests: ((o: KubeObject) => boolean)[] = [];
    const labelSelector = q.get('labelSelector');
    if (labelSelector) {
      const match = parseLabelSelector(labelSelector);
      if (match === null)
        return status(res, 400, 'BadRequest', `unable to parse requirement: ${labelSelector}`);
      tests.push((o) => match((o.metadata.labels as Record<string, string>) ?? {}));
    }
    const fieldSelector = q.get('fieldSelector');
    if (fieldSelector) {
      const match = parseFieldSelector(fieldSelector, r.kind === 'Pod' ? POD_FIELDS : GENERIC_FIELDS);
      if (typeof match === 'string') return status(res, 400, 'BadRequest', match);
      tests.push(match);
    }
    const matches = (o: KubeObject) => tests.every((t) => t(o));
    const page = snapshots.page({
      current: () => objectsOf(r, ns),
      keyOf: (o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`,
      matches,
      selective: Boolean(labelSelector || fieldSelector),
      limit: q.get('limit') ? Number(q.get('limit')) : 0,
      continueToken: q.get('continue'),
      sparse: options.sparsePages === true,
    });
    if ('code' in page) {
      const listMeta = page.continueToken === undefined ? {} : { continue: page.continueToken };
      return status(res, page.code, page.reason, page.message, undefined, listMeta);
    }
    const metadata: Record<string, unknown> = { resourceVersion: page.resourceVersion };
    if (page.continueToken !== undefined) metadata.continue = page.continueToken;
    if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
    // Items of a typed list carry no kind/apiVersion of their own.
    const stripped = page.items.map(({ kind: _k, apiVersion: _a, ...rest }) => rest);
    json(res, {
      kind: `${r.kind}List`,
      apiVersion: r.group === '' ? 'v1' : `${r.group}/${r.version}`,
      metadata,
      items: stripped,
    });
    void req;
  }

  function get(res: http.ServerResponse, r: Resource, ns: string | null, name: string) {
    if (denied('get', resourceName(r), ns)) return forbidden(res, 'get', resourceName(r), ns, name);
    const found = objectsOf(r, ns).find((o) => o.metadata.name === name);
    if (found === undefined) {
      return status(res, 404, 'NotFound', `${resourceName(r)} "${name}" not found`, { name, kind: r.plural });
    }
    json(res, found);
  }

  function podProxy(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    ns: string,
    target: string,
    rest: string,
  ) {
    const [name, port] = target.split(':') as [string, string | undefined];
    if (denied('get', 'pods/proxy', ns)) return forbidden(res, 'get', 'pods/proxy', ns, name);
    const pod = objectsOf(RESOURCES[1]!, ns).find((o) => o.metadata.name === name);
    if (pod === undefined)
      return status(res, 404, 'NotFound', `pods "${name}" not found`, { name, kind: 'pods' });
    const ip = (pod.status as { podIP?: string } | undefined)?.podIP ?? '10.0.0.1';
    const endpoint = port === '15020' ? options.endpoints?.get(`${ns}/${name}`) : undefined;
    if (endpoint === undefined || rest !== 'stats/prometheus') {
      if (endpoint !== undefined) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return res.end('404 page not found\n');
      }
      return status(
        res,
        503,
        'ServiceUnavailable',
        `error trying to reach service: dial tcp ${ip}:${port ?? 80}: connect: connection refused`,
      );
    }
    const answer = () => {
      if (endpoint.fault === 'hang') return; // never answers; the socket is destroyed on close()
      if (endpoint.fault === 'http500') {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        return res.end('internal error\n');
      }
      const text = endpoint.metrics?.() ?? '';
      if (endpoint.fault === 'truncate') {
        const cut = Buffer.from(text).subarray(0, Math.floor(Buffer.byteLength(text) / 2));
        res.writeHead(200, {
          'Content-Type': 'text/plain; version=0.0.4',
          'Content-Length': Buffer.byteLength(text),
        });
        res.write(cut, () => res.destroy());
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
      if (endpoint.fault === 'endless') {
        // Chunked, as long as the reader reads (backpressure), until it hangs up.
        let round = 0;
        let closed = false;
        res.once('close', () => {
          closed = true;
          endpoint.onClose?.();
        });
        const more = () => {
          while (!closed && res.write(endpoint.endless?.(round++) ?? '')) {}
          if (!closed) res.once('drain', more);
        };
        res.write(text);
        more();
        return;
      }
      res.end(text);
    };
    if (endpoint.delayMs) setTimeout(answer, endpoint.delayMs);
    else answer();
    void req;
  }

  function serviceProxy(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    ns: string,
    target: string,
    rest: string,
  ) {
    const [name, port] = target.split(':') as [string, string | undefined];
    if (denied(req.method === 'GET' ? 'get' : 'create', 'services/proxy', ns)) {
      return forbidden(res, req.method === 'GET' ? 'get' : 'create', 'services/proxy', ns, name);
    }
    const svc = objectsOf(RESOURCES[2]!, ns).find((o) => o.metadata.name === name);
    if (svc === undefined)
      return status(res, 404, 'NotFound', `services "${name}" not found`, { name, kind: 'services' });
    const upstream = options.serviceUpstreams?.get(`${ns}/${name}:${port ?? ''}`);
    if (upstream === undefined) {
      return status(res, 503, 'ServiceUnavailable', `no endpoints available for service "${name}"`);
    }
    const up = http.request(
      new URL(rest, upstream.endsWith('/') ? upstream : `${upstream}/`),
      { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/json' } },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, {
          'Content-Type': upRes.headers['content-type'] ?? 'text/plain',
        });
        upRes.pipe(res);
      },
    );
    up.on('error', (err) =>
      status(res, 503, 'ServiceUnavailable', `error trying to reach service: ${err.message}`),
    );
    req.pipe(up);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const query = Object.fromEntries(url.searchParams);
    const below = prefix === '' || url.pathname.startsWith(`${prefix}/`);
    const apiPath = below ? url.pathname.slice(prefix.length) : url.pathname;
    const logged: LoggedRequest = { method: req.method ?? '', path: apiPath, query };
    if (!below) logged.outsidePrefix = true;
    requests.push(logged);
    options.beforeRequest?.(logged);
    if (!below) {
      // The proxy in front knows nothing outside its prefix: a plain 404, not a Status.
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('404 page not found\n');
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      return status(res, 401, 'Unauthorized', 'Unauthorized');
    }
    const parts = apiPath
      .split('/')
      .filter((p) => p !== '')
      .map(decodeURIComponent);
    let group = '';
    let version: string | undefined;
    let rest: string[];
    if (parts[0] === 'api') {
      version = parts[1];
      rest = parts.slice(2);
    } else if (parts[0] === 'apis') {
      group = parts[1] ?? '';
      version = parts[2];
      rest = parts.slice(3);
    } else return status(res, 404, 'NotFound', 'the server could not find the requested resource');
    let ns: string | null = null;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      ns = rest[1]!;
      rest = rest.slice(2);
    }
    const r = RESOURCES.find((x) => x.group === group && x.version === version && x.plural === rest[0]);
    if (r === undefined || (ns !== null && !r.namespaced)) {
      return status(res, 404, 'NotFound', 'the server could not find the requested resource');
    }
    const isProxy = rest[2] === 'proxy' && ns !== null && (r.plural === 'pods' || r.plural === 'services');
    if (isProxy) {
      const tail = apiPath.split('/proxy/').slice(1).join('/proxy/');
      if (r.plural === 'pods') {
        if (req.method !== 'GET')
          return status(
            res,
            405,
            'MethodNotAllowed',
            'the server does not allow this method on the requested resource',
          );
        return podProxy(req, res, ns!, rest[1]!, tail);
      }
      return serviceProxy(req, res, ns!, rest[1]!, tail);
    }
    if (rest.length > 2)
      return status(res, 404, 'NotFound', 'the server could not find the requested resource');
    if (req.method !== 'GET') {
      return status(
        res,
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      );
    }
    if (rest.length === 1) return list(req, res, r, ns, url.searchParams);
    return get(res, r, r.namespaced ? ns : null, rest[1]!);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    options,
    compact: () => snapshots.compact(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
