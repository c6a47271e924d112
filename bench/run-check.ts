// One child process of the benchmark: the whole `check` over a generated mesh. Prints JSON.
import { check } from '../src/pipeline.ts';
import { defaultSettings } from '../src/settings.ts';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: run-check.ts DIR');
const settings = { ...defaultSettings(dir), metrics: ['metrics'], intents: ['intents'] };
const started = performance.now();
const result = await check(settings);
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, summary: result.drift.summary })}\n`,
);
