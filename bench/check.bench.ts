// `npm run bench`: the whole check over a 2,000-workload mesh (about 400,000 series, 350 MB,
// 2,000 intents files) beside parse-prometheus-text-format merely parsing the same files.
// Each side runs in its own process so that peak memory (max RSS) is its own. Our side runs
// bundled with dist/'s esbuild options, as users run it, and also from src/ for comparison.
// Prints ratios; asserts nothing about time.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { bundleOptions, workerEntries } from '../scripts/bundle-options.ts';
import { generateMesh } from './generate-mesh.ts';

const run = promisify(execFile);
const workloads = Number(process.env.BENCH_WORKLOADS ?? 2000);
const dir = path.join(import.meta.dirname, 'out', `mesh-${workloads}`);
const marker = path.join(dir, 'generated.json');

if (!existsSync(marker)) {
  process.stderr.write(
    `generating a ${workloads}-workload mesh in ${path.relative(process.cwd(), dir)} ...\n`,
  );
  const made = await generateMesh(dir, { workloads, namespaces: 20 });
  await writeFile(marker, JSON.stringify(made));
}
const made = JSON.parse(await (await import('node:fs/promises')).readFile(marker, 'utf8'));

// The check as dist/ ships it: bundled by esbuild with the same options.
const bundled = path.join(import.meta.dirname, 'out', 'bundle');
await build({
  ...bundleOptions,
  entryPoints: { 'run-check': path.join(import.meta.dirname, 'run-check.ts'), ...workerEntries },
  outdir: bundled,
});

async function child(script: string): Promise<{ ms: number; maxRssMiB: number; [k: string]: unknown }> {
  const { stdout } = await run(process.execPath, [path.resolve(import.meta.dirname, script), dir], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const best = (xs: { ms: number; maxRssMiB: number }[]) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
const ours: Awaited<ReturnType<typeof child>>[] = [];
const fromSource: Awaited<ReturnType<typeof child>>[] = [];
const peer: Awaited<ReturnType<typeof child>>[] = [];
for (let i = 0; i < rounds; i++) {
  ours.push(await child(path.join(bundled, 'run-check.js')));
  fromSource.push(await child('run-check.ts'));
  peer.push(await child('run-peer.ts'));
}
const o = best(ours);
const s = best(fromSource);
const p = best(peer);
const mb = (made.bytes / 1e6).toFixed(0);
console.log(
  `mesh: ${workloads} workloads, ${made.series} series, ${mb} MB of metrics, ${workloads} intents files`,
);
console.log(`best of ${rounds} runs, each in its own process:`);
console.log(
  `  intent-drift check (read + diff)        ${o.ms.toFixed(0).padStart(7)} ms   peak RSS ${o.maxRssMiB.toFixed(0)} MiB   (bundled, as dist/ runs it)`,
);
console.log(
  `  the same check from src/                ${s.ms.toFixed(0).padStart(7)} ms   peak RSS ${s.maxRssMiB.toFixed(0)} MiB   (TypeScript run directly)`,
);
console.log(
  `  parse-prometheus-text-format (parse)    ${p.ms.toFixed(0).padStart(7)} ms   peak RSS ${p.maxRssMiB.toFixed(0)} MiB`,
);
console.log(
  `  ratio: check is ${(p.ms / o.ms).toFixed(1)}x faster than the peer's parse alone (target >= 10x)`,
);
const summary = (r: object) => JSON.stringify((r as { summary?: unknown }).summary);
console.log(`  summary: ${summary(o)}`);
// Both builds must find the same drift; a faster wrong answer is no result.
for (const r of [...ours, ...fromSource]) {
  if (summary(r) !== summary(o)) {
    console.error(`the runs disagree: ${summary(r)} against ${summary(o)}`);
    process.exitCode = 1;
  }
}
