// Process glue for the CLI: real stdout/stderr, exit code on the process. Loaded by entry.ts
// once the young generation's size is set, which then calls runCli.
import { internalError } from '../errors.ts';
import { showControlChars } from '../report/display-text.ts';
import { main } from './main.ts';

// Node exits 1 on an uncaught exception, which would read as "drift": whatever escapes main
// (an event emitter's error, a rejection nobody awaited) is an internal error, exit 2.
const crash = (err: unknown) => {
  process.stderr.write(`${showControlChars(internalError(err))}\n`);
  if (process.env.INTENT_DRIFT_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
  process.exit(2);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

// A reader that stops early (`check --format json | head`) closes the pipe: the rest of the
// output has nowhere to go, which is the reader's choice, not a failure of the check. Writing
// stops and the exit code stays the verdict's, as if the output had been read to its end.
const gone = { stdout: false, stderr: false };
for (const name of ['stdout', 'stderr'] as const) {
  process[name].on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') gone[name] = true;
    else crash(err);
  });
}

/** Runs the CLI on the process's arguments: its verdict becomes the exit code. */
export async function runCli(): Promise<void> {
  const code = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    write: (text) => {
      if (!gone.stdout) process.stdout.write(text);
    },
    writeError: (text) => {
      if (!gone.stderr) process.stderr.write(text);
    },
  });
  process.exitCode = code;
}
