// A stand-in for Otterize's network-mapper GraphQL endpoint (POST /query): answers the
// `intents` query with the schema's shape (client/server OtterizeServiceIdentity, type,
// httpResources) and the `resetCapture` mutation; other documents get a GraphQL error.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_NS } from './demo-cluster.ts';

export interface MapperIdentity {
  name: string;
  namespace: string;
  podOwnerKind?: { group: string | null; version: string; kind: string } | null;
  kubernetesService?: string | null;
}

export interface MapperIntentRecord {
  client: MapperIdentity;
  server: MapperIdentity;
  type: 'HTTP' | 'KAFKA' | null;
  httpResources: { path: string; methods: string[] }[] | null;
}

export interface MapperStandIn {
  url: string;
  intents: MapperIntentRecord[];
  bodies: { query: string; variables?: Record<string, unknown> }[];
  /** Behave like a mapper older than podOwnerKind (validation error on that field). */
  old: boolean;
  close(): Promise<void>;
}

function validationError(message: string) {
  return { errors: [{ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }], data: null };
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

export async function startMapperServer(intents: MapperIntentRecord[]): Promise<MapperStandIn> {
  const state: MapperStandIn = { url: '', intents, bodies: [], old: false, close: async () => {} };
  const server = http.createServer((req, res) => {
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/query') return send(404, { error: 'not found' });
    if (req.method !== 'POST') return send(405, validationError('only POST'));
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      let body: { query?: string; variables?: Record<string, unknown> };
      try {
        body = JSON.parse(Buffer.concat(parts).toString());
      } catch {
        return send(400, validationError('json body could not be decoded'));
      }
      const query = body.query ?? '';
      state.bodies.push({ query, variables: body.variables });
      if (/mutation\s+\w*\s*\{\s*resetCapture\s*\}/.test(query)) {
        state.intents.length = 0;
        return send(200, { data: { resetCapture: true } });
      }
      if (!/\bintents\s*\(/.test(query))
        return send(422, validationError('Cannot query field on type "Query".'));
      if (state.old && query.includes('podOwnerKind')) {
        return send(
          422,
          validationError('Cannot query field "podOwnerKind" on type "OtterizeServiceIdentity".'),
        );
      }
      const namespaces = body.variables?.namespaces as string[] | null | undefined;
      const picked = state.intents.filter((i) => !namespaces || namespaces.includes(i.client.namespace));
      const strip = (id: MapperIdentity) => (state.old ? { name: id.name, namespace: id.namespace } : id);
      send(200, {
        data: { intents: picked.map((i) => ({ ...i, client: strip(i.client), server: strip(i.server) })) },
      });
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
