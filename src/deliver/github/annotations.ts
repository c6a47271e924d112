// Annotations on the intents files: a warning at each stale rule's line, an error on the
// client's intents file for each missing call. GitHub shows about ten of each per step, so
// beyond that one notice says how many more the job summary lists.
import type { Drift, MissingCall, StaleRule } from '../../model.ts';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
  line?: number;
}

export const ANNOTATIONS_SHOWN = 10;

export function driftAnnotations(drift: Drift, cap = ANNOTATIONS_SHOWN): Annotation[] {
  const errors = drift.missing.map(missingAnnotation);
  const warnings = drift.stale.map(staleAnnotation);
  const out = [...errors.slice(0, cap), ...warnings.slice(0, cap)];
  const moreErrors = Math.max(0, errors.length - cap);
  const moreWarnings = Math.max(0, warnings.length - cap);
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
  const what = rule.method === null ? 'the whole target' : `${rule.method} ${rule.path ?? ''}`.trim();
  return {
    level: 'warning',
    title: 'intent-drift: stale intent',
    message: `${name(rule.client)} → ${name(rule.server)}: ${what} is declared but was never called (${rule.reason})`,
    file: rule.file,
    line: rule.line,
  };
}
