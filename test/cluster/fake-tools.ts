// A recording stand-in for the outside tools: scripted results per command line, every command
// kept in order, and a log that records groups. `sh` (the traffic command) runs until stopped.
// Like the process runner's callers must, every command carries a timeout: one without is refused.

import { readFileSync } from 'node:fs';
import type { ClusterPlan } from '../../src/cluster/cluster-run.ts';
import type { ClusterLog, StepContext } from '../../src/cluster/cluster-step.ts';
import type { Command, CommandResult, CommandRunner } from '../../src/cluster/command-runner.ts';
import { ToolMissingError } from '../../src/cluster/command-runner.ts';
import { MAX_CAPTURE, MAX_READ } from '../../src/cluster/output-capture.ts';

/** What a scripted command answers: a result, `missing` (not on PATH), or undefined (exit 0). */
export type Answer = Partial<CommandResult> | 'missing' | undefined;

export class RecordingRunner implements CommandRunner {
  readonly calls: Command[] = [];
  private readonly script: (line: string, command: Command) => Answer;

  constructor(script: (line: string, command: Command) => Answer = () => undefined) {
    this.script = script;
  }

  async run(command: Command): Promise<CommandResult> {
    if (!(Number.isFinite(command.timeoutMs) && command.timeoutMs > 0)) {
      throw new Error(`no timeout on: ${lineOf(command)}`);
    }
    this.calls.push(command);
    const answer = this.script(lineOf(command), command);
    if (answer === 'missing') throw new ToolMissingError(command.program);
    const result: CommandResult = { code: 0, stdout: '', stderr: '', timedOut: false, ...answer };
    // As the process runner keeps them: the tail of output not read as data, data whole up to its bound.
    if (!command.readOutput) result.stdout = result.stdout.slice(-MAX_CAPTURE);
    else if (result.stdout.length > MAX_READ) Object.assign(result, { stdout: '', outputTooLarge: true });
    result.stderr = result.stderr.slice(-MAX_CAPTURE);
    if (command.program === 'sh' && answer === undefined) {
      // Traffic: runs until the window closes.
      await new Promise<void>((resolve) => {
        if (command.signal?.aborted) resolve();
        command.signal?.addEventListener('abort', () => resolve(), { once: true });
      });
      return { ...result, code: null, timedOut: true };
    }
    return result;
  }

  /** The commands as typed, `program arg arg`. */
  lines(): string[] {
    return this.calls.map(lineOf);
  }
}

export function lineOf(command: Command): string {
  return [command.program, ...command.args].join(' ');
}

export class RecordingLog implements ClusterLog {
  readonly entries: string[] = [];
  info(line: string): void {
    this.entries.push(line);
  }
  warning(line: string): void {
    this.entries.push(`warning: ${line}`);
  }
  startGroup(title: string): void {
    this.entries.push(`group: ${title}`);
  }
  endGroup(): void {
    this.entries.push('endgroup');
  }
  groups(): string[] {
    return this.entries.filter((e) => e.startsWith('group: ')).map((e) => e.slice('group: '.length));
  }
  warnings(): string[] {
    return this.entries.filter((e) => e.startsWith('warning: '));
  }
}

export function stepContext(runner: CommandRunner, log: ClusterLog): StepContext {
  // A clock that moves one second per reading, so timings are fixed.
  let t = 0;
  return { runner, log, now: () => (t += 1000) };
}

/** Whether a process runs (Linux: a zombie waiting for its reaper counts as ended). */
export function processAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Whether a signalled process is gone within 5 s (it closes its pipes a moment before it ends,
 * so the runner may settle first); the processes the tests start would otherwise run 60 s.
 */
export async function endsSoon(pid: number): Promise<boolean> {
  for (let waited = 0; waited < 5000; waited += 20) {
    if (!processAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/**
 * A `sh -c` line that starts a background `sleep 60` and exits at once; the sleep prints its pid
 * (on stdout, which it holds open) only after that sh has exited and been reaped (`/proc/$1`
 * gone), so whatever a test does on seeing the pid comes after the exit.
 */
export const OUTLIVING_CHILD =
  "sh -c 'while [ -e /proc/$1 ]; do sleep 0.05; done; echo $$; exec sleep 60' child $$ &";

/** A run on a new kind cluster of one Deployment (`web.yaml` in `cwd`), with `over` changed. */
export function kindPlan(cwd: string, over: Partial<ClusterPlan> = {}): ClusterPlan {
  return {
    cluster: 'kind',
    kindConfig: undefined,
    clusterName: 'intent-drift',
    istioVersion: '1.30.5',
    workloads: ['web.yaml'],
    intents: [],
    cwd,
    traffic: undefined,
    duration: '10s',
    durationMs: 10_000,
    keepCluster: false,
    ...over,
  };
}

/** A recording runner answering by `script`, a recording log, and the step context over both. */
export function setup(script?: (line: string) => Answer) {
  const runner = new RecordingRunner(script);
  const log = new RecordingLog();
  return { runner, log, ctx: stepContext(runner, log) };
}
