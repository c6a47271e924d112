// One child process of the benchmark: the whole `intent-drift check` (read, diff, render the
// report in the asked format, write it) over a generated mesh, as the CLI runs it, with the
// report written to a file. Prints JSON: time, peak RSS, exit code.
import { closeSync, openSync, writeSync } from 'node:fs';
import { main } from '../src/cli/main.ts';

const [dir, format, out] = process.argv.slice(2);
if (dir === undefined || format === undefined || out === undefined)
  throw new Error('usage: run-check.ts DIR FORMAT OUTFILE');
const fd = openSync(out, 'w');
const started = performance.now();
/** CPU time of the whole process, every thread (user + system). */
const cpuMs = () => (process.cpuUsage().user + process.cpuUsage().system) / 1000;
const code = await main(['check', '--metrics', 'metrics', '--intents', 'intents', '--format', format], {
  cwd: dir,
  env: {},
  stdoutIsTTY: false,
  write: (text) => {
    writeSync(fd, text);
  },
  writeError: (text) => {
    process.stderr.write(text);
  },
});
const ms = performance.now() - started;
closeSync(fd);
process.stdout.write(
  `${JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, cpuMs: cpuMs(), code })}\n`,
);
