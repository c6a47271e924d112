// The action's shell: inputs into one typed settings object, the run context from the runner's
// environment, then the same pipeline as the CLI. The only module (with src/index.ts) that
// imports @actions/core.
import * as core from '@actions/core';
import type { ActionIo } from '../deliver/github/action-io.ts';
import { describeGitHubError } from '../deliver/github/github-errors.ts';
import { createGitHubClient } from '../deliver/github/octokit.ts';
import { readRunContext } from '../deliver/github/run-context.ts';
import { logLine } from '../deliver/github/workflow-commands.ts';
import { isInputError } from '../errors.ts';
import { showControlChars } from '../safe-text.ts';
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
    core.setFailed(
      logLine(
        isInputError(err) ? `intent-drift: ${String(err)}` : `intent-drift: ${describeGitHubError(err)}`,
      ),
    );
  }
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
