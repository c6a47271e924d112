// The pull-request comment: the sticky marker, a verdict, tables of missing and stale intents,
// the rest collapsed. Fits GitHub's comment limit by dropping whole rows, saying how many.

import type { Drift } from '../model.ts';
import { plural } from './display-text.ts';
import { asControlled, controlNotes, coverageSummary, splitStale } from './drift-extras.ts';
import { codeSpan, linkedCode, safeLinkUrl } from './markdown-escape.ts';
import { buildSections, type FileLink, type MarkdownSection } from './markdown-sections.ts';
import { mermaidDriftGraph } from './mermaid-drift-graph.ts';
import { observedParts } from './vocabulary.ts';

/** Finds the sticky comment again (with the token's own login); see the README, "The GitHub Action". */
export const COMMENT_MARKER = '<!-- intent-drift -->';

/** GitHub rejects a comment above 65,536 characters; keep a margin. */
export const DEFAULT_MAX_LENGTH = 65_000;

/** What the comment says about the run beside the drift (the action knows; the CLI may not). */
export interface RunHeader {
  /** The commit checked (a PR's head): shown as its short SHA, linked when there is a URL. */
  commit?: { sha: string; url?: string };
  /** The workflow run, where the job summary holds the whole report. */
  runUrl?: string;
}

export interface MarkdownReportOptions extends RunHeader {
  /** A URL for a declared rule's file and line (e.g. at the PR head commit). */
  fileLink?: FileLink;
  /** Cut whole rows beyond this size (by `measure`). */
  maxLength?: number;
  /** How a text's size is counted: characters (default; GitHub's comment limit), or UTF-8 bytes (the job summary's). */
  measure?: (text: string) => number;
}

/** Values shown in the header before "and N more". */
const HEADER_VALUES = 3;

/**
 * `Checked a1b2c3d · sidecar metrics from capture/ · config .intent-drift.yaml · workflow run`:
 * what was checked against what, so a reader can trust (or doubt) the verdict.
 */
