// Table cells and shared pieces of the PR comment's sections. Rows are grouped by client: the
// client and its namespace head the group once, and the rows name servers as the client's
// intents would (`nginx`, or `nginx.other-ns` in another namespace), so tables stay narrow.

import type { DeclaredRule, ObservedCall } from '../model.ts';
import { targetName } from './display-text.ts';
import { cellCode, codeSpan, linkedCode, tableRow } from './markdown-escape.ts';

export type FileLink = (file: string, line: number) => string | undefined;

export interface MarkdownSection {
  /** Heading text we write ourselves (no data from traffic or files). */
  title: string;
  /** A sentence under the heading, ours too. */
  intro?: string;
  /** Table header and alignment row; absent for a bullet list. */
  header?: string[];
  /** Whole rows; a row may carry its group's heading row before it (one unit when cutting). */
  rows: string[];
  /** Shown in a collapsed <details>. */
  collapsed: boolean;
  /** Lower keeps its rows first when the comment must be cut. */
  priority: number;
}

type Ref = { name: string; namespace: string };

export function header(...titles: string[]): string[] {
  return [tableRow(titles), tableRow(titles.map((t) => (t === 'count' ? '---:' : '---')))];
}

/**
 * Rows grouped by client, groups in namespace then name order, items in their given order
 * within a group; the group's heading row rides on its first row.
 */
export function groupedRows<T>(
  items: readonly T[],
  clientOf: (item: T) => Ref,
  row: (item: T) => string,
  columns: number,
  environmentOf?: (namespace: string) => string | undefined,
): string[] {
  const groups = new Map<string, { client: Ref; items: T[] }>();
  for (const item of items) {
    const client = clientOf(item);
    const key = `${client.namespace}\u0000${client.name}`;
    const group = groups.get(key) ?? { client, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  const keys = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.flatMap((key) => {
    const { client, items: members } = groups.get(key)!;
    const environment = environmentOf?.(client.namespace);
    const heading = `**${cellCode(client.name)}** in ${cellCode(client.namespace)}${environment === undefined ? '' : ` (${cellCode(environment)})`}`;
    const head = tableRow([heading, ...Array.from({ length: columns - 1 }, () => '')]);
    return members.map((member, i) => (i === 0 ? `${head}\n${row(member)}` : row(member)));
  });
}

/** `GET /path` in one code span; `any request` when the rule or call has no HTTP detail. */
export function operationCell(method: string | null, path: string | null, whenNone: string): string {
  if (method === null && path === null) return `*${whenNone}*`;
  return cellCode(`${method ?? '*'} ${path ?? '*'}`);
}

/** The server as the client's intents name it, and the Service the caller used. */
export function serverCell(call: ObservedCall): string {
  const server = cellCode(targetName(call.server, call.client.namespace));
  const service = call.server.service;
  return service ? `${server} via ${cellCode(targetName(service, call.client.namespace))}` : server;
}

export function targetCell(rule: DeclaredRule): string {
  const target = cellCode(targetName(rule.server, rule.client.namespace));
  return rule.targetType === 'kubernetes' ? target : `${rule.targetType} ${target}`;
}

export function fileLineCell(at: { file: string; line: number }, fileLink: FileLink | undefined): string {
  return linkedCode(`${at.file}:${at.line}`, fileLink?.(at.file, at.line), { inTable: true });
}

export function distinctClients(items: readonly { client: Ref }[]): number {
  return new Set(items.map((i) => `${i.client.namespace}/${i.client.name}`)).size;
}

/** `` `path-not-called`: the client called this server, ... `` for each code used. */
export function legend(codes: readonly string[], means: Record<string, string>): string {
  return [...new Set(codes)].map((code) => `${codeSpan(code)}: ${means[code]}.`).join(' ');
}
