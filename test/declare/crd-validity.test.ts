// What intent-drift writes and reads against the real ClientIntents CRD (fixtures/crds/, sources
// in its README): every export, of every served version and format, is valid under the CRD's
// openAPIV3Schema as the API server applies it with strict field validation (checked with ajv),
// and the schemas the loader checks at run time are exactly the vendored CRD's.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import { parse, parseAllDocuments } from 'yaml';
import { schemasFromCrd } from '../../scripts/crd-schemas.ts';
import { exportIntentsFile } from '../../src/declare/export-intents.ts';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { INTENTS_VERSIONS } from '../../src/declare/parse-client-intents.ts';
import { DEMO_CALLS, RICH_CALLS } from './export-calls.ts';
import { ROOT } from './helpers.ts';

const CRD_FILE = path.join(ROOT, 'fixtures/crds/clientintents.k8s.otterize.com.yaml');

interface CrdVersion {
  name: string;
  served: boolean;
  schema: { openAPIV3Schema: Record<string, unknown> };
}

/**
 * The API server prunes unknown fields, and refuses them under strict field validation (the
 * default of `kubectl apply`): for ajv, every object with properties is closed.
 */
export function strictSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strictSchema(v)]))
        : strictSchema(value);
  }
  const preserve = (schema as Record<string, unknown>)['x-kubernetes-preserve-unknown-fields'] === true;
  if ('properties' in out && !('additionalProperties' in out) && !preserve) out.additionalProperties = false;
  return out;
}

async function crdVersions(): Promise<CrdVersion[]> {
  const crd = parse(await readFile(CRD_FILE, 'utf8')) as { spec: { versions: CrdVersion[] } };
  return crd.spec.versions;
}

async function validators(): Promise<Map<string, (value: unknown) => string[]>> {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const byVersion = new Map<string, (value: unknown) => string[]>();
  for (const version of await crdVersions()) {
    const validate = ajv.compile(strictSchema(version.schema.openAPIV3Schema) as object);
    byVersion.set(version.name, (value) =>
      validate(value)
        ? []
        : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`),
    );
  }
  return byVersion;
}

/** The objects of an export, YAML or JSON. */
function objectsOf(text: string, format: 'yaml' | 'json'): Record<string, unknown>[] {
  if (format === 'json') return JSON.parse(text) as Record<string, unknown>[];
  return parseAllDocuments(text).map((d) => d.toJS() as Record<string, unknown>);
}

describe('the vendored ClientIntents CRD', () => {
  test('serves exactly the versions intent-drift reads and writes', async () => {
    const served = (await crdVersions()).filter((v) => v.served).map((v) => v.name);
    assert.deepEqual(served, [...INTENTS_VERSIONS]);
  });

  test('src/declare/clientintents-crd-schemas.json is derived from it, unchanged', async () => {
    const shipped = JSON.parse(
      await readFile(path.join(ROOT, 'src/declare/clientintents-crd-schemas.json'), 'utf8'),
    );
    assert.deepEqual(shipped, schemasFromCrd(await readFile(CRD_FILE, 'utf8')));
  });
});

describe('every export is valid per the real CRD', () => {
  const cases: { name: string; text: (version: string, format: 'yaml' | 'json') => string }[] = [
    { name: 'demo', text: (apiVersion, format) => exportIntentsFile(DEMO_CALLS, { apiVersion, format }) },
    { name: 'rich', text: (apiVersion, format) => exportIntentsFile(RICH_CALLS, { apiVersion, format }) },
    {
      name: 'rich as services',
      text: (apiVersion, format) => exportIntentsFile(RICH_CALLS, { apiVersion, format, asService: true }),
    },
  ];
  for (const version of INTENTS_VERSIONS) {
    for (const format of ['yaml', 'json'] as const) {
      test(`${version} ${format}: schema-valid and loaded back`, async () => {
        const validate = (await validators()).get(version)!;
        const dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-crd-'));
        try {
          for (const { name, text } of cases) {
            const exported = text(version, format);
            const objects = objectsOf(exported, format);
            assert.ok(objects.length > 0);
            for (const object of objects)
              assert.deepEqual(validate(object), [], `${name}: ${JSON.stringify(object)}`);
            // What we write, we read: the loader's own schema check and webhook rules accept it.
            const file = `${name.replaceAll(' ', '-')}.${format}`;
            await writeFile(path.join(dir, file), exported);
            const declared = await loadIntents([file], { cwd: dir });
            assert.equal(declared.documents.length, objects.length);
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });
    }
  }

  test('the check is not blind: status.observedGeneration is refused in v1alpha2, allowed in v1alpha3', async () => {
    const all = await validators();
    const object = {
      apiVersion: 'k8s.otterize.com/v1alpha2',
      kind: 'ClientIntents',
      metadata: { name: 'client', namespace: 'demo' },
      spec: { service: { name: 'client' }, calls: [{ name: 'nginx' }] },
      status: { upToDate: false, observedGeneration: 0 },
    };
    assert.equal(all.get('v1alpha2')!(object).length, 1);
    const v1alpha3 = { ...object, spec: { service: { name: 'client' }, calls: [{ name: 'nginx' }] } };
    assert.deepEqual(all.get('v1alpha3')!(v1alpha3), []);
  });

  test("network-mapper's real JSON exports are valid too", async () => {
    const validate = (await validators()).get('v2beta1')!;
    for (const name of ['simple-tutorial-intents.json', 'kafka-tutorial-intents.json']) {
      const text = await readFile(path.join(ROOT, 'fixtures/intents/upstream/network-mapper', name), 'utf8');
      for (const object of JSON.parse(text)) assert.deepEqual(validate(object), [], name);
    }
  });
});
