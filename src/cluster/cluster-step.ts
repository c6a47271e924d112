// One step of the life cycle: a titled log group with its timing, and the one failure message a
// step gives (the step, the tool, its exit code and its last stderr lines).
import { type Command, type CommandResult, type CommandRunner, ToolMissingError } from './command-runner.ts';
import { MAX_READ } from './output-capture.ts';

/** Where the life cycle logs: the action groups it (workflow commands), tests record it. */
export interface ClusterLog {
  info(line: string): void;
  warning(line: string): void;
  startGroup(title: string): void;
  endGroup(): void;
}

/** The tools the life cycle needs, and what a missing one tells. */
const TOOL_HINT = "GitHub's ubuntu runners have kind, helm and kubectl; elsewhere install them first";

/** Lines of the tool's stderr a failure quotes. */
const STDERR_LINES = 5;

export class ClusterStepError extends Error {
  readonly step: string;
  constructor(step: string, detail: string, message = `${step} failed: ${detail}`) {
    super(message);
    this.name = 'ClusterStepError';
    this.step = step;
  }

  /** One line: `cluster kind: kind is not on PATH (...)`. */
  static missingTool(step: string, program: string): ClusterStepError {
    const detail = `${program} is not on PATH (${TOOL_HINT})`;
    return new ClusterStepError(step, detail, `${step}: ${detail}`);
  }
}

export interface StepContext {
  runner: CommandRunner;
  log: ClusterLog;
  /** Milliseconds, for the timings (a fixed clock in tests). */
  now: () => number;
}

/** Runs `body` inside a log group titled `title`, then logs how long it took. */
export async function inStep<T>(ctx: StepContext, title: string, body: () => Promise<T>): Promise<T> {
  const started = ctx.now();
  ctx.log.startGroup(title);
  let ok = false;
  try {
    const value = await body();
    ok = true;
    return value;
  } finally {
    const seconds = ((ctx.now() - started) / 1000).toFixed(1);
    ctx.log.info(`${title}: ${ok ? 'done' : 'failed'} in ${seconds}s`);
    ctx.log.endGroup();
  }
}

/** Runs a command and returns its result whatever the exit code; a missing tool fails the step. */
export async function runTool(ctx: StepContext, step: string, command: Command): Promise<CommandResult> {
  try {
    return await ctx.runner.run(command);
  } catch (err) {
    if (err instanceof ToolMissingError) throw ClusterStepError.missingTool(step, err.program);
    throw new ClusterStepError(step, `${command.program} could not start: ${(err as Error).message}`);
  }
}

/** Runs a command that must succeed. */
export async function mustRun(ctx: StepContext, step: string, command: Command): Promise<CommandResult> {
  const result = await runTool(ctx, step, command);
  if (result.code === 0 && !result.timedOut && !result.outputTooLarge) return result;
  throw new ClusterStepError(step, failureDetail(command, result));
}

export function failureDetail(command: Command, result: CommandResult): string {
  const what = command.quietArgs
    ? command.program
    : `${command.program} ${command.args.slice(0, 2).join(' ')}`;
  const how = result.outputTooLarge
    ? `wrote more than ${MAX_READ / (1024 * 1024)} MiB, more than is read, and was ended`
    : result.timedOut
      ? 'timed out'
      : `exited with code ${result.code ?? 'null (killed)'}`;
  const tail = lastLines(result.stderr, STDERR_LINES);
  return tail.length === 0 ? `${what} ${how}` : `${what} ${how}:\n${tail.join('\n')}`;
}

export function lastLines(text: string, count: number): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(-count);
}
