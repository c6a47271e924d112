// Derives src/declare/clientintents-crd-schemas.json, the schemas intent-drift validates
// ClientIntents against at run time, from the real CRD vendored in fixtures/crds/ (see the
// README there for its source). Descriptions are dropped; every keyword the validator reads is
// kept as the CRD has it. `node scripts/crd-schemas.ts` rewrites the file; a test fails when the
// two disagree, so the data cannot drift from the vendored CRD.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
export const CRD_FIXTURE = path.join(root, 'fixtures/crds/clientintents.k8s.otterize.com.yaml');
export const SCHEMAS_FILE = path.join(root, 'src/declare/clientintents-crd-schemas.json');

function withoutDescriptions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDescriptions);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key !== 'description') out[key] = withoutDescriptions(inner);
  }
  return out;
}

interface CrdVersion {
  name: string;
  served: boolean;
  schema: { openAPIV3Schema: unknown };
}

/** `{ source, versions: { v1alpha2: schema, ... } }` for every served version of the CRD. */
export function schemasFromCrd(text: string): Record<string, unknown> {
  const crd = parse(text) as { metadata: { name: string }; spec: { group: string; versions: CrdVersion[] } };
  const versions: Record<string, unknown> = {};
  for (const version of crd.spec.versions) {
    if (version.served) versions[version.name] = withoutDescriptions(version.schema.openAPIV3Schema);
  }
  return {
    source: `${crd.metadata.name}, from fixtures/crds/clientintents.k8s.otterize.com.yaml (descriptions dropped)`,
    versions,
  };
}

if (import.meta.main) {
  const schemas = schemasFromCrd(readFileSync(CRD_FIXTURE, 'utf8'));
  writeFileSync(SCHEMAS_FILE, `${JSON.stringify(schemas, null, 2)}\n`);
  console.log(`wrote ${path.relative(root, SCHEMAS_FILE)}`);
}
