// The bad-input corpus: every file in fixtures/bad/intents/ must fail with exactly this
// `file:line: message`, as the CLI prints it before exiting 2.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { InputError } from '../../src/errors.ts';
import { readYamlFile } from '../../src/yaml/read-yaml.ts';
import { MAX_YAML_BYTES, MAX_YAML_DOCUMENTS, MAX_YAML_VALUES } from '../../src/yaml/yaml-tree.ts';
import { ROOT } from './helpers.ts';

const DIR = 'fixtures/bad/intents';
const METHODS = 'GET, POST, PUT, DELETE, OPTIONS, TRACE, PATCH, CONNECT';
const ISTIOD_REFUSES =
  "Istio's validation refuses the AuthorizationPolicy the intents-operator writes for this target, so none of the target's rules apply, nor do those of the ClientIntents' later targets";
const sharedPolicy = (line: number, policy: string) =>
  `this target and the one at line ${line} become the same AuthorizationPolicy (${policy}): the intents-operator writes each target's rules over the other's, so only one target's rules are in force; merge their http rules into one target`;
const TARGET_KEYS = 'kubernetes, service, kafka, sql, aws, gcp, azure, internet';
const SCHEMA_TARGET_KEYS = 'aws, azure, gcp, internet, kafka, kubernetes, service, sql';
const KAFKA_OPERATIONS =
  'all, consume, produce, create, alter, delete, describe, ClusterAction, DescribeConfigs, AlterConfigs, IdempotentWrite';

const KUBECTL_READS = (written: string) =>
  `(kubectl reads the unquoted "${written}" as YAML 1.1 does; quote it for the string)`;

