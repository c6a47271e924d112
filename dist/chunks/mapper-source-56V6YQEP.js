import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  kubeRequest,
  loadKubeConfig,
  permissionHint,
  readText,
  statusOf
} from "./chunk-ECHNNBQX.js";
import "./chunk-7NJKBT2O.js";
import {
  httpRequest,
  parseBaseUrl,
  shownUrl
} from "./chunk-QJXY56EE.js";
import {
  compareCalls
} from "./chunk-DNUDPCNB.js";
import {
  InputError
} from "./chunk-M2G6SCZE.js";
import "./chunk-HANBNIMK.js";

// src/observe/live/mapper-source.ts
var DEFAULT_MAPPER_SERVICE = {
  namespace: "otterize-system",
  name: "otterize-network-mapper",
  port: 9090
};
var IDENTITY = "name namespace podOwnerKind { group version kind } kubernetesService";
var INTENTS_QUERY = `query Intents($namespaces: [String!]) {
  intents(namespaces: $namespaces) {
    client { ${IDENTITY} }
    server { ${IDENTITY} }
    type
    httpResources { path methods }
  }
}`;
var INTENTS_QUERY_BASIC = INTENTS_QUERY.replaceAll(IDENTITY, "name namespace");
var RESET_MUTATION = "mutation ResetCapture { resetCapture }";
async function post(options, body) {
  let status;
  let text;
  let where;
  if (options.url !== void 0) {
    const url = parseBaseUrl(options.url, "--mapper-url");
    if (url.pathname === "/" || url.pathname === "") url.pathname = "/query";
    where = shownUrl(url);
    ({ status, text } = await httpRequest(
      url,
      { timeoutMs: options.timeoutMs, ...options.token === void 0 ? {} : { token: options.token } },
      { method: "POST", body: JSON.stringify(body) }
    ));
    if (status === 401 || status === 403) {
      throw new InputError(
        `${where}: HTTP ${status}: not authorized: check the bearer token (--mapper-token-env)`
      );
    }
  } else {
    const kc = options.kubeConfig ?? loadKubeConfig(options);
    const svc = options.service ?? DEFAULT_MAPPER_SERVICE;
    const path = `/api/v1/namespaces/${svc.namespace}/services/${svc.name}:${svc.port}/proxy/query`;
    where = `service ${svc.namespace}/${svc.name}:${svc.port} (through the API server)`;
    try {
      const res = await kubeRequest(kc, path, {
        method: "POST",
        json: body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 3e4)
      });
      status = res.status;
      text = await readText(res.body);
    } catch (err) {
      throw new InputError(
        `${where}: cannot reach: ${err.code ?? err.message}`
      );
    }
    if (status === 403) {
      throw new InputError(
        `${where}: ${permissionHint("create", "services/proxy")}: ${statusOf(status, text).message}`
      );
    }
    if (status !== 200 && text.includes('"kind":"Status"')) {
      throw new InputError(`${where}: HTTP ${status}: ${statusOf(status, text).message}`);
    }
  }
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new InputError(`${where}: HTTP ${status}: not a GraphQL answer`);
  }
  if (status !== 200 && answer.errors === void 0) throw new InputError(`${where}: HTTP ${status}`);
  if (answer.errors !== void 0 && answer.errors.length > 0 && (answer.data === void 0 || answer.data === null)) {
    throw new InputError(`${where}: mapper error: ${answer.errors.map((e) => e.message).join("; ")}`);
  }
  return answer;
}
function workload(id) {
  const kind = id.podOwnerKind?.kind;
  return kind ? { name: id.name, namespace: id.namespace, kind } : { name: id.name, namespace: id.namespace };
}
function callsOfIntents(intents) {
  const calls = [];
  for (const intent of intents) {
    const client = workload(intent.client);
    const server = workload(intent.server);
    if (intent.server.kubernetesService) {
      server.service = { name: intent.server.kubernetesService, namespace: intent.server.namespace };
    }
    const resources = intent.type === "HTTP" ? intent.httpResources ?? [] : [];
    if (resources.length === 0) {
      calls.push({
        client,
        server,
        method: null,
        path: null,
        count: 1,
        protocol: intent.type === "HTTP" ? "http" : "tcp"
      });
      continue;
    }
    for (const r of resources) {
      const methods = (r.methods ?? []).filter((m) => m !== "ALL");
      for (const method of methods.length === 0 ? [null] : methods) {
        calls.push({ client, server, method, path: r.path || null, count: 1, protocol: "http" });
      }
    }
  }
  return calls.sort(compareCalls);
}
async function readMapper(options = {}) {
  const variables = {
    namespaces: options.namespaces && options.namespaces.length > 0 ? [...options.namespaces] : null
  };
  let answer = await post(options, { query: INTENTS_QUERY, variables }).catch((err) => {
    if (err instanceof InputError && /podOwnerKind|kubernetesService/.test(err.message)) return null;
    throw err;
  });
  if (answer === null) answer = await post(options, { query: INTENTS_QUERY_BASIC, variables });
  const intents = answer.data?.intents;
  if (!Array.isArray(intents)) throw new InputError("the mapper answered without an `intents` list");
  const calls = callsOfIntents(intents);
  const warnings = ["the network mapper keeps no request counts: each call it saw counts once"];
  if (calls.length === 0) warnings.push("the network mapper reported no intents");
  return { calls, unattributed: [], external: [], warnings, stats: { series: intents.length, sources: 1 } };
}
async function resetMapperCapture(options = {}) {
  const answer = await post(options, { query: RESET_MUTATION });
  if (answer.data?.resetCapture !== true) throw new InputError("the mapper did not confirm resetCapture");
}
export {
  DEFAULT_MAPPER_SERVICE,
  INTENTS_QUERY,
  INTENTS_QUERY_BASIC,
  RESET_MUTATION,
  callsOfIntents,
  readMapper,
  resetMapperCapture
};
