import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/order.ts
function compareText(a, b) {
  if (a === b) return 0;
  if (a === null || a === void 0) return -1;
  if (b === null || b === void 0) return 1;
  return a < b ? -1 : 1;
}
function compareCalls(a, b) {
  const sameClient = a.client === b.client;
  const sameServer = a.server === b.server;
  return (sameClient ? 0 : compareText(a.client.namespace, b.client.namespace) || compareText(a.client.name, b.client.name)) || (sameServer ? 0 : compareText(a.server.namespace, b.server.namespace) || compareText(a.server.name, b.server.name)) || compareText(a.path, b.path) || compareText(a.method, b.method) || (sameServer ? 0 : compareText(a.server.service?.namespace, b.server.service?.namespace) || compareText(a.server.service?.name, b.server.service?.name)) || compareText(a.host, b.host) || (sameClient ? 0 : compareText(a.client.kind, b.client.kind)) || (sameServer ? 0 : compareText(a.server.kind, b.server.kind)) || compareText(a.protocol, b.protocol) || a.count - b.count;
}
function compareRules(a, b) {
  return compareText(a.client.namespace, b.client.namespace) || compareText(a.client.name, b.client.name) || compareText(a.file, b.file) || a.line - b.line || compareText(a.server.namespace, b.server.namespace) || compareText(a.server.name, b.server.name) || compareText(a.targetType, b.targetType) || compareText(a.path, b.path) || compareText(a.method, b.method);
}

export {
  compareCalls,
  compareRules
};
