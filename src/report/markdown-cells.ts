// Table cells and shared pieces of the PR comment's sections.

import type { DeclaredRule, NotCheckedRule, ObservedCall, StaleRule } from '../model.ts';
import { qualifiedName } from './display-text.ts';
import { cellCode, linkedCode, tableRow } from './markdown-escape.ts';

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

  /** The first n rows. */
  first(n: number): string[] {
    return Array.from({ length: Math.min(n, this.length) }, (_, i) => this.get(i));
  }
}

export interface MarkdownSection {
  /** Heading text we write ourselves (no data from traffic or files). */
  title: string;
  /** A sentence under the heading, ours too. */
  intro?: string;
  /** Table header and alignment row; absent for a bullet list. */
  header?: string[];
  rows: RowList;
  /** Shown in a collapsed <details>. */
  collapsed: boolean;
  /** Lower keeps its rows first when the comment must be cut. */
  priority: number;
}

export const STALE_REASON: Record<StaleRule['reason'], string> = {
  'path-not-called': 'method and path never called',
  'server-not-called': 'server never called',
  'client-idle': 'client made no calls',
};

export const NOT_CHECKED_WHY: Record<NotCheckedRule['why'], string> = {
  'not-http': 'not visible in Istio HTTP metrics',
  'no-http-detail': 'called, but no method/path in the metrics',
};

export function header(...titles: string[]): string[] {
  return [tableRow(titles), tableRow(titles.map((t) => (t === 'count' ? '---:' : '---')))];
}

export function clientCell(ref: { name: string; namespace: string }): string {
  return cellCode(qualifiedName(ref));
}

export function serverCell(call: ObservedCall): string {
  const server = cellCode(qualifiedName(call.server));
  return call.server.service ? `${server} via ${cellCode(qualifiedName(call.server.service))}` : server;
}

export function targetCell(rule: DeclaredRule): string {
  const target = cellCode(qualifiedName(rule.server));
  return rule.targetType === 'kubernetes' ? target : `${rule.targetType} ${target}`;
}

export function valueCell(value: string | null, whenNull: string): string {
  return value === null ? `*${whenNull}*` : cellCode(value);
}

export function declaredAtCell(rule: { file: string; line: number }, fileLink: FileLink | undefined): string {
  return linkedCode(`${rule.file}:${rule.line}`, fileLink?.(rule.file, rule.line), { inTable: true });
}

export function distinctClients(items: readonly { client: { name: string; namespace: string } }[]): number {
  return new Set(items.map((i) => `${i.client.namespace}/${i.client.name}`)).size;
}
