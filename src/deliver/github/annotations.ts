// Annotations on the intents files: a warning at each stale rule's line, an error on the
// client's intents file for each missing call. GitHub shows ten of each kind per step, the
// first ones printed, so beyond the slots left one notice says how many more the job summary
// lists.
import type { Drift, MissingCall, StaleRule } from '../../model.ts';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
  line?: number;
}

/** Annotations of one kind (error, warning, notice) GitHub shows per step. */
export const ANNOTATIONS_SHOWN = 10;

/** How many errors and warnings the drift may still annotate in this step. */
export interface AnnotationSlots {
  errors: number;
  warnings: number;
}

export function driftAnnotations(
  drift: Drift,
  slots: AnnotationSlots = { errors: ANNOTATIONS_SHOWN, warnings: ANNOTATIONS_SHOWN },
): Annotation[] {
  const errors = drift.missing.map(missingAnnotation);
  const warnings = drift.stale.map(staleAnnotation);
  const errorCap = Math.max(0, slots.errors);
  const warningCap = Math.max(0, slots.warnings);
  const out = [...errors.slice(0, errorCap), ...warnings.slice(0, warningCap)];
  const moreErrors = Math.max(0, errors.length - errorCap);
  const moreWarnings = Math.max(0, warnings.length - warningCap);
  if (moreErrors + moreWarnings > 0) {
    out.push({
      level: 'notice',
      title: 'intent-drift: more drift',
      message: `${moreErrors} more missing and ${moreWarnings} more stale not annotated: see the job summary`,
    });
  }
  return out;
}

function name(ref: { name: string; namespace: string }): string {
  return `${ref.namespace}/${ref.name}`;
}

function missingAnnotation(call: MissingCall): Annotation {
  const what =
    call.method === null ? 'calls' : `${call.method} ${call.suggestedPath ?? call.path ?? ''}`.trim();
  const blocked = call.wouldBeBlocked ? ' (would be blocked once enforced)' : '';
  const home = call.intentsFile;
  return {
    level: 'error',
    title: 'intent-drift: missing intent',
    message: `${name(call.client)} → ${name(call.server)}: ${what} is called but not declared${blocked}`,
    ...(home ? { file: home.file, line: home.line } : {}),
  };
}

function staleAnnotation(rule: StaleRule): Annotation {
  // A rule without path is its whole target; one with a path and no method (`methods: []`) is
  // any method on that path, not the target.
  const what = rule.path === null ? 'the whole target' : `${rule.method ?? 'any method on'} ${rule.path}`;
  return {
    level: 'warning',
    title: 'intent-drift: stale intent',
    message: `${name(rule.client)} → ${name(rule.server)}: ${what} is declared but was never called (${rule.reason})`,
    file: rule.file,
    line: rule.line,
  };
}
