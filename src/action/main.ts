// The action's shell: inputs into one typed settings object, the run context from the runner's
// environment, then the same pipeline as the CLI. The only module (with src/index.ts) that
// imports @actions/core.
import * as core from '@actions/core';
import { ClusterStepError } from '../cluster/cluster-step.ts';
import type { ActionIo } from '../deliver/github/action-io.ts';
import { asRequestError, describeGitHubError } from '../deliver/github/github-errors.ts';
import { createGitHubClient } from '../deliver/github/octokit.ts';
import { readRunContext } from '../deliver/github/run-context.ts';
import { internalError, isInputError } from '../errors.ts';
import { showControlChars } from '../report/display-text.ts';
import { runCheckMode } from './check-mode.ts';
import { runCommentMode } from './comment-mode.ts';
import { readActionInputs } from './inputs.ts';

export async function run(): Promise<void> {
  try {
    const settings = readActionInputs((name) => core.getInput(name), process.cwd());
    // Prometheus' bearer token comes from the step's env, never from an input (inputs are logged).
    const promToken = process.env[settings.check.live.prometheusTokenEnv];
    if (promToken) {
      core.setSecret(promToken);
      settings.check.live.prometheusToken = promToken;
    }
    const context = readRunContext(process.env);
    const io = runnerIo();
    const outcome =
      settings.mode === 'comment'
        ? await runCommentMode(settings, context, io)
        : await runCheckMode(settings, context, io);
    if (outcome.failure !== undefined) core.setFailed(outcome.failure);
  } catch (err) {
    fail(err);
  }
}

/**
 * The step fails with exit code 2 for anything but drift (core.setFailed would say 1): bad
 * inputs, an unreachable source or GitHub, and our own bugs, which say so.
 */
function fail(err: unknown): void {
  const message = isInputError(err)
    ? `intent-drift: ${String(err)}`
    : err instanceof ClusterStepError
      ? `intent-drift: ${err.message}`
      : asRequestError(err) !== undefined
        ? `intent-drift: ${describeGitHubError(err)}`
        : internalError(err);
  core.setFailed(showControlChars(message));
  if (!isInputError(err) && process.env.INTENT_DRIFT_DEBUG) core.info((err as Error)?.stack ?? '');
  process.exitCode = 2;
}

/** Node exits 1 on an uncaught exception: whatever escapes run() is an internal error, exit 2. */
export function exitTwoOnCrash(): void {
  const crash = (err: unknown) => {
    fail(err);
    process.exit(2);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}

function runnerIo(): ActionIo {
  // Tests shrink GitHub's retry-after waits; a runner never sets this.
  const unit = Number(process.env.INTENT_DRIFT_RETRY_UNIT_MS);
  return {
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    annotate: ({ level, title, message, file, line }) => {
      const properties = {
        title,
        ...(file === undefined ? {} : { file }),
        ...(line === undefined ? {} : { startLine: line }),
      };
      if (level === 'error') core.error(message, properties);
      else if (level === 'warning') core.warning(message, properties);
      else core.notice(message, properties);
    },
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
    createClient: createGitHubClient,
    ...(Number.isFinite(unit) && unit > 0 ? { delayUnitMs: unit } : {}),
  };
}
