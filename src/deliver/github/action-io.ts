// What the run needs from the runner, as an interface: src/action/main.ts implements it with
// @actions/core, tests with arrays. Nothing under src/deliver imports @actions/core.
import type { Annotation } from './annotations.ts';
import type { ClientOptions, GitHubClient } from './octokit.ts';

/**
 * Every string given here may carry outside data: the implementation prints each as one log
 * line the runner cannot read as a workflow command (workflow-commands.ts, logLine).
 */
export interface ActionIo {
  info(message: string): void;
  warning(message: string): void;
  /** A folded group in the log (`::group::`), and its end. */
  startGroup(title: string): void;
  endGroup(): void;
  annotate(annotation: Annotation): void;
  setOutput(name: string, value: string): void;
  writeSummary(markdown: string): Promise<void>;
  createClient(token: string, options: ClientOptions): GitHubClient;
  /** Milliseconds per second the GitHub client waits on retry-after (1000; smaller in tests). */
  delayUnitMs?: number;
}

/** What decides the step's result: one line for core.setFailed, or none. */
export interface ActionOutcome {
  failure: string | undefined;
}
