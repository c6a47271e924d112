// The PR comment's sections for what the drift controls add: rules the run did not exercise,
// stale rules an ignore rule accepts, and coverage per client. All collapsed: they explain
// the verdict, they are not the drift to act on.

import type { Drift } from '../model.ts';
import { plural, qualifiedName } from './display-text.ts';
import { asControlled, environmentOf, ignoredByText, splitStale } from './drift-extras.ts';
import {
  distinctClients,
  type FileLink,
  fileLineCell,
  groupedRows,
  header,
  type MarkdownSection,
  operationCell,
  RowList,
  targetCell,
} from './markdown-cells.ts';
import { cellCode, tableRow } from './markdown-escape.ts';
import { NOT_EXERCISED_MEANS } from './vocabulary.ts';

function coverageSection(drift: Drift): MarkdownSection | undefined {
  const coverage = asControlled(drift).coverage;
  if (!coverage || coverage.total.declared === 0) return undefined;
  const withEnvironment = coverage.clients.some((c) => c.environment !== undefined);
  const titles = [
    'client',
    ...(withEnvironment ? ['environment'] : []),
    'exercised',
    'coverage',
    'not exercised',
  ];
  const rows = RowList.of(
    coverage.clients.filter((c) => c.declared > 0),
    (c) => {
      const why = Object.entries(c.stale)
        .filter(([, n]) => n > 0)
        .map(([reason, n]) => `${n} ${reason}`);
      if (c.noDetail > 0) why.push(`${c.noDetail} without HTTP detail`);
      const environment = environmentOf(drift, c.client.namespace);
      return tableRow([
        cellCode(qualifiedName(c.client)),
        ...(withEnvironment ? [environment === undefined ? '' : cellCode(environment)] : []),
        `${c.exercised} of ${c.declared}`,
        `${c.percent}%`,
        why.join(', '),
      ]);
    },
  );
  const { exercised, declared, percent } = coverage.total;
  return {
    title: `Coverage: ${percent}% of the declared rules exercised (${exercised} of ${declared})`,
    header: header(...titles),
    rows,
    collapsed: true,
    priority: 8,
  };
}

/** Sections to show after the stale table; none for a Drift without controls and nothing idle. */
export function controlSections(drift: Drift, fileLink: FileLink | undefined): MarkdownSection[] {
  const { notExercised } = splitStale(drift.stale);
  const ignoredStale = asControlled(drift).ignoredStale ?? [];
  const env = (ns: string) => environmentOf(drift, ns);
  const sections: MarkdownSection[] = [
    {
      title: `Not exercised (${NOT_EXERCISED_MEANS}): ${plural(notExercised.length, 'rule')} of ${plural(distinctClients(notExercised), 'client')}`,
      intro:
        'Their rules are neither confirmed nor stale (`client-idle`). Drive these clients in the traffic step to check them.',
      header: header('rule', 'target', 'declared at'),
      rows: groupedRows(
        notExercised,
        (r) => r.client,
        (r) =>
          tableRow([
            operationCell(r.method, r.path, 'any request'),
            targetCell(r),
            fileLineCell(r, fileLink),
          ]),
        3,
        env,
      ),
      collapsed: true,
      priority: 3,
    },
    {
      title: `Stale rules ignored by the config: ${plural(ignoredStale.length, 'rule')}`,
      header: header('rule', 'target', 'declared at', 'ignored by'),
      rows: groupedRows(
        ignoredStale,
        (r) => r.client,
        (r) =>
          tableRow([
            operationCell(r.method, r.path, 'any request'),
            targetCell(r),
            fileLineCell(r, fileLink),
            cellCode(ignoredByText(r) ?? '-'),
          ]),
        4,
        env,
      ),
      collapsed: true,
      priority: 4,
    },
  ];
  const coverage = coverageSection(drift);
  if (coverage) sections.push(coverage);
  return sections;
}
