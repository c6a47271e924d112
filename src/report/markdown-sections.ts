// The sections of the PR comment, each a heading and a list of whole rows, so the report
// can drop rows (never half a row) when it has to fit GitHub's size limit.

import type { DeclaredRule, Drift, MissingCall, NotCheckedRule, ObservedCall, StaleRule } from '../model.ts';
import { plural, qualifiedName } from './display-text.ts';
import { cellCode, codeSpan, linkedCode, tableRow } from './markdown-escape.ts';

export type FileLink = (file: string, line: number) => string | undefined;

export interface MarkdownSection {
  /** Heading text we write ourselves (no data from traffic or files). */
  title: string;
  /** A sentence under the heading, ours too. */
  intro?: string;
  /** Table header and alignment row; absent for a bullet list. */
  header?: string[];
  rows: string[];
  /** Shown in a collapsed <details>. */
  collapsed: boolean;
  /** Lower keeps its rows first when the comment must be cut. */
  priority: number;
}

const STALE_REASON: Record<StaleRule['reason'], string> = {
  'path-not-called': 'method and path never called',
  'server-not-called': 'server never called',
  'client-idle': 'client made no calls',
};

const NOT_CHECKED_WHY: Record<NotCheckedRule['why'], string> = {
  'not-http': 'not visible in Istio HTTP metrics',
  'no-http-detail': 'called, but no method/path in the metrics',
};

function header(...titles: string[]): string[] {
  return [tableRow(titles), tableRow(titles.map((t) => (t === 'count' ? '---:' : '---')))];
}

function clientCell(ref: { name: string; namespace: string }): string {
  return cellCode(qualifiedName(ref));
}

function serverCell(call: ObservedCall): string {
  const server = cellCode(qualifiedName(call.server));
  return call.server.service ? `${server} via ${cellCode(qualifiedName(call.server.service))}` : server;
}

function targetCell(rule: DeclaredRule): string {
  const target = cellCode(qualifiedName(rule.server));
  return rule.targetType === 'kubernetes' ? target : `${rule.targetType} ${target}`;
}

function valueCell(value: string | null, whenNull: string): string {
  return value === null ? `*${whenNull}*` : cellCode(value);
}

function declaredAtCell(rule: DeclaredRule, fileLink: FileLink | undefined): string {
  return linkedCode(`${rule.file}:${rule.line}`, fileLink?.(rule.file, rule.line), { inTable: true });
}

function distinctClients(items: readonly { client: { name: string; namespace: string } }[]): number {
  return new Set(items.map((i) => `${i.client.namespace}/${i.client.name}`)).size;
}

function missingRow(call: MissingCall): string {
  const path = valueCell(call.path, 'unknown');
  return tableRow([
    clientCell(call.client),
    serverCell(call),
    valueCell(call.method, 'unknown'),
    call.suggestedPath ? `${path} → ${cellCode(call.suggestedPath)}` : path,
    String(call.count),
    call.wouldBeBlocked ? '**blocked**' : 'open (server has no intents)',
  ]);
}

function callRow(call: ObservedCall): string {
  return tableRow([
    clientCell(call.client),
    serverCell(call),
    valueCell(call.method, 'unknown'),
    valueCell(call.path, 'unknown'),
    String(call.count),
  ]);
}

export function buildSections(drift: Drift, fileLink: FileLink | undefined): MarkdownSection[] {
  const sections: MarkdownSection[] = [
    {
      title: `Missing intents: ${plural(drift.missing.length, 'call')} of ${plural(distinctClients(drift.missing), 'client')}`,
      intro:
        'Observed, but no declared intent allows it. **Blocked**: the server already has intents, ' +
        'so Istio would reject the call once they are enforced.',
      header: header('client', 'server', 'method', 'path', 'count', 'once enforced'),
      rows: drift.missing.map(missingRow),
      collapsed: false,
      priority: 0,
    },
    {
      title: `Stale intents: ${plural(drift.stale.length, 'rule')} of ${plural(distinctClients(drift.stale), 'client')}`,
      intro: 'Declared, but no observed call used it.',
      header: header('client', 'target', 'method', 'path', 'declared in', 'reason'),
      rows: drift.stale.map((rule) =>
        tableRow([
          clientCell(rule.client),
          targetCell(rule),
          valueCell(rule.method, 'any'),
          valueCell(rule.path, 'any'),
          declaredAtCell(rule, fileLink),
          STALE_REASON[rule.reason],
        ]),
      ),
      collapsed: false,
      priority: 1,
    },
    {
      title: `Covered: ${plural(drift.covered.length, 'call')}`,
      header: header('client', 'server', 'method', 'path', 'count'),
      rows: drift.covered.map(callRow),
      collapsed: true,
      priority: 7,
    },
    {
      title: `Not checked: ${plural(drift.notChecked.length, 'rule')}`,
      header: header('client', 'target', 'method', 'path', 'declared in', 'why'),
      rows: drift.notChecked.map((rule) =>
        tableRow([
          clientCell(rule.client),
          targetCell(rule),
          valueCell(rule.method, 'any'),
          valueCell(rule.path, 'any'),
          declaredAtCell(rule, fileLink),
          NOT_CHECKED_WHY[rule.why],
        ]),
      ),
      collapsed: true,
      priority: 3,
    },
    {
      title: `Ignored by the config: ${plural(drift.ignored.length, 'call')}`,
      header: header('client', 'server', 'method', 'path', 'count'),
      rows: drift.ignored.map(callRow),
      collapsed: true,
      priority: 4,
    },
    {
      title: `Unattributed (callers outside the mesh): ${plural(drift.unattributed.length, 'call')}`,
      header: header('server', 'method', 'path', 'count'),
      rows: drift.unattributed.map((call) =>
        tableRow([
          serverCell(call),
          valueCell(call.method, 'unknown'),
          valueCell(call.path, 'unknown'),
          String(call.count),
        ]),
      ),
      collapsed: true,
      priority: 5,
    },
    {
      title: `External destinations: ${plural(drift.external.length, 'call')}`,
      header: header('client', 'destination', 'count'),
      rows: drift.external.map((call) =>
        tableRow([
          clientCell(call.client),
          cellCode(call.host ?? qualifiedName(call.server.service ?? call.server)),
          String(call.count),
        ]),
      ),
      collapsed: true,
      priority: 6,
    },
    {
      title: 'Warnings',
      rows: drift.warnings.map((warning) => `- ${codeSpan(warning)}`),
      collapsed: false,
      priority: 2,
    },
  ];
  return sections.filter((section) => section.rows.length > 0);
}
