// The diff with the controls that make its verdict trustworthy: path templates, the config's
// ignore rules, a noise floor (`minCount`), coverage, a baseline and the fail policy. One
// call for the pipeline; each step is its own module and testable alone.
//
// The extras ride on the Drift object as extra fields (DriftExtras) so every renderer and the
// report artifact carry them without new parameters.

import type { DeclaredIntents, Drift, MissingCall, ObservedFrom, ObservedMap, StaleRule } from '../model.ts';
import { applyBaseline, type Baseline, type BaselineOutcome, missingCallKey } from './baseline.ts';
import { computeDrift } from './compute-drift.ts';
import { type CoverageReport, computeCoverage } from './coverage.ts';
import { evaluateFailure, type FailPolicy, type FailVerdict, unusedOverrideWarnings } from './fail-policy.ts';
import { buildIgnoreMatcher, type IgnoredStaleRule, type IgnoreRule } from './ignore-rules.ts';
import { buildPathTemplater } from './path-template.ts';
import { refKey } from './rule-index.ts';

export interface DriftControls {
  /** `-n`: only clients in these namespaces. */
  namespaces?: readonly string[];
  ignore?: readonly IgnoreRule[];
  /** Suggest Istio templates for paths with ID-like segments (default true). */
  templates?: boolean;
  /**
   * Missing calls to an endpoint (client, server, method, template or path) that saw fewer
   * requests than this in all are noise, not drift (default 1: keep all).
   */
  minCount?: number;
  /** namespace -> environment name, shown in reports. */
  environments?: Readonly<Record<string, string>>;
  baseline?: Baseline;
  policy?: FailPolicy;
}

export interface NoiseOutcome {
  minCount: number;
  /** Distinct missing calls dropped, and the requests they made. */
  calls: number;
  requests: number;
}

/** What the controls add to a Drift (all extra fields of the JSON report). */
export interface DriftExtras {
  coverage: CoverageReport;
  /** Stale rules an ignore rule accepts: reported, never failing. */
  ignoredStale: IgnoredStaleRule[];
  noise?: NoiseOutcome;
  baseline?: BaselineOutcome;
  environments?: Readonly<Record<string, string>>;
  failure?: FailVerdict;
  /** The config file read (as shown to the user), null when none was found; set by the pipeline. */
  config?: string | null;
  /** Where the observed calls came from; set by the pipeline. */
  observedFrom?: ObservedFrom;
}

/** A Drift that may carry the extras; every renderer accepts it. */
export type ControlledDrift = Drift & Partial<DriftExtras>;

export interface ControlledCheck {
  drift: ControlledDrift;
  /** The drift before the baseline was applied: what `--write-baseline` records. */
  beforeBaseline: Drift;
  exitCode: 0 | 1;
}

export const DEFAULT_POLICY: FailPolicy = { failOn: 'missing', clientIdle: 'warn', overrides: [] };

function withCounts(drift: Drift): Drift {
  const { missing, stale } = drift;
  return {
    ...drift,
    summary: {
      ...drift.summary,
      missing: missing.length,
      stale: stale.length,
      drift: missing.length > 0 || stale.length > 0,
    },
  };
}

/**
 * The missing calls below the noise floor, and those kept. Noise is judged per endpoint, the key
 * the report and the baseline show a call under, never per raw path: GET /users/1/orders ...
 * /users/4/orders, one request each, are four requests to /users/{*}/orders, not four one-off
 * calls. An endpoint's sum is at least each of its calls' counts, so when every call reaches the
 * floor (always, with the default of 1) no key is built.
 */
function splitNoise(
  missing: readonly MissingCall[],
  minCount: number,
): { kept: MissingCall[]; dropped: MissingCall[] } {
  if (missing.every((call) => call.count >= minCount)) return { kept: [...missing], dropped: [] };
  const keys = missing.map(missingCallKey);
  const requests = new Map<string, number>();
  for (let i = 0; i < missing.length; i++) {
    requests.set(keys[i]!, (requests.get(keys[i]!) ?? 0) + missing[i]!.count);
  }
  const kept: MissingCall[] = [];
  const dropped: MissingCall[] = [];
  for (let i = 0; i < missing.length; i++) {
    ((requests.get(keys[i]!) ?? 0) < minCount ? dropped : kept).push(missing[i]!);
  }
  return { kept, dropped };
}

/** Every client the run observed or declared (`namespace/name`), in scope or not. */
function clientsRead(observed: ObservedMap, declared: DeclaredIntents): Set<string> {
  const clients = new Set<string>();
  for (const list of [observed.calls, observed.external, declared.rules, declared.documents]) {
    for (let i = 0; i < list.length; i++) clients.add(refKey(list[i]!.client));
  }
  return clients;
}

export function checkDrift(
  observed: ObservedMap,
  declared: DeclaredIntents,
  controls: DriftControls = {},
): ControlledCheck {
  const namespaces = controls.namespaces ? [...controls.namespaces] : [];
  const scope = new Set(namespaces);
  const ignore = buildIgnoreMatcher(controls.ignore ?? []);
  const templater =
    controls.templates === false
      ? undefined
      : buildPathTemplater(
          scope.size === 0 ? observed.calls : observed.calls.filter((c) => scope.has(c.client.namespace)),
        );
  const raw = computeDrift(observed, declared, {
    namespaces,
    ...(controls.ignore && controls.ignore.length > 0 ? { isIgnored: ignore.forCall } : {}),
    ...(templater ? { suggestPath: templater.suggest } : {}),
  });
  const coverage = computeCoverage(declared.rules, raw, {
    namespaces,
    ...(controls.environments ? { environments: controls.environments } : {}),
  });

  const ignoredStale: IgnoredStaleRule[] = [];
  const stale: StaleRule[] = [];
  for (const rule of raw.stale) {
    const by = ignore.forDeclared(rule);
    if (by) ignoredStale.push({ ...rule, ignoredBy: by });
    else stale.push(rule);
  }
  const minCount = controls.minCount ?? 1;
  const { kept: missing, dropped } = splitNoise(raw.missing, minCount);
  const beforeBaseline = withCounts({ ...raw, missing, stale });

  let current = beforeBaseline;
  let baselineOutcome: BaselineOutcome | undefined;
  if (controls.baseline) {
    const applied = applyBaseline(beforeBaseline, controls.baseline);
    current = applied.drift;
    baselineOutcome = applied.outcome;
  }
  const policy = controls.policy ?? DEFAULT_POLICY;
  const failure = evaluateFailure(current, policy);
  // Only a config with overrides pays for the list of clients (one pass over every call).
  const unused =
    policy.overrides.length === 0 ? [] : unusedOverrideWarnings(policy, clientsRead(observed, declared));
  const warnings = [...current.warnings, ...unused];
  if (failure.idleWarnings > 0) {
    warnings.push(
      `${failure.idleWarnings} stale ${failure.idleWarnings === 1 ? 'rule belongs' : 'rules belong'} to clients ` +
        'that made no calls in this run (client-idle): reported, not failing (config clientIdle: fail to change)',
    );
  }

  const drift: ControlledDrift = { ...current, warnings, coverage, ignoredStale, failure };
  if (minCount > 1) {
    drift.noise = { minCount, calls: dropped.length, requests: dropped.reduce((sum, c) => sum + c.count, 0) };
  }
  if (baselineOutcome) drift.baseline = baselineOutcome;
  if (controls.environments && Object.keys(controls.environments).length > 0) {
    drift.environments = controls.environments;
  }
  return { drift, beforeBaseline, exitCode: failure.exitCode };
}
