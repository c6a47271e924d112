// The network mapper's `intents` answer, checked field by field before anything is read from it
// (a wrong shape is exit 2 with the field named, never a TypeError), then turned into calls. Its
// names go through the same gate as metric labels: the mapper reports what pods told it.
import { InputError } from '../../errors.ts';
import { isKindName } from '../../kubernetes-names.ts';
import type { ObservedCall, WorkloadRef } from '../../model.ts';
import { compareCalls } from '../../order.ts';
import { NameGate } from '../name-gate.ts';

interface Identity {
  name: string;
  namespace: string;
  kind: string | undefined;
  service: string | undefined;
}

export interface MapperIntent {
  client: Identity;
  server: Identity;
  type: string | null;
  httpResources: { path: string; methods: string[] }[];
}

type Obj = Record<string, unknown>;

const MAX_STRING = 4096;

function bad(where: string, what: string): never {
  throw new InputError(`the mapper's answer is not an intents list: ${where} ${what}`);
}

function object(x: unknown, where: string): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) bad(where, 'is not an object');
  return x as Obj;
}

function string(x: unknown, where: string): string {
  if (typeof x !== 'string') bad(where, 'is not a string');
  if (x.length > MAX_STRING) bad(where, `is longer than ${MAX_STRING} characters`);
  return x;
}

function optionalString(x: unknown, where: string): string | undefined {
  return x === undefined || x === null || x === '' ? undefined : string(x, where);
}

function list(x: unknown, where: string): unknown[] {
  if (x === undefined || x === null) return [];
  if (!Array.isArray(x)) bad(where, 'is not a list');
  return x;
}

function identity(x: unknown, where: string): Identity {
  const o = object(x, where);
  const owner =
    o.podOwnerKind === undefined || o.podOwnerKind === null
      ? undefined
      : object(o.podOwnerKind, `${where}.podOwnerKind`);
  return {
    name: string(o.name, `${where}.name`),
    namespace: string(o.namespace, `${where}.namespace`),
    kind: owner === undefined ? undefined : optionalString(owner.kind, `${where}.podOwnerKind.kind`),
    service: optionalString(o.kubernetesService, `${where}.kubernetesService`),
  };
}

/** Reads `data.intents`; throws InputError naming the first field of the wrong shape. */
export function parseMapperIntents(intents: unknown): MapperIntent[] {
  if (!Array.isArray(intents)) throw new InputError('the mapper answered without an `intents` list');
  return intents.map((x, i) => {
    const where = `intents[${i}]`;
    const o = object(x, where);
    return {
      client: identity(o.client, `${where}.client`),
      server: identity(o.server, `${where}.server`),
      type: o.type === null || o.type === undefined ? null : string(o.type, `${where}.type`),
      httpResources: list(o.httpResources, `${where}.httpResources`).map((r, j) => {
        const at = `${where}.httpResources[${j}]`;
        const resource = object(r, at);
        return {
          path: string(resource.path, `${at}.path`),
          methods: list(resource.methods, `${at}.methods`).map((m, k) => string(m, `${at}.methods[${k}]`)),
        };
      }),
    };
  });
}

function workload(id: Identity): WorkloadRef {
  const ref: WorkloadRef = { name: id.name, namespace: id.namespace };
  // A kind the intents webhook would refuse is not written into intents: left out, not guessed.
  if (id.kind !== undefined && isKindName(id.kind)) ref.kind = id.kind;
  return ref;
}

/** The calls of the mapper's intents; names that are not Kubernetes names are left out and counted. */
export function callsOfIntents(
  intents: readonly MapperIntent[],
  gate: NameGate = new NameGate(),
): ObservedCall[] {
  const calls: ObservedCall[] = [];
  for (const intent of intents) {
    const service =
      intent.server.service === undefined
        ? null
        : { name: intent.server.service, namespace: intent.server.namespace };
    if (!gate.admit({ client: intent.client, server: intent.server, service })) continue;
    const client = workload(intent.client);
    const server: ObservedCall['server'] = workload(intent.server);
    if (service !== null) server.service = service;
    const resources = intent.type === 'HTTP' ? intent.httpResources : [];
    if (resources.length === 0) {
      const protocol = intent.type === 'HTTP' ? 'http' : 'tcp';
      calls.push({ client, server, method: null, path: null, count: 1, protocol });
      continue;
    }
    for (const r of resources) {
      const methods = r.methods.filter((m) => m !== 'ALL');
      for (const method of methods.length === 0 ? [null] : methods) {
        calls.push({ client, server, method, path: r.path || null, count: 1, protocol: 'http' });
      }
    }
  }
  return calls.sort(compareCalls);
}
