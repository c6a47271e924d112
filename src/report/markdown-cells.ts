// Table cells and shared pieces of the PR comment's sections. Rows are grouped by client: the
// client and its namespace head the group once, and the rows name servers as the client's
// intents would (`nginx`, or `nginx.other-ns` in another namespace), so tables stay narrow.

import type { DeclaredRule, ObservedCall } from '../model.ts';
import { targetName } from './display-text.ts';
import { cellCode, codeSpan, linkedCode, tableRow } from './markdown-escape.ts';

export type FileLink = (file: string, line: number) => string | undefined;

/**
 * A section's rows, each rendered when first asked for: a comment holds a few hundred rows,
 * a drift may have 100,000.
 */
export class RowList {
  readonly length: number;
  private readonly rendered: string[] = [];
  private readonly render: (i: number) => string;

  constructor(length: number, render: (i: number) => string) {
    this.length = length;
    this.render = render;
  }

  static of<T>(items: readonly T[], row: (item: T) => string): RowList {
    return new RowList(items.length, (i) => row(items[i]!));
  }

  get(i: number): string {
    let row = this.rendered[i];
    if (row === undefined) {
      row = this.render(i);
      this.rendered[i] = row;
    }
    return row;
  }
}

export interface MarkdownSection {
  /** Heading text we write ourselves (no data from traffic or files). */
  title: string;
  /** A sentence under the heading, ours too. */
  intro?: string;
  /** Table header and alignment row; absent for a bullet list. */
  header?: string[];
  /** Whole rows; a row may carry its group's heading row before it (one unit when cutting). */
  rows: RowList;
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
 * within a group; the group's heading row rides on its first row. Grouped at once, rendered
 * row by row as the comment asks for them.
 */
export function groupedRows<T>(
  items: readonly T[],
  clientOf: (item: T) => Ref,
  row: (item: T) => string,
  columns: number,
  environmentOf?: (namespace: string) => string | undefined,
): RowList {
  const groups = new Map<string, { client: Ref; items: T[] }>();
  // Items come mostly grouped already (sorted by client): the last group is mostly the next one's.
  let last: { ref: Ref; group: { client: Ref; items: T[] } } | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const client = clientOf(item);
    if (last === undefined || last.ref !== client) {
      const key = `${client.namespace}\u0000${client.name}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { client, items: [] };
        groups.set(key, group);
      }
      last = { ref: client, group };
    }
    last.group.items.push(item);
  }
  const keys = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ordered: T[] = [];
  /** For the first row of each group, its client; undefined for the others. */
  const heads: (Ref | undefined)[] = [];
  for (const key of keys) {
    const { client, items: members } = groups.get(key)!;
    for (let i = 0; i < members.length; i++) {
      ordered.push(members[i]!);
      heads.push(i === 0 ? client : undefined);
    }
  }
  const headRow = (client: Ref) => {
    const environment = environmentOf?.(client.namespace);
    const heading = `**${cellCode(client.name)}** in ${cellCode(client.namespace)}${environment === undefined ? '' : ` (${cellCode(environment)})`}`;
    return tableRow([heading, ...Array.from({ length: columns - 1 }, () => '')]);
  };
  return new RowList(ordered.length, (i) => {
    const client = heads[i];
    return client === undefined ? row(ordered[i]!) : `${headRow(client)}\n${row(ordered[i]!)}`;
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
  const seen = new Set<string>();
  let last: Ref | undefined;
  for (let i = 0; i < items.length; i++) {
    const client = items[i]!.client;
    // Neighbours mostly share their client object: one key per run of them.
    if (client !== last) seen.add(`${client.namespace}/${client.name}`);
    last = client;
  }
  return seen.size;
}

/** `` `path-not-called`: the client called this server, ... `` for each code used. */
export function legend(codes: readonly string[], means: Record<string, string>): string {
  return [...new Set(codes)].map((code) => `${codeSpan(code)}: ${means[code]}.`).join(' ');
}
