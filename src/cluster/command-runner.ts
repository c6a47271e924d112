// Every outside tool of the cluster life cycle (kind, helm, kubectl, the user's traffic command)
// runs through this one interface, so the life-cycle logic is tested with a recording fake and
// only `createProcessRunner` knows node:child_process.
import { spawn } from 'node:child_process';
import { LineCapture, WholeCapture } from './output-capture.ts';

export interface Command {
  program: string;
  args: readonly string[];
  /** Added to the inherited environment. Values are never logged, and masked in output. */
  env?: Readonly<Record<string, string>>;
  stdin?: string;
  cwd?: string;
  /**
   * Kill the command and its process group (what it started) after this long, whether or not the
   * program itself has exited; `timedOut` tells. Every tool call has one, and the call settles
   * within a few seconds of it even when something outside the group still holds the output.
   */
  timeoutMs: number;
  /** Kill the command early (the traffic command, when the window closes). */
  signal?: AbortSignal;
  /** Log the program only: the arguments are the user's and may hold secrets. */
  quietArgs?: boolean;
  /** Keep stdout out of the log (JSON the life cycle reads, not the reader's business). */
  quietOutput?: boolean;
  /**
   * stdout is data the caller parses (kubectl's JSON): kept whole, not its tail, and out of the
   * log. Past MAX_READ characters the command is ended and `outputTooLarge` set.
   */
  readOutput?: boolean;
}

export interface CommandResult {
  /** The exit code; null when a signal ended it. */
  code: number | null;
  stdout: string;
  stderr: string;
  /**
   * Cut short by `timeoutMs` or `signal`: the deadline came while the program, a process of its
   * group or a holder of its output was still there.
   */
  timedOut: boolean;
  /** `readOutput` only: stdout passed MAX_READ characters, so the command was ended and stdout is empty. */
  outputTooLarge?: boolean;
}

export interface CommandRunner {
  /** Resolves with the outcome (any exit code); rejects with ToolMissingError when not on PATH. */
  run(command: Command): Promise<CommandResult>;
}

export class ToolMissingError extends Error {
  readonly program: string;
  constructor(program: string) {
    super(`${program} is not on PATH`);
    this.name = 'ToolMissingError';
    this.program = program;
  }
}

export interface ProcessRunnerOptions {
  /** Each output line, masked, as it comes. */
  log: (line: string) => void;
  /** Values masked wherever output is logged or kept (the GitHub token). */
  secrets?: readonly string[];
  /** The environment children inherit (default: this process's, without the action's secrets). */
  env?: NodeJS.ProcessEnv;
}

const KILL_GRACE_MS = 5000;
/** After the deadline's signals, how long output is still read from pipes a process outside the group holds. */
const DRAIN_MS = 1000;

/**
 * What children inherit: the runner's environment minus the action's inputs (`INPUT_GITHUB-TOKEN`)
 * and the runner's own tokens, which no cluster tool needs.
 */
export function childEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('INPUT_') || /^ACTIONS_.*(TOKEN|URL)$/.test(key)) continue;
    out[key] = value;
  }
  return out;
}

/** Replaces every secret (of 4 characters or more, so `***` cannot eat common words) with `***`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

/**
 * The secrets, each followed by its lines when it spans several: output is masked line by line,
 * where a secret on two lines is two pieces (a certificate or a kubeconfig given in `env`).
 */
function withTheirLines(secrets: readonly string[]): string[] {
  const out: string[] = [];
  for (const secret of secrets) {
    out.push(secret);
    if (secret.includes('\n')) out.push(...secret.split(/\r?\n/));
  }
  return out;
}

/** How a command is shown in the log: `$ kind create cluster ...`. */
export function commandLine(command: Command): string {
  if (command.quietArgs) return `$ ${command.program} (arguments not shown)`;
  return `$ ${[command.program, ...command.args].join(' ')}`;
}

