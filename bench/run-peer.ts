// One child process of the benchmark: the npm package parse-prometheus-text-format merely parsing
// the same sidecar files (it takes a whole string, so each file is read whole). Prints JSON.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { peakRssMiB } from './peak-rss.ts';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: run-peer.ts DIR');
const metricsDir = path.join(dir, 'metrics');
const started = performance.now();
/** CPU time of the whole process, every thread (user + system). */
const cpuMs = () => (process.cpuUsage().user + process.cpuUsage().system) / 1000;
let families = 0;
for (const name of (await readdir(metricsDir)).sort()) {
  const text = await readFile(path.join(metricsDir, name), 'utf8');
  families += parsePrometheusTextFormat(text).length;
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, maxRssMiB: peakRssMiB(), cpuMs: cpuMs(), families })}\n`);
