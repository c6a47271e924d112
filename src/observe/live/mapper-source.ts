// `--source mapper`: an Otterize network-mapper's GraphQL API (`intents` query with HTTP
// resources), reached through the API server's service proxy (otterize-system/
// otterize-network-mapper:9090) or directly (--mapper-url). `resetCapture` clears what it saw.
// The mapper keeps no counts: each (client, server, path, method) it reports counts once.
// Checked against the mapper's source: it serves gqlgen at `/query` on port 9090 (its resolver's
// Register), and the query and mutation below follow its src/mappergraphql/schema.graphql.
import type { KubeConfig } from '@kubernetes/client-node';
import { InputError } from '../../errors.ts';
import type { ObservedMap } from '../../model.ts';
import { NameGate } from '../name-gate.ts';
import { httpRequest, parseBaseUrl, tooLarge } from './http-client.ts';
import { type KubeAccess, loadKubeConfig } from './kube-config.ts';
import { permissionHint, statusOf } from './kube-errors.ts';
import { kubeRequest, readBody } from './kube-http.ts';
import { callsOfIntents, parseMapperIntents } from './mapper-answer.ts';
import { shownUrl } from './shown-url.ts';

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
  /** The longest answer read (default MAX_MAPPER_ANSWER_BYTES; tests use less). */
  maxAnswerBytes?: number;
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

/**
 * The mapper's answer is read whole (JSON.parse), so it is bounded. A large cluster's intents
 * are megabytes (3,000 intents of four paths each: 1.7 MB); before this bound, the answer
 * through the API server was cut at 1 MiB and refused as "not a GraphQL answer".
 */
export const MAX_MAPPER_ANSWER_BYTES = 64 * 1024 * 1024;

class TooLarge extends Error {}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  /** The errors' messages. */
  errors: string[];
}

/** A GraphQL response object (`data`, `errors[].message`), or exit 2 naming what is wrong. */
function graphQLAnswer(parsed: unknown, where: string, status: number): GraphQLAnswer {
  const notAnswer = () => new InputError(`${where}: HTTP ${status}: not a GraphQL answer`);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw notAnswer();
  const { data, errors } = parsed as { data?: unknown; errors?: unknown };
  if (data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data)))
    throw notAnswer();
  if (errors !== undefined && !Array.isArray(errors)) throw notAnswer();
  const messages = (errors ?? []).map((e: unknown) => {
    const message = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
    return typeof message === 'string' ? message : 'an error without a message';
  });
  return { data: data as GraphQLAnswer['data'], errors: messages };
}

async function post(options: MapperOptions, body: object): Promise<GraphQLAnswer> {
  let status: number;
  let text: string;
  let where: string;
  const maxBytes = options.maxAnswerBytes ?? MAX_MAPPER_ANSWER_BYTES;
  if (options.url !== undefined) {
    const url = parseBaseUrl(options.url, '--mapper-url');
    if (url.pathname === '/' || url.pathname === '') url.pathname = '/query';
    where = shownUrl(url);
    ({ status, text } = await httpRequest(
      url,
      { timeoutMs: options.timeoutMs, ...(options.token === undefined ? {} : { token: options.token }) },
      { method: 'POST', body: JSON.stringify(body), maxBytes },
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
      const answer = await readBody(res.body, maxBytes);
      if (answer.cut) throw new TooLarge();
      text = answer.text;
    } catch (err) {
      if (err instanceof TooLarge) throw new InputError(`${where}: ${tooLarge(maxBytes)}`);
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
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError(`${where}: HTTP ${status}: not a GraphQL answer`);
  }
  const answer = graphQLAnswer(parsed, where, status);
  if (status !== 200 && answer.errors.length === 0) throw new InputError(`${where}: HTTP ${status}`);
  if (answer.errors.length > 0 && (answer.data === undefined || answer.data === null)) {
    throw new InputError(`${where}: mapper error: ${answer.errors.join('; ')}`);
  }
  return answer;
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
  const intents = parseMapperIntents(answer.data?.intents);
  const gate = new NameGate();
  const calls = callsOfIntents(intents, gate);
  const warnings = ['the network mapper keeps no request counts: each call it saw counts once'];
  // GraphQL answers a field it could not resolve with errors beside the rest: the calls read may
  // be fewer than the mapper saw, and the report says so.
  if (answer.errors.length > 0) warnings.push(partialAnswerWarning(answer.errors));
  const refused = gate.warning('intent(s) of the mapper');
  if (refused !== undefined) warnings.push(refused);
  if (calls.length === 0) warnings.push('the network mapper reported no intents');
  return { calls, unattributed: [], external: [], warnings, stats: { series: intents.length, sources: 1 } };
}

/** The first few of a partial answer's errors, each cut short: their text is the mapper's. */
function partialAnswerWarning(errors: readonly string[]): string {
  const shown = errors.slice(0, 3).map((e) => {
    // Cut by characters, not UTF-16 units: half an emoji would be a lone surrogate in the report.
    const chars = Array.from(e);
    return chars.length > 200 ? `${chars.slice(0, 200).join('')}…` : e;
  });
  const more = errors.length > shown.length ? ` (and ${errors.length - shown.length} more)` : '';
  return `the network mapper's answer came with ${errors.length} error(s) beside its data, so it may lack calls: ${shown.join('; ')}${more}`;
}

/** `intent-drift reset`: the mapper forgets what it captured. */
export async function resetMapperCapture(options: MapperOptions = {}): Promise<void> {
  const answer = await post(options, { query: RESET_MUTATION });
  if (answer.data?.resetCapture !== true) throw new InputError('the mapper did not confirm resetCapture');
}
