// Typed access to fields of a positioned YAML tree. Every failure is an InputError at the
// line of the offending node, naming the field by its path (`spec.targets[0].kubernetes.name`).
import { InputError } from '../errors.ts';
import { kubectlReadingNote } from './go-yaml-v2.ts';
import type { YamlMap, YamlNode, YamlSeq } from './yaml-tree.ts';

export function fail(file: string, line: number, message: string): never {
  throw new InputError(message, { file, line });
}

/** The value under `key`; an explicit null (`key:` or `key: null`) counts as absent, as in Kubernetes. */
export function child(map: YamlMap, key: string): YamlNode | undefined {
  const value = map.entries.get(key)?.value;
  if (value === undefined || (value.type === 'scalar' && value.value === null)) return undefined;
  return value;
}

function describe(node: YamlNode): string {
  if (node.type === 'map') return 'a map';
  if (node.type === 'seq') return 'a list';
  if (typeof node.value === 'string') return 'a string';
  return `${typeof node.value} ${String(node.value)}${kubectlReadingNote(node)}`;
}

export function expectMap(file: string, node: YamlNode, field: string): YamlMap {
  if (node.type !== 'map') fail(file, node.line, `${field}: must be a map, not ${describe(node)}`);
  return node;
}

export function expectSeq(file: string, node: YamlNode, field: string): YamlSeq {
  if (node.type !== 'seq') fail(file, node.line, `${field}: must be a list, not ${describe(node)}`);
  return node;
}

export function expectString(file: string, node: YamlNode, field: string): string {
  if (node.type !== 'scalar' || typeof node.value !== 'string') {
    fail(file, node.line, `${field}: must be a string, not ${describe(node)}`);
  }
  return node.value;
}

/** A required map-valued field; `line` is where to point when it is missing. */
export function requiredMap(file: string, map: YamlMap, key: string, field: string): YamlMap {
  const node = child(map, key);
  if (!node) fail(file, map.entries.get(key)?.keyLine ?? map.line, `${field}: required`);
  return expectMap(file, node, field);
}

export function optionalSeq(file: string, map: YamlMap, key: string, field: string): YamlSeq | undefined {
  const node = child(map, key);
  return node ? expectSeq(file, node, field) : undefined;
}

export function optionalString(file: string, map: YamlMap, key: string, field: string): string | undefined {
  const node = child(map, key);
  return node ? expectString(file, node, field) : undefined;
}

/** A required, non-empty string field. */
export function requiredString(file: string, map: YamlMap, key: string, field: string): string {
  const value = optionalString(file, map, key, field);
  if (value === undefined || value === '') {
    fail(file, map.entries.get(key)?.keyLine ?? map.line, `${field}: required`);
  }
  return value;
}

/** The string under `key`; '' when it is absent, empty or not a string (as Go's unstructured getters read it). */
export function stringAt(map: YamlMap, key: string): string {
  const value = map.entries.get(key)?.value;
  return value?.type === 'scalar' && typeof value.value === 'string' ? value.value : '';
}

/** Line of the value under `key`, else of the key, else of the map. */
export function lineOf(map: YamlMap, key: string): number {
  const entry = map.entries.get(key);
  return entry ? entry.value.line : map.line;
}
