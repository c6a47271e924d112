// One child process of the benchmark: only the check's first stages, as `check` runs them
// (src/pipeline.ts): the capture read (`read`), or the capture read and the intents parsed side
// by side (`read+intents`, a large capture on a worker thread while this one parses), then
// nothing: no diff, no report. No check can be faster than these; the bench prints them as the
// floor under the check's ratios. Prints JSON: time, peak RSS, CPU, and what was read.
import { keepYoungGenerationSmall } from '../src/young-generation.ts';
import { peakRssMiB } from './peak-rss.ts';

keepYoungGenerationSmall();
const { declare, observe } = await import('../src/pipeline.ts');
const { defaultSettings } = await import('../src/settings.ts');

const [dir, stages] = process.argv.slice(2);
if (dir === undefined || (stages !== 'read' && stages !== 'read+intents'))
  throw new Error('usage: run-stages.ts DIR read|read+intents');
const settings = { ...defaultSettings(dir), metrics: ['metrics'], intents: ['intents'] };
const started = performance.now();
/** CPU time of the whole process, every thread (user + system). */
const cpuMs = () => (process.cpuUsage().user + process.cpuUsage().system) / 1000;
let intentsParsed = () => {};
const mainThreadFree = new Promise<void>((resolve) => {
  intentsParsed = resolve;
});
if (stages === 'read') intentsParsed();
const [observed, declared] = await Promise.all([
  observe(settings, undefined, { mainThreadFree }),
  stages === 'read' ? undefined : declare(settings).finally(intentsParsed),
]);
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    ms,
    maxRssMiB: peakRssMiB(),
    cpuMs: cpuMs(),
    calls: observed.calls.length,
    rules: declared?.rules.length ?? 0,
  })}\n`,
);
