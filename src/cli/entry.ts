// Process glue for the CLI: real stdout/stderr, exit code on the process.
import { main } from './main.ts';

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  write: (text) => process.stdout.write(text),
  writeError: (text) => process.stderr.write(text),
});
process.exitCode = code;