function runLine(drift: Drift, run: RunHeader): string | undefined {
  const parts: string[] = [];
  if (run.commit !== undefined && /^[0-9a-f]{7,64}$/i.test(run.commit.sha)) {
    parts.push(`checked ${linkedCode(run.commit.sha.slice(0, 7), run.commit.url)}`);
  }
  const { observedFrom, config } = asControlled(drift);
  if (observedFrom !== undefined) {
    const part = observedParts(observedFrom);
    const shown = part.values.slice(0, HEADER_VALUES).map((v) => codeSpan(v));
    const more = part.values.length - shown.length;
    if (more > 0) shown.push(`and ${more} more`);
    // The tail is times and `--since`, written by us or checked (report-artifact.ts); anything
    // else is left out rather than put into the comment as prose.
    const tail = part.tail !== undefined && /^[0-9A-Za-z :.,+-]+$/.test(part.tail) ? `, ${part.tail}` : '';
    parts.push(`observed: ${part.text}${shown.length > 0 ? ` ${shown.join(', ')}` : ''}${tail}`);
  }
  if (config !== undefined) parts.push(config === null ? 'no config' : `config ${codeSpan(config)}`);
  const runUrl = run.runUrl === undefined ? undefined : safeLinkUrl(run.runUrl);
  if (runUrl !== undefined) parts.push(`[workflow run](${runUrl})`);
  if (parts.length === 0) return undefined;
  const line = parts.join(' · ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}

const characters = (text: string): number => text.length;

/**
 * The headline counts only drift to act on; rules of clients the run never drove, and what
 * the config ignores, are counted on the line below, and only when there are any.
 */
function verdict(drift: Drift, run: RunHeader): string[] {
  const s = drift.summary;
  const { stale, notExercised } = splitStale(drift.stale);
  const ignored = s.ignored + (asControlled(drift).ignoredStale?.length ?? 0);
  let headline = '### ✅ intent-drift: no drift';
  if (s.missing > 0 || stale.length > 0) {
    headline = `### ❌ intent-drift: ${s.missing} missing, ${stale.length} stale`;
  } else if (asControlled(drift).failure?.exitCode === 1) {
    // Rules of idle clients fail the build only under `clientIdle: fail`.
    headline = `### ❌ intent-drift: ${notExercised.length} not exercised`;
  } else if (notExercised.length > 0) {
    headline = '### ✅ intent-drift: no drift in what the run exercised';
  }
  const counts = [`${s.covered} covered`];
  if (s.notChecked > 0) counts.push(`${s.notChecked} not checked`);
  if (ignored > 0) counts.push(`${ignored} ignored`);
  if (notExercised.length > 0) counts.push(`${notExercised.length} not exercised`);
  counts.push(`${plural(s.observed, 'call')} observed`, `${plural(s.declared, 'rule')} declared`);
  const coverage = coverageSummary(drift);
  if (coverage !== undefined) counts.push(coverage);
  const notes = controlNotes(drift).flatMap((note, i) => (i === 0 ? [`> ${note}`] : ['', `> ${note}`]));
  const context = runLine(drift, run);
  return [
    headline,
    ...(context === undefined ? [] : ['', context]),
    '',
    counts.join(' · '),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ];
}

function renderSection(section: MarkdownSection, kept: number): string[] {
  const body: string[] = [];
  if (section.intro) body.push(section.intro, '');
  if (kept > 0) {
    for (const line of section.header ?? []) body.push(line);
    for (let i = 0; i < kept; i++) body.push(section.rows.get(i));
  }
  const left = section.rows.length - kept;
  if (left > 0) body.push(...(kept > 0 ? [''] : []), `*… and ${left} more not shown here.*`);
  if (section.collapsed) {
    return ['', `<details><summary>${section.title}</summary>`, '', ...body, '', '</details>'];
  }
  return ['', `#### ${section.title}`, '', ...body];
}

function renderDocument(
  drift: Drift,
  run: RunHeader,
  sections: readonly MarkdownSection[],
  kept: readonly number[],
): string {
  const lines = [COMMENT_MARKER, ...verdict(drift, run)];
  const left = sections.reduce((sum, section, i) => sum + section.rows.length - (kept[i] ?? 0), 0);
  if (left > 0) {
    lines.push(
      '',
      `> **Cut to fit a GitHub comment:** ${plural(left, 'row')} left out. ` +
        'The full report is in the job summary and in the JSON report.',
    );
  }
  sections.forEach((section, i) => {
    for (const line of renderSection(section, kept[i] ?? 0)) lines.push(line);
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Rows to keep per section within the budget: sections by priority (missing first), rows in
 * order, each whole. A section whose next row does not fit stops; later ones may still fit.
 */
function allocateRows(
  sections: readonly MarkdownSection[],
  budget: number,
  measure: (text: string) => number,
): number[] {
  const kept = sections.map(() => 0);
  let left = budget;
  const byPriority = sections
    .map((section, i) => ({ section, i }))
    .sort((a, b) => a.section.priority - b.section.priority);
  for (const { section, i } of byPriority) {
    // The table header is only written when a row is kept.
    let used = (section.header ?? []).reduce((sum, line) => sum + measure(line) + 1, 0);
    let rows = 0;
    for (let r = 0; r < section.rows.length; r++) {
      const size = measure(section.rows.get(r)) + 1;
      if (used + size > left) break;
      used += size;
      rows++;
    }
    if (rows > 0) {
      kept[i] = rows;
      left -= used;
    }
  }
  return kept;
}

export function renderMarkdownReport(drift: Drift, opts: MarkdownReportOptions = {}): string {
  // The drift graph goes last and may take a quarter of the room; the tables get the rest.
  const graph = mermaidDriftGraph(drift, (opts.maxLength ?? DEFAULT_MAX_LENGTH) / 4);
  return (
    renderTables(drift, {
      ...opts,
      maxLength: (opts.maxLength ?? DEFAULT_MAX_LENGTH) - (opts.measure ?? characters)(graph),
    }) + graph
  );
}

/** Whether the rows alone (a part of the whole document) measure more than `limit`. */
function rowsExceed(
  sections: readonly MarkdownSection[],
  limit: number,
  measure: (text: string) => number,
): boolean {
  let total = 0;
  for (const section of sections) {
    for (let r = 0; r < section.rows.length; r++) {
      total += measure(section.rows.get(r));
      if (total > limit) return true;
    }
  }
  return false;
}

function renderTables(drift: Drift, opts: MarkdownReportOptions): string {
  const maxLength = opts.maxLength ?? DEFAULT_MAX_LENGTH;
  const measure = opts.measure ?? characters;
  const sections = buildSections(drift, opts.fileLink);
  const run: RunHeader = {
    ...(opts.commit === undefined ? {} : { commit: opts.commit }),
    ...(opts.runUrl === undefined ? {} : { runUrl: opts.runUrl }),
  };
  // Rows are rendered as they are needed: once their own sizes pass the limit, the whole
  // document cannot fit, and only the rows that fit are ever rendered.
  if (!rowsExceed(sections, maxLength, measure)) {
    const full = renderDocument(
      drift,
      run,
      sections,
      sections.map((s) => s.rows.length),
    );
    if (measure(full) <= maxLength) return full;
  }

  // The frame (marker, verdict, headings, notes) with no rows, plus room for the counts' digits.
  const frame = renderDocument(
    drift,
    run,
    sections,
    sections.map(() => 0),
  );
  const kept = allocateRows(sections, maxLength - measure(frame) - 64, measure);
  let text = renderDocument(drift, run, sections, kept);
  // The estimate can be off by a few characters: drop more rows, least important first.
  const byLeastImportant = sections.map((s, i) => ({ s, i })).sort((a, b) => b.s.priority - a.s.priority);
  while (measure(text) > maxLength) {
    const victim = byLeastImportant.find(({ i }) => (kept[i] ?? 0) > 0);
    if (!victim) break;
    kept[victim.i] = (kept[victim.i] ?? 0) - 1;
    text = renderDocument(drift, run, sections, kept);
  }
  return text;
}