/** [file, line, message] */
const EXPECTED: [string, number, string][] = [
  ['alias-bomb.yaml', 7, 'too many YAML nodes after expanding aliases (limit 100000)'],
  [
    'api-group-otterize-com.yaml',
    2,
    'apiVersion: "otterize.com/v2beta1" puts ClientIntents in the API group "otterize.com"; Otterize\'s is k8s.otterize.com (k8s.otterize.com/v2beta1, for instance)',
  ],
  [
    'api-version-missing.yaml',
    1,
    'apiVersion: required for kind ClientIntents (k8s.otterize.com/v2beta1, for instance)',
  ],
  [
    'api-version-no-group.yaml',
    1,
    'apiVersion: "v2beta1" puts ClientIntents in no API group; Otterize\'s is k8s.otterize.com (k8s.otterize.com/v2beta1, for instance)',
  ],
  [
    'azure-data-actions-with-roles.yaml',
    11,
    'spec.targets[1].azure.roles: must be empty when actions or dataActions are set',
  ],
  ['complex-key.yaml', 7, 'only plain keys are supported'],
  ['deep-nesting.yaml', 2, 'YAML nested deeper than 64 levels'],
  ['duplicate-key.yaml', 9, 'Map keys must be unique'],
  [
    'duplicate-target-same-server.yaml',
    17,
    sharedPolicy(10, 'demo/authorization-policy-to-nginx-from-client.demo'),
  ],
  [
    'duplicate-target-service-kind.yaml',
    15,
    sharedPolicy(10, 'demo/authorization-policy-to-nginx-service-from-client.demo'),
  ],
  [
    'duplicate-workload.yaml',
    14,
    `duplicate ClientIntents for workload client (Deployment) in namespace demo; first at ${DIR}/duplicate-workload.yaml:1`,
  ],
  [
    'head-method.yaml',
    16,
    `spec.targets[0].kubernetes.http[0].methods[1]: unsupported method "HEAD" (allowed: ${METHODS})`,
  ],
  ['http-map.yaml', 13, 'spec.targets[0].kubernetes.http: must be a list, not a map'],
  [
    'internet-domain-hyphens-3-4.yaml',
    8,
    'spec.targets[1].internet.domains[0]: "ab--cd.example.com" is not a valid DNS name',
  ],
  [
    'internet-ipv4-cidr-over-32-bits.yaml',
    8,
    'spec.targets[1].internet.ips[0]: "10.0.0.0/33" is not an IP address or CIDR',
  ],
  ['internet-port-fraction.yaml', 10, 'spec.targets[1].internet.ports[0]: must be an integer, not 80.5'],
  [
    'kafka-operation-wrong-case.yaml',
    12,
    `spec.targets[1].kafka.topics[0].operations[0]: unsupported value "Consume" (allowed: ${KAFKA_OPERATIONS})`,
  ],
  [
    'kind-case-near-miss.yaml',
    3,
    'kind: "clientintents" is not ClientIntents (kinds are case-sensitive); write kind: ClientIntents',
  ],
  [
    'kind-singular-near-miss.yaml',
    8,
    'kind: "ClientIntent" is not ClientIntents (the kind is plural); write kind: ClientIntents',
  ],
  ['kind-lower-case.yaml', 9, 'spec.workload.kind: "deployment" must start with an upper-case letter'],
  [
    'lower-case-method.yaml',
    14,
    'spec.targets[0].kubernetes.http[0].methods[0]: "get" must be upper case (GET)',
  ],
  ['metadata-name-missing.yaml', 4, 'metadata.name: required'],
  [
    'method-number.yaml',
    14,
    'spec.targets[0].kubernetes.http[0].methods[1]: must be a string, not number 42',
  ],
  ['methods-missing.yaml', 13, 'spec.targets[0].service.http[0].methods: required'],
  // `methods: []` is valid (any method: fixtures/intents/misc/methods-empty.yaml); null is no list.
  ['methods-null.yaml', 14, 'spec.targets[0].kubernetes.http[0].methods: required'],
  ['methods-scalar.yaml', 14, 'spec.targets[0].kubernetes.http[0].methods: must be a list of methods'],
  [
    'name-empty-namespace.yaml',
    11,
    'spec.targets[0].service.name: "nginx-service." is not name or name.namespace',
  ],
  // A server with no name before the dot: the operator has no workload to write a policy for.
  [
    'name-empty-server.yaml',
    11,
    'spec.targets[0].kubernetes.name: ".payments" is not name or name.namespace',
  ],
  ['name-not-string.yaml', 11, 'spec.targets[0].kubernetes.name: must be a string, not a list'],
  [
    'name-two-dots.yaml',
    11,
    'spec.targets[0].kubernetes.name: "nginx.other-ns.cluster" has more than one dot (use name.namespace)',
  ],
  ['path-empty.yaml', 13, 'spec.targets[0].kubernetes.http[0].path: required'],
  [
    'path-brace-not-template.yaml',
    15,
    `spec.targets[0].kubernetes.http[1].path: "/users/{id}": segment "{id}" holds "{" or "}", which a path may hold only as a whole {*} or {**} segment; ${ISTIOD_REFUSES}; write "/users/{*}" instead ({*} is any one segment)`,
  ],
  [
    'path-template-partial-segment.yaml',
    13,
    `spec.targets[0].service.http[0].path: "/items/v{*}": segment "v{*}" mixes {*} or {**} with other characters; an operator must be a whole segment; ${ISTIOD_REFUSES}; write "/items/{*}" instead ({*} is any one segment)`,
  ],
  ['path-missing.yaml', 13, 'spec.targets[0].kubernetes.http[0].path: required'],
  ['spec-list.yaml', 7, 'spec: must be a map, not a list'],
  ['spec-missing.yaml', 1, 'spec: required'],
  [
    'syntax-error.yaml',
    14,
    'Flow sequence in block collection must be sufficiently indented and end with a ]',
  ],
  ['tab-indentation.yaml', 8, 'Tabs are not allowed as indentation'],
  [
    'target-kind-lower-case.yaml',
    12,
    'spec.targets[0].kubernetes.kind: "statefulSet" must start with an upper-case letter',
  ],
  ['target-name-empty-after-kind.yaml', 12, 'spec.targets[0].kubernetes.name: required'],
  ['target-null.yaml', 10, 'spec.targets[0].kubernetes: must be a map'],
  ['targets-map.yaml', 10, 'spec.targets: must be a list, not a map'],
  ['targets-missing.yaml', 7, 'spec.targets: required'],
  [
    'two-target-keys.yaml',
    10,
    `spec.targets[0]: needs exactly one of ${TARGET_KEYS}; found kubernetes, service`,
  ],
  ['unknown-alias.yaml', 10, 'unknown alias *nginx'],
  [
    'unknown-version-v3.yaml',
    1,
    'apiVersion: unknown ClientIntents version "k8s.otterize.com/v3" (known: v1alpha2, v1alpha3, v1beta1, v2alpha1, v2beta1)',
  ],
  ['v1-call-kind-lower-case.yaml', 11, 'spec.calls[0].kind: "service" must start with an upper-case letter'],
  ['v1-calls-missing.yaml', 7, 'spec.calls: required'],
  ['v1-duplicate-call.yaml', 15, sharedPolicy(10, 'demo/authorization-policy-to-nginx-from-client.demo')],
  [
    'v1-path-template-no-slash.yaml',
    13,
    'spec.calls[0].HTTPResources[0].path: "items/{*}": a path template must start with "/"; the sidecar\'s Envoy refuses the path template in the AuthorizationPolicy for this target, so the server keeps its old policies; write "/items/{*}" instead ({*} is any one segment)',
  ],
  ['v1-service-name-missing.yaml', 8, 'spec.service.name: required'],
  // A dot in the client's name: the webhook refuses it in every version.
  ['v1-service-name-dot.yaml', 8, 'spec.service.name: "client.demo" must not contain a dot'],
  ['v1-svc-two-dots.yaml', 10, 'spec.calls[0].name: "nginx.a.b" has more than one dot (use name.namespace)'],
  [
    'v1-unknown-type.yaml',
    11,
    'spec.calls[0].type: unsupported type "grpc" (allowed: http, kafka, database, aws, gcp, azure, internet)',
  ],
  [
    'v1alpha2-aws-type.yaml',
    11,
    'spec.calls[0].type: unsupported type "aws" (allowed: http, kafka, database)',
  ],
  [
    'v1alpha2-head-method.yaml',
    14,
    `spec.calls[0].resources[0].methods[0]: unsupported method "HEAD" (allowed: ${METHODS})`,
  ],
  ['v1alpha2-http-call-with-topics.yaml', 10, 'spec.calls[0].topics: not allowed on a call of type http'],
  ['workload-missing.yaml', 7, 'spec.workload: required'],
  ['workload-name-dot.yaml', 8, 'spec.workload.name: "client.demo" must not contain a dot'],
  // null counts as absent, said at its key's line (not the line where spec's map starts).
  ['workload-null.yaml', 10, 'spec.workload: required'],
  [
    'zero-target-keys.yaml',
    10,
    `spec.targets[0].kubernets: unknown field (the ClientIntents v2beta1 schema has ${SCHEMA_TARGET_KEYS} here)`,
  ],
  // The real CRD's schema (fixtures/crds/), and the webhook's rules for non-HTTP targets.
  [
    'aws-arns-unknown-field.yaml',
    11,
    'spec.targets[0].aws.arns: unknown field (the ClientIntents v2beta1 schema has actions, arn here)',
  ],
  ['aws-arn-missing.yaml', 11, 'spec.targets[0].aws.arn: required'],
  // A key that names a property every JavaScript object inherits is as unknown as any other.
  [
    'target-key-inherited-name.yaml',
    12,
    `spec.targets[0].constructor: unknown field (the ClientIntents v2beta1 schema has ${SCHEMA_TARGET_KEYS} here)`,
  ],
  [
    'kafka-operation-enum.yaml',
    14,
    `spec.targets[0].kafka.topics[0].operations[0]: unsupported value "read" (allowed: ${KAFKA_OPERATIONS})`,
  ],
  [
    'sql-operation-enum.yaml',
    14,
    'spec.targets[0].sql.privileges[0].operations[1]: unsupported value "DROP" (allowed: ALL, SELECT, INSERT, UPDATE, DELETE)',
  ],
  [
    'azure-actions-with-roles.yaml',
    13,
    'spec.targets[0].azure.roles: must be empty when actions or dataActions are set',
  ],
  [
    'azure-no-permissions.yaml',
    11,
    'spec.targets[0].azure: needs at least one of actions, dataActions, roles, keyVaultPolicy',
  ],
  ['internet-bad-ip.yaml', 11, 'spec.targets[0].internet.ips[1]: "300.1.2.3" is not an IP address or CIDR'],
  [
    'internet-bad-domain.yaml',
    11,
    'spec.targets[0].internet.domains[1]: "bad_host.example.com" is not a valid DNS name',
  ],
  [
    'internet-port-string.yaml',
    12,
    'spec.targets[0].internet.ports[0]: must be an integer, not the string "443"',
  ],
  ['v1-internet-without-object.yaml', 10, 'spec.calls[0].internet: required for type internet'],
  [
    'v1-misspelt-http-resources.yaml',
    12,
    'spec.calls[0].HTTPresources: unknown field (the ClientIntents v1alpha3 schema has HTTPResources, awsActions, ' +
      'azureKeyVaultPolicy, azureRoles, databaseResources, gcpPermissions, internet, kafkaTopics, kind, name, type here)',
  ],
  [
    'v1alpha2-status-observed-generation.yaml',
    13,
    'status.observedGeneration: unknown field (the ClientIntents v1alpha2 schema has upToDate here)',
  ],
  // The key is on line 2; the YAML parser's own position is line 1.
  ['key-indented-under-value.yaml', 2, 'Nested mappings are not allowed in compact mappings'],
  // JSON, as Otterize's `export --format json` writes it: the same checks, the same lines.
  ['json-missing-comma.json', 9, 'Missing , between flow map items'],
  [
    'json-head-method.json',
    8,
    `spec.targets[0].kubernetes.http[0].methods[0]: unsupported method "HEAD" (allowed: ${METHODS})`,
  ],
  // kubectl reads YAML 1.1 (go-yaml v2): these unquoted names are a boolean or a number to it.
  [
    'yaml-1-1-boolean-server.yaml',
    13,
    `spec.targets[0].kubernetes.name: must be a string, not boolean true ${KUBECTL_READS('on')}`,
  ],
  [
    'yaml-1-1-boolean-workload.yaml',
    9,
    `spec.workload.name: must be a string, not boolean false ${KUBECTL_READS('no')}`,
  ],
  [
    'content-after-document-end.yaml',
    16,
    'kubectl reads only the first document of each part between "---" lines: this one, after the "..." at line 15, would never be applied; start it with "---"',
  ],
  [
    'line-separator-in-comment.yaml',
    13,
    "U+2028 (LINE SEPARATOR) is a line break to kubectl (go-yaml reads YAML 1.1's line breaks) and not to YAML 1.2: the file would say one thing to kubectl and another here; remove it, or write it escaped in a double-quoted string",
  ],
  [
    'yaml-1-1-number-v1.yaml',
    11,
    `spec.calls[0].name: must be a string, not number 1000 ${KUBECTL_READS('1_000')}`,
  ],
];

