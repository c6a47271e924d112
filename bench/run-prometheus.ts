// One child process of the benchmark: `--source prometheus` read from the stand-in at URL, as
// the pipeline reads it. Prints JSON: time, peak RSS, calls and series read.
import { keepYoungGenerationSmall } from '../src/young-generation.ts';
import { peakRssMiB } from './peak-rss.ts';

// As the CLI's entry (src/cli/entry.ts) does: the young generation's size, then the source.
keepYoungGenerationSmall();
const { readPrometheus } = await import('../src/observe/live/prometheus-source.ts');

const url = process.argv[2];
if (url === undefined) throw new Error('usage: run-prometheus.ts URL [TIMEOUT_MS]');
// The warm-up read waits for the stand-in to evaluate its queries (over 30 s for 1.5 million
// rows on a slow machine): it may ask for a longer timeout than the source's default.
const timeoutMs = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const started = performance.now();
/** CPU time of the whole process, every thread (user + system). */
const cpuMs = () => (process.cpuUsage().user + process.cpuUsage().system) / 1000;
const map = await readPrometheus({
  url,
  since: '1h',
  now: new Date('2026-01-01T00:00:00Z'),
  ...(timeoutMs === undefined ? {} : { timeoutMs }),
});
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ ms, maxRssMiB: peakRssMiB(), cpuMs: cpuMs(), calls: map.calls.length, series: map.stats.series })}\n`,
);
