import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  kubeRequest,
  loadKubeConfig,
  permissionHint,
  readBody,
  statusOf
} from "./chunk-ID4NORQV.js";
import "./chunk-7NJKBT2O.js";
import {
  httpRequest,
  parseBaseUrl,
  tooLarge
} from "./chunk-WPGTBZZS.js";
import {
  shownUrl
} from "./chunk-55OXYYT6.js";
import {
  compareCalls
} from "./chunk-FEXBMIR2.js";
import "./chunk-VEPUTHKX.js";
import {
  InputError,
  NameGate,
  isKindName
} from "./chunk-3OLJVOZR.js";
import "./chunk-HANBNIMK.js";

// src/observe/live/mapper-answer.ts
var MAX_STRING = 4096;
function bad(where, what) {
  throw new InputError(`the mapper's answer is not an intents list: ${where} ${what}`);
}
function object(x, where) {
  if (typeof x !== "object" || x === null || Array.isArray(x)) bad(where, "is not an object");
  return x;
}
function string(x, where) {
  if (typeof x !== "string") bad(where, "is not a string");
  if (x.length > MAX_STRING) bad(where, `is longer than ${MAX_STRING} characters`);
  return x;
}
function optionalString(x, where) {
  return x === void 0 || x === null || x === "" ? void 0 : string(x, where);
}
function list(x, where) {
  if (x === void 0 || x === null) return [];
  if (!Array.isArray(x)) bad(where, "is not a list");
  return x;
}
function identity(x, where) {
  const o = object(x, where);
  const owner = o.podOwnerKind === void 0 || o.podOwnerKind === null ? void 0 : object(o.podOwnerKind, `${where}.podOwnerKind`);
  return {
    name: string(o.name, `${where}.name`),
    namespace: string(o.namespace, `${where}.namespace`),
    kind: owner === void 0 ? void 0 : optionalString(owner.kind, `${where}.podOwnerKind.kind`),
    service: optionalString(o.kubernetesService, `${where}.kubernetesService`)
  };
}
function parseMapperIntents(intents) {
  if (!Array.isArray(intents)) throw new InputError("the mapper answered without an `intents` list");
  return intents.map((x, i) => {
    const where = `intents[${i}]`;
    const o = object(x, where);
    return {
      client: identity(o.client, `${where}.client`),
      server: identity(o.server, `${where}.server`),
      type: o.type === null || o.type === void 0 ? null : string(o.type, `${where}.type`),
      httpResources: list(o.httpResources, `${where}.httpResources`).map((r, j) => {
        const at = `${where}.httpResources[${j}]`;
        const resource = object(r, at);
        return {
          path: string(resource.path, `${at}.path`),
          methods: list(resource.methods, `${at}.methods`).map((m, k) => string(m, `${at}.methods[${k}]`))
        };
      })
    };
  });
}
function workload(id) {
  const ref = { name: id.name, namespace: id.namespace };
  if (id.kind !== void 0 && isKindName(id.kind)) ref.kind = id.kind;
  return ref;
}
function callsOfIntents(intents, gate = new NameGate()) {
  const calls = [];
  for (const intent of intents) {
    const service = intent.server.service === void 0 ? null : { name: intent.server.service, namespace: intent.server.namespace };
    if (!gate.admit({ client: intent.client, server: intent.server, service })) continue;
    const client = workload(intent.client);
    const server = workload(intent.server);
    if (service !== null) server.service = service;
    const resources = intent.type === "HTTP" ? intent.httpResources : [];
    if (resources.length === 0) {
      const protocol = intent.type === "HTTP" ? "http" : "tcp";
      calls.push({ client, server, method: null, path: null, count: 1, protocol });
      continue;
    }
    for (const r of resources) {
      const methods = r.methods.filter((m) => m !== "ALL");
      for (const method of methods.length === 0 ? [null] : methods) {
        calls.push({ client, server, method, path: r.path || null, count: 1, protocol: "http" });
      }
    }
  }
  return calls.sort(compareCalls);
}

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
var MAX_MAPPER_ANSWER_BYTES = 64 * 1024 * 1024;
var TooLarge = class extends Error {
};
function graphQLAnswer(parsed, where, status) {
  const notAnswer = () => new InputError(`${where}: HTTP ${status}: not a GraphQL answer`);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw notAnswer();
  const { data, errors } = parsed;
  if (data !== void 0 && data !== null && (typeof data !== "object" || Array.isArray(data)))
    throw notAnswer();
  if (errors !== void 0 && !Array.isArray(errors)) throw notAnswer();
  const messages = (errors ?? []).map((e) => {
    const message = typeof e === "object" && e !== null ? e.message : void 0;
    return typeof message === "string" ? message : "an error without a message";
  });
  return { data, errors: messages };
}
async function post(options, body) {
  let status;
  let text;
  let where;
  const maxBytes = options.maxAnswerBytes ?? MAX_MAPPER_ANSWER_BYTES;
  if (options.url !== void 0) {
    const url = parseBaseUrl(options.url, "--mapper-url");
    if (url.pathname === "/" || url.pathname === "") url.pathname = "/query";
    where = shownUrl(url);
    ({ status, text } = await httpRequest(
      url,
      { timeoutMs: options.timeoutMs, ...options.token === void 0 ? {} : { token: options.token } },
      { method: "POST", body: JSON.stringify(body), maxBytes }
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
      const answer2 = await readBody(res.body, maxBytes);
      if (answer2.cut) throw new TooLarge();
      text = answer2.text;
    } catch (err) {
      if (err instanceof TooLarge) throw new InputError(`${where}: ${tooLarge(maxBytes)}`);
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
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError(`${where}: HTTP ${status}: not a GraphQL answer`);
  }
  const answer = graphQLAnswer(parsed, where, status);
  if (status !== 200 && answer.errors.length === 0) throw new InputError(`${where}: HTTP ${status}`);
  if (answer.errors.length > 0 && (answer.data === void 0 || answer.data === null)) {
    throw new InputError(`${where}: mapper error: ${answer.errors.join("; ")}`);
  }
  return answer;
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
  const intents = parseMapperIntents(answer.data?.intents);
  const gate = new NameGate();
  const calls = callsOfIntents(intents, gate);
  const warnings = ["the network mapper keeps no request counts: each call it saw counts once"];
  if (answer.errors.length > 0) warnings.push(partialAnswerWarning(answer.errors));
  const refused = gate.warning("intent(s) of the mapper");
  if (refused !== void 0) warnings.push(refused);
  if (calls.length === 0) warnings.push("the network mapper reported no intents");
  return { calls, unattributed: [], external: [], warnings, stats: { series: intents.length, sources: 1 } };
}
function partialAnswerWarning(errors) {
  const shown = errors.slice(0, 3).map((e) => {
    const chars = Array.from(e);
    return chars.length > 200 ? `${chars.slice(0, 200).join("")}\u2026` : e;
  });
  const more = errors.length > shown.length ? ` (and ${errors.length - shown.length} more)` : "";
  return `the network mapper's answer came with ${errors.length} error(s) beside its data, so it may lack calls: ${shown.join("; ")}${more}`;
}
async function resetMapperCapture(options = {}) {
  const answer = await post(options, { query: RESET_MUTATION });
  if (answer.data?.resetCapture !== true) throw new InputError("the mapper did not confirm resetCapture");
}
export {
  DEFAULT_MAPPER_SERVICE,
  INTENTS_QUERY,
  INTENTS_QUERY_BASIC,
  MAX_MAPPER_ANSWER_BYTES,
  RESET_MUTATION,
  readMapper,
  resetMapperCapture
};
