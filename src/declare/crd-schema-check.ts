// Checks one ClientIntents document against the openAPIV3Schema of its version in the real CRD
// (clientintents-crd-schemas.json, derived from the CRD vendored in fixtures/crds/): types,
// required fields, enums (Kafka operations, SQL privileges, Azure Key Vault permissions, ...), and
// unknown fields, which the API server refuses under `kubectl apply`'s default strict field
// validation. A typo such as `HTTPresources` would otherwise drop a target's HTTP rules and let
// it allow every path. Null values are skipped, as the API server prunes them.
import { kubectlReadingNote } from '../yaml/go-yaml-v2.ts';
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

/** A schema with its properties in a Map: looked up per field of every document. */
interface Checked {
  type?: Schema['type'];
  properties?: Map<string, Checked>;
  /** The property names, in the schema's order, for the message about an unknown field. */
  known: string[];
  required: string[];
  items?: Checked;
  enum?: unknown[];
}

function checked(schema: Schema): Checked {
  const out: Checked = { known: [], required: schema.required ?? [] };
  if (schema.type !== undefined) out.type = schema.type;
  if (schema.properties) {
    out.known = Object.keys(schema.properties);
    out.properties = new Map(Object.entries(schema.properties).map(([k, v]) => [k, checked(v)]));
  }
  if (schema.items) out.items = checked(schema.items);
  if (schema.enum) out.enum = schema.enum;
  return out;
}

const CHECKED = new Map<string, Checked>();

function checkedSchema(version: string): Checked | undefined {
  let schema = CHECKED.get(version);
  if (schema === undefined && Object.hasOwn(SCHEMAS, version)) {
    schema = checked(SCHEMAS[version]!);
    CHECKED.set(version, schema);
  }
  return schema;
}

/**
 * Throws InputError at the first place the document breaks its version's schema. `fields`
 * looks for unknown fields only: run before the parser, so that a misspelt key is named as such
 * rather than as the required key it should have been; `all` checks everything, after it.
 */
export function checkAgainstCrd(file: string, root: YamlMap, version: string, scope: 'fields' | 'all'): void {
  const schema = checkedSchema(version);
  if (!schema) return;
  new SchemaWalk(file, version, scope === 'fields').map(root, schema);
}

/**
 * Walks a document beside its schema. The field being checked is kept as a stack of keys and
 * item indexes, spelt out (`spec.targets[0].kubernetes`) only for an error: a check of 2,000
 * valid files then builds no strings.
 */
class SchemaWalk {
  private readonly file: string;
  private readonly version: string;
  private readonly fieldsOnly: boolean;
  private readonly at: (string | number)[] = [];

  constructor(file: string, version: string, fieldsOnly: boolean) {
    this.file = file;
    this.version = version;
    this.fieldsOnly = fieldsOnly;
  }

  /** The field being checked, as errors name it; `key`, when given, one level further down. */
  private field(key?: string): string {
    let out = '';
    for (const part of key === undefined ? this.at : [...this.at, key]) {
      out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
    }
    return out;
  }

  node(node: YamlNode, schema: Checked): void {
    switch (schema.type) {
      case 'object':
        if (node.type !== 'map') {
          this.wrongType(node, 'a map');
          return;
        }
        this.map(node, schema);
        return;
      case 'array':
        if (node.type !== 'seq') {
          this.wrongType(node, 'a list');
          return;
        }
        if (schema.items) {
          const items = node.items;
          for (let i = 0; i < items.length; i++) {
            this.at.push(i);
            this.node(items[i]!, schema.items);
            this.at.pop();
          }
        }
        return;
      case undefined:
        return;
      default:
        this.scalar(node, schema);
    }
  }

  map(map: YamlMap, schema: Checked): void {
    // An object without properties (metadata) is the API server's own business.
    if (!schema.properties) return;
    const properties = schema.properties;
    for (const [key, entry] of map.entries) {
      if (isNull(entry.value)) continue;
      const inner = properties.get(key);
      if (!inner) this.unknownField(entry, key, schema.known);
      this.at.push(key);
      this.node(entry.value, inner);
      this.at.pop();
    }
    if (this.fieldsOnly) return;
    for (const key of schema.required) {
      const entry = map.entries.get(key);
      if (!entry || isNull(entry.value))
        fail(this.file, entry?.keyLine ?? map.line, `${this.field(key)}: required`);
    }
  }

  private scalar(node: YamlNode, schema: Checked): void {
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
      this.wrongType(node, schema.type === 'integer' ? 'an integer' : `a ${schema.type}`);
      return;
    }
    if (schema.enum && !schema.enum.includes(value)) {
      const allowed = schema.enum.map(String).join(', ');
      fail(
        this.file,
        node.line,
        `${this.field()}: unsupported value ${JSON.stringify(value)} (allowed: ${allowed})`,
      );
    }
  }

  /** A mismatch is left to the later, full pass when only fields are looked for. */
  private wrongType(node: YamlNode, expected: string): void {
    if (this.fieldsOnly) return;
    fail(this.file, node.line, `${this.field()}: must be ${expected}, not ${describe(node)}`);
  }

  private unknownField(entry: YamlEntry, key: string, known: string[]): never {
    fail(
      this.file,
      entry.keyLine,
      `${this.field(key)}: unknown field (the ClientIntents ${this.version} schema has ${known.join(', ')} here)`,
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
  if (typeof node.value === 'string') return `the string ${JSON.stringify(node.value)}`;
  return `${String(node.value)}${kubectlReadingNote(node)}`;
}
