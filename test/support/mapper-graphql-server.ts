// A stand-in for Otterize's network-mapper GraphQL endpoint (gqlgen, POST /query), answering as
// the real one does: documents are validated against the mapper's schema (the part below, from
// otterize/network-mapper src/mappergraphql/schema.graphql at 00922209ed9b909570864c00f40ae593ea95d626)
// and the answer holds only the fields the query selected. Validation and parse failures are
// HTTP 422 with `errors` and `data: null` (gqlgen's status for protocol errors); a failing resolver
// is HTTP 200 with `errors` and `data: null` (`intents` is non-null, so the null reaches the root).
// `HttpMethod` includes ALL, and the stand-in's records may use it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_NS } from './demo-cluster.ts';
import {
  argumentsOf,
  type GraphQLProblem,
  namedType,
  type Operation,
  prepare,
  type Schema,
  shape,
} from './graphql-mini.ts';

export interface MapperIdentity {
  name: string;
  namespace: string;
  podOwnerKind?: { group: string | null; version: string; kind: string } | null;
  kubernetesService?: string | null;
}

export type MapperHttpMethod =
  | 'GET'
  | 'POST'
  | 'PUT'
  | 'DELETE'
  | 'OPTIONS'
  | 'TRACE'
  | 'PATCH'
  | 'CONNECT'
  | 'ALL';

export interface MapperIntentRecord {
  client: MapperIdentity;
  server: MapperIdentity;
  type: 'HTTP' | 'KAFKA' | 'DATABASE' | 'AWS' | 'S3' | null;
  httpResources: { path: string; methods: MapperHttpMethod[] | null }[] | null;
}

export interface MapperStandIn {
  url: string;
  intents: MapperIntentRecord[];
  bodies: { query: string; variables?: Record<string, unknown> }[];
  /** Behave like a mapper older than podOwnerKind/kubernetesService (its schema lacks them). */
  old: boolean;
  /** Make the `intents` resolver fail with this message (HTTP 200, GraphQL errors). */
  resolverError: string | undefined;
  close(): Promise<void>;
}

const IDENTITY_FIELDS = {
  name: { type: 'String!' },
  namespace: { type: 'String!' },
  labels: { type: '[PodLabel!]' },
  podOwnerKind: { type: 'GroupVersionKind' },
  kubernetesService: { type: 'String' },
};

function mapperSchema(old: boolean): Schema {
  const { podOwnerKind: _p, kubernetesService: _k, ...oldIdentity } = IDENTITY_FIELDS;
  return {
    objects: {
      Query: {
        intents: {
          type: '[Intent!]!',
          args: {
            namespaces: '[String!]',
            includeLabels: '[String!]',
            excludeServiceWithLabels: '[String!]',
            includeAllLabels: 'Boolean',
            server: 'ServerFilter',
          },
        },
        health: { type: 'Boolean!' },
      },
      Mutation: { resetCapture: { type: 'Boolean!' } },
      Intent: {
        client: { type: 'OtterizeServiceIdentity!' },
        server: { type: 'OtterizeServiceIdentity!' },
        type: { type: 'IntentType' },
        resolutionData: { type: 'String' },
        kafkaTopics: { type: '[KafkaConfig!]' },
        httpResources: { type: '[HttpResource!]' },
        awsActions: { type: '[String!]' },
      },
      OtterizeServiceIdentity: old ? oldIdentity : IDENTITY_FIELDS,
      PodLabel: { key: { type: 'String!' }, value: { type: 'String!' } },
      GroupVersionKind: {
        group: { type: 'String' },
        version: { type: 'String!' },
        kind: { type: 'String!' },
      },
      KafkaConfig: { name: { type: 'String!' }, operations: { type: '[KafkaOperation!]' } },
      HttpResource: { path: { type: 'String!' }, methods: { type: '[HttpMethod!]' } },
    },
    leaves: new Set(['String', 'Boolean', 'Int', 'IntentType', 'HttpMethod', 'KafkaOperation']),
    query: 'Query',
    mutation: 'Mutation',
  };
}

