// The action's shell: inputs into one typed settings object, the run context from the runner's
// environment, then the same pipeline as the CLI. The only module (with src/index.ts) that
// imports @actions/core.
import * as core from '@actions/core';
import { ClusterStepError } from '../cluster/cluster-step.ts';
import type { ActionIo } from '../deliver/github/action-io.ts';
import { asRequestError, describeGitHubError } from '../deliver/github/github-errors.ts';
import { createGitHubClient } from '../deliver/github/octokit.ts';
import { readRunContext } from '../deliver/github/run-context.ts';
import { defuseCommands, logLine } from '../deliver/github/workflow-commands.ts';
import { internalError, isInputError } from '../errors.ts';
import { safeLine, showControlChars } from '../safe-text.ts';
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
    if (outcome.failure !== undefined) core.setFailed(logLine(outcome.failure));
  } catch (err) {
    fail(err);
  }
}

/**
 * The step fails with exit code 2 for anything but drift (core.setFailed would say 1): bad
 * inputs, an unreachable source or GitHub, and our own bugs, which say so.
 */
function fail(err: unknown): void {
  // InputError and internalError are scrubbed and escaped once, where they are made; the rest
  // quotes a tool or GitHub and is made safe here.
  const message = isInputError(err)
    ? `intent-drift: ${String(err)}`
    : err instanceof ClusterStepError
      ? `intent-drift: ${safeLine(err.message)}`
      : asRequestError(err) !== undefined
        ? `intent-drift: ${safeLine(describeGitHubError(err))}`
        : internalError(err);
  core.setFailed(defuseCommands(message));
  if (!isInputError(err) && process.env.INTENT_DRIFT_DEBUG) core.info(logLine((err as Error)?.stack ?? ''));
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
  // Every line printed here may carry outside data: logLine keeps each one line, escaped, and
  // never a workflow command (core escapes a command's data, but not a plain info line).
  return {
    info: (message) => core.info(logLine(message)),
    warning: (message) => core.warning(logLine(message)),
    startGroup: (title) => core.startGroup(logLine(title)),
    endGroup: () => core.endGroup(),
    annotate: ({ level, title, message, file, line }) => {
      const properties = {
        title: logLine(title),
        ...(file === undefined ? {} : { file: showControlChars(file) }),
        ...(line === undefined ? {} : { startLine: line }),
      };
      if (level === 'error') core.error(logLine(message), properties);
      else if (level === 'warning') core.warning(logLine(message), properties);
      else core.notice(logLine(message), properties);
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
