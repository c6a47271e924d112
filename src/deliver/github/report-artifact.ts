// The data-only report that crosses from an unprivileged PR run to the `workflow_run` job that
// comments (mode: comment): the JSON report (docs/report.schema.json) plus the PR it belongs to and the
// suggested patch. The commenting job trusts none of it: every field is checked for type,
// shape and size before anything is rendered from it (artifact-validator.ts), and the counts it
// shows are computed from the lists, never taken from the file. The writer holds itself to the
// same checks (artifact-fit.ts): whatever check mode writes, comment mode posts.
import { InputError } from '../../errors.ts';
import type { Drift, MissingCall, NotCheckedRule, StaleRule } from '../../model.ts';
import { asControlled } from '../../report/drift-extras.ts';
import { jsonText, toJsonReport } from '../../report/json-report.ts';
import { fitForComment, type Omitted } from './artifact-fit.ts';
import {
  ARTIFACT_LIMITS,
  ARTIFACT_LISTS,
  type ArtifactList,
  ArtifactValidator,
  isUnifiedDiff,
} from './artifact-validator.ts';

export interface PullRequestStamp {
  number: number;
  headSha: string;
}

export interface CommentArtifact {
  pullRequest: PullRequestStamp;
  drift: Drift;
  suggestedPatch: string;
  /** How many notes the PR run logged about drift the patch leaves out (0 when it wrote none). */
  suggestedPatchLeftOut: number;
}

/** The report file every run writes; on a PR it carries what `mode: comment` needs, within its limits. */
export function renderReportFile(
  drift: Drift,
  pullRequest?: PullRequestStamp,
  suggestedPatch?: string,
  suggestedPatchLeftOut = 0,
): string {
  const full = toJsonReport(drift);
  if (!pullRequest) return jsonText(full);
  const extra: Record<string, unknown> = {
    pullRequest: { number: pullRequest.number, headSha: pullRequest.headSha },
  };
  const tooLarge = suggestedPatch !== undefined && suggestedPatch.length > ARTIFACT_LIMITS.patch;
  const patchFits = suggestedPatch !== undefined && !tooLarge && isUnifiedDiff(suggestedPatch);
  if (suggestedPatch && patchFits) extra.suggestedPatch = suggestedPatch;
  if (suggestedPatchLeftOut > 0) extra.suggestedPatchLeftOut = suggestedPatchLeftOut;
  // Weighed with the rest: a full warnings list must still leave room for it.
  const why = tooLarge
    ? 'is too large for this report'
    : 'is not a unified diff, which this report carries only';
  const notes =
    suggestedPatch && !patchFits ? [`the suggested patch ${why}: it is in the job summary of the run`] : [];
  const { report } = fitForComment(full, extra, notes);
  return jsonText({ ...report, ...extra });
}

export function parseCommentArtifact(text: string, file: string): CommentArtifact {
  const bad = (what: string): never => {
    throw new InputError(`not a usable intent-drift report: ${what}`, { file });
  };
  if (Buffer.byteLength(text, 'utf8') > ARTIFACT_LIMITS.bytes) bad('larger than 20 MiB');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return bad('not JSON');
  }
  const v = new ArtifactValidator(bad);
  const top = v.object(raw, 'report');
  if (top.version !== 1) bad('version must be 1');
  const pr = v.object(top.pullRequest, 'pullRequest (written by a run on a pull request)');
  const number = v.integer(pr.number, 'pullRequest.number', 1);
  const headSha = v.string(pr.headSha, 'pullRequest.headSha', 40);
  if (!/^[0-9a-f]{40}$/.test(headSha)) bad('pullRequest.headSha must be a 40-digit commit SHA');
  const s = v.object(top.summary, 'summary');
  const omitted = readOmitted(v, top.omitted);
  const lists = {} as Record<ArtifactList, unknown[]>;
  for (const list of ARTIFACT_LISTS) {
    // `external` came later than version 1's first reports: absent means none.
    const value = list === 'external' && top.external === undefined ? [] : top[list];
    lists[list] = v.list(value, list, (x, at) => v.entry(list, x, at));
  }
  const missing = lists.missing as MissingCall[];
  const stale = lists.stale as StaleRule[];
  const total = (list: ArtifactList) => lists[list].length + (omitted[list] ?? 0);
  const drift: Drift = {
    missing,
    stale,
    covered: lists.covered as Drift['covered'],
    notChecked: lists.notChecked as NotCheckedRule[],
    unattributed: lists.unattributed as Drift['unattributed'],
    external: lists.external as Drift['external'],
    ignored: lists.ignored as Drift['ignored'],
    warnings: v.list(top.warnings, 'warnings', (x, at) => v.string(x, at, ARTIFACT_LIMITS.text)),
    // Counted from the lists (and what the writer said it left out), never taken on trust; the
    // totals the lists cannot show are at least what the lists hold.
    summary: {
      observed: Math.max(
        v.integer(s.observed, 'summary.observed', 0),
        total('covered') + total('missing') + total('ignored'),
      ),
      declared: Math.max(v.integer(s.declared, 'summary.declared', 0), total('stale') + total('notChecked')),
      covered: total('covered'),
      missing: total('missing'),
      stale: total('stale'),
      notChecked: total('notChecked'),
      ignored: total('ignored'),
      drift: total('missing') > 0 || total('stale') > 0,
    },
  };
  const controlled = asControlled(drift);
  if (top.config !== undefined) {
    controlled.config = top.config === null ? null : v.relativePath(top.config, 'config');
  }
  if (top.observedFrom !== undefined)
    controlled.observedFrom = v.observedFrom(top.observedFrom, 'observedFrom');
  const patch =
    top.suggestedPatch === undefined
      ? ''
      : v.string(top.suggestedPatch, 'suggestedPatch', ARTIFACT_LIMITS.patch);
  if (patch !== '' && !isUnifiedDiff(patch)) bad('suggestedPatch is not a unified diff');
  const leftOut =
    top.suggestedPatchLeftOut === undefined
      ? 0
      : v.integer(top.suggestedPatchLeftOut, 'suggestedPatchLeftOut', 0);
  return { pullRequest: { number, headSha }, drift, suggestedPatch: patch, suggestedPatchLeftOut: leftOut };
}

function readOmitted(v: ArtifactValidator, raw: unknown): Omitted {
  if (raw === undefined) return {};
  const o = v.object(raw, 'omitted');
  const omitted: Omitted = {};
  for (const [key, value] of Object.entries(o)) {
    const list = v.oneOf(key, 'omitted', ARTIFACT_LISTS);
    omitted[list] = v.integer(value, `omitted.${key}`, 0);
  }
  return omitted;
}
