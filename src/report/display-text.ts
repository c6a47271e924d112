// What every renderer shows of outside text (names, paths, warnings): the one escaping rule
// lives in src/safe-text.ts, so logs and errors use the same; renderers import it from here.
export { hasUnsafeChars, showControlChars } from '../safe-text.ts';

/** `name.namespace`, the way Otterize names a workload across namespaces. */
export function qualifiedName(ref: { name: string; namespace: string }): string {
  return `${ref.name}.${ref.namespace}`;
}

/** A server as an intents target names it: `nginx` in the client's namespace, else `nginx.other`. */
export function targetName(server: { name: string; namespace: string }, clientNamespace: string): string {
  return server.namespace === clientNamespace ? server.name : qualifiedName(server);
}

/** `1 call`, `2 calls`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Requests for HTTP and gRPC, connections for TCP. */
export function countLabel(count: number, protocol: string): string {
  return protocol === 'tcp' ? plural(count, 'connection') : plural(count, 'request');
}
