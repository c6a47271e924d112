// `intent-drift list`: the observed map in the layout of Otterize's `network-mapper list`
// (otterize-cli intentsoutput): `X in namespace N calls:`, `  - S in namespace N`,
// `    - path P, methods: [GET,POST]` (methods comma-joined, no spaces).

import type { ObservedCall, ObservedMap } from '../model.ts';
import { jsonWithEscapes } from '../safe-text.ts';
import { showControlChars } from './display-text.ts';
import { type JsonCall, jsonCall } from './json-report.ts';

export interface ListOptions {
  /** Only clients in these namespaces; empty or absent: all. */
  namespaces?: string[];
}

interface ServerEntry {
  name: string;
  namespace: string;
  /** path -> methods seen on it */
  paths: Map<string, Set<string>>;
}

interface ClientEntry {
  name: string;
  namespace: string;
  servers: Map<string, ServerEntry>;
}

function byNameThenNamespace(
  a: { name: string; namespace: string },
  b: { name: string; namespace: string },
): number {
  const left = `${a.name}\u0000${a.namespace}`;
  const right = `${b.name}\u0000${b.namespace}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function collect(calls: readonly ObservedCall[], namespaces: ReadonlySet<string> | null): ClientEntry[] {
  const clients = new Map<string, ClientEntry>();
  for (const call of calls) {
    if (namespaces && !namespaces.has(call.client.namespace)) continue;
    const clientKey = `${call.client.namespace}/${call.client.name}`;
    let client = clients.get(clientKey);
    if (!client) {
      client = { name: call.client.name, namespace: call.client.namespace, servers: new Map() };
      clients.set(clientKey, client);
    }
    const serverKey = `${call.server.namespace}/${call.server.name}`;
    let server = client.servers.get(serverKey);
    if (!server) {
      server = { name: call.server.name, namespace: call.server.namespace, paths: new Map() };
      client.servers.set(serverKey, server);
    }
    // A call without a path is service-level evidence: the server line, no path line.
    if (call.path === null) continue;
    let methods = server.paths.get(call.path);
    if (!methods) {
      methods = new Set();
      server.paths.set(call.path, methods);
    }
    if (call.method !== null) methods.add(call.method);
  }
  return [...clients.values()].sort(byNameThenNamespace);
}

/** The observed calls between workloads, grouped by client; empty string when there are none. */
export function renderList(source: ObservedMap | readonly ObservedCall[], opts: ListOptions = {}): string {
  const calls = Array.isArray(source) ? (source as readonly ObservedCall[]) : (source as ObservedMap).calls;
  const namespaces = opts.namespaces && opts.namespaces.length > 0 ? new Set(opts.namespaces) : null;
  const show = showControlChars;
  const lines: string[] = [];
  for (const client of collect(calls, namespaces)) {
    lines.push(`${show(client.name)} in namespace ${show(client.namespace)} calls:`);
    for (const server of [...client.servers.values()].sort(byNameThenNamespace)) {
      lines.push(`  - ${show(server.name)} in namespace ${show(server.namespace)}`);
      for (const path of [...server.paths.keys()].sort(codeUnitOrder)) {
        const methods = [...(server.paths.get(path) ?? [])].sort(codeUnitOrder);
        lines.push(`    - path ${show(path)}, methods: [${methods.map(show).join(',')}]`);
      }
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** `list --format json|yaml`: the observed calls with the report's CALL fields (docs/cli.md). */
export interface ListData {
  version: 1;
  calls: JsonCall[];
  unattributed: JsonCall[];
  external: JsonCall[];
  warnings: string[];
}

export function listData(map: ObservedMap, opts: ListOptions = {}): ListData {
  const namespaces = opts.namespaces && opts.namespaces.length > 0 ? new Set(opts.namespaces) : null;
  const inScope = (ns: string) => namespaces === null || namespaces.has(ns);
  return {
    version: 1,
    calls: map.calls.filter((c) => inScope(c.client.namespace)).map(jsonCall),
    unattributed: map.unattributed.filter((c) => inScope(c.server.namespace)).map(jsonCall),
    external: map.external.filter((c) => inScope(c.client.namespace)).map(jsonCall),
    warnings: [...map.warnings],
  };
}

/** `list --format json`: bidi, zero-width and C1 characters as `\uXXXX`, like the JSON report. */
export function renderListJson(map: ObservedMap, opts: ListOptions = {}): string {
  return `${jsonWithEscapes(JSON.stringify(listData(map, opts), null, 2))}\n`;
}
