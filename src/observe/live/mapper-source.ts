// `--source mapper`: an Otterize network-mapper's GraphQL API (`intents` query with HTTP
// resources), reached through the API server's service proxy (otterize-system/
// otterize-network-mapper:9090) or directly (--mapper-url). `resetCapture` clears what it saw.
// The mapper keeps no counts: each (client, server, path, method) it reports counts once.
// Checked against the mapper's source: it serves gqlgen at `/query` on port 9090 (its resolver's
// Register), and the query and mutation below follow its src/mappergraphql/schema.graphql.
import type { KubeConfig } from '@kubernetes/client-node';
import { InputError } from '../../errors.ts';
import type { ObservedCall, ObservedMap, WorkloadRef } from '../../model.ts';
import { compareCalls } from '../../order.ts';
import { httpRequest, parseBaseUrl, shownUrl } from './http-client.ts';
import { type KubeAccess, loadKubeConfig } from './kube-config.ts';
import { permissionHint, statusOf } from './kube-errors.ts';
import { kubeRequest, readText } from './kube-http.ts';

export interface MapperOptions extends KubeAccess {
  /** `--mapper-url`: talk to the mapper directly (its GraphQL endpoint, default path /query). */
  url?: string;
  /** Bearer token for `url` (an auth proxy in front of the mapper); the service proxy uses the kubeconfig's. */
  token?: string;
  /** The mapper's Service when going through the API server. */
  service?: { namespace: string; name: string; port: number };
  /** Only clients in these namespaces (passed to the mapper). */
  namespaces?: readonly string[];
  kubeConfig?: KubeConfig;
  timeoutMs?: number;
}

export const DEFAULT_MAPPER_SERVICE = {
  namespace: 'otterize-system',
  name: 'otterize-network-mapper',
  port: 9090,
};

const IDENTITY = 'name namespace podOwnerKind { group version kind } kubernetesService';
export const INTENTS_QUERY = `query Intents($namespaces: [String!]) {
  intents(namespaces: $namespaces) {
    client { ${IDENTITY} }
    server { ${IDENTITY} }
    type
    httpResources { path methods }
  }
}`;
/** For mappers older than podOwnerKind/kubernetesService. */
export const INTENTS_QUERY_BASIC = INTENTS_QUERY.replaceAll(IDENTITY, 'name namespace');
export const RESET_MUTATION = 'mutation ResetCapture { resetCapture }';

interface Identity {
  name: string;
  namespace: string;
  podOwnerKind?: { kind: string } | null;
  kubernetesService?: string | null;
}

interface MapperIntent {
  client: Identity;
  server: Identity;
  type: string | null;
  httpResources?: { path: string; methods?: string[] | null }[] | null;
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

async function post(options: MapperOptions, body: object): Promise<GraphQLAnswer> {
  let status: number;
  let text: string;
  let where: string;
  if (options.url !== undefined) {
    const url = parseBaseUrl(options.url, '--mapper-url');
    if (url.pathname === '/' || url.pathname === '') url.pathname = '/query';
    where = shownUrl(url);
    ({ status, text } = await httpRequest(
      url,
      { timeoutMs: options.timeoutMs, ...(options.token === undefined ? {} : { token: options.token }) },
      { method: 'POST', body: JSON.stringify(body) },
    ));
    if (status === 401 || status === 403) {
      throw new InputError(
        `${where}: HTTP ${status}: not authorized: check the bearer token (--mapper-token-env)`,
      );
    }
  } else {
    const kc = options.kubeConfig ?? loadKubeConfig(options);
    const svc = options.service ?? DEFAULT_MAPPER_SERVICE;
    const path = `/api/v1/namespaces/${svc.namespace}/services/${svc.name}:${svc.port}/proxy/query`;
    where = `service ${svc.namespace}/${svc.name}:${svc.port} (through the API server)`;
    try {
      const res = await kubeRequest(kc, path, {
        method: 'POST',
        json: body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      status = res.status;
      text = await readText(res.body);
    } catch (err) {
      throw new InputError(
        `${where}: cannot reach: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    if (status === 403) {
      throw new InputError(
        `${where}: ${permissionHint('create', 'services/proxy')}: ${statusOf(status, text).message}`,
      );
    }
    if (status !== 200 && text.includes('"kind":"Status"')) {
      throw new InputError(`${where}: HTTP ${status}: ${statusOf(status, text).message}`);
    }
  }
  let answer: GraphQLAnswer;
  try {
    answer = JSON.parse(text) as GraphQLAnswer;
  } catch {
    throw new InputError(`${where}: HTTP ${status}: not a GraphQL answer`);
  }
  if (status !== 200 && answer.errors === undefined) throw new InputError(`${where}: HTTP ${status}`);
  if (
    answer.errors !== undefined &&
    answer.errors.length > 0 &&
    (answer.data === undefined || answer.data === null)
  ) {
    throw new InputError(`${where}: mapper error: ${answer.errors.map((e) => e.message).join('; ')}`);
  }
  return answer;
}

function workload(id: Identity): WorkloadRef {
  const kind = id.podOwnerKind?.kind;
  return kind ? { name: id.name, namespace: id.namespace, kind } : { name: id.name, namespace: id.namespace };
}

export function callsOfIntents(intents: readonly MapperIntent[]): ObservedCall[] {
  const calls: ObservedCall[] = [];
  for (const intent of intents) {
    const client = workload(intent.client);
    const server: ObservedCall['server'] = workload(intent.server);
    if (intent.server.kubernetesService) {
      server.service = { name: intent.server.kubernetesService, namespace: intent.server.namespace };
    }
    const resources = intent.type === 'HTTP' ? (intent.httpResources ?? []) : [];
    if (resources.length === 0) {
      calls.push({
        client,
        server,
        method: null,
        path: null,
        count: 1,
        protocol: intent.type === 'HTTP' ? 'http' : 'tcp',
      });
      continue;
    }
    for (const r of resources) {
      const methods = (r.methods ?? []).filter((m) => m !== 'ALL');
      for (const method of methods.length === 0 ? [null] : methods) {
        calls.push({ client, server, method, path: r.path || null, count: 1, protocol: 'http' });
      }
    }
  }
  return calls.sort(compareCalls);
}

export async function readMapper(options: MapperOptions = {}): Promise<ObservedMap> {
  const variables = {
    namespaces: options.namespaces && options.namespaces.length > 0 ? [...options.namespaces] : null,
  };
  let answer = await post(options, { query: INTENTS_QUERY, variables }).catch((err: unknown) => {
    if (err instanceof InputError && /podOwnerKind|kubernetesService/.test(err.message)) return null;
    throw err;
  });
  if (answer === null) answer = await post(options, { query: INTENTS_QUERY_BASIC, variables });
  const intents = answer.data?.intents;
  if (!Array.isArray(intents)) throw new InputError('the mapper answered without an `intents` list');
  const calls = callsOfIntents(intents as MapperIntent[]);
  const warnings = ['the network mapper keeps no request counts: each call it saw counts once'];
  if (calls.length === 0) warnings.push('the network mapper reported no intents');
  return { calls, unattributed: [], external: [], warnings, stats: { series: intents.length, sources: 1 } };
}

/** `intent-drift reset`: the mapper forgets what it captured. */
export async function resetMapperCapture(options: MapperOptions = {}): Promise<void> {
  const answer = await post(options, { query: RESET_MUTATION });
  if (answer.data?.resetCapture !== true) throw new InputError('the mapper did not confirm resetCapture');
}
