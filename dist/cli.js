import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  API_VERSIONS,
  FAIL_ON,
  REPORT_FORMATS,
  SOURCES,
  asControlled,
  buildClientIntents,
  buildPathTemplater,
  check,
  controlNotes,
  countLabel,
  coverageSummary,
  declare,
  defaultSettings,
  demoSettings,
  environmentOf,
  ignoredByText,
  observe,
  plural,
  qualifiedName,
  readConfig,
  readWorkloadManifests,
  refKey,
  renderIntentsDir,
  renderIntentsFile,
  renderJsonReport,
  renderMarkdownReport,
  splitStale,
  targetName,
  wideningOf,
  writeBaselineFile,
  writeFileInside,
  yamlDocumentText
} from "./chunks/chunk-KPSNSHCG.js";
import "./chunks/chunk-G5SHRTBH.js";
import "./chunks/chunk-UOC5V4G2.js";
import "./chunks/chunk-SIL76G56.js";
import "./chunks/chunk-KS3M3US7.js";
import "./chunks/chunk-LJYUS5LM.js";
import "./chunks/chunk-DNUDPCNB.js";
import "./chunks/chunk-5HE2LTP3.js";
import {
  InputError,
  isInputError,
  safeLine,
  showControlChars
} from "./chunks/chunk-PZ3YZTHI.js";
import "./chunks/chunk-HANBNIMK.js";

// src/cli/main.ts
import { mkdir as mkdir4, writeFile as writeFile4 } from "node:fs/promises";
import path4 from "node:path";

