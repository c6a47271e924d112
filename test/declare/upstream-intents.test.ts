// Real ClientIntents nobody here wrote (fixtures/intents/upstream/, sources in its README): each
// loads, or fails at the line and for the reason the CRD or the webhook would refuse it.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { InputError } from '../../src/errors.ts';
import { ROOT, ruleText } from './helpers.ts';

const DIR = 'fixtures/intents/upstream';
/** The namespace given to files that name none, as the docs apply them (`kubectl apply -n`). */
const NS = 'docs-ns';

type Loads = [file: string, namespaceless: boolean, documents: number, rules: number];
type Fails = [file: string, namespaceless: boolean, error: string];

const DOCS = 'otterize-docs/static/code-examples';
const LOADS: Loads[] = [
  ['network-mapper/kafka-tutorial-intents.json', false, 2, 4],
  ['network-mapper/simple-tutorial-intents.json', false, 2, 2],
  ['intents-operator/kind-intents.yaml', false, 1, 1],
  ['intents-operator/prometheus-test-client-intents.yaml', false, 1, 1],
  [`${DOCS}/automate-network-policies/intents.yaml`, false, 1, 1],
  [`${DOCS}/aws-iam-eks/clientintents.yaml`, true, 1, 1],
  [`${DOCS}/aws-visibility/intents.yaml`, true, 1, 1],
  [`${DOCS}/azure-iam-aks/clientintents-1.yaml`, false, 1, 1],
  [`${DOCS}/azure-iam-aks/clientintents-2.yaml`, false, 1, 2],
  [`${DOCS}/egress-access-control/domain-intents.yaml`, false, 2, 2],
  [`${DOCS}/egress-access-control/intents-no-external-api.yaml`, false, 2, 2],
  [`${DOCS}/egress-access-control/intents.yaml`, false, 2, 2],
  [`${DOCS}/gcp-iam-gke/clientintents.yaml`, false, 1, 1],
  [`${DOCS}/ibac-for-istio/all.yaml`, false, 5, 13],
  [`${DOCS}/ibac-for-istio/intents/cartservice.yaml`, false, 1, 2],
  [`${DOCS}/ibac-for-istio/intents/checkoutservice.yaml`, false, 1, 1],
  [`${DOCS}/ibac-for-istio/intents/frontend.yaml`, false, 1, 8],
  [`${DOCS}/ibac-for-istio/intents/loadgenerator.yaml`, false, 1, 1],
  [`${DOCS}/ibac-for-istio/intents/recommendationservice.yaml`, false, 1, 1],
  [`${DOCS}/ibac-for-istio/phase-1.yaml`, true, 1, 1],
  [`${DOCS}/ibac-for-istio/phase-2.yaml`, true, 1, 1],
  [`${DOCS}/ibac-for-istio/phase-3-checkout.yaml`, false, 1, 1],
  [`${DOCS}/ibac-for-istio/phase-3-frontend.yaml`, true, 1, 2],
  [`${DOCS}/ibac-for-istio/phase-3.yaml`, true, 2, 3],
  [`${DOCS}/ibac-for-kafka/client-intents.yaml`, false, 1, 1],
  [`${DOCS}/ibac-for-kafka/interactive/interactive-intents.yaml`, false, 1, 1],
  [`${DOCS}/istio-authorization-policies/intents.yaml`, false, 1, 1],
  [`${DOCS}/kafka-mtls-cert-manager/client-intents.yaml`, false, 1, 1],
  [`${DOCS}/kafka-mtls-cert-manager/zookeeper-intents.yaml`, false, 1, 1],
  [`${DOCS}/kafka-mtls/client-intents.yaml`, false, 2, 3],
  [`${DOCS}/kafka-mtls/zookeeper-intents.yaml`, false, 1, 1],
  [`${DOCS}/lab/checkoutservice-productcatalogservice.yaml`, false, 1, 1],
  [`${DOCS}/lab/recommendationservice-productcatalogservice.yaml`, false, 1, 1],
  [`${DOCS}/linkerd-authorization-policies/intents.yaml`, false, 1, 1],
  [`${DOCS}/mysql/clientintents.yaml`, true, 1, 1],
  [`${DOCS}/postgres/clientintents.yaml`, false, 1, 1],
  [`${DOCS}/postgresql-visibility/psql-client-clientintents.yaml`, true, 1, 1],
  [`${DOCS}/shadow-mode/all.yaml`, true, 8, 22],
  [`${DOCS}/shadow-mode/kafka-intents.yaml`, true, 3, 10],
  [`${DOCS}/shadow-mode/phase-1.yaml`, true, 1, 1],
  [`${DOCS}/shadow-mode/phase-2.yaml`, true, 1, 1],
  [`${DOCS}/shadow-mode/phase-3-checkout.yaml`, true, 1, 1],
  [`${DOCS}/shadow-mode/phase-3-frontend.yaml`, true, 1, 2],
  [`${DOCS}/shadow-mode/phase-3.yaml`, true, 2, 3],
  [`${DOCS}/shadow-mode/phase-4-checkout.yaml`, true, 1, 7],
  [`${DOCS}/shadow-mode/phase-4-order.yaml`, true, 1, 2],
  [`${DOCS}/shadow-mode/phase-4-payment.yaml`, true, 1, 1],
];

const PAGES = 'otterize-docs/docs';
const KAFKA_OPERATIONS =
  'all, consume, produce, create, alter, delete, describe, ClusterAction, DescribeConfigs, AlterConfigs, IdempotentWrite';
