// A ClientIntents' metadata as kubectl and the API server check it. A document they refuse is
// never applied, so the rules in it allow nothing in the cluster: counting them would make the
// gate call calls covered that enforcement blocks. Three checks, each an error at its line:
// - kubectl decodes `metadata` into ObjectMeta before it sends anything (cli-runtime
//   pkg/resource/metadata_decoder.go): a field of the wrong type (`labels: {tier: 1}`, a
//   `creationTimestamp` that is not RFC 3339) refuses the document;
// - strict field validation, kubectl's default, refuses a field ObjectMeta does not have (the
//   API server reports unknown metadata fields of a custom resource: apiextensions-apiserver
//   schema/objectmeta);
// - the API server validates the values (apimachinery pkg/api/validation/objectmeta.go, with
//   NameIsDNSSubdomain for a custom resource's name): the name a DNS-1123 subdomain, the
//   namespace a DNS-1123 label, label keys and values, annotation keys and their 256 KiB, a
//   generation not below zero, finalizer names, owner references' required fields.
import { isDnsLabel, isDnsSubdomain, isLabelKey, isLabelValue } from '../kubernetes-names.ts';
import { expectMap, expectSeq, expectString, fail, stringAt } from '../yaml/yaml-fields.ts';
import type { YamlMap, YamlNode } from '../yaml/yaml-tree.ts';

type FieldCheck = (file: string, node: YamlNode, field: string) => void;

const TOTAL_ANNOTATION_BYTES = 256 * 1024;
// As Go's time.Parse(time.RFC3339, ...) reads it when its strict fast path fails: an hour of one
// digit, a fraction after `,`, and a zone offset up to 24:60 are taken (go/src/time/format.go).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})([.,]\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

const OBJECT_META: Record<string, FieldCheck> = {
  name: expectString,
  generateName: expectString,
  namespace: expectString,
  selfLink: expectString,
  uid: expectString,
  resourceVersion: expectString,
  generation: (file, node, field) => {
    if (integerOf(file, node, field) < 0)
      fail(file, node.line, `${field}: must be greater than or equal to 0`);
  },
  creationTimestamp: checkTime,
  deletionTimestamp: checkTime,
  deletionGracePeriodSeconds: integerOf,
  labels: (file, node, field) => {
    for (const [key, entry] of expectMap(file, node, field).entries) {
      const value = stringOrNull(file, entry.value, `${field}.${key}`);
      if (!isLabelKey(key))
        fail(file, entry.keyLine, `${field}: ${JSON.stringify(key)} is not a valid label key`);
      if (!isLabelValue(value)) {
        fail(file, entry.value.line, `${field}.${key}: ${JSON.stringify(value)} is not a valid label value`);
      }
    }
  },
  annotations: (file, node, field) => {
    let bytes = 0;
    for (const [key, entry] of expectMap(file, node, field).entries) {
      const value = stringOrNull(file, entry.value, `${field}.${key}`);
      // The rule is a label key's, except that case does not matter.
      if (!isLabelKey(key.toLowerCase())) {
        fail(file, entry.keyLine, `${field}: ${JSON.stringify(key)} is not a valid annotation key`);
      }
      bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
    }
    if (bytes > TOTAL_ANNOTATION_BYTES) {
      fail(
        file,
        node.line,
        `${field}: ${bytes} bytes, more than the API server's limit of ${TOTAL_ANNOTATION_BYTES}`,
      );
    }
  },
  finalizers: (file, node, field) => {
    expectSeq(file, node, field).items.forEach((item, i) => {
      const name = stringOrNull(file, item, `${field}[${i}]`);
      if (!isLabelKey(name))
        fail(file, item.line, `${field}[${i}]: ${JSON.stringify(name)} is not a valid finalizer name`);
    });
  },
  ownerReferences: (file, node, field) => {
    let controllers = 0;
    expectSeq(file, node, field).items.forEach((item, i) => {
      if (isNull(item)) return;
      const at = `${field}[${i}]`;
      const reference = expectMap(file, item, at);
      checkFields(file, reference, at, OWNER_REFERENCE);
      for (const key of ['apiVersion', 'kind', 'name', 'uid']) {
        const value = reference.entries.get(key)?.value;
        if (value === undefined || isNull(value) || (value.type === 'scalar' && value.value === '')) {
          fail(file, value?.line ?? reference.line, `${at}.${key}: required`);
        }
      }
      const controller = reference.entries.get('controller')?.value;
      if (controller?.type === 'scalar' && controller.value === true) controllers++;
    });
    if (controllers > 1) fail(file, node.line, `${field}: only one reference can have controller: true`);
  },
  managedFields: (file, node, field) => {
    expectSeq(file, node, field).items.forEach((item, i) => {
      if (!isNull(item)) expectMap(file, item, `${field}[${i}]`);
    });
  },
};

