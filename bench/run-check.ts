// One child process of the benchmark: the whole `intent-drift check` (read, diff, render the
// report in the asked format, write it) over a generated mesh, as the CLI runs it, with the
// report written to a file; a fourth argument is passed as --workloads. Prints JSON: time, peak
// RSS, exit code.
import { closeSync, openSync, writeSync } from 'node:fs';
import { keepYoungGenerationSmall } from '../src/young-generation.ts';
import { peakRssMiB } from './peak-rss.ts';

// As the CLI's entry (src/cli/entry.ts) does: the young generation's size, then the CLI.
keepYoungGenerationSmall();
const { main } = await import('../src/cli/main.ts');

const [dir, format, out, workloads] = process.argv.slice(2);
if (dir === undefined || format === undefined || out === undefined)
  throw new Error('usage: run-check.ts DIR FORMAT OUTFILE [WORKLOADS]');
const fd = openSync(out, 'w');
const started = performance.now();
/** CPU time of the whole process, every thread (user + system). */
const cpuMs = () => (process.cpuUsage().user + process.cpuUsage().system) / 1000;
const args = ['check', '--metrics', 'metrics', '--intents', 'intents', '--format', format];
if (workloads !== undefined) args.push('--workloads', workloads);
const code = await main(args, {
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
process.stdout.write(`${JSON.stringify({ ms, maxRssMiB: peakRssMiB(), cpuMs: cpuMs(), code })}\n`);