const FAILS: Fails[] = [
  // `kind:` is indented under `apiVersion:` on line 2.
  [
    `${PAGES}/getting-started/_show_mapped_istio_traffic_cli.block-1-line-51.yaml`,
    false,
    '2: Nested mappings are not allowed in compact mappings',
  ],
  // No comma after `"name": "nginx"` on line 17; the parser sees it missing at line 18.
  [
    `${PAGES}/getting-started/_show_mapped_istio_traffic_cli.block-2-line-95.json`,
    false,
    '18: Missing , between flow map items',
  ],
  [
    `${PAGES}/reference/ClientIntents-CRD/README.block-1-line-20.yaml`,
    false,
    `23: spec.targets[2].kafka.topics[0].operations[0]: unsupported value "read" (allowed: ${KAFKA_OPERATIONS})`,
  ],
  [
    `${PAGES}/reference/ClientIntents-CRD/README.block-2-line-91.yaml`,
    false,
    '43: spec.calls[7].name: "api.retail.example.com" has more than one dot (use name.namespace)',
  ],
  // `- service:` with its name on the next list item: the second item is a target without a type.
  [
    `${DOCS}/lab/intents.yaml`,
    false,
    '50: spec.targets[2].name: unknown field (the ClientIntents v2beta1 schema has aws, azure, gcp, internet, kafka, kubernetes, service, sql here)',
  ],
  // Docusaurus' `// highlight-start` marker inside the YAML.
  [
    'otterize-docs/static/resources/example-intents-resource-highlighted.yaml',
    false,
    '6: Implicit keys need to be on a single line',
  ],
  [
    'otterize-docs/static/resources/example-intents-resource.yaml',
    true,
    '16: spec.targets[1].service.http[0].methods[0]: "get" must be upper case (GET)',
  ],
];

describe('real ClientIntents from Otterize', () => {
  test('the table covers every file in the folder, and there are at least 48', async () => {
    const entries = await readdir(path.join(ROOT, DIR), { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name))
      .map((e) =>
        path.relative(path.join(ROOT, DIR), path.join(e.parentPath, e.name)).split(path.sep).join('/'),
      )
      .sort();
    assert.ok(files.length >= 48, `only ${files.length} files`);
    assert.deepEqual(files, [...LOADS, ...FAILS].map(([file]) => file).sort());
  });

  for (const [file, namespaceless, documents, rules] of LOADS) {
    test(`${file} loads: ${documents} documents, ${rules} rules`, async () => {
      const declared = await loadIntents([`${DIR}/${file}`], {
        cwd: ROOT,
        ...(namespaceless ? { defaultNamespace: NS } : {}),
      });
      assert.equal(declared.documents.length, documents);
      assert.equal(declared.rules.length, rules);
      if (namespaceless) {
        assert.ok(declared.rules.every((r) => r.client.namespace === NS));
        await assert.rejects(loadIntents([`${DIR}/${file}`], { cwd: ROOT }), /metadata\.namespace: not set/);
      }
    });
  }

  for (const [file, namespaceless, error] of FAILS) {
    test(`${file} fails at ${error.slice(0, 50)}`, async () => {
      const opts = { cwd: ROOT, ...(namespaceless ? { defaultNamespace: NS } : {}) };
      await assert.rejects(loadIntents([`${DIR}/${file}`], opts), (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.equal(String(err), `${DIR}/${file}:${error}`);
        return true;
      });
    });
  }

  test("network-mapper's JSON export: one rule per target, each at its line", async () => {
    const file = `${DIR}/network-mapper/kafka-tutorial-intents.json`;
    const declared = await loadIntents([file], { cwd: ROOT });
    const ns = 'otterize-tutorial-kafka-mapping';
    assert.deepEqual(declared.rules.map(ruleText), [
      `${file}:15 ${ns}/client -> kafka kafka/kafka * *`,
      `${file}:29 ${ns}/client -> kubernetes kafka/kafka(StatefulSet) * *`,
      `${file}:55 ${ns}/client-2 -> kafka kafka/kafka * *`,
      `${file}:69 ${ns}/client-2 -> kubernetes kafka/kafka(StatefulSet) * *`,
    ]);
    // kubectl's decoder takes an object, never an array: the export is read, with a word that
    // kubectl apply refuses the file as it is.
    assert.deepEqual(declared.warnings, [
      `${file}:1: ClientIntents in a top-level array (as network-mapper export --format json writes them) are read, but kubectl apply refuses such a file: apply them as YAML, or as a stream of objects (jq -c '.[]')`,
    ]);
  });

  test('a directory of JSON exports is read like a directory of YAML', async () => {
    const declared = await loadIntents([`${DIR}/network-mapper`], { cwd: ROOT });
    assert.deepEqual(
      declared.documents.map((d) => `${d.file}:${d.line} ${d.client.namespace}/${d.client.name}`),
      [
        `${DIR}/network-mapper/kafka-tutorial-intents.json:2 otterize-tutorial-kafka-mapping/client`,
        `${DIR}/network-mapper/kafka-tutorial-intents.json:42 otterize-tutorial-kafka-mapping/client-2`,
        `${DIR}/network-mapper/simple-tutorial-intents.json:2 otterize-tutorial-mapper/client`,
        `${DIR}/network-mapper/simple-tutorial-intents.json:29 otterize-tutorial-mapper/client2`,
      ],
    );
  });
});
