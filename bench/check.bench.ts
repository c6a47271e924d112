// `npm run bench`: the whole `intent-drift check` (read the metrics, parse the intents, diff,
// render and write the report) on two generated meshes (the text check once more with the
// mesh's manifests as --workloads), beside parse-prometheus-text-format
// merely parsing the same metric files; then `--source prometheus` reading large answers from
// a stand-in. Every run is its own process, so its peak memory (max RSS) is its own; the check
// runs bundled with dist/'s esbuild options, as users run it. Runs of the peer and of ours are
// interleaved, so both meet the same load; medians and bests are printed, with ratios. Beside
// them, the check's first stages alone (the capture read; the read and the intents side by
// side, as check runs them): the floor under the check's ratio, no diff and no report.
// Fails (exit 1) when an answer differs: between rounds, or from what the generator built in.
// Environment: BENCH_ROUNDS (3), BENCH_WORKLOADS (2000), BENCH_ONLY (sidecar, high-cardinality,
// prometheus; comma-separated), BENCH_PROMETHEUS_ROWS (400000,1500000); NODE_OPTIONS reaches
// every child (e.g. --max-semi-space-size=16, which lowers the high-cardinality peak RSS).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { bundleBench } from './bundle.ts';
import { type GeneratedMesh, generateMesh, type MeshKind, workloadManifests } from './generate-mesh.ts';

const run = promisify(execFile);
const out = path.join(import.meta.dirname, 'out');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const workloads = Number(process.env.BENCH_WORKLOADS ?? 2000);
const only = (process.env.BENCH_ONLY ?? 'sidecar,high-cardinality,prometheus').split(',');
const promRows = (process.env.BENCH_PROMETHEUS_ROWS ?? '400000,1500000').split(',').map(Number);
const FORMATS = ['json', 'text', 'markdown'] as const;
/** The mesh's Deployments, for the text check run again with --workloads (the same report). */
const WORKLOADS_FILE = 'workloads.yaml';
const WITH_WORKLOADS = 'text --workloads';
/** The check's first stages alone (run-stages.ts): what no check can beat. */
const FLOOR = ['read', 'read+intents'] as const;
let failed = false;

interface Run {
  ms: number;
  maxRssMiB: number;
  [k: string]: unknown;
}

