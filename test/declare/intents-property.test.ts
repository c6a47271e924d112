// Property: any valid v2beta1 ClientIntents, stringified, loads back as exactly its rules,
// each at the line that declares it.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { yamlDocumentText } from '../../src/declare/yaml-output.ts';
import { validatePathPattern } from '../../src/diff/istio-match.ts';
import { INTENT_METHODS } from '../../src/model.ts';
import { goYamlV2Value } from '../../src/yaml/go-yaml-v2.ts';

// DNS-1123 labels may start with a digit: `0b-1`, `1e3` and `010` are names too (and numbers to go-yaml).
const dnsName = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const kind = fc.constantFrom('Deployment', 'StatefulSet', 'DaemonSet');
// Paths Istio accepts: a "{" or "}" elsewhere than in a whole {*} or {**} segment is refused.
const httpPath = fc
  .stringMatching(/^\/[A-Za-z0-9_.~{}*/-]{0,20}$/)
  .filter((p) => validatePathPattern(p) === null);
const httpRule = fc.record({
  path: httpPath,
  // Empty too: `methods: []` is any method on the path (the CRD sets no minItems).
  methods: fc.uniqueArray(fc.constantFrom(...INTENT_METHODS), { minLength: 0, maxLength: 4 }),
});
const serverName = fc
  .tuple(dnsName, fc.option(dnsName, { nil: undefined }))
  .map(([n, ns]) => (ns ? `${n}.${ns}` : n));
const target = fc.oneof(
  fc
    .record(
      { name: serverName, kind, http: fc.array(httpRule, { maxLength: 3 }) },
      { requiredKeys: ['name'] },
    )
    .map((kubernetes) => ({ kubernetes })),
  fc
    .record({ name: serverName, http: fc.array(httpRule, { maxLength: 3 }) }, { requiredKeys: ['name'] })
    .map((service) => ({ service })),
  fc.record({ name: serverName }).map((kafka) => ({ kafka })),
);
/**
 * The operator's policy for a kubernetes or service target: two targets with the same one are
 * refused (only one's rules would be in force), so valid intents have none.
 */
function policyOf(t: Record<string, { name: string; kind?: string }>, namespace: string): string | undefined {
  const [type, body] = Object.entries(t)[0]!;
  if (type !== 'kubernetes' && type !== 'service') return undefined;
  const [name, ns = namespace] = body.name.split('.');
  const kind = type === 'service' ? 'Service' : body.kind;
  return `${ns}/${name}${kind ? `-${kind.toLowerCase()}` : ''}`;
}
const intents = fc
  .record({
    namespace: dnsName,
    workload: fc.record({ name: dnsName, kind }, { requiredKeys: ['name'] }),
    targets: fc.array(target, { maxLength: 5 }),
  })
  .filter((v) => {
    const policies = v.targets.map((t) => policyOf(t, v.namespace)).filter((p) => p !== undefined);
    return new Set(policies).size === policies.length;
  });

type Intents = typeof intents extends fc.Arbitrary<infer T> ? T : never;

/** The rules the object declares, in order, as `type ns/server METHOD path` (duplicates once). */
function expectedRules(value: Intents): string[] {
  const rules: string[] = [];
  for (const t of value.targets) {
    const [type, body] = Object.entries(t)[0] as [
      string,
      { name: string; kind?: string; http?: { path: string; methods: string[] }[] },
    ];
    const [name, ns = value.namespace] = body.name.split('.');
    const isService = type === 'service';
    const head = `${isService ? 'service' : type} ${ns}/${name}${!isService && body.kind ? `(${body.kind})` : ''}`;
    const http = type === 'kafka' ? [] : (body.http ?? []);
    if (http.length === 0) rules.push(`${head} * *`);
    const seen = new Set<string>();
    for (const rule of http) {
      for (const method of rule.methods.length === 0 ? ['*'] : rule.methods) {
        if (seen.has(`${method} ${rule.path}`)) continue;
        seen.add(`${method} ${rule.path}`);
        rules.push(`${head} ${method} ${rule.path}`);
      }
    }
  }
  return rules;
}

/** Every string value in a plain object tree. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

test('random valid v2beta1 intents load back as exactly their rules', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-property-'));
  try {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(intents, async (value) => {
        const manifest = {
          apiVersion: 'k8s.otterize.com/v2beta1',
          kind: 'ClientIntents',
          metadata: { name: value.workload.name, namespace: value.namespace },
          spec: { workload: value.workload, targets: value.targets },
        };
        // Written as the tool writes intents for kubectl: a name such as `y` or `0b-1` quoted.
        const text = yamlDocumentText(manifest, {});
        const file = `case-${run++}.yaml`;
        await writeFile(path.join(dir, file), text);
        const declared = await loadIntents([file], { cwd: dir });
        // Written for YAML 1.2 only, a name kubectl reads as another type (`y`) is refused,
        // never read as something else; the rest loads the same.
        const text12 = stringify(manifest);
        if (text12 !== text) {
          await writeFile(path.join(dir, file), text12);
          const bare = stringsOf(manifest).filter((v) => parse(v) === v && goYamlV2Value(v) !== v);
          if (bare.length > 0) {
            await assert.rejects(loadIntents([file], { cwd: dir }), /kubectl reads the unquoted/);
          } else {
            assert.deepEqual((await loadIntents([file], { cwd: dir })).rules, declared.rules);
          }
        }
        const kindText = value.workload.kind ? `(${value.workload.kind})` : '';
        assert.deepEqual(
          declared.rules.map(
            (r) =>
              `${r.client.namespace}/${r.client.name}${r.client.kind ? `(${r.client.kind})` : ''} ${r.targetType} ${r.server.namespace}/${r.server.name}${r.server.kind ? `(${r.server.kind})` : ''} ${r.method ?? '*'} ${r.path ?? '*'}`,
          ),
          expectedRules(value).map((rule) => `${value.namespace}/${value.workload.name}${kindText} ${rule}`),
        );
        const lines = text.split('\n');
        for (const rule of declared.rules) {
          const line = lines[rule.line - 1] ?? '';
          assert.ok(
            rule.path !== null && rule.method === null
              ? /^\s*methods: \[\]$/.test(line)
              : rule.method === null
                ? /^\s*- \w+:/.test(line)
                : line.includes(rule.method),
            `line ${rule.line}: ${line}`,
          );
        }
      }),
      { numRuns: 200 },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