export function createProcessRunner(options: ProcessRunnerOptions): CommandRunner {
  const base = childEnvironment(options.env ?? process.env);
  return {
    run(command) {
      const secrets = withTheirLines([...(options.secrets ?? []), ...Object.values(command.env ?? {})]);
      const mask = (text: string) => maskSecrets(text, secrets);
      options.log(mask(commandLine(command)));
      return new Promise<CommandResult>((resolve, reject) => {
        // Its own process group, so a timeout also ends what a `sh -c` started.
        const child = spawn(command.program, command.args, {
          env: { ...base, ...command.env },
          cwd: command.cwd,
          detached: true,
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        /** Ended for writing more than a read takes (readOutput), not by its deadline. */
        let tooLarge = false;
        const stdout = command.readOutput
          ? new WholeCapture(mask, () => {
              tooLarge = true;
              kill();
            })
          : new LineCapture(mask, secrets, command.quietOutput ? () => {} : options.log);
        const stderr = new LineCapture(mask, secrets, options.log);
        let settled = false;
        let exited = false;
        let code: number | null = null;
        let deadlinePassed = false;
        let timedOut = false;
        let drained = false;
        let drainTimer: NodeJS.Timeout | undefined;
        const settle = () => {
          if (settled) return;
          settled = true;
          clearTimeout(drainTimer);
          // What the command left running (its output sent elsewhere) still ends at its deadline.
          if (deadlinePassed || child.pid === undefined || !groupAlive(child.pid)) {
            clearTimeout(timer);
            command.signal?.removeEventListener('abort', kill);
          } else timer.unref();
          // A process outside the group may still hold the pipes: no more is read from them.
          child.stdout.destroy();
          child.stderr.destroy();
          const result: CommandResult = { code, stdout: stdout.finish(), stderr: stderr.finish(), timedOut };
          if (stdout instanceof WholeCapture && stdout.overflowed) result.outputTooLarge = true;
          resolve(result);
        };
        // The deadline (timeout or abort) signals the whole group, whether or not the program
        // itself has exited: `sh -c 'x & y'` exits after y while x runs on.
        const kill = () => {
          if (deadlinePassed) return;
          deadlinePassed = true;
          const pid = child.pid;
          const signalled = pid !== undefined && signalGroup(pid, 'SIGTERM');
          if (signalled) setTimeout(() => signalGroup(pid, 'SIGKILL'), KILL_GRACE_MS).unref();
          if (settled) return;
          timedOut = !tooLarge;
          // Then whatever still holds the pipes (a process that left the group) is not waited for.
          drainTimer = setTimeout(
            () => {
              drained = true;
              if (exited) settle();
            },
            (signalled ? KILL_GRACE_MS : 0) + DRAIN_MS,
          );
        };
        const timer = setTimeout(kill, command.timeoutMs);
        if (command.signal?.aborted) kill();
        command.signal?.addEventListener('abort', kill, { once: true });
        // Decoded across chunks: a character whose bytes come in two reads stays whole.
        child.stdout.setEncoding('utf8');
        child.stderr.setEncoding('utf8');
        child.stdout.on('data', (text: string) => stdout.push(text));
        child.stderr.on('data', (text: string) => stderr.push(text));
        child.stdin.on('error', () => {}); // a program that exits without reading its stdin
        child.stdin.end(command.stdin ?? '');
        child.on('error', (err: NodeJS.ErrnoException) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          clearTimeout(drainTimer);
          command.signal?.removeEventListener('abort', kill);
          reject(err.code === 'ENOENT' ? new ToolMissingError(command.program) : err);
        });
        child.on('exit', (exitCode) => {
          exited = true;
          code = exitCode;
          if (drained) settle();
        });
        // Both pipes closed after the exit: all the output is in.
        child.on('close', settle);
      });
    },
  };
}

/** Signals every process of the group; false when none is left. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // Already gone.
  }
}

function groupAlive(pid: number): boolean {
  return signalGroup(pid, 0);
}