async function child(script: string, args: string[]): Promise<Run> {
  const { stdout } = await run(process.execPath, [script, ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Run;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(7)} ms`;
const cpuOf = (runs: Run[]) => median(runs.map((r) => r.cpuMs as number));
const mib = (runs: Run[]) =>
  `${Math.max(...runs.map((r) => r.maxRssMiB))
    .toFixed(0)
    .padStart(4)} MiB`;

function disagree(what: string): void {
  console.error(`ANSWERS DIFFER: ${what}`);
  failed = true;
}

async function meshOf(kind: MeshKind): Promise<{ dir: string; made: GeneratedMesh }> {
  const dir = path.join(out, `${kind}-${workloads}`);
  const marker = path.join(dir, 'generated.json');
  if (!existsSync(marker)) {
    process.stderr.write(
      `generating the ${kind} mesh (${workloads} workloads) in ${path.relative(process.cwd(), dir)} ...\n`,
    );
    const made = await generateMesh(dir, { workloads, namespaces: 20, kind });
    await writeFile(marker, JSON.stringify(made));
  }
  // Meshes generated before the manifests were added get them here.
  if (!existsSync(path.join(dir, WORKLOADS_FILE))) {
    await writeFile(path.join(dir, WORKLOADS_FILE), workloadManifests({ workloads, namespaces: 20, kind }));
  }
  return { dir, made: JSON.parse(readFileSync(marker, 'utf8')) as GeneratedMesh };
}

/** The report a run wrote, as a digest (and, for JSON, its summary). */
function answerOf(file: string, format: string): { digest: string; summary?: unknown } {
  const bytes = readFileSync(file);
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (format !== 'json') return { digest };
  return { digest, summary: (JSON.parse(bytes.toString('utf8')) as { summary: unknown }).summary };
}

async function benchMesh(kind: MeshKind, bundled: string): Promise<void> {
  const { dir, made } = await meshOf(kind);
  const runs: Record<string, Run[]> = {
    peer: [],
    json: [],
    text: [],
    markdown: [],
    [WITH_WORKLOADS]: [],
    read: [],
    'read+intents': [],
  };
  const answers: Record<string, string> = {};
  for (let r = 0; r < rounds; r++) {
    runs.peer!.push(await child(path.join(import.meta.dirname, 'run-peer.ts'), [dir]));
    for (const format of FORMATS) {
      const report = path.join(out, `report-${kind}.${format}`);
      const result = await child(path.join(bundled, 'run-check.js'), [dir, format, report]);
      runs[format]!.push(result);
      const answer = answerOf(report, format);
      if (result.code !== 1) disagree(`${kind} ${format}: exit code ${result.code}, expected 1 (drift)`);
      if (answers[format] !== undefined && answers[format] !== answer.digest) {
        disagree(`${kind} ${format}: round ${r + 1} wrote another report than round 1`);
      }
      answers[format] = answer.digest;
      if (answer.summary !== undefined) {
        const s = answer.summary as Record<string, unknown>;
        for (const [k, v] of Object.entries(made.expected)) {
          if (s[k] !== v) disagree(`${kind}: summary.${k} is ${s[k]}, the generator built ${v}`);
        }
      }
    }
    // The text check with the mesh's manifests: kinds attached to every call, the same report.
    const report = path.join(out, `report-${kind}.workloads.text`);
    const result = await child(path.join(bundled, 'run-check.js'), [dir, 'text', report, WORKLOADS_FILE]);
    runs[WITH_WORKLOADS]!.push(result);
    if (result.code !== 1)
      disagree(`${kind} ${WITH_WORKLOADS}: exit code ${result.code}, expected 1 (drift)`);
    if (answerOf(report, 'text').digest !== answers.text) {
      disagree(`${kind}: the text report with --workloads differs from the one without`);
    }
    for (const stages of FLOOR) {
      const floor = await child(path.join(bundled, 'run-stages.js'), [dir, stages]);
      runs[stages]!.push(floor);
      if (floor.calls !== made.expected.observed)
        disagree(
          `${kind} ${stages}: read ${floor.calls} calls, the generator built ${made.expected.observed}`,
        );
      if (stages === 'read+intents' && floor.rules !== made.expected.declared)
        disagree(
          `${kind} ${stages}: parsed ${floor.rules} rules, the generator built ${made.expected.declared}`,
        );
    }
  }
  const peer = runs.peer!;
  const mb = (made.bytes / 1e6).toFixed(0);
  console.log(
    `\n${kind} mesh: ${workloads} workloads, ${made.series} series (${mb} MB), ${made.expected.observed} calls, ` +
      `${made.expected.declared} declared rules, ${made.expected.missing} missing, ${made.expected.stale} stale`,
  );
  console.log(`  ${rounds} rounds, interleaved; median and best, each run in its own process`);
  console.log(
    `  parse-prometheus-text-format (parse only)  ${fmt(median(peer.map((r) => r.ms)))}  best ${fmt(Math.min(...peer.map((r) => r.ms)))}  CPU ${fmt(cpuOf(peer))}  peak RSS ${mib(peer)}`,
  );
  const target: Record<string, number> =
    kind === 'sidecar'
      ? { json: 20, text: 20, markdown: 20, [WITH_WORKLOADS]: 20 }
      : { json: 8, text: 10, markdown: 10, [WITH_WORKLOADS]: 10 };
  for (const format of [...FORMATS, WITH_WORKLOADS] as const) {
    const ours = runs[format]!;
    const ratio = median(peer.map((r) => r.ms)) / median(ours.map((r) => r.ms));
    const best = Math.min(...peer.map((r) => r.ms)) / Math.min(...ours.map((r) => r.ms));
    const rss = Math.max(...ours.map((r) => r.maxRssMiB));
    const cpuRatio = cpuOf(peer) / cpuOf(ours);
    const goal = target[format]!;
    console.log(
      `  intent-drift check --format ${format.padEnd(20)}  ${fmt(median(ours.map((r) => r.ms)))}  best ${fmt(Math.min(...ours.map((r) => r.ms)))}  CPU ${fmt(cpuOf(ours))}  peak RSS ${mib(ours)}` +
        `   ${ratio.toFixed(1)}x the peer (best ${best.toFixed(1)}x, CPU time ${cpuRatio.toFixed(1)}x; target ${goal}x and 256 MiB: ${ratio >= goal && rss <= 256 ? 'met' : 'MISSED'})`,
    );
  }
  console.log('  the floor: the same stages as check, and nothing after them (no diff, no report)');
  for (const stages of FLOOR) {
    const ours = runs[stages]!;
    const ratio = median(peer.map((r) => r.ms)) / median(ours.map((r) => r.ms));
    console.log(
      `  ${(stages === 'read' ? 'the capture read alone' : 'the read and the intents, side by side').padEnd(48)}${fmt(median(ours.map((r) => r.ms)))}  best ${fmt(Math.min(...ours.map((r) => r.ms)))}  CPU ${fmt(cpuOf(ours))}  peak RSS ${mib(ours)}` +
        `   ${ratio.toFixed(1)}x the peer`,
    );
  }
}

/** Starts the stand-in for `rows` calls; resolves with its URL and a stop function. */
async function standIn(rows: number): Promise<{ url: string; stop: () => void }> {
  const proc: ChildProcess = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'prometheus-stand-in.ts'), String(rows)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`the stand-in stopped (${code})`)));
  });
  return { url: line.trim(), stop: () => proc.stdin!.end() };
}

async function benchPrometheus(bundled: string): Promise<void> {
  for (const rows of promRows) {
    const server = await standIn(rows);
    try {
      // The first read fills the stand-in's cache: its evaluation is not what is measured.
      process.stderr.write(`prometheus: preparing the stand-in's answers for ${rows} rows ...\n`);
      await child(path.join(bundled, 'run-prometheus.js'), [server.url, String(10 * 60_000)]);
      const runs: Run[] = [];
      for (let r = 0; r < rounds; r++)
        runs.push(await child(path.join(bundled, 'run-prometheus.js'), [server.url]));
      for (const r of runs) if (r.calls !== rows) disagree(`prometheus ${rows} rows: read ${r.calls} calls`);
      const [limitMs, limitMiB] = rows <= 400_000 ? [4000, 512] : [Number.POSITIVE_INFINITY, 1024];
      const ms = median(runs.map((r) => r.ms));
      const rss = Math.max(...runs.map((r) => r.maxRssMiB));
      console.log(
        `\n--source prometheus, ${rows} rows (gzip, split by namespace, 4 at a time): ${fmt(ms)} median, best ${fmt(Math.min(...runs.map((r) => r.ms)))}, CPU ${fmt(cpuOf(runs))}, peak RSS ${mib(runs)}` +
          ` (target ${Number.isFinite(limitMs) ? `${limitMs} ms, ` : 'completes, '}${limitMiB} MiB: ${ms <= limitMs && rss <= limitMiB ? 'met' : 'MISSED'})`,
      );
    } finally {
      server.stop();
    }
  }
}

// The check as dist/ ships it: bundled by esbuild with the same options.
const bundled = await bundleBench();
// Every child inherits NODE_OPTIONS (the peer too): say so, since V8 flags change the figures.
if (process.env.NODE_OPTIONS)
  console.log(`NODE_OPTIONS=${process.env.NODE_OPTIONS} (every run, the peer's too)`);
for (const kind of ['sidecar', 'high-cardinality'] as const)
  if (only.includes(kind)) await benchMesh(kind, bundled);
if (only.includes('prometheus')) await benchPrometheus(bundled);
if (failed) process.exitCode = 1;