// src/report/list-report.ts
function byNameThenNamespace(a, b) {
  const left = `${a.name}\0${a.namespace}`;
  const right = `${b.name}\0${b.namespace}`;
  return left < right ? -1 : left > right ? 1 : 0;
}
function codeUnitOrder(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function collect(calls, namespaces) {
  const clients = /* @__PURE__ */ new Map();
  for (const call of calls) {
    if (namespaces && !namespaces.has(call.client.namespace)) continue;
    const clientKey = `${call.client.namespace}/${call.client.name}`;
    let client = clients.get(clientKey);
    if (!client) {
      client = { name: call.client.name, namespace: call.client.namespace, servers: /* @__PURE__ */ new Map() };
      clients.set(clientKey, client);
    }
    const serverKey = `${call.server.namespace}/${call.server.name}`;
    let server = client.servers.get(serverKey);
    if (!server) {
      server = { name: call.server.name, namespace: call.server.namespace, paths: /* @__PURE__ */ new Map() };
      client.servers.set(serverKey, server);
    }
    if (call.path === null) continue;
    let methods = server.paths.get(call.path);
    if (!methods) {
      methods = /* @__PURE__ */ new Set();
      server.paths.set(call.path, methods);
    }
    if (call.method !== null) methods.add(call.method);
  }
  return [...clients.values()].sort(byNameThenNamespace);
}
function renderList(source, opts = {}) {
  const calls = Array.isArray(source) ? source : source.calls;
  const namespaces = opts.namespaces && opts.namespaces.length > 0 ? new Set(opts.namespaces) : null;
  const show2 = showControlChars;
  const lines = [];
  for (const client of collect(calls, namespaces)) {
    lines.push(`${show2(client.name)} in namespace ${show2(client.namespace)} calls:`);
    for (const server of [...client.servers.values()].sort(byNameThenNamespace)) {
      lines.push(`  - ${show2(server.name)} in namespace ${show2(server.namespace)}`);
      for (const path5 of [...server.paths.keys()].sort(codeUnitOrder)) {
        const methods = [...server.paths.get(path5) ?? []].sort(codeUnitOrder);
        lines.push(`    - path ${show2(path5)}, methods: [${methods.map(show2).join(",")}]`);
      }
    }
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}
`;
}

// src/report/text-report.ts
var ansi = (open, close) => (text) => `\x1B[${open}m${text}\x1B[${close}m`;
var COLOURS = {
  bad: ansi(31, 39),
  warn: ansi(33, 39),
  good: ansi(32, 39),
  dim: ansi(2, 22),
  bold: ansi(1, 22)
};
var identity = (text) => text;
var PLAIN = { bad: identity, warn: identity, good: identity, dim: identity, bold: identity };
var STALE_REASON = {
  "path-not-called": "path-not-called (the client called this server, never with this method and path)",
  "server-not-called": "server-not-called (the client never called this server)",
  "client-idle": "client-idle (the client made no calls at all)"
};
var NOT_CHECKED_WHY = {
  "not-http": "not visible in Istio HTTP metrics",
  "no-http-detail": "called, but the metrics carry no method or path"
};
var show = showControlChars;
function operation(method, path5, unknown) {
  if (method === null && path5 === null) return unknown;
  return `${show(method ?? "*")} ${show(path5 ?? "*")}`;
}
function ruleTarget(rule) {
  const name = show(targetName(rule.server, rule.client.namespace));
  return rule.targetType === "kubernetes" ? name : `${rule.targetType} ${name}`;
}
function missingLine(call, p) {
  const via = call.server.service ? ` via service ${show(targetName(call.server.service, call.client.namespace))}` : "";
  const widening = wideningOf(call);
  const template = call.suggestedPath ? `, template ${show(call.suggestedPath)}${widening ? ` (allows ${show(widening)})` : ""}` : "";
  const blocked = call.wouldBeBlocked ? `, ${p.bold("would be blocked once enforced")}` : "";
  const server = show(targetName(call.server, call.client.namespace));
  const op = operation(call.method, call.path, "(no HTTP detail)");
  const home = call.intentsFile ? `
        ${p.dim(`declare in ${show(call.intentsFile.file)}:${call.intentsFile.line}`)}` : "";
  return `    ${p.bad(`+ ${op} -> ${server}`)}${via}: ${countLabel(call.count, call.protocol)}${template}${blocked}${home}`;
}
function staleLine(rule, p) {
  const op = operation(rule.method, rule.path, "(any request)");
  return `    ${p.warn(`- ${op} -> ${ruleTarget(rule)}`)}: ${STALE_REASON[rule.reason]}
        ${p.dim(`declared at ${show(rule.file)}:${rule.line}`)}`;
}
function groupByClient(drift) {
  const groups = /* @__PURE__ */ new Map();
  const groupOf = (client) => {
    const key = `${client.namespace}/${client.name}`;
    let group = groups.get(key);
    if (!group) {
      group = { client, missing: [], stale: [], notExercised: [], covered: 0 };
      groups.set(key, group);
    }
    return group;
  };
  for (const call of drift.missing) groupOf(call.client).missing.push(call);
  const { stale, notExercised } = splitStale(drift.stale);
  for (const rule of stale) groupOf(rule.client).stale.push(rule);
  for (const rule of notExercised) groupOf(rule.client).notExercised.push(rule);
  for (const call of drift.covered) {
    const group = groups.get(`${call.client.namespace}/${call.client.name}`);
    if (group) group.covered++;
  }
  const sortKey = (g) => `${g.client.namespace}\0${g.client.name}`;
  return [...groups.values()].sort(
    (a, b) => sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0
  );
}
function verdict(drift, p) {
  const s = drift.summary;
  const { stale, notExercised } = splitStale(drift.stale);
  const ignored = s.ignored + (asControlled(drift).ignoredStale?.length ?? 0);
  let rest = `${s.covered} covered, ${s.notChecked} not checked, ${ignored} ignored`;
  if (notExercised.length > 0) rest += `, ${notExercised.length} not exercised`;
  if (s.missing > 0 || stale.length > 0)
    return `intent-drift: ${p.bad(p.bold("DRIFT"))}: ${s.missing} missing, ${stale.length} stale (${rest})`;
  const what = notExercised.length > 0 ? "no drift in what the run exercised" : "no drift";
  return `intent-drift: ${p.good(p.bold("OK"))}: ${what} (${rest})`;
}
function clientHeading(drift, group, p) {
  const counts = [`${group.missing.length} missing`, `${group.stale.length} stale`];
  if (group.notExercised.length > 0) counts.push(`${group.notExercised.length} not exercised`);
  if (group.covered > 0) counts.push(`${group.covered} covered`);
  const coverage = asControlled(drift).coverage?.clients.find(
    (c) => c.client.name === group.client.name && c.client.namespace === group.client.namespace
  );
  if (coverage && coverage.declared > 0) counts.push(`coverage ${coverage.percent}%`);
  const environment = environmentOf(drift, group.client.namespace);
  const where = `namespace ${show(group.client.namespace)}${environment ? ` (${show(environment)})` : ""}`;
  return `${p.bold(show(group.client.name))} in ${where}: ${counts.join(", ")}`;
}
function coverageLines(drift) {
  const coverage = asControlled(drift).coverage;
  const summary = coverageSummary(drift);
  if (!coverage || summary === void 0) return [];
  const lines = ["", `${summary}:`];
  for (const c of coverage.clients) {
    if (c.declared === 0) continue;
    const environment = environmentOf(drift, c.client.namespace);
    const reasons = Object.entries(c.stale).filter(([, n]) => n > 0).map(([reason, n]) => `${n} ${reason}`);
    if (c.noDetail > 0) reasons.push(`${c.noDetail} without HTTP detail`);
    lines.push(
      `  ${show(qualifiedName(c.client))}${environment ? ` (${show(environment)})` : ""}: ${c.exercised} of ${c.declared} (${c.percent}%)${reasons.length > 0 ? `: ${reasons.join(", ")}` : ""}`
    );
  }
  return lines;
}
function briefSection(title, items, line, limit) {
  if (items.length === 0) return [];
  const lines = [
    "",
    `${title} (${items.length}):`,
    ...items.slice(0, limit).map((item) => `  ${line(item)}`)
  ];
  if (items.length > limit) lines.push(`  ... and ${items.length - limit} more (see the JSON report)`);
  return lines;
}
function callEnds(call) {
  const server = call.host ?? (call.server.service ? qualifiedName(call.server.service) : qualifiedName(call.server));
  return `${show(qualifiedName(call.client))} -> ${show(server)}`;
}
function renderTextReport(drift, opts = {}) {
  const p = opts.color ? COLOURS : PLAIN;
  const limit = opts.briefLimit ?? 10;
  const lines = [verdict(drift, p)];
  for (const group of groupByClient(drift)) {
    lines.push("", clientHeading(drift, group, p));
    if (group.missing.length > 0) {
      lines.push("  missing (called, not declared):");
      for (const call of group.missing) lines.push(missingLine(call, p));
    }
    if (group.stale.length > 0) {
      lines.push("  stale (declared, never called):");
      for (const rule of group.stale) lines.push(staleLine(rule, p));
    }
    if (group.notExercised.length > 0) {
      lines.push(
        "  not exercised (the run drove no calls from this client):",
        ...group.notExercised.map((rule) => staleLine(rule, p))
      );
    }
  }
  lines.push(
    ...briefSection(
      "not checked",
      drift.notChecked,
      (r) => `${show(r.client.name)} -> ${ruleTarget(r)} ${p.dim(`${show(r.file)}:${r.line}`)}: ${NOT_CHECKED_WHY[r.why]}`,
      limit
    ),
    ...briefSection(
      "unattributed: callers outside the mesh",
      drift.unattributed,
      (c) => `-> ${show(qualifiedName(c.server))} ${operation(c.method, c.path, "(no HTTP detail)")}: ${countLabel(c.count, c.protocol)}`,
      limit
    ),
    ...briefSection(
      "external: destinations outside the mesh",
      drift.external,
      (c) => `${callEnds(c)}: ${countLabel(c.count, c.protocol)}`,
      limit
    ),
    ...briefSection(
      "ignored by the config",
      drift.ignored,
      (c) => {
        const by = ignoredByText(c);
        return `${callEnds(c)} ${operation(c.method, c.path, "(no HTTP detail)")}${by ? ` (by ${show(by)})` : ""}`;
      },
      limit
    ),
    ...briefSection(
      "stale rules ignored by the config",
      asControlled(drift).ignoredStale ?? [],
      (r) => `${show(r.client.name)} -> ${ruleTarget(r)} ${operation(r.method, r.path, "(any request)")} ${p.dim(`${show(r.file)}:${r.line}`)} (by ${show(ignoredByText(r) ?? "")})`,
      limit
    ),
    ...coverageLines(drift)
  );
  const notes = controlNotes(drift);
  if (notes.length > 0) lines.push("");
  for (const note of notes) lines.push(note);
  if (drift.warnings.length > 0) {
    lines.push("");
    for (const w of drift.warnings) lines.push(`${p.warn("warning:")} ${show(w)}`);
  }
  lines.push(
    "",
    `${plural(drift.summary.observed, "call")} observed, ${plural(drift.summary.declared, "rule")} declared.`
  );
  return `${lines.join("\n")}
`;
}

// src/version.ts
var VERSION = "0.1.0";

// src/cli/args.ts
import { parseArgs } from "node:util";
var COMMANDS = [
  "check",
  "list",
  "export",
  "visualize",
  "policies",
  "capture",
  "reset",
  "demo"
];
var OPTIONS = {
  intents: { type: "string", multiple: true },
  source: { type: "string" },
  metrics: { type: "string", multiple: true },
  snapshot: { type: "string", multiple: true },
  workloads: { type: "string", multiple: true },
  namespace: { type: "string", short: "n", multiple: true },
  "fail-on": { type: "string" },
  format: { type: "string" },
  report: { type: "string" },
  output: { type: "string", short: "o" },
  "output-type": { type: "string" },
  "api-version": { type: "string" },
  "as-service": { type: "boolean" },
  config: { type: "string" },
  "no-templates": { type: "boolean" },
  "min-count": { type: "string" },
  environment: { type: "string" },
  baseline: { type: "string" },
  "write-baseline": { type: "string" },
  kubeconfig: { type: "string" },
  context: { type: "string" },
  window: { type: "string" },
  concurrency: { type: "string" },
  "pod-timeout": { type: "string" },
  "prometheus-url": { type: "string" },
  "prometheus-token-env": { type: "string" },
  "prometheus-ca": { type: "string" },
  since: { type: "string" },
  "mapper-url": { type: "string" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" }
};
function oneOf(flag, value, allowed) {
  if (allowed.includes(value)) return value;
  throw new InputError(`--${flag} must be one of ${allowed.join(", ")} (got '${value}')`);
}
function parseCommandLine(argv, env) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new InputError(err.message.split("\n")[0] ?? "bad arguments");
  }
  const { values, positionals } = parsed;
  const settings = defaultSettings(env.cwd);
  if (values.version) return { command: "version", settings };
  const [name, ...extra] = positionals;
  if (values.help || name === void 0 || name === "help") return { command: "help", settings };
  if (!COMMANDS.includes(name)) {
    throw new InputError(`unknown command '${name}' (commands: ${COMMANDS.join(", ")})`);
  }
  if (extra.length > 0) throw new InputError(`unexpected argument '${extra[0]}'`);
  const command = name;
  settings.intents = values.intents ?? [];
  settings.metrics = values.metrics ?? [];
  settings.snapshots = values.snapshot ?? [];
  settings.workloads = values.workloads ?? [];
  settings.namespaces = values.namespace ?? [];
  settings.reportFile = values.report;
  settings.color = values["no-color"] ? false : values.color ?? env.colorDefault;
  settings.output = values.output;
  readLiveFlags(values, settings, env.variables ?? {});
  settings.source = values.source === void 0 ? impliedSource(settings) : oneOf("source", values.source, SOURCES);
  if (values["fail-on"] !== void 0) {
    settings.failOn = oneOf("fail-on", values["fail-on"], FAIL_ON);
    settings.failOnExplicit = true;
  }
  settings.configFile = values.config;
  settings.templates = !(values["no-templates"] ?? false);
  settings.environment = values.environment;
  settings.baselineFile = values.baseline;
  settings.writeBaselineFile = values["write-baseline"];
  if (values["min-count"] !== void 0) {
    const n = Number(values["min-count"]);
    if (!Number.isInteger(n) || n < 1) {
      throw new InputError(`--min-count must be a whole number of 1 or more (got '${values["min-count"]}')`);
    }
    settings.minCount = n;
  }
  if (command === "export") {
    if (values.format !== void 0) {
      settings.export.format = oneOf("format", values.format, ["yaml", "json"]);
    }
    if (values["output-type"] !== void 0) {
      settings.export.outputType = oneOf("output-type", values["output-type"], [
        "single-file",
        "dir"
      ]);
    }
    if (values["api-version"] !== void 0) {
      const wanted = values["api-version"];
      const full = wanted.includes("/") ? wanted : `k8s.otterize.com/${wanted}`;
      settings.export.apiVersion = oneOf("api-version", full, API_VERSIONS);
    }
    settings.export.asService = values["as-service"] ?? false;
    if (settings.export.outputType === "dir" && settings.output === void 0) {
      throw new InputError("--output-type dir needs -o DIRECTORY");
    }
  } else {
    if (values.format !== void 0) {
      settings.format = oneOf("format", values.format, REPORT_FORMATS);
    }
  }
  if (command === "capture" && settings.output === void 0) throw new InputError("capture needs -o FILE");
  return { command, settings };
}
function readLiveFlags(values, settings, variables) {
  const live = settings.live;
  live.kubeconfig = values.kubeconfig;
  live.context = values.context;
  live.window = values.window;
  live.podTimeout = values["pod-timeout"];
  live.prometheusUrl = values["prometheus-url"];
  live.prometheusCa = values["prometheus-ca"];
  live.since = values.since;
  live.mapperUrl = values["mapper-url"];
  if (values["prometheus-token-env"] !== void 0) live.prometheusTokenEnv = values["prometheus-token-env"];
  const token = variables[live.prometheusTokenEnv];
  live.prometheusToken = token === "" ? void 0 : token;
  if (values.concurrency !== void 0) {
    const n = Number(values.concurrency);
    if (!Number.isInteger(n) || n < 1 || n > 256) {
      throw new InputError(
        `--concurrency must be a whole number from 1 to 256 (got '${values.concurrency}')`
      );
    }
    live.concurrency = n;
  }
}
function impliedSource(settings) {
  if (settings.metrics.length > 0) return "metrics";
  if (settings.snapshots.length > 0) return "snapshot";
  if (settings.live.prometheusUrl !== void 0) return "prometheus";
  if (settings.live.mapperUrl !== void 0) return "mapper";
  return "sidecars";
}

// src/cli/export-command.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

// src/declare/authorization-policies.ts
var POLICY_API_VERSION = "security.istio.io/v1";
function authorizationPolicies(rules, opts = {}) {
  const drafts = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    if (rule.targetType !== "kubernetes" && rule.targetType !== "service") continue;
    const key = [rule.client.namespace, rule.client.name, rule.server.namespace, rule.server.name].join("/");
    let draft = drafts.get(key);
    if (!draft) {
      draft = {
        client: rule.client,
        server: { name: rule.server.name, namespace: rule.server.namespace },
        targetType: rule.targetType,
        anyOperation: false,
        methodsByPath: /* @__PURE__ */ new Map(),
        sources: /* @__PURE__ */ new Map()
      };
      drafts.set(key, draft);
    }
    const lines = draft.sources.get(rule.file) ?? [];
    if (!lines.includes(rule.line)) lines.push(rule.line);
    draft.sources.set(rule.file, lines);
    if (rule.path === null || rule.method === null) {
      draft.anyOperation = true;
      continue;
    }
    const methods = draft.methodsByPath.get(rule.path) ?? [];
    if (!methods.includes(rule.method)) methods.push(rule.method);
    draft.methodsByPath.set(rule.path, methods);
  }
  return [...drafts.values()].map((draft) => policyOf(draft, opts)).sort(byNamespaceAndName);
}
function policyOf(draft, opts) {
  const { client, server } = draft;
  const from = [...draft.sources].map(([file, lines]) => `${file}:${lines.join(",")}`);
  const notes = [`from ${from.join(" ")}`];
  let labels = opts.selectorOf?.(server, draft.targetType);
  if (!labels && draft.targetType === "kubernetes")
    labels = opts.workloads?.labelsOf(server.namespace, server.name);
  if (!labels || Object.keys(labels).length === 0) {
    labels = { app: server.name };
    notes.push(`pod labels of ${server.namespace}/${server.name} unknown: assumed app: ${server.name}`);
  }
  let serviceAccount = opts.serviceAccountOf?.(client) ?? opts.workloads?.serviceAccountOf(client.namespace, client.name);
  if (!serviceAccount) {
    serviceAccount = client.name;
    notes.push(`service account of ${client.namespace}/${client.name} unknown: assumed ${client.name}`);
  }
  const rule = {
    from: [{ source: { principals: [`cluster.local/ns/${client.namespace}/sa/${serviceAccount}`] } }]
  };
  if (!draft.anyOperation) {
    rule.to = [...draft.methodsByPath].map(([path5, methods]) => ({ operation: { paths: [path5], methods } }));
  }
  const manifest = {
    apiVersion: POLICY_API_VERSION,
    kind: "AuthorizationPolicy",
    metadata: {
      name: `authorization-policy-to-${server.name}-from-${client.name}.${client.namespace}`,
      namespace: server.namespace
    },
    spec: { selector: { matchLabels: labels }, action: "ALLOW", rules: [rule] }
  };
  return { manifest, notes };
}
function byNamespaceAndName(a, b) {
  const key = (p) => {
    const metadata = p.manifest.metadata;
    return `${metadata.namespace}\0${metadata.name}`;
  };
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
function renderAuthorizationPolicies(policies) {
  return policies.map(
    ({ manifest, notes }) => yamlDocumentText(manifest, { indent: 2, lineWidth: 0, minContentWidth: 0 }, notes)
  ).join("---\n");
}

// src/diff/template-export.ts
function exportTemplates(calls, opts = {}) {
  const templater = buildPathTemplater(calls, opts);
  const seen = /* @__PURE__ */ new Map();
  for (const call of calls) {
    const template = templater.pathOf(call);
    if (call.path === null || template === null || template === call.path) continue;
    const key = `${refKey(call.client)} -> ${refKey(call.server)}: ${template}`;
    const paths = seen.get(key);
    if (paths) paths.add(call.path);
    else seen.set(key, /* @__PURE__ */ new Set([call.path]));
  }
  const notes = [...seen.keys()].sort().map((key) => {
    const paths = [...seen.get(key) ?? []].sort();
    const example = paths.slice(0, 2).join(", ");
    return `${key} stands for ${paths.length} observed path${paths.length === 1 ? "" : "s"} (${example}${paths.length > 2 ? ", ..." : ""}) and allows any value where {*} or {**} stands`;
  });
  return { pathOf: templater.pathOf, notes };
}

// src/cli/progress.ts
var PHASE = {
  single: "reading sidecars",
  first: "first reading",
  waiting: "waiting for traffic",
  second: "second reading"
};
function progressLine(write, isTTY) {
  let last;
  const started = Date.now();
  return {
    listener(p) {
      last = p;
      if (isTTY) write(`\r\x1B[K${PHASE[p.reading]}: ${p.done}/${p.total} pods`);
    },
    finish() {
      if (last === void 0) return;
      const seconds = ((Date.now() - started) / 1e3).toFixed(1);
      if (isTTY) write(`\r\x1B[K`);
      write(`read ${last.done}/${last.total} meshed pods in ${seconds}s
`);
    }
  };
}
async function withProgress(io, read) {
  const progress = progressLine(io.writeError, io.stderrIsTTY === true);
  try {
    return await read(progress.listener);
  } finally {
    progress.finish();
  }
}
function observeWithProgress(settings, io) {
  return withProgress(io, (listener) => observe(settings, listener));
}

// src/cli/export-command.ts
async function runExport(settings, io) {
  const observed = await observeWithProgress(settings, io);
  const scope = new Set(settings.namespaces);
  const calls = observed.calls.filter((c) => scope.size === 0 || scope.has(c.client.namespace));
  const config = await readConfig(settings);
  const templates = settings.templates && config.templates ? exportTemplates(calls) : void 0;
  const { intents, warnings } = buildClientIntents(calls, {
    asService: settings.export.asService,
    ...templates === void 0 ? {} : { pathOf: templates.pathOf }
  });
  const render = { apiVersion: settings.export.apiVersion, format: settings.export.format };
  const out = settings.output;
  if (settings.export.outputType === "dir" && out !== void 0) {
    const dir = path.resolve(settings.cwd, out);
    const files = renderIntentsDir(intents, render);
    await mkdir(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFileInside(dir, name, text);
    io.writeError(`wrote ${Object.keys(files).length} ClientIntents file(s) to ${safeLine(out)}
`);
  } else if (out !== void 0) {
    const file = path.resolve(settings.cwd, out);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, renderIntentsFile(intents, render));
    io.writeError(`wrote ${intents.length} ClientIntents to ${safeLine(out)}
`);
  } else {
    io.write(renderIntentsFile(intents, render));
  }
  for (const w of [...observed.warnings, ...warnings]) io.writeError(`warning: ${safeLine(w)}
`);
  for (const note of templates?.notes ?? []) io.writeError(`template: ${safeLine(note)}
`);
  return 0;
}

// src/cli/policies-command.ts
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";
async function runPolicies(settings, declared, io) {
  const scope = new Set(settings.namespaces);
  const rules = declared.rules.filter((r) => scope.size === 0 || scope.has(r.client.namespace));
  const workloads = settings.workloads.length > 0 ? await readWorkloadManifests(settings.workloads, { cwd: settings.cwd }) : void 0;
  const text = renderAuthorizationPolicies(authorizationPolicies(rules, workloads ? { workloads } : {}));
  if (settings.output === void 0) {
    io.write(text);
  } else {
    const file = path2.resolve(settings.cwd, settings.output);
    await mkdir2(path2.dirname(file), { recursive: true });
    await writeFile2(file, text);
  }
  for (const w of declared.warnings) io.writeError(`warning: ${safeLine(w)}
`);
  return 0;
}

// src/cli/usage.ts
function usage() {
  return `intent-drift: diff the HTTP calls Istio observed against committed Otterize ClientIntents

Usage: intent-drift <command> [flags]

Commands:
  check       read the observed map and the declared intents, diff them, report
  list        print the observed map, grouped by client
  export      write the observed map as ClientIntents
  visualize   draw the map (the drift, with --intents) as -o FILE.svg, .png or .html
  policies    print the Istio AuthorizationPolicies the declared intents imply
  capture     read a live source once and save what it saw as a snapshot file (-o FILE)
  reset       make Otterize's network mapper forget what it captured
  demo        check the embedded demo (client, client2, nginx): offline, no cluster

Sources of the observed map (--source, else implied by the flags below, else sidecars):
  --metrics PATH          metrics: Prometheus text exposition or Envoy JSON stats; file or directory
  --snapshot FILE         snapshot: written by capture; repeatable, merged
  --kubeconfig FILE       sidecars/mapper: default ~/.kube/config or in-cluster
  --context NAME          sidecars/mapper: kubeconfig context
  --window DURATION       sidecars: read twice this far apart, keep only the traffic between
  --concurrency N         sidecars: pods read at once (default 16)
  --pod-timeout DURATION  sidecars: per-pod timeout (default 10s)
  --prometheus-url URL    prometheus: its HTTP API
  --prometheus-token-env  prometheus: env var with a bearer token (default PROMETHEUS_TOKEN)
  --prometheus-ca FILE    prometheus: CA bundle for https
  --since WHEN            prometheus range / snapshot filter: 15m, 2h, or an RFC 3339 time
  --mapper-url URL        mapper: the network-mapper's GraphQL endpoint (else the service proxy)
  --workloads PATH        Kubernetes manifests: workload kinds and service accounts (repeatable)

Declared intents:
  --intents PATH          ClientIntents file, directory or glob (repeatable)

Scope and verdict:
  -n, --namespace NS      only clients in this namespace (repeatable)
  --fail-on WHAT          missing | stale | any | none (default missing)

Output:
  --format FMT            check: text | markdown | json (default text); export: yaml | json
  --report FILE           also write the JSON report (check, demo)
  --color, --no-color     colour in text output (default: when stdout is a terminal; NO_COLOR, FORCE_COLOR)

export:
  -o PATH                 file (or directory with --output-type dir); default stdout
  --output-type TYPE      single-file | dir (one <workload>.<namespace>.yaml per client)
  --api-version V         k8s.otterize.com/v2beta1 (default), v2alpha1, v1beta1, v1alpha3, v1alpha2
  --as-service            targets name the Kubernetes Service the caller used, not the workload

Exit codes: 0 no failing drift, 1 failing drift (per --fail-on), 2 bad usage, bad input or unreachable source.
`;
}

// src/cli/visualize-command.ts
import { mkdir as mkdir3, writeFile as writeFile3 } from "node:fs/promises";
import path3 from "node:path";

// src/report/graph-model.ts
var EDGE_KINDS = [
  "covered",
  "missing",
  "blocked",
  "stale",
  "ignored",
  "observed"
];
var UNKNOWN = "unknown";
function byText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function observedOperation(call) {
  if (call.method === null && call.path === null) {
    return call.protocol === "tcp" ? "(TCP, no HTTP detail)" : "(no HTTP detail)";
  }
  return `${call.method ?? "*"} ${call.path ?? "*"}`;
}
function ruleOperation(rule) {
  if (rule.method === null && rule.path === null) return "(any request)";
  return `${rule.method ?? "*"} ${rule.path ?? "*"}`;
}
var GraphBuilder = class {
  nodes = /* @__PURE__ */ new Map();
  rows = [];
  workload(ref) {
    return this.node({
      key: `w:${qualifiedName(ref)}`,
      kind: "workload",
      label: qualifiedName(ref),
      namespace: ref.namespace
    });
  }
  /** A declared `service` target: a Service, not a workload, though it may share the name. */
  service(ref) {
    const label = `${qualifiedName(ref)} (service)`;
    return this.node({ key: `s:${qualifiedName(ref)}`, kind: "service", label, namespace: ref.namespace });
  }
  external(call) {
    const host = call.host ?? qualifiedName(call.server);
    return this.node({ key: `x:${host}`, kind: "external", label: host });
  }
  unattributed(ref) {
    const unknown = ref.name === UNKNOWN && ref.namespace === UNKNOWN;
    const label = unknown ? "outside the mesh" : qualifiedName(ref);
    return this.node({ key: `u:${qualifiedName(ref)}`, kind: "unattributed", label });
  }
  call(kind, from, to, call) {
    this.rows.push({
      kind,
      from,
      to,
      operation: observedOperation(call),
      count: call.count,
      protocol: call.protocol
    });
  }
  rule(kind, rule) {
    const from = this.workload(rule.client);
    const to = rule.targetType === "service" ? this.service(rule.server) : this.workload(rule.server);
    const row = { kind, from, to, operation: ruleOperation(rule), count: null, protocol: null };
    row.declaredAt = `${rule.file}:${rule.line}`;
    this.rows.push(row);
  }
  build(mode) {
    const groups = /* @__PURE__ */ new Map();
    for (const row of this.rows) {
      const id = JSON.stringify([row.from, row.to, row.kind]);
      const edge = groups.get(id) ?? { from: row.from, to: row.to, kind: row.kind, rows: [] };
      edge.rows.push(row);
      groups.set(id, edge);
    }
    const edges = [...groups.values()].sort(
      (a, b) => byText(a.from, b.from) || byText(a.to, b.to) || EDGE_KINDS.indexOf(a.kind) - EDGE_KINDS.indexOf(b.kind)
    );
    for (const edge of edges) {
      edge.rows.sort((a, b) => byText(a.operation, b.operation) || (b.count ?? 0) - (a.count ?? 0));
    }
    const nodes = [...this.nodes.values()].sort((a, b) => byText(a.key, b.key));
    return { mode, nodes, edges };
  }
  node(node) {
    if (!this.nodes.has(node.key)) this.nodes.set(node.key, node);
    return node.key;
  }
};
function addUnjudged(graph, unattributed, external) {
  for (const c of unattributed)
    graph.call("observed", graph.unattributed(c.client), graph.workload(c.server), c);
  for (const c of external) graph.call("observed", graph.workload(c.client), graph.external(c), c);
}
function graphOfMap(map) {
  const graph = new GraphBuilder();
  for (const c of map.calls) graph.call("observed", graph.workload(c.client), graph.workload(c.server), c);
  addUnjudged(graph, map.unattributed, map.external);
  return graph.build("map");
}
function missingKind(call) {
  return call.wouldBeBlocked ? "blocked" : "missing";
}
function graphOfDrift(drift) {
  const graph = new GraphBuilder();
  const between = (kind, c) => graph.call(kind, graph.workload(c.client), graph.workload(c.server), c);
  for (const c of drift.covered) between("covered", c);
  for (const c of drift.missing) between(missingKind(c), c);
  for (const c of drift.ignored) between("ignored", c);
  for (const r of drift.stale) graph.rule("stale", r);
  addUnjudged(graph, drift.unattributed, drift.external);
  return graph.build("drift");
}

// src/report/graph-render.ts
var GRAPH_FONT = "DejaVu Sans";
var FONT_FALLBACKS = `${GRAPH_FONT},Verdana,sans-serif`;
var vizInstance;
function viz() {
  vizInstance ??= import("./chunks/viz-BMEYRWJF.js").then((m) => m.instance());
  return vizInstance;
}
async function renderSvg(dot) {
  const result = (await viz()).render(dot, { format: "svg" });
  if (result.status !== "success") {
    const reasons = result.errors.map((e) => e.message).join("; ");
    throw new Error(`Graphviz could not draw the graph: ${reasons}`);
  }
  return result.output.replaceAll(`font-family="${GRAPH_FONT}"`, `font-family="${FONT_FALLBACKS}"`);
}
var resvgModule;
function resvg() {
  resvgModule ??= import("@resvg/resvg-js");
  return resvgModule;
}
async function renderPng(svg, options = {}) {
  const { Resvg } = await resvg();
  const image = new Resvg(svg, {
    fitTo: { mode: "zoom", value: options.zoom ?? 2 },
    background: "white",
    font: { loadSystemFonts: true, sansSerifFamily: GRAPH_FONT, defaultFontFamily: GRAPH_FONT },
    logLevel: "off"
  }).render();
  return image.asPng();
}
var PROBE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30"><text x="4" y="22" font-family="sans-serif" font-size="20">Ag</text></svg>';
async function hasUsableFont() {
  const { Resvg } = await resvg();
  const pixels = new Resvg(PROBE_SVG, { font: { loadSystemFonts: true }, logLevel: "off" }).render().pixels;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
  return false;
}

// src/report/graph-dot.ts
var MAX_LABEL_LINES = 6;
var MAX_LINE_CHARS = 64;
var MISSING_RED = "#d62728";
var EDGE_STYLES = {
  covered: {
    attributes: { color: "#4b5563", fontcolor: "#374151" },
    legend: "covered: called and declared"
  },
  missing: {
    attributes: { color: MISSING_RED, fontcolor: MISSING_RED, penwidth: "1.5" },
    legend: "missing: called, not declared"
  },
  blocked: {
    attributes: { color: MISSING_RED, fontcolor: MISSING_RED, style: "dashed,bold", penwidth: "2.5" },
    legend: "missing, would be blocked once enforced"
  },
  stale: {
    attributes: { color: "#9ca3af", fontcolor: "#6b7280", style: "dotted", penwidth: "1.5" },
    legend: "stale: declared, never called"
  },
  ignored: {
    attributes: { color: "#b7791f", fontcolor: "#8a5a12", style: "dashed" },
    legend: "ignored: missing, but an ignore rule accepts it"
  },
  observed: {
    attributes: { color: "#3b6ea8", fontcolor: "#27496d" },
    legend: "observed call"
  }
};
var NODE_STYLES = {
  workload: {
    attributes: { shape: "box", style: "rounded,filled", fillcolor: "#eef3fb", color: "#4a6fa5" },
    legend: "workload (name.namespace)"
  },
  service: {
    attributes: { shape: "box", style: "rounded,filled,dashed", fillcolor: "#f5f0ff", color: "#7c5cbf" },
    legend: "Service named by an intent"
  },
  external: {
    attributes: { shape: "ellipse", style: "filled", fillcolor: "#fff7e6", color: "#b7791f" },
    legend: "host outside the mesh"
  },
  unattributed: {
    attributes: { shape: "hexagon", style: "filled", fillcolor: "#f3f4f6", color: "#6b7280" },
    legend: "caller outside the mesh"
  }
};
var NODE_KINDS = ["workload", "service", "external", "unattributed"];
function dotString(text) {
  const escaped = showControlChars(text).replace(/[\\"&]/g, (c) => c === "&" ? "&amp;" : `\\${c}`);
  return `"${escaped}"`;
}
function dotLines(lines) {
  const body = lines.map((line) => dotString(line).slice(1, -1)).join("\\l");
  return `"${body}\\l"`;
}
function attributeList(attrs, label) {
  const parts = Object.entries(attrs).map(([k, v]) => `${k}=${dotString(v)}`);
  return `[${[...parts, `label=${label}`].join(", ")}]`;
}
function cut(text) {
  const chars = [...text];
  return chars.length <= MAX_LINE_CHARS ? text : `${chars.slice(0, MAX_LINE_CHARS - 1).join("")}\u2026`;
}
function rowText(row) {
  return row.count === null ? row.operation : `${row.operation} (${row.count})`;
}
function edgeLines(edge) {
  const lines = edge.rows.map((row) => cut(rowText(row)));
  if (lines.length <= MAX_LABEL_LINES) return lines;
  const shown = lines.slice(0, MAX_LABEL_LINES - 1);
  return [...shown, `+${lines.length - shown.length} more`];
}
function nodeLines(node, id) {
  return `${id} ${attributeList(NODE_STYLES[node.kind].attributes, dotString(cut(node.label)))};`;
}
var LEGEND_LINES = {
  covered: "\u2501\u2501\u2501\u2501\u2501",
  missing: "\u2501\u2501\u2501\u2501\u2501",
  blocked: "<B>\u2505\u2505\u2505\u2505</B>",
  stale: "\u2508\u2508\u2508\u2508\u2508",
  ignored: "\u254D\u254D\u254D\u254D\u254D",
  observed: "\u2501\u2501\u2501\u2501\u2501"
};
function legendLines(graph) {
  const edgeKinds = EDGE_KINDS.filter((k) => graph.edges.some((e) => e.kind === k));
  const nodeKinds = NODE_KINDS.filter((k) => k !== "workload" && graph.nodes.some((n) => n.kind === k));
  const rows = edgeKinds.map((kind) => {
    const style = EDGE_STYLES[kind];
    const colour = style.attributes.color ?? "black";
    const text = kind === "observed" && graph.mode === "drift" ? "observed, not judged" : style.legend;
    return `<TR><TD ALIGN="LEFT"><FONT COLOR="${colour}">${LEGEND_LINES[kind]}</FONT></TD><TD ALIGN="LEFT">${text}</TD></TR>`;
  });
  const out = [
    "  subgraph cluster_legend {",
    '    label="legend"; style="rounded"; color="#d1d5db"; fontcolor="#6b7280"; fontsize=11;',
    `    legend_edges [shape=plain, fontsize=10, label=<<TABLE BORDER="0" CELLSPACING="2">${rows.join("")}</TABLE>>];`
  ];
  nodeKinds.forEach((kind, i) => {
    const style = NODE_STYLES[kind];
    const attrs = { ...style.attributes, fontsize: "10" };
    out.push(`    legend_node_${i} ${attributeList(attrs, dotString(style.legend))};`);
  });
  out.push("  }");
  return out;
}
function renderGraphDot(graph) {
  const ids = new Map(graph.nodes.map((node, i) => [node.key, `n${i}`]));
  const idOf = (key) => ids.get(key) ?? "missing_node";
  const title = graph.mode === "drift" ? "intent-drift: observed calls vs declared intents" : "intent-drift: observed calls";
  const font = dotString(GRAPH_FONT);
  const out = [
    'digraph "intent-drift" {',
    `  graph [rankdir=LR, fontname=${font}, fontsize=14, labelloc=t, label=${dotString(title)}, nodesep=0.35, ranksep=1.1, pad=0.25, bgcolor="white"];`,
    `  node [fontname=${font}, fontsize=12, margin="0.15,0.06"];`,
    `  edge [fontname=${font}, fontsize=10, arrowsize=0.8];`
  ];
  const namespaces = [
    ...new Set(graph.nodes.flatMap((n) => n.namespace === void 0 ? [] : [n.namespace]))
  ].sort();
  namespaces.forEach((namespace, i) => {
    out.push(`  subgraph cluster_ns${i} {`);
    out.push(
      `    label=${dotString(`namespace ${cut(namespace)}`)}; style="rounded,dashed"; color="#9ca3af"; fontcolor="#4b5563"; fontsize=11;`
    );
    for (const node of graph.nodes) {
      if (node.namespace === namespace) out.push(`    ${nodeLines(node, idOf(node.key))}`);
    }
    out.push("  }");
  });
  for (const node of graph.nodes) {
    if (node.namespace === void 0) out.push(`  ${nodeLines(node, idOf(node.key))}`);
  }
  for (const edge of graph.edges) {
    const attrs = attributeList(EDGE_STYLES[edge.kind].attributes, dotLines(edgeLines(edge)));
    out.push(`  ${idOf(edge.from)} -> ${idOf(edge.to)} ${attrs};`);
  }
  if (graph.edges.length > 0) out.push(...legendLines(graph));
  out.push("}", "");
  return out.join("\n");
}

// src/report/graph-html.ts
var HTML_ESCAPES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeHtml(text) {
  return showControlChars(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
var VERDICT = {
  covered: "covered",
  missing: "missing",
  blocked: "missing (would be blocked)",
  stale: "stale",
  ignored: "ignored",
  observed: "observed"
};
var NODE_RADIUS = { box: "4px", ellipse: "50%", hexagon: "2px" };
var CSS_LINE = { dotted: "dotted", "dashed,bold": "dashed", dashed: "dashed" };
var PAGE_CSS = `body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:1.5rem;color:#1f2937}
h1{font-size:1.3rem}h2{font-size:1.05rem;margin-top:2rem}
.graph svg{max-width:100%;height:auto}
.legend{list-style:none;padding:0}.legend li{margin:.25rem 0}
.swatch{display:inline-block;width:2.5rem;margin-right:.6rem;vertical-align:middle}
table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #d1d5db;padding:.3rem .6rem;text-align:left}
th{background:#f3f4f6}td.count{text-align:right}code{font-family:"DejaVu Sans Mono",monospace}`;
function inlineSvg(svg) {
  const start = svg.indexOf("<svg");
  if (start < 0) throw new Error("not an SVG document");
  return svg.slice(start).trimEnd();
}
function legendItems(graph) {
  const items = [];
  for (const kind of EDGE_KINDS) {
    if (!graph.edges.some((e) => e.kind === kind)) continue;
    const attrs = EDGE_STYLES[kind].attributes;
    const width = attrs.penwidth === void 0 ? 2 : Math.round(Number(attrs.penwidth) + 1);
    const line = CSS_LINE[attrs.style ?? ""] ?? "solid";
    const swatch = `border-top:${width}px ${line} ${attrs.color ?? "black"}`;
    const text = kind === "observed" && graph.mode === "drift" ? "observed, not judged" : EDGE_STYLES[kind].legend;
    items.push(`<li><span class="swatch" style="${escapeHtml(swatch)}"></span>${escapeHtml(text)}</li>`);
  }
  for (const node of Object.keys(NODE_STYLES)) {
    if (!graph.nodes.some((n) => n.kind === node)) continue;
    const attrs = NODE_STYLES[node].attributes;
    const radius = NODE_RADIUS[attrs.shape ?? ""] ?? "0";
    const swatch = `background:${attrs.fillcolor ?? "white"};border:1px solid ${attrs.color ?? "black"};border-radius:${radius};height:.9rem`;
    items.push(
      `<li><span class="swatch" style="${escapeHtml(swatch)}"></span>${escapeHtml(NODE_STYLES[node].legend)}</li>`
    );
  }
  return items;
}
function verdictOf(kind, graph) {
  return kind === "observed" && graph.mode === "drift" ? "observed, not judged" : VERDICT[kind];
}
function tableRows(graph) {
  const labelOf = new Map(graph.nodes.map((n) => [n.key, n.label]));
  const cell = (text, cls) => `<td${cls ? ` class="${cls}"` : ""}>${text}</td>`;
  const rows = graph.edges.flatMap((e) => e.rows);
  return rows.map((row) => {
    const count = row.count === null ? "" : String(row.count);
    const cells = [
      cell(escapeHtml(verdictOf(row.kind, graph))),
      cell(`<code>${escapeHtml(labelOf.get(row.from) ?? row.from)}</code>`),
      cell(`<code>${escapeHtml(labelOf.get(row.to) ?? row.to)}</code>`),
      cell(`<code>${escapeHtml(row.operation)}</code>`),
      cell(escapeHtml(count), "count"),
      cell(row.declaredAt === void 0 ? "" : `<code>${escapeHtml(row.declaredAt)}</code>`)
    ];
    return `<tr>${cells.join("")}</tr>`;
  });
}
function renderGraphHtml(graph, svg) {
  const title = graph.mode === "drift" ? "intent-drift: observed calls vs declared intents" : "intent-drift: observed calls";
  const calls = graph.edges.reduce((n, e) => n + e.rows.length, 0);
  const summary = EDGE_KINDS.map((kind) => {
    const n = graph.edges.filter((e) => e.kind === kind).reduce((sum, e) => sum + e.rows.length, 0);
    return n === 0 ? "" : `${n} ${verdictOf(kind, graph)}`;
  }).filter((s) => s !== "");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    // Nothing may load or run: the page is a file people open from CI artifacts.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(calls === 0 ? "Nothing observed or declared." : summary.join(", "))}</p>`,
    `<div class="graph">${inlineSvg(svg)}</div>`,
    "<h2>Legend</h2>",
    `<ul class="legend">${legendItems(graph).join("")}</ul>`,
    "<h2>Calls and rules</h2>",
    "<table>",
    "<thead><tr><th>verdict</th><th>client</th><th>server</th><th>call</th><th>count</th><th>declared at</th></tr></thead>",
    `<tbody>${tableRows(graph).join("\n")}</tbody>`,
    "</table>",
    "</body>",
    "</html>",
    ""
  ].join("\n");
}

// src/cli/visualize-command.ts
var VISUALIZE_FORMATS = ["svg", "png", "html"];
function visualizeFormatOf(output) {
  if (output === void 0 || output === "")
    throw new InputError("visualize needs -o FILE (.svg, .png or .html)");
  const ext = path3.extname(output).toLowerCase().replace(/^\./, "");
  const format = ext === "htm" ? "html" : ext;
  if (VISUALIZE_FORMATS.includes(format)) return format;
  const got = ext === "" ? "no extension" : `.${ext}`;
  throw new InputError(`visualize -o: the file must end in .svg, .png or .html (got ${got})`);
}
async function renderGraph(graph, format) {
  const svg = await renderSvg(renderGraphDot(graph));
  if (format === "svg") return svg;
  if (format === "html") return renderGraphHtml(graph, svg);
  return renderPng(svg);
}
async function runVisualize(settings, io) {
  const format = visualizeFormatOf(settings.output);
  const { graph, exitCode, warnings } = await graphToDraw(settings, io);
  const bytes = await renderGraph(graph, format);
  const file = path3.resolve(settings.cwd, settings.output ?? "");
  await mkdir3(path3.dirname(file), { recursive: true });
  await writeFile3(file, bytes);
  for (const w of warnings) io.writeError(`warning: ${safeLine(w)}
`);
  if (format === "png" && !await hasUsableFont()) {
    io.writeError(
      "warning: no font found on this machine: the PNG has no text (Debian: apt-get install fonts-dejavu-core)\n"
    );
  }
  const calls = graph.edges.reduce((n, e) => n + e.rows.length, 0);
  io.writeError(
    `drew ${calls} call(s) and rule(s) between ${graph.nodes.length} node(s) to ${safeLine(settings.output ?? "")}
`
  );
  return exitCode;
}
async function graphToDraw(settings, io) {
  if (settings.intents.length > 0) {
    const result = await withProgress(io, (listener) => check(settings, listener));
    return { graph: graphOfDrift(result.drift), exitCode: result.exitCode, warnings: result.drift.warnings };
  }
  const observed = await observeWithProgress(settings, io);
  const scope = new Set(settings.namespaces);
  const inScope = (ns) => scope.size === 0 || scope.has(ns);
  const map = {
    ...observed,
    calls: observed.calls.filter((c) => inScope(c.client.namespace)),
    external: observed.external.filter((c) => inScope(c.client.namespace)),
    unattributed: observed.unattributed.filter((c) => inScope(c.server.namespace))
  };
  return { graph: graphOfMap(map), exitCode: 0, warnings: observed.warnings };
}

// src/cli/main.ts
async function main(argv, io) {
  try {
    const { command, settings } = parseCommandLine(argv, {
      cwd: io.cwd,
      colorDefault: colorByDefault(io),
      variables: io.env
    });
    if (command === "help") {
      io.write(usage());
      return 0;
    }
    if (command === "version") {
      io.write(`${VERSION}
`);
      return 0;
    }
    return await run(command, settings, io);
  } catch (err) {
    if (isInputError(err)) {
      io.writeError(`intent-drift: ${String(err)}
`);
      return 2;
    }
    io.writeError(
      `intent-drift: internal error: ${safeLine(err instanceof Error ? err.message : String(err))}
`
    );
    return 2;
  }
}
async function run(command, settings, io) {
  switch (command) {
    case "check":
      return runCheck(settings, io);
    case "demo":
      return runCheck(demoSettings(settings), io);
    case "list": {
      const observed = await observeWithProgress(settings, io);
      io.write(renderList(observed, { namespaces: settings.namespaces }));
      for (const w of observed.warnings) io.writeError(`warning: ${safeLine(w)}
`);
      return 0;
    }
    case "capture": {
      if (settings.source === "metrics" || settings.source === "snapshot") {
        throw new InputError("capture reads a live source: --source sidecars, prometheus or mapper");
      }
      const observed = await observeWithProgress(settings, io);
      const { writeSnapshot } = await import("./chunks/snapshot-file-5AQMD6JY.js");
      const file = path4.resolve(settings.cwd, settings.output ?? "");
      await mkdir4(path4.dirname(file), { recursive: true });
      await writeSnapshot(file, observed, {
        source: settings.source,
        ...observed.window === void 0 ? {} : { window: observed.window }
      });
      for (const w of observed.warnings) io.writeError(`warning: ${safeLine(w)}
`);
      io.writeError(`wrote ${observed.calls.length} call(s) to ${safeLine(settings.output ?? "")}
`);
      return 0;
    }
    case "reset": {
      const live = settings.live;
      const { resetMapperCapture } = await import("./chunks/mapper-source-ARHEZS5I.js");
      await resetMapperCapture({
        ...live.mapperUrl === void 0 ? {} : { url: live.mapperUrl },
        ...live.kubeconfig === void 0 ? {} : { kubeconfig: path4.resolve(settings.cwd, live.kubeconfig) },
        ...live.context === void 0 ? {} : { context: live.context }
      });
      io.writeError("the network mapper forgot what it had captured\n");
      return 0;
    }
    case "export":
      return runExport(settings, io);
    case "policies":
      return runPolicies(settings, await declare(settings), io);
    case "visualize":
      return runVisualize(settings, io);
  }
}
async function runCheck(settings, io) {
  const result = await withProgress(io, (listener) => check(settings, listener));
  if (settings.writeBaselineFile !== void 0) {
    const n = await writeBaselineFile(settings.cwd, settings.writeBaselineFile, result.beforeBaseline);
    io.writeError(
      `wrote a baseline of ${n} drift entr${n === 1 ? "y" : "ies"} to ${settings.writeBaselineFile}
`
    );
  }
  const json = settings.reportFile !== void 0 || settings.format === "json" ? renderJsonReport(result.drift) : "";
  if (settings.reportFile !== void 0) {
    const file = path4.resolve(settings.cwd, settings.reportFile);
    await mkdir4(path4.dirname(file), { recursive: true });
    await writeFile4(file, json);
  }
  if (settings.format === "json") io.write(json);
  else if (settings.format === "markdown") io.write(renderMarkdownReport(result.drift));
  else io.write(renderTextReport(result.drift, { color: settings.color }));
  return result.exitCode;
}
function colorByDefault(io) {
  if (io.env.NO_COLOR !== void 0 && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== void 0 && io.env.FORCE_COLOR !== "0") return true;
  return io.stdoutIsTTY;
}

// src/cli/entry.ts
var code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  write: (text) => process.stdout.write(text),
  writeError: (text) => process.stderr.write(text)
});
process.exitCode = code;
