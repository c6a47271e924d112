// One fixed order for every list of calls and rules (observed maps, snapshots, the drift), so
// reports and golden files never depend on the order the readers happened to produce. Plain code-unit comparison: no locale.

import type { DeclaredRule, ObservedCall } from './model.ts';

function compareText(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  // Unknown (null/undefined) sorts before any value.
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** By client, server, path, method, then the rest so equal-looking calls still sort stably. */
export function compareCalls(a: ObservedCall, b: ObservedCall): number {
  // Chained with || rather than built as a list: this runs n log n times on large maps. Calls
  // mostly share their client and server objects with their neighbours (an observed map makes
  // one per distinct reference): one object is equal to itself in every field, so those
  // comparisons are skipped.
  const sameClient = a.client === b.client;
  const sameServer = a.server === b.server;
  return (
    (sameClient
      ? 0
      : compareText(a.client.namespace, b.client.namespace) || compareText(a.client.name, b.client.name)) ||
    (sameServer
      ? 0
      : compareText(a.server.namespace, b.server.namespace) || compareText(a.server.name, b.server.name)) ||
    compareText(a.path, b.path) ||
    compareText(a.method, b.method) ||
    (sameServer
      ? 0
      : compareText(a.server.service?.namespace, b.server.service?.namespace) ||
        compareText(a.server.service?.name, b.server.service?.name)) ||
    compareText(a.host, b.host) ||
    (sameClient ? 0 : compareText(a.client.kind, b.client.kind)) ||
    (sameServer ? 0 : compareText(a.server.kind, b.server.kind)) ||
    compareText(a.protocol, b.protocol) ||
    a.count - b.count
  );
}

/** By client, then where the rule is written (file order is what a reviewer reads). */
export function compareRules(a: DeclaredRule, b: DeclaredRule): number {
  return (
    compareText(a.client.namespace, b.client.namespace) ||
    compareText(a.client.name, b.client.name) ||
    compareText(a.file, b.file) ||
    a.line - b.line ||
    compareText(a.server.namespace, b.server.namespace) ||
    compareText(a.server.name, b.server.name) ||
    compareText(a.targetType, b.targetType) ||
    compareText(a.path, b.path) ||
    compareText(a.method, b.method)
  );
}
