// ClientIntents v1alpha2, v1alpha3 and v1beta1: spec.service + spec.calls[]. HTTP rules sit
// under `resources` (v1alpha2) or `HTTPResources` (v1alpha3, v1beta1) and count only with
// `type: http`, as in the operator's conversion. `svc:name` or `kind: Service` = a Service.
import type { DeclaredRule, TargetType, WorkloadRef } from '../model.ts';
import {
  child,
  expectMap,
  expectSeq,
  fail,
  lineOf,
  optionalSeq,
  optionalString,
  requiredMap,
  requiredString,
} from '../yaml/yaml-fields.ts';
import type { YamlMap, YamlNode } from '../yaml/yaml-tree.ts';
import { checkKind, expandHttpRules, resolveTargetName, type TargetBase } from './intent-rules.ts';
import type { ParsedSpec } from './parse-v2.ts';

const V1ALPHA2_TYPES = ['http', 'kafka', 'database'];
const V1_TYPES = [...V1ALPHA2_TYPES, 'aws', 'gcp', 'azure', 'internet'];
/** Call types whose `name` names a server (the cloud and internet ones name resources instead). */
const NAMED_TYPES = new Set(['http', 'kafka', 'database']);

export function parseV1Spec(file: string, spec: YamlMap, namespace: string, version: string): ParsedSpec {
  const legacy = version === 'v1alpha2';
  const service = requiredMap(file, spec, 'service', 'spec.service');
  const name = requiredString(file, service, 'name', 'spec.service.name');
  if (name.includes('.'))
    fail(file, lineOf(service, 'name'), `spec.service.name: "${name}" must not contain a dot`);
  const kind = legacy ? undefined : optionalString(file, service, 'kind', 'spec.service.kind');
  checkKind(file, lineOf(service, 'kind'), 'spec.service.kind', kind);
  const client: WorkloadRef = kind ? { name, namespace, kind } : { name, namespace };

  const callsNode = child(spec, 'calls');
  if (!callsNode) fail(file, spec.entries.get('calls')?.keyLine ?? spec.line, 'spec.calls: required');
  const calls = expectSeq(file, callsNode, 'spec.calls');
  const warnings: string[] = [];
  const rules = calls.items.flatMap((item, i) =>
    parseCall(file, item, `spec.calls[${i}]`, client, legacy, warnings),
  );
  return { client, rules, warnings, targetsLine: spec.entries.get('calls')?.keyLine ?? calls.line };
}

function parseCall(
  file: string,
  node: YamlNode,
  field: string,
  client: WorkloadRef,
  legacy: boolean,
  warnings: string[],
): DeclaredRule[] {
  const call = expectMap(file, node, field);
  const type = optionalString(file, call, 'type', `${field}.type`);
  const types = legacy ? V1ALPHA2_TYPES : V1_TYPES;
  if (type !== undefined && !types.includes(type)) {
    fail(
      file,
      lineOf(call, 'type'),
      `${field}.type: unsupported type "${type}" (allowed: ${types.join(', ')})`,
    );
  }
  const base = (server: TargetBase['server'], targetType: TargetType): TargetBase => ({
    client,
    server,
    targetType,
    file,
    line: call.line,
  });
  if (type !== undefined && !NAMED_TYPES.has(type)) {
    const resource = optionalString(file, call, 'name', `${field}.name`);
    return [
      {
        ...base({ name: resource || type, namespace: client.namespace }, type as TargetType),
        method: null,
        path: null,
      },
    ];
  }

  const rawName = requiredString(file, call, 'name', `${field}.name`);
  const isSvc = rawName.startsWith('svc:');
  const nameLine = lineOf(call, 'name');
  const server = resolveTargetName(
    file,
    nameLine,
    `${field}.name`,
    isSvc ? rawName.slice(4) : rawName,
    client.namespace,
  );
  if (type === 'kafka' || type === 'database') {
    return [{ ...base(server, type), method: null, path: null }];
  }
  const kind = legacy ? undefined : optionalString(file, call, 'kind', `${field}.kind`);
  checkKind(file, lineOf(call, 'kind'), `${field}.kind`, kind);

  const httpKey = legacy ? 'resources' : 'HTTPResources';
  const httpField = `${field}.${httpKey}`;
  let http = optionalSeq(file, call, httpKey, httpField);
  if (http && http.items.length > 0 && type !== 'http') {
    warnings.push(
      `${file}:${http.line}: ${httpField} ignored without type: http (the target allows every path)`,
    );
    http = undefined;
  }
  if (isSvc || kind === 'Service') return expandHttpRules(base(server, 'service'), http, httpField);
  return expandHttpRules(base(kind ? { ...server, kind } : server, 'kubernetes'), http, httpField);
}
