// Shared by the declare tests: the project root, a one-line view of a rule, golden files.
import path from 'node:path';
import type { DeclaredRule } from '../../src/model.ts';
import { assertGolden as assertGoldenFile } from '../support/golden.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** `file:line client -> type server method path`, with kinds in parentheses. */
export function ruleText(rule: DeclaredRule): string {
  const kind = (k: string | undefined) => (k ? `(${k})` : '');
  const client = `${rule.client.namespace}/${rule.client.name}${kind(rule.client.kind)}`;
  const server = `${rule.server.namespace}/${rule.server.name}${kind(rule.server.kind)}`;
  return `${rule.file}:${rule.line} ${client} -> ${rule.targetType} ${server} ${rule.method ?? '*'} ${rule.path ?? '*'}`;
}

/** Byte-for-byte comparison with test/golden/declare/<name> (see test/support/golden.ts). */
export function assertGolden(name: string, actual: string): Promise<void> {
  return assertGoldenFile(`test/golden/declare/${name}`, actual);
}