async function failureOf(paths: string[], cwd: string): Promise<InputError> {
  try {
    await loadIntents(paths, { cwd });
  } catch (err) {
    assert.ok(err instanceof InputError, `expected an InputError, got ${String(err)}`);
    return err;
  }
  assert.fail(`${paths.join(', ')}: expected an InputError, but it loaded`);
}

describe('bad ClientIntents corpus', () => {
  test('the corpus has at least 25 files and the table covers each one', async () => {
    const files = (await readdir(path.join(ROOT, DIR))).sort();
    assert.ok(files.length >= 25, `only ${files.length} files`);
    assert.deepEqual(files, EXPECTED.map(([file]) => file).sort());
  });

  for (const [name, line, message] of EXPECTED) {
    test(`${name} -> ${line}: ${message.slice(0, 60)}`, async () => {
      const err = await failureOf([`${DIR}/${name}`], ROOT);
      assert.equal(err.file, `${DIR}/${name}`);
      assert.equal(err.line, line);
      assert.equal(String(err), `${DIR}/${name}:${line}: ${message}`);
    });
  }
});

describe('bad inputs generated on the fly', () => {
  let tmp = '';
  /** A fresh directory per test under one temporary root. */
  const tempDir = async (name: string) => {
    tmp ||= await mkdtemp(path.join(os.tmpdir(), 'intent-drift-bad-'));
    const dir = path.join(tmp, name);
    await mkdir(dir);
    return dir;
  };
  after(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  test('a file over the size cap is refused before parsing', async () => {
    const dir = await tempDir('huge');
    await writeFile(path.join(dir, 'huge.yaml'), `# ${'x'.repeat(MAX_YAML_BYTES)}\n`);
    const err = await failureOf(['huge.yaml'], dir);
    assert.equal(String(err), 'huge.yaml: file too large (4.0 MiB, limit 4.0 MiB)');
  });

  test('a file that says less than it holds is read only up to the cap', async (t) => {
    // A kernel file says 0 bytes (a file still growing says less than it will hold): the reader
    // stops one byte past the cap instead of reading it whole and weighing it afterwards.
    const big = '/proc/kallsyms';
    let length = 0;
    try {
      length = readFileSync(big).length;
    } catch {
      return t.skip(`no ${big}`);
    }
    if (length <= MAX_YAML_BYTES) return t.skip(`${big} holds only ${length} bytes`);
    assert.throws(
      () => readYamlFile(big, 'kallsyms'),
      (err: unknown) => err instanceof InputError && String(err) === 'kallsyms: larger than 4 MiB',
    );
  });

  test('too many documents are refused', async () => {
    const dir = await tempDir('many');
    await writeFile(path.join(dir, 'many.yaml'), 'a: 1\n---\n'.repeat(MAX_YAML_DOCUMENTS + 1));
    const err = await failureOf(['many.yaml'], dir);
    assert.equal(String(err), `many.yaml: more than ${MAX_YAML_DOCUMENTS} YAML documents`);
  });

  test('a million `---` lines stop at the document limit, before the parser keeps them all', async () => {
    const dir = await tempDir('million-docs');
    await writeFile(path.join(dir, 'docs.yaml'), '---\n'.repeat(1_000_000));
    const err = await failureOf(['docs.yaml'], dir);
    assert.equal(String(err), `docs.yaml: more than ${MAX_YAML_DOCUMENTS} YAML documents`);
  });

  test('a dense list is refused before parsing, at the line where the count ran over', async () => {
    // Four megabytes of `- a` would cost the parser seconds and about a gigabyte.
    const dir = await tempDir('dense');
    await writeFile(path.join(dir, 'dense.yaml'), '- a\n'.repeat(1_000_000));
    const err = await failureOf(['dense.yaml'], dir);
    // Each item is two values (the list entry and its scalar).
    const line = MAX_YAML_VALUES / 2 + 1;
    assert.equal(
      String(err),
      `dense.yaml:${line}: more than ${MAX_YAML_VALUES} YAML values (scalars and collections); refused before parsing`,
    );
  });

  test('a map of 50,000 keys is read, and a repeated key at its end is found at its line', async () => {
    const dir = await tempDir('wide');
    const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}: v\n`).join('');
    await writeFile(path.join(dir, 'wide.yaml'), `${keys}k0: again\n`);
    const err = await failureOf(['wide.yaml'], dir);
    assert.equal(String(err), 'wide.yaml:50001: Map keys must be unique');
  });

  test('nesting thousands deep is refused with a reason, not a crash', async () => {
    const dir = await tempDir('deep');
    await writeFile(path.join(dir, 'deep.yaml'), `${'['.repeat(60_000)}${']'.repeat(60_000)}\n`);
    const err = await failureOf(['deep.yaml'], dir);
    assert.match(String(err), /^deep\.yaml:1: YAML nested too deeply to read \(/);
  });

  test('a path that is not a regular file (a FIFO) is refused instead of read forever', async (t) => {
    if (process.platform === 'win32') return t.skip('no mkfifo');
    const dir = await tempDir('fifo');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const err = await failureOf(['pipe.yaml'], dir);
    assert.equal(String(err), 'pipe.yaml: not a regular file');
    // In a folder, the FIFO is left out of the files read, and the error says why none was found.
    const folder = await failureOf(['.'], dir);
    assert.equal(
      String(folder),
      '.: no *.yaml, *.yml or *.json files in this directory (pipe.yaml is named like one but is not a regular file)',
    );
  });

  test('in a folder, an extension in another case is skipped as kubectl apply -f skips it; named alone, the file is read', async () => {
    const dir = await tempDir('case');
    const intents = (name: string) =>
      `apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  workload: {name: ${name}}\n  targets:\n  - kubernetes: {name: server}\n`;
    await writeFile(path.join(dir, 'upper.YAML'), intents('upper'));
    assert.equal(
      String(await failureOf(['.'], dir)),
      '.: no *.yaml, *.yml or *.json files in this directory (upper.YAML is skipped, as kubectl apply -f skips it: extensions are matched in lower case only)',
    );
    await writeFile(path.join(dir, 'lower.yaml'), intents('lower'));
    const inFolder = await loadIntents(['.'], { cwd: dir });
    assert.deepEqual(
      inFolder.documents.map((d) => d.file),
      ['lower.yaml'],
    );
    const named = await loadIntents(['upper.YAML'], { cwd: dir });
    assert.deepEqual(
      named.documents.map((d) => d.file),
      ['upper.YAML'],
    );
  });

  test('a directory with one bad file fails on that file', async () => {
    const dir = await tempDir('mixed');
    await writeFile(path.join(dir, 'z-bad.yaml'), 'a: [1\n');
    await writeFile(path.join(dir, 'a-good.yaml'), 'kind: ConfigMap\n');
    const err = await failureOf(['.'], dir);
    assert.match(String(err), /^z-bad\.yaml:1: /);
  });

  test('what only the CRD schema requires or types is refused at its line (the parser does not look)', async () => {
    const dir = await tempDir('crd-only');
    const head = [
      'apiVersion: k8s.otterize.com/v2beta1',
      'kind: ClientIntents',
      'metadata:',
      '  name: client',
      '  namespace: shop',
      'spec:',
      '  workload:',
      '    name: client',
      '  targets:',
    ];
    const cases: [string, string[], string][] = [
      [
        'kafka-no-operations.yaml',
        ['    - kafka:', '        name: kafka.kafka', '        topics:', '          - name: orders'],
        '13: spec.targets[0].kafka.topics[0].operations: required',
      ],
      [
        'kafka-topic-no-name.yaml',
        ['    - kafka:', '        name: kafka.kafka', '        topics:', '          - operations: [consume]'],
        '13: spec.targets[0].kafka.topics[0].name: required',
      ],
      [
        'sql-no-database.yaml',
        ['    - sql:', '        name: pg', '        privileges:', '          - operations: [SELECT]'],
        '13: spec.targets[0].sql.privileges[0].databaseName: required',
      ],
      // Written empty: the API server prunes the null, so the field is missing, named at its own line.
      [
        'sql-database-empty.yaml',
        [
          '    - sql:',
          '        name: pg',
          '        privileges:',
          '          - operations: [SELECT]',
          '            databaseName:',
        ],
        '14: spec.targets[0].sql.privileges[0].databaseName: required',
      ],
      [
        'up-to-date-string.yaml',
        ['    - kubernetes:', '        name: server', 'status:', '  upToDate: "true"'],
        '13: status.upToDate: must be a boolean, not the string "true"',
      ],
    ];
    for (const [name, lines, expected] of cases) {
      await writeFile(path.join(dir, name), `${[...head, ...lines].join('\n')}\n`);
      const err = await failureOf([name], dir);
      assert.equal(String(err), `${name}:${expected}`);
    }
  });

  // The intents-operator's webhook (clientintents_webhook_v2beta1.go validateIntentTarget, the
  // v1 ones' validateIntentCalls): what the CRD schema lets through and the webhook refuses, and
  // what it takes. Internet IPs and CIDRs are read with Go's netip.ParseAddr and ParsePrefix.
  test("targets Istio cannot see: the webhook's rules beyond the schema", async () => {
    const dir = await tempDir('webhook');
    const head = (version: string) => [
      `apiVersion: k8s.otterize.com/${version}`,
      'kind: ClientIntents',
      'metadata:',
      '  name: client',
      '  namespace: shop',
      'spec:',
    ];
    const v2 = (version: string, target: string[]) => [
      ...head(version),
      '  workload:',
      '    name: client',
      '  targets:',
      ...target,
    ];
    const v1 = (call: string[]) => [
      ...head('v1alpha3'),
      '  service:',
      '    name: client',
      '  calls:',
      ...call,
    ];
    const internet = (...lines: string[]) => ['    - internet:', ...lines.map((l) => `        ${l}`)];
    const refused: [string, string[], string][] = [
      [
        'gcp-resource-empty.yaml',
        v2('v2beta1', ['    - gcp:', '        resource: ""']),
        '11: spec.targets[0].gcp.resource: required',
      ],
      [
        'azure-scope-empty.yaml',
        v2('v2beta1', ['    - azure:', '        scope: ""', '        roles: [Reader]']),
        '11: spec.targets[0].azure.scope: required',
      ],
      [
        'internet-empty.yaml',
        v2('v2beta1', internet('ips: []')),
        '11: spec.targets[0].internet: needs ips or domains',
      ],
      [
        'internet-v2alpha1-bad-ip.yaml',
        v2('v2alpha1', internet('ips: [10.0.0.300]')),
        '11: spec.targets[0].internet.ips[0]: "10.0.0.300" is not an IP address or CIDR',
      ],
      [
        'internet-cidr-leading-zero.yaml',
        v2('v2beta1', internet('ips: [10.0.0.0/08]')),
        '11: spec.targets[0].internet.ips[0]: "10.0.0.0/08" is not an IP address or CIDR',
      ],
      // netip.ParsePrefix: "IPv6 zones cannot be present in a prefix" (go.dev/issue/51899).
      [
        'internet-cidr-zone.yaml',
        v2('v2beta1', internet('ips: ["fe80::%eth0/64"]')),
        '11: spec.targets[0].internet.ips[0]: "fe80::%eth0/64" is not an IP address or CIDR',
      ],
      [
        'v1-internet-bad-domain.yaml',
        v1(['    - type: internet', '      internet:', '        domains: [bad_host.example.com]']),
        '12: spec.calls[0].internet.domains[0]: "bad_host.example.com" is not a valid DNS name',
      ],
    ];
    for (const [name, lines, expected] of refused) {
      await writeFile(path.join(dir, name), `${lines.join('\n')}\n`);
      const err = await failureOf([name], dir);
      assert.equal(String(err), `${name}:${expected}`);
    }
    const taken: [string, string[], string][] = [
      [
        'azure-key-vault-only.yaml',
        v2('v2beta1', [
          '    - azure:',
          '        scope: /subscriptions/1',
          '        keyVaultPolicy: {certificatePermissions: [get]}',
        ]),
        'azure /subscriptions/1',
      ],
      [
        'internet-ipv6-cidr.yaml',
        v2('v2beta1', internet('ips: ["2001:db8::/48"]')),
        'internet 2001:db8::/48',
      ],
      // An address may carry a zone (netip.ParseAddr takes it); a prefix may not.
      ['internet-ipv6-zone.yaml', v2('v2beta1', internet('ips: ["fe80::1%eth0"]')), 'internet fe80::1%eth0'],
      // idna's Lookup takes a fully qualified name's trailing dot.
      [
        'internet-fqdn.yaml',
        v2('v2beta1', internet('domains: [api.example.com.]')),
        'internet api.example.com.',
      ],
      [
        'v1-kafka-topics.yaml',
        v1([
          '    - name: kafka.kafka',
          '      type: kafka',
          '      kafkaTopics:',
          '        - name: orders',
          '          operations: [consume]',
        ]),
        'kafka kafka/kafka',
      ],
    ];
    for (const [name, lines, expected] of taken) {
      await writeFile(path.join(dir, name), `${lines.join('\n')}\n`);
      const declared = await loadIntents([name], { cwd: dir });
      assert.deepEqual(
        declared.rules.map(
          (r) =>
            `${r.targetType} ${r.server.namespace === 'shop' ? '' : `${r.server.namespace}/`}${r.server.name}`,
        ),
        [expected],
        name,
      );
    }
  });

  test('targets: written empty is required at its own line, not at spec', async () => {
    const dir = await tempDir('targets-null');
    const lines = [
      'apiVersion: k8s.otterize.com/v2beta1',
      'kind: ClientIntents',
      'metadata:',
      '  name: client',
    ];
    await writeFile(
      path.join(dir, 'a.yaml'),
      `${[...lines, '  namespace: shop', 'spec:', '  workload:', '    name: client', '  targets:'].join('\n')}\n`,
    );
    assert.equal(String(await failureOf(['a.yaml'], dir)), 'a.yaml:9: spec.targets: required');
  });
});
