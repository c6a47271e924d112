// What both modes tell the runner (the count outputs, the failing line) and the GitHub client
// they build from the inputs and the run context.
import type { ActionIo } from '../deliver/github/action-io.ts';
import type { RunContext } from '../deliver/github/run-context.ts';
import type { Drift } from '../model.ts';
import { type ActionSettings, OUTPUT } from './inputs.ts';

export function setCountOutputs(io: ActionIo, drift: Drift): void {
  io.setOutput(OUTPUT.drift, String(drift.summary.drift));
  io.setOutput(OUTPUT.missing, String(drift.summary.missing));
  io.setOutput(OUTPUT.stale, String(drift.summary.stale));
}

export function githubClient(settings: ActionSettings, context: RunContext, io: ActionIo) {
  return io.createClient(settings.token, {
    baseUrl: context.apiUrl,
    log: (message) => io.info(message),
    ...(io.delayUnitMs === undefined ? {} : { delayUnitMs: io.delayUnitMs }),
  });
}

/** The step's one error line. */
export function failureLine(drift: Drift, failOn: string): string {
  const { missing, stale } = drift.summary;
  return `intent-drift: ${missing} missing, ${stale} stale (fail-on: ${failOn}); see the job summary`;
}
