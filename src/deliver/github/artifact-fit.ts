// Check mode writes the report a PR run uploads; comment mode reads it and refuses anything past
// its limits. So the writer holds itself to the reader's own checks (artifact-validator.ts): a
// long path or warning is cut with a marker, an entry the reader would refuse is left out, lists
// are capped, and the whole file is kept under the size limit, by leaving out what matters least
// first. What was left out is counted under `omitted` and said in a warning; comment mode adds
// those counts to the lists' lengths, so its numbers stay true.
import type { JsonReport } from '../../report/json-report.ts';
import {
  ARTIFACT_LIMITS,
  ARTIFACT_LISTS,
  type ArtifactList,
  ArtifactValidator,
  type Obj,
} from './artifact-validator.ts';

export type Omitted = Partial<Record<ArtifactList, number>>;

class Refused extends Error {}

const validator = new ArtifactValidator((what) => {
  throw new Refused(what);
});

/** `text` cut to `max` characters, ending in a marker that says how much is gone. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = max - 32;
  // Never split a surrogate pair.
  const code = text.charCodeAt(kept - 1);
  if (code >= 0xd800 && code <= 0xdbff) kept--;
  return `${text.slice(0, kept)}…[cut ${text.length - kept} chars]`;
}

function cutEntry(entry: Obj): Obj {
  const out: Obj = { ...entry };
  for (const key of ['path', 'suggestedPath', 'suggestedPathWidens', 'host'] as const) {
    if (typeof out[key] === 'string') out[key] = cutText(out[key] as string, ARTIFACT_LIMITS.text);
  }
  return out;
}

function accepted(list: ArtifactList, entry: Obj): boolean {
  try {
    validator.entry(list, entry, list);
    return true;
  } catch (err) {
    if (err instanceof Refused) return false;
    throw err;
  }
}

function bytesOf(report: object): number {
  return Buffer.byteLength(JSON.stringify(report, null, 2), 'utf8') + 1;
}

/**
 * The report as comment mode will accept it, and how many entries of each list were left out.
 * `extra` holds the fields written beside the report (pullRequest, suggestedPatch), counted in
 * the size; `notes` are warnings the writer adds after the report's own, kept and counted too.
 */
export function fitForComment(
  report: JsonReport,
  extra: Obj,
  notes: readonly string[] = [],
): { report: JsonReport & { omitted?: Omitted }; omitted: Omitted } {
  const out = { ...report } as unknown as Obj;
  const omitted: Omitted = {};
  for (const list of ARTIFACT_LISTS) {
    const kept: Obj[] = [];
    for (const entry of report[list] as unknown as Obj[]) {
      const cut = cutEntry(entry);
      if (kept.length < ARTIFACT_LIMITS.entries && accepted(list, cut)) kept.push(cut);
      else omitted[list] = (omitted[list] ?? 0) + 1;
    }
    out[list] = kept;
  }
  // Room is kept for the writer's notes and for the left-out warning below.
  out.warnings = [...report.warnings.slice(0, ARTIFACT_LIMITS.entries - 1 - notes.length), ...notes].map(
    (w) => cutText(w, ARTIFACT_LIMITS.text),
  );
  // Too large: halve the least important lists first, then the rest, until it fits.
  for (let guard = 0; bytesOf({ ...out, ...extra, omitted }) > ARTIFACT_LIMITS.bytes && guard < 64; guard++) {
    if (out.ignoredStale !== undefined || out.coverage !== undefined) {
      delete out.ignoredStale;
      delete out.coverage;
      continue;
    }
    const list = ARTIFACT_LISTS.find((l) => (out[l] as Obj[]).length > 0);
    if (list === undefined) break;
    const entries = out[list] as Obj[];
    const keep = Math.floor(entries.length / 2);
    omitted[list] = (omitted[list] ?? 0) + entries.length - keep;
    out[list] = entries.slice(0, keep);
  }
  const counts = ARTIFACT_LISTS.filter((l) => (omitted[l] ?? 0) > 0).map((l) => `${omitted[l]} ${l}`);
  if (counts.length > 0) {
    (out.warnings as string[]).push(
      `left out of this report (too large, or not what the commenting job accepts): ${counts.join(', ')}; the job summary of the run lists them`,
    );
    out.omitted = omitted;
  }
  return { report: out as unknown as JsonReport & { omitted?: Omitted }, omitted };
}
