// Checks one ClientIntents document against the openAPIV3Schema of its version in the real CRD
// (clientintents-crd-schemas.json, derived from the CRD vendored in fixtures/crds/): types,
// required fields, enums (Kafka operations, SQL privileges, Azure Key Vault permissions, ...), and
// unknown fields, which the API server refuses under `kubectl apply`'s default strict field
// validation. A typo such as `HTTPresources` would otherwise drop a target's HTTP rules and let
// it allow every path. Null values are skipped, as the API server prunes them.
import { fail } from '../yaml/yaml-fields.ts';
import type { YamlEntry, YamlMap, YamlNode } from '../yaml/yaml-tree.ts';
import crd from './clientintents-crd-schemas.json' with { type: 'json' };

/** The part of OpenAPI v3 the CRD's structural schemas use. */
interface Schema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
}

const SCHEMAS = (crd as unknown as { versions: Record<string, Schema> }).versions;

/**
 * Throws InputError at the first place the document breaks its version's schema. `fields`
 * looks for unknown fields only: run before the parser, so that a misspelt key is named as such
 * rather than as the required key it should have been; `all` checks everything, after it.
 */
export function checkAgainstCrd(file: string, root: YamlMap, version: string, scope: 'fields' | 'all'): void {
  const schema = SCHEMAS[version];
  if (!schema) return;
  new SchemaWalk(file, version, scope === 'fields').map(root, schema, '');
}

class SchemaWalk {
  private readonly file: string;
  private readonly version: string;
  private readonly fieldsOnly: boolean;

  constructor(file: string, version: string, fieldsOnly: boolean) {
    this.file = file;
    this.version = version;
    this.fieldsOnly = fieldsOnly;
  }

  node(node: YamlNode, schema: Schema, field: string): void {
    switch (schema.type) {
      case 'object':
        if (node.type !== 'map') {
          this.wrongType(node, field, 'a map');
          return;
        }
        this.map(node, schema, field);
        return;
      case 'array':
        if (node.type !== 'seq') {
          this.wrongType(node, field, 'a list');
          return;
        }
        if (schema.items) {
          const items = schema.items;
          node.items.forEach((item, i) => {
            this.node(item, items, `${field}[${i}]`);
          });
        }
        return;
      case undefined:
        return;
      default:
        this.scalar(node, schema, field);
    }
  }

  map(map: YamlMap, schema: Schema, field: string): void {
    // An object without properties (metadata) is the API server's own business.
    if (!schema.properties) return;
    const properties = schema.properties;
    for (const [key, entry] of map.entries) {
      if (isNull(entry.value)) continue;
      const inner = properties[key];
      const path = field === '' ? key : `${field}.${key}`;
      if (!inner) this.unknownField(entry, path, Object.keys(properties));
      this.node(entry.value, inner, path);
    }
    if (this.fieldsOnly) return;
    for (const key of schema.required ?? []) {
      const entry = map.entries.get(key);
      if (!entry || isNull(entry.value)) {
        fail(this.file, entry?.keyLine ?? map.line, `${field === '' ? key : `${field}.${key}`}: required`);
      }
    }
  }

  private scalar(node: YamlNode, schema: Schema, field: string): void {
    if (this.fieldsOnly) return;
    const value = node.type === 'scalar' ? node.value : undefined;
    const ok =
      schema.type === 'string'
        ? typeof value === 'string'
        : schema.type === 'boolean'
          ? typeof value === 'boolean'
          : schema.type === 'integer'
            ? typeof value === 'bigint' || Number.isInteger(value)
            : typeof value === 'number';
    if (!ok) {
      this.wrongType(node, field, schema.type === 'integer' ? 'an integer' : `a ${schema.type}`);
      return;
    }
    if (schema.enum && !schema.enum.includes(value)) {
      const allowed = schema.enum.map(String).join(', ');
      fail(
        this.file,
        node.line,
        `${field}: unsupported value ${JSON.stringify(value)} (allowed: ${allowed})`,
      );
    }
  }

  /** A mismatch is left to the later, full pass when only fields are looked for. */
  private wrongType(node: YamlNode, field: string, expected: string): void {
    if (this.fieldsOnly) return;
    fail(this.file, node.line, `${field}: must be ${expected}, not ${describe(node)}`);
  }

  private unknownField(entry: YamlEntry, field: string, known: string[]): never {
    fail(
      this.file,
      entry.keyLine,
      `${field}: unknown field (the ClientIntents ${this.version} schema has ${known.join(', ')} here)`,
    );
  }
}

function isNull(node: YamlNode): boolean {
  return node.type === 'scalar' && node.value === null;
}

function describe(node: YamlNode): string {
  if (node.type === 'map') return 'a map';
  if (node.type === 'seq') return 'a list';
  if (node.value === null) return 'null';
  return typeof node.value === 'string' ? `the string ${JSON.stringify(node.value)}` : String(node.value);
}
