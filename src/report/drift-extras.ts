// What the drift controls add to a report (coverage, noise floor, baseline, ignore rules,
// template widening), phrased once for the text and markdown renderers. Every function
// accepts a plain Drift too and then adds nothing, so reports without controls stay as
// they were.

import type { ControlledDrift } from '../diff/drift-controls.ts';
import type { IgnoredBy } from '../diff/ignore-rules.ts';
import { templateWidening } from '../diff/path-template.ts';
import type { Drift, MissingCall, ObservedCall, StaleRule } from '../model.ts';
import { plural } from './display-text.ts';

export function asControlled(drift: Drift): ControlledDrift {
  return drift as ControlledDrift;
}

/** Stale rules the run can vouch for, and those of clients it never drove (client-idle). */
export function splitStale(stale: readonly StaleRule[]): { stale: StaleRule[]; notExercised: StaleRule[] } {
  const order: Record<StaleRule['reason'], number> = {
    'path-not-called': 0,
    'server-not-called': 1,
    'client-idle': 2,
  };
  // Stable sort: within a reason the diff's order (client, file, line) stays.
  const sorted = [...stale].sort((a, b) => order[a.reason] - order[b.reason]);
  return {
    stale: sorted.filter((rule) => rule.reason !== 'client-idle'),
    notExercised: sorted.filter((rule) => rule.reason === 'client-idle'),
  };
}

/** `.intent-drift.yaml:4` for an ignored entry, when the ignore rule is known. */
export function ignoredByText(entry: ObservedCall | StaleRule): string | undefined {
  const by = (entry as { ignoredBy?: IgnoredBy }).ignoredBy;
  return by === undefined ? undefined : `${by.file}:${by.line}`;
}

/** What a missing call's suggested template allows beyond its own path. */
export function wideningOf(call: MissingCall): string | undefined {
  if (call.suggestedPath === undefined || call.path === null) return undefined;
  return templateWidening(call.path, call.suggestedPath);
}

/** `coverage 66% (2 of 3 declared rules exercised)`, or undefined without coverage. */
export function coverageSummary(drift: Drift): string | undefined {
  const coverage = asControlled(drift).coverage;
  if (!coverage || coverage.total.declared === 0) return undefined;
  const { exercised, declared, percent } = coverage.total;
  return `coverage ${percent}% (${exercised} of ${plural(declared, 'declared rule')} exercised)`;
}

/** One line each for the noise floor and the baseline; none when they took nothing out. */
export function controlNotes(drift: Drift): string[] {
  const { noise, baseline } = asControlled(drift);
  const notes: string[] = [];
  if (noise && noise.calls > 0) {
    notes.push(
      `${plural(noise.calls, 'missing call')} (${plural(noise.requests, 'request')}) seen fewer than ` +
        `${noise.minCount} times dropped as noise (minCount).`,
    );
  }
  if (baseline && (baseline.missing > 0 || baseline.stale > 0 || baseline.resolved > 0)) {
    let note = `Baseline: ${baseline.missing} missing and ${baseline.stale} stale already accepted, not reported.`;
    if (baseline.resolved > 0) {
      note += ` ${plural(baseline.resolved, 'baseline entry', 'baseline entries')} no longer seen: refresh with --write-baseline.`;
    }
    notes.push(note);
  }
  return notes;
}

/** `prod` for a namespace the config names, else undefined. */
export function environmentOf(drift: Drift, namespace: string): string | undefined {
  return asControlled(drift).environments?.[namespace];
}
