// The sections of the PR comment, each a heading and a list of whole rows, so the report
// can drop rows (never half a row) when it has to fit GitHub's size limit.

import type { DeclaredRule, Drift, MissingCall, ObservedCall } from '../model.ts';
import { plural, qualifiedName } from './display-text.ts';
import { ignoredByText, splitStale } from './drift-extras.ts';
import {
  clientCell,
  declaredAtCell,
  distinctClients,
  type FileLink,
  header,
  type MarkdownSection,
  NOT_CHECKED_WHY,
  RowList,
  STALE_REASON,
  serverCell,
  targetCell,
  valueCell,
} from './markdown-cells.ts';
import { controlSections } from './markdown-control-sections.ts';
import { cellCode, codeSpan, tableRow } from './markdown-escape.ts';

export type { FileLink, MarkdownSection } from './markdown-cells.ts';

function missingRow(call: MissingCall, fileLink: FileLink | undefined): string {
  const path = valueCell(call.path, 'unknown');
  return tableRow([
    clientCell(call.client),
    serverCell(call),
    valueCell(call.method, 'unknown'),
    call.suggestedPath ? `${path} → ${cellCode(call.suggestedPath)}` : path,
    String(call.count),
    call.wouldBeBlocked ? '**blocked**' : 'open (server has no intents)',
    call.intentsFile ? declaredAtCell(call.intentsFile, fileLink) : 'a new ClientIntents',
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

/** A declared rule: who, which target, method and path, where it is written, and why it is listed. */
function ruleRow(rule: DeclaredRule, fileLink: FileLink | undefined, why: string): string {
  return tableRow([
    clientCell(rule.client),
    targetCell(rule),
    valueCell(rule.method, 'any'),
    valueCell(rule.path, 'any'),
    declaredAtCell(rule, fileLink),
    why,
  ]);
}

const TEMPLATE_NOTE =
  'A path shown as `path → template` suggests an Istio template: `{*}` allows any one segment ' +
  'there and `{**}` any rest of the path, not only the values seen.';

function ignoredRow(call: ObservedCall, withRule: boolean): string {
  const cells = [
    clientCell(call.client),
    serverCell(call),
    valueCell(call.method, 'unknown'),
    valueCell(call.path, 'unknown'),
    String(call.count),
  ];
  if (withRule) cells.push(cellCode(ignoredByText(call) ?? '-'));
  return tableRow(cells);
}

export function buildSections(drift: Drift, fileLink: FileLink | undefined): MarkdownSection[] {
  const sections: MarkdownSection[] = [
    ...driftSections(drift, fileLink),
    ...controlSections(drift, fileLink),
    ...contextSections(drift, fileLink),
  ];
  return sections.filter((section) => section.rows.length > 0);
}

/** Missing calls and stale rules: what the verdict is about. */
function driftSections(drift: Drift, fileLink: FileLink | undefined): MarkdownSection[] {
  const { stale } = splitStale(drift.stale);
  const templated = drift.missing.some((call) => call.suggestedPath !== undefined);
  return [
    {
      title: `Missing intents: ${plural(drift.missing.length, 'call')} of ${plural(distinctClients(drift.missing), 'client')}`,
      intro:
        'Observed, but no declared intent allows it. **Blocked**: the server already has intents, ' +
        `so Istio would reject the call once they are enforced.${templated ? ` ${TEMPLATE_NOTE}` : ''}`,
      header: header('client', 'server', 'method', 'path', 'count', 'once enforced', 'declare in'),
      rows: RowList.of(drift.missing, (call) => missingRow(call, fileLink)),
      collapsed: false,
      priority: 0,
    },
    {
      title: `Stale intents: ${plural(stale.length, 'rule')} of ${plural(distinctClients(stale), 'client')}`,
      intro: 'Declared, but no observed call used it.',
      header: header('client', 'target', 'method', 'path', 'declared in', 'reason'),
      rows: RowList.of(stale, (rule) => ruleRow(rule, fileLink, STALE_REASON[rule.reason])),
      collapsed: false,
      priority: 1,
    },
  ];
}

/** What the reader may want for context: covered, not checked, ignored, outside the mesh, warnings. */
function contextSections(drift: Drift, fileLink: FileLink | undefined): MarkdownSection[] {
  const ignoredWithRule = drift.ignored.some((call) => ignoredByText(call) !== undefined);
  return [
    {
      title: `Covered: ${plural(drift.covered.length, 'call')}`,
      header: header('client', 'server', 'method', 'path', 'count'),
      rows: RowList.of(drift.covered, callRow),
      collapsed: true,
      priority: 7,
    },
    {
      title: `Not checked: ${plural(drift.notChecked.length, 'rule')}`,
      header: header('client', 'target', 'method', 'path', 'declared in', 'why'),
      rows: RowList.of(drift.notChecked, (rule) => ruleRow(rule, fileLink, NOT_CHECKED_WHY[rule.why])),
      collapsed: true,
      priority: 3,
    },
    {
      title: `Ignored by the config: ${plural(drift.ignored.length, 'call')}`,
      header: ignoredWithRule
        ? header('client', 'server', 'method', 'path', 'count', 'ignored by')
        : header('client', 'server', 'method', 'path', 'count'),
      rows: RowList.of(drift.ignored, (call) => ignoredRow(call, ignoredWithRule)),
      collapsed: true,
      priority: 4,
    },
    {
      title: `Unattributed (callers outside the mesh): ${plural(drift.unattributed.length, 'call')}`,
      header: header('server', 'method', 'path', 'count'),
      rows: RowList.of(drift.unattributed, (call) =>
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
      rows: RowList.of(drift.external, (call) =>
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
      rows: RowList.of(drift.warnings, (warning) => `- ${codeSpan(warning)}`),
      collapsed: false,
      priority: 2,
    },
  ];
}