const OWNER_REFERENCE: Record<string, FieldCheck> = {
  apiVersion: expectString,
  kind: expectString,
  name: expectString,
  uid: expectString,
  controller: checkBoolean,
  blockOwnerDeletion: checkBoolean,
};

/** Throws InputError at `file:line` for what kubectl or the API server refuses in a ClientIntents' metadata. */
export function checkObjectMeta(file: string, metadata: YamlMap): void {
  checkFields(file, metadata, 'metadata', OBJECT_META);
  const text = (key: string) => stringAt(metadata, key);
  const name = text('name');
  if (name !== '' && !isDnsSubdomain(name)) {
    fail(
      file,
      metadata.entries.get('name')!.value.line,
      `metadata.name: ${JSON.stringify(name)} is not a valid name (a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', at most 253); the API server refuses it`,
    );
  }
  // A generated name's prefix may end in '-': the API server checks it with its last two characters as `a`.
  const prefix = text('generateName');
  const masked = prefix.length > 1 && prefix.endsWith('-') ? `${prefix.slice(0, -2)}a` : prefix;
  if (prefix !== '' && !isDnsSubdomain(masked)) {
    fail(
      file,
      metadata.entries.get('generateName')!.value.line,
      `metadata.generateName: ${JSON.stringify(prefix)} is not a valid name prefix`,
    );
  }
  const namespace = text('namespace');
  if (namespace !== '' && !isDnsLabel(namespace)) {
    fail(
      file,
      metadata.entries.get('namespace')!.value.line,
      `metadata.namespace: ${JSON.stringify(namespace)} is not a valid namespace (a DNS-1123 label: lower-case letters, digits and '-', at most 63); the API server refuses it`,
    );
  }
}

/** Each field's type as Go's decoder takes it (null is a field's zero value); unknown fields refused. */
function checkFields(file: string, map: YamlMap, field: string, known: Record<string, FieldCheck>): void {
  for (const [key, entry] of map.entries) {
    const check = Object.hasOwn(known, key) ? known[key] : undefined;
    if (check === undefined) {
      fail(
        file,
        entry.keyLine,
        `${field}.${key}: unknown field (kubectl apply refuses it: strict field validation)`,
      );
    }
    if (!isNull(entry.value)) check(file, entry.value, `${field}.${key}`);
  }
}

function isNull(node: YamlNode): boolean {
  return node.type === 'scalar' && node.value === null;
}

function stringOrNull(file: string, node: YamlNode, field: string): string {
  return isNull(node) ? '' : expectString(file, node, field);
}

function integerOf(file: string, node: YamlNode, field: string): number {
  const value = node.type === 'scalar' ? node.value : undefined;
  if (typeof value === 'bigint' && BigInt.asIntN(64, value) === value) return Number(value);
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    fail(file, node.line, `${field}: must be an integer (kubectl refuses the document)`);
  }
  return value;
}

function checkBoolean(file: string, node: YamlNode, field: string): void {
  if (node.type !== 'scalar' || typeof node.value !== 'boolean') {
    fail(file, node.line, `${field}: must be true or false (kubectl refuses the document)`);
  }
}

/** A time as ObjectMeta reads it: RFC 3339 (`2024-05-01T12:00:00Z`), as Go's time.Parse takes it. */
function checkTime(file: string, node: YamlNode, field: string): void {
  const text = expectString(file, node, field);
  if (!isGoRfc3339(text)) {
    fail(
      file,
      node.line,
      `${field}: ${JSON.stringify(text)} is not an RFC 3339 time (kubectl refuses the document)`,
    );
  }
}

/** Whether Go's time.Parse(time.RFC3339, text) takes the text (Go 1.20 and later). */
export function isGoRfc3339(text: string): boolean {
  const m = RFC3339.exec(text);
  return (
    m !== null &&
    inRange(m[2], 1, 12) &&
    inRange(m[3], 1, daysIn(Number(m[1]), Number(m[2]))) &&
    inRange(m[4], 0, 23) &&
    inRange(m[5], 0, 59) &&
    inRange(m[6], 0, 59) &&
    (m[9] === undefined || (inRange(m[9], 0, 24) && inRange(m[10], 0, 60)))
  );
}

function inRange(digits: string | undefined, low: number, high: number): boolean {
  const n = Number(digits);
  return n >= low && n <= high;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
