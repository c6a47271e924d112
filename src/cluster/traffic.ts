// The user's `traffic` command, run by `sh -c` while the reading's window is open and ended when it
// closes. Without one, the workloads' own loops are the traffic (the demo's clients curl every 2s).
// A command that fails is a warning: the reading still shows whatever traffic there was.
import { lastLines, type StepContext } from './cluster-step.ts';
import { ToolMissingError } from './command-runner.ts';

export interface TrafficOptions {
  /** A shell command line (the `traffic` input). */
  command: string;
  cwd: string;
  /** The window: the command is stopped after this long at the latest. */
  durationMs: number;
}

export type TrafficOutcome =
  | { kind: 'finished'; afterMs: number }
  | { kind: 'window-closed' }
  | { kind: 'failed'; detail: string };

export interface RunningTraffic {
  /** Resolves (never rejects) when the command has ended. */
  done: Promise<TrafficOutcome>;
  /** Ends the command now (the window closed early, or a step failed). */
  stop(): void;
}

export function startTraffic(ctx: StepContext, options: TrafficOptions): RunningTraffic {
  const controller = new AbortController();
  const started = ctx.now();
  const done = ctx.runner
    .run({
      program: 'sh',
      args: ['-c', options.command],
      cwd: options.cwd,
      timeoutMs: options.durationMs,
      signal: controller.signal,
      quietArgs: true,
    })
    .then((result): TrafficOutcome => {
      if (result.timedOut) return { kind: 'window-closed' };
      if (result.code === 0) return { kind: 'finished', afterMs: ctx.now() - started };
      const tail = lastLines(result.stderr, 5);
      const how = `exited with code ${result.code ?? 'null (killed)'}`;
      return { kind: 'failed', detail: tail.length === 0 ? how : `${how}:\n${tail.join('\n')}` };
    })
    .catch((err: unknown): TrafficOutcome => {
      const detail =
        err instanceof ToolMissingError ? err.message : `could not start: ${(err as Error).message}`;
      return { kind: 'failed', detail };
    });
  return { done, stop: () => controller.abort() };
}

/** One log line for how the traffic command ended. */
export function reportTraffic(ctx: StepContext, outcome: TrafficOutcome): void {
  if (outcome.kind === 'window-closed') ctx.log.info('traffic: stopped when the window closed');
  else if (outcome.kind === 'finished') {
    ctx.log.info(`traffic: finished after ${(outcome.afterMs / 1000).toFixed(1)}s`);
  } else {
    ctx.log.warning(`the traffic command ${outcome.detail}; the reading shows only the traffic there was`);
  }
}