/** gqlparser's wording for each validation rule. */
function gqlgenMessage(p: GraphQLProblem): string {
  switch (p.rule) {
    case 'unknown-field':
      return `Cannot query field "${p.field}" on type "${p.type}".`;
    case 'leaf-selection':
      return `Field "${p.field}" must not have a selection since type "${p.type}" has no subfields.`;
    case 'object-without-selection':
      return `Field "${p.field}" of type "${p.type}" must have a selection of subfields. Did you mean "${p.field} { ... }"?`;
    case 'unknown-argument':
      return `Unknown argument "${p.argument}" on field "${p.type}.${p.field}".`;
    case 'undefined-variable':
      return `Variable "$${p.argument}" is not defined.`;
    case 'unsupported':
      return `the mapper stand-in does not support ${p.detail}`;
    default:
      return p.detail ?? 'parse error';
  }
}

function validationErrors(problems: GraphQLProblem[]) {
  const code = problems[0]?.rule === 'parse' ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED';
  return {
    errors: problems.map((p) => ({ message: gqlgenMessage(p), locations: [p.at], extensions: { code } })),
    data: null,
  };
}

const DEPLOYMENT = { group: 'apps', version: 'v1', kind: 'Deployment' };

/** What a network mapper records for the seed's demo: client GET /client-path, client2 POST /client2-path. */
export function demoMapperIntents(): MapperIntentRecord[] {
  return [
    {
      client: { name: 'client', namespace: DEMO_NS, podOwnerKind: DEPLOYMENT },
      server: {
        name: 'nginx',
        namespace: DEMO_NS,
        podOwnerKind: DEPLOYMENT,
        kubernetesService: 'nginx-service',
      },
      type: 'HTTP',
      httpResources: [{ path: '/client-path', methods: ['GET'] }],
    },
    {
      client: { name: 'client2', namespace: DEMO_NS, podOwnerKind: DEPLOYMENT },
      server: { name: 'nginx', namespace: DEMO_NS, podOwnerKind: DEPLOYMENT },
      type: 'HTTP',
      httpResources: [{ path: '/client2-path', methods: ['POST'] }],
    },
  ];
}

function execute(state: MapperStandIn, op: Operation, variables: Record<string, unknown>): [number, unknown] {
  const schema = mapperSchema(state.old);
  const root = op.kind === 'query' ? 'Query' : 'Mutation';
  const data: Record<string, unknown> = {};
  for (const s of op.selections) {
    const args = argumentsOf(s, variables);
    let value: unknown;
    if (s.name === 'resetCapture') {
      state.intents.length = 0;
      value = true;
    } else if (s.name === 'health') value = true;
    else if (s.name === 'intents') {
      if (state.resolverError !== undefined) {
        return [200, { errors: [{ message: state.resolverError, path: [s.alias] }], data: null }];
      }
      const namespaces = args.namespaces as string[] | null | undefined;
      value = state.intents.filter((i) => !namespaces || namespaces.includes(i.client.namespace));
    } else if (s.name === '__typename') value = root;
    const type = schema.objects[root]![s.name]?.type ?? 'String';
    data[s.alias] = s.selections === undefined ? value : shape(schema, namedType(type), s.selections, value);
  }
  return [200, { data }];
}

export async function startMapperServer(intents: MapperIntentRecord[]): Promise<MapperStandIn> {
  const state: MapperStandIn = {
    url: '',
    intents,
    bodies: [],
    old: false,
    resolverError: undefined,
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/query') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('404 page not found\n');
    }
    if (req.method !== 'POST') {
      return send(405, { errors: [{ message: 'transport not supported' }], data: null });
    }
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      let body: { query?: string; variables?: Record<string, unknown> };
      try {
        body = JSON.parse(Buffer.concat(parts).toString());
      } catch {
        return send(400, { errors: [{ message: 'json request body could not be decoded' }], data: null });
      }
      const query = body.query ?? '';
      state.bodies.push({ query, variables: body.variables });
      const prepared = prepare(mapperSchema(state.old), query);
      if (Array.isArray(prepared)) return send(422, validationErrors(prepared));
      const [code, answer] = execute(state, prepared, body.variables ?? {});
      send(code, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
