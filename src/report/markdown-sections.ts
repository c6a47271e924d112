// The sections of the PR comment, each a heading and a list of whole rows, so the report
// can drop rows (never half a row) when it has to fit GitHub's size limit. Tables have at most
// five columns and are grouped by client, so they fit a comment's width.

import type { DeclaredRule, Drift, MissingCall, ObservedCall } from '../model.ts';
import { plural, qualifiedName } from './display-text.ts';
import { environmentOf, ignoredByText, splitStale } from './drift-extras.ts';
import {
  distinctClients,
  type FileLink,
  fileLineCell,
  groupedRows,
  header,
  legend,
  type MarkdownSection,
  operationCell,
  RowList,
  serverCell,
  targetCell,
} from './markdown-cells.ts';
import { controlSections } from './markdown-control-sections.ts';
import { cellCode, codeSpan, tableRow } from './markdown-escape.ts';
import {
  BLOCKED_MEANS,
  MISSING_MEANS,
  NO_HTTP_DETAIL,
  NOT_CHECKED_MEANS,
  OPEN_MEANS,
  STALE_MEANS,
  STALE_REASON_MEANS,
} from './vocabulary.ts';

export type { FileLink, MarkdownSection } from './markdown-cells.ts';

function missingRow(call: MissingCall, fileLink: FileLink | undefined): string {
  const op = operationCell(call.method, call.path, NO_HTTP_DETAIL);
  return tableRow([
    call.suggestedPath ? `${op} → ${cellCode(call.suggestedPath)}` : op,
    serverCell(call),
    String(call.count),
    call.wouldBeBlocked ? '**blocked**' : 'open',
    call.intentsFile ? fileLineCell(call.intentsFile, fileLink) : 'a new ClientIntents',
  ]);
}

function callRow(call: ObservedCall, extra: string[] = []): string {
  return tableRow([
    operationCell(call.method, call.path, NO_HTTP_DETAIL),
    serverCell(call),
    String(call.count),
    ...extra,
  ]);
}

/** A declared rule: method and path, target, (why it is listed,) where it is written. */
function ruleRow(rule: DeclaredRule, fileLink: FileLink | undefined, why?: string): string {
  const cells = [operationCell(rule.method, rule.path, 'any request'), targetCell(rule)];
  if (why !== undefined) cells.push(why);
  cells.push(fileLineCell(rule, fileLink));
  return tableRow(cells);
}

const TEMPLATE_NOTE =
  'A path shown as `path → template` suggests an Istio template: `{*}` allows any one segment ' +
  'there and `{**}` any rest of the path, not only the values seen.';

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
  const env = (ns: string) => environmentOf(drift, ns);
  const blocked = drift.missing.some((c) => c.wouldBeBlocked);
  const open = drift.missing.some((c) => !c.wouldBeBlocked);
  const once = [
    ...(blocked ? [`**blocked**: ${BLOCKED_MEANS}.`] : []),
    ...(open ? [`open: ${OPEN_MEANS}.`] : []),
  ];
  return [
    {
      title: `Missing (${MISSING_MEANS}): ${plural(drift.missing.length, 'call')} of ${plural(distinctClients(drift.missing), 'client')}`,
      intro: [...once, ...(templated ? [TEMPLATE_NOTE] : [])].join(' '),
      header: header('call', 'server', 'count', 'once enforced', 'declare in'),
      rows: groupedRows(
        drift.missing,
        (c) => c.client,
        (c) => missingRow(c, fileLink),
        5,
        env,
      ),
      collapsed: false,
      priority: 0,
    },
    {
      title: `Stale (${STALE_MEANS}): ${plural(stale.length, 'rule')} of ${plural(distinctClients(stale), 'client')}`,
      intro: legend(
        stale.map((r) => r.reason),
        STALE_REASON_MEANS,
      ),
      header: header('rule', 'target', 'reason', 'declared at'),
      rows: groupedRows(
        stale,
        (r) => r.client,
        (r) => ruleRow(r, fileLink, cellCode(r.reason)),
        4,
        env,
      ),
      collapsed: false,
      priority: 1,
    },
  ];
}

/** What the reader may want for context: covered, not checked, ignored, outside the mesh, warnings. */
function contextSections(drift: Drift, fileLink: FileLink | undefined): MarkdownSection[] {
  return [...checkedContext(drift, fileLink), ...outsideContext(drift)];
}

/** The rest of the check: calls covered, rules not checked, calls the config ignores. */
function checkedContext(drift: Drift, fileLink: FileLink | undefined): MarkdownSection[] {
  const env = (ns: string) => environmentOf(drift, ns);
  const ignoredWithRule = drift.ignored.some((call) => ignoredByText(call) !== undefined);
  return [
    {
      title: `Covered (called and declared): ${plural(drift.covered.length, 'call')}`,
      header: header('call', 'server', 'count'),
      rows: groupedRows(
        drift.covered,
        (c) => c.client,
        (c) => callRow(c),
        3,
        env,
      ),
      collapsed: true,
      priority: 7,
    },
    {
      title: `Not checked: ${plural(drift.notChecked.length, 'rule')}`,
      header: header('rule', 'target', 'why', 'declared at'),
      rows: groupedRows(
        drift.notChecked,
        (r) => r.client,
        (r) => ruleRow(r, fileLink, NOT_CHECKED_MEANS[r.why]),
        4,
        env,
      ),
      collapsed: true,
      priority: 3,
    },
    {
      title: `Ignored by the config: ${plural(drift.ignored.length, 'call')}`,
      header: ignoredWithRule
        ? header('call', 'server', 'count', 'ignored by')
        : header('call', 'server', 'count'),
      rows: groupedRows(
        drift.ignored,
        (c) => c.client,
        (c) => callRow(c, ignoredWithRule ? [cellCode(ignoredByText(c) ?? '-')] : []),
        ignoredWithRule ? 4 : 3,
        env,
      ),
      collapsed: true,
      priority: 4,
    },
  ];
}

/** Traffic the diff cannot judge (callers or destinations outside the mesh), and the warnings. */
function outsideContext(drift: Drift): MarkdownSection[] {
  const env = (ns: string) => environmentOf(drift, ns);
  return [
    {
      title: `Unattributed (callers outside the mesh): ${plural(drift.unattributed.length, 'call')}`,
      header: header('server', 'call', 'count'),
      rows: RowList.of(drift.unattributed, (call) =>
        tableRow([
          cellCode(qualifiedName(call.server)),
          operationCell(call.method, call.path, NO_HTTP_DETAIL),
          String(call.count),
        ]),
      ),
      collapsed: true,
      priority: 5,
    },
    {
      title: `External (destinations outside the mesh): ${plural(drift.external.length, 'call')}`,
      header: header('destination', 'count'),
      rows: groupedRows(
        drift.external,
        (c) => c.client,
        (call) =>
          tableRow([
            cellCode(call.host ?? qualifiedName(call.server.service ?? call.server)),
            String(call.count),
          ]),
        2,
        env,
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
