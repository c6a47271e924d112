// ClientIntents k8s.otterize.com/v2alpha1 and v2beta1: spec.workload + spec.targets[], each
// target exactly one of kubernetes, service, kafka, sql, aws, gcp, azure, internet.
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

export const V2_TARGET_KEYS: readonly TargetType[] = [
  'kubernetes',
  'service',
  'kafka',
  'sql',
  'aws',
  'gcp',
  'azure',
  'internet',
];

export interface ParsedSpec {
  client: WorkloadRef;
  rules: DeclaredRule[];
  warnings?: string[];
  /** The line of the `targets:` (v1 `calls:`) key. */
  targetsLine: number;
}

export function parseV2Spec(file: string, spec: YamlMap, namespace: string): ParsedSpec {
  const workload = requiredMap(file, spec, 'workload', 'spec.workload');
  const name = requiredString(file, workload, 'name', 'spec.workload.name');
  if (name.includes('.'))
    fail(file, lineOf(workload, 'name'), `spec.workload.name: "${name}" must not contain a dot`);
  const kind = optionalString(file, workload, 'kind', 'spec.workload.kind');
  checkKind(file, lineOf(workload, 'kind'), 'spec.workload.kind', kind);
  const client: WorkloadRef = kind ? { name, namespace, kind } : { name, namespace };

  const targetsNode = child(spec, 'targets');
  if (!targetsNode) fail(file, spec.entries.get('targets')?.keyLine ?? spec.line, 'spec.targets: required');
  const targets = expectSeq(file, targetsNode, 'spec.targets');
  const rules = targets.items.flatMap((item, i) => parseTarget(file, item, `spec.targets[${i}]`, client));
  return { client, rules, targetsLine: spec.entries.get('targets')?.keyLine ?? targets.line };
}

function parseTarget(file: string, node: YamlNode, field: string, client: WorkloadRef): DeclaredRule[] {
  const target = expectMap(file, node, field);
  const keys = V2_TARGET_KEYS.filter((key) => target.entries.has(key));
  if (keys.length !== 1) {
    const found =
      keys.length === 0
        ? `none (has ${[...target.entries.keys()].join(', ') || 'no keys'})`
        : keys.join(', ');
    fail(file, target.line, `${field}: needs exactly one of ${V2_TARGET_KEYS.join(', ')}; found ${found}`);
  }
  const type = keys[0]!;
  const bodyField = `${field}.${type}`;
  const bodyNode = child(target, type);
  if (!bodyNode) fail(file, target.line, `${bodyField}: must be a map`);
  const body = expectMap(file, bodyNode, bodyField);
  const base = (server: TargetBase['server'], targetType: TargetType): TargetBase => ({
    client,
    server,
    targetType,
    file,
    line: target.line,
  });

  if (type === 'kubernetes' || type === 'service') {
    const rawName = requiredString(file, body, 'name', `${bodyField}.name`);
    const server = resolveTargetName(
      file,
      lineOf(body, 'name'),
      `${bodyField}.name`,
      rawName,
      client.namespace,
    );
    const kind = type === 'kubernetes' ? optionalString(file, body, 'kind', `${bodyField}.kind`) : undefined;
    checkKind(file, lineOf(body, 'kind'), `${bodyField}.kind`, kind);
    const http = optionalSeq(file, body, 'http', `${bodyField}.http`);
    // kubernetes {kind: Service} is the same as a service target.
    if (type === 'service' || kind === 'Service')
      return expandHttpRules(base(server, 'service'), http, `${bodyField}.http`);
    return expandHttpRules(
      base(kind ? { ...server, kind } : server, 'kubernetes'),
      http,
      `${bodyField}.http`,
    );
  }
  const server = nonHttpServer(file, type, body, bodyField, client.namespace);
  return [{ ...base(server, type), method: null, path: null }];
}

/** A display name for targets Istio's HTTP metrics cannot see; they are only listed. */
function nonHttpServer(
  file: string,
  type: TargetType,
  body: YamlMap,
  field: string,
  namespace: string,
): { name: string; namespace: string } {
  if (type === 'kafka') {
    const raw = requiredString(file, body, 'name', `${field}.name`);
    return resolveTargetName(file, lineOf(body, 'name'), `${field}.name`, raw, namespace);
  }
  if (type === 'sql') return { name: requiredString(file, body, 'name', `${field}.name`), namespace };
  const listed = (key: string): string[] =>
    (optionalSeq(file, body, key, `${field}.${key}`)?.items ?? []).map((item) =>
      item.type === 'scalar' ? String(item.value) : '?',
    );
  const names: Record<string, string[]> = {
    aws: [optionalString(file, body, 'arn', `${field}.arn`) ?? ''],
    gcp: [optionalString(file, body, 'resource', `${field}.resource`) ?? ''],
    azure: [optionalString(file, body, 'scope', `${field}.scope`) ?? ''],
    internet: [...listed('domains'), ...listed('ips')],
  };
  const name = (names[type] ?? []).filter((n) => n !== '').join(', ');
  return { name: name || type, namespace };
}
