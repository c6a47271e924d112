// `npm run mutation`: plants each mutant of mutants.ts, one at a time, in a copy of the working
// tree (the tree itself is never touched, so an interrupted run leaves nothing behind), runs the
// tests it names, and prints which mutants the tests killed, which survived, and the score.
//
//   npm run mutation                       every mutant, after a baseline run of their tests
//   npm run mutation -- --only live/       mutants whose id starts with (or equals) one of these
//   npm run mutation -- --list             the mutants, without running anything
//   npm run mutation -- --no-baseline      skip the unmutated run (when you just ran the tests)
//
// Exit 0 when every mutant applied and every listed bug (issue 13) was killed by the test meant to
// catch it; 1 otherwise. Survivors of the other mutants are reported, not failed: each is a
// missing test to write, or an equivalent mutant to drop from the catalog.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMutant } from './apply.ts';
import { MUTANTS, type Mutant } from './mutants.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TIMEOUT_MS = 300_000;
/** The unmutated run takes every mutant's test files at once: 64 files took over 5 minutes on a loaded 2-core machine. */
const BASELINE_TIMEOUT_MS = 1_800_000;

interface Outcome {
  mutant: Mutant;
  status: 'killed' | 'survived' | 'timeout' | 'not-applied';
  failing: string[];
  seconds: number;
  /** A listed bug killed, but by no test whose name matches killedBy. */
  wrongReason?: boolean;
}

function parseArgs(argv: string[]) {
  const only: string[] = [];
  let list = false;
  let baseline = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--list') list = true;
    else if (arg === '--no-baseline') baseline = false;
    else if (arg === '--only') only.push(...(argv[++i] ?? '').split(','));
    else throw new Error(`unknown argument ${arg} (use --only IDS, --list, --no-baseline)`);
  }
  return { only: only.filter((o) => o !== ''), list, baseline };
}

/** The tracked and untracked (not ignored) files of the working tree, node_modules linked. */
function copyWorkingTree(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'intent-drift-mutation-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter((f) => f !== '')) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    try {
      cpSync(path.join(ROOT, file), path.join(dir, file));
    } catch {
      // A tracked file deleted in the working tree: nothing to copy.
    }
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Each test process's old-generation limit: far above what any test needs, far below the machine. */
const HEAP_LIMIT = '--max-old-space-size=4096';

/** Kills a detached child's whole process group; nothing when it is gone already. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group has ended.
  }
}

function runTests(
  dir: string,
  tests: string[],
  names: string | undefined,
  timeoutMs = TIMEOUT_MS,
): Promise<{ code: number | null; failing: string[]; timedOut: boolean }> {
  const args = [
    '--test',
    // As `npm test` runs them: with FUZZ_SEED set, the property tests draw from that seed.
    '--import=./test/support/fuzz-seed.ts',
    '--test-reporter=tap',
    ...(names ? [`--test-name-pattern=${names}`] : []),
    ...tests,
  ];
  return new Promise((resolve) => {
    // A process group of its own, so a timeout kills the test files' processes too: `node --test`
    // runs each file in a child, which outlived a kill of the runner alone (one mutant's runaway
    // test grew to 23 GB that way). The heap limit makes such a runaway fail instead of swapping.
    const child = spawn(process.execPath, args, {
      cwd: dir,
      detached: true,
      env: {
        ...process.env,
        UPDATE_GOLDEN: '',
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${HEAP_LIMIT}`.trim(),
      },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.resume();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      // Anything a test file left running (a server, a child) goes with the run.
      killGroup(child.pid);
      const failing = [...out.matchAll(/^\s*not ok \d+ - (.*)$/gm)]
        .map((m) => m[1]!.trim())
        .filter((name) => !tests.some((t) => name === t || name.endsWith(t)));
      resolve({ code, failing: [...new Set(failing)], timedOut });
    });
  });
}

async function runMutant(dir: string, m: Mutant): Promise<Outcome> {
  const file = path.join(dir, m.file);
  const original = readFileSync(file, 'utf8');
  const mutated = applyMutant(original, m);
  if (mutated === undefined) return { mutant: m, status: 'not-applied', failing: [], seconds: 0 };
  const started = Date.now();
  writeFileSync(file, mutated);
  try {
    const run = await runTests(dir, m.tests, m.names);
    const seconds = (Date.now() - started) / 1000;
    if (run.timedOut) return { mutant: m, status: 'timeout', failing: [], seconds };
    if (run.code === 0) return { mutant: m, status: 'survived', failing: [], seconds };
    const outcome: Outcome = { mutant: m, status: 'killed', failing: run.failing, seconds };
    if (m.listed && !run.failing.some((name) => m.listed!.killedBy.test(name))) outcome.wrongReason = true;
    return outcome;
  } finally {
    writeFileSync(file, original);
  }
}

function line(o: Outcome, index: number, total: number): string {
  const by =
    o.failing.length === 0
      ? ''
      : ` by "${o.failing[0]}"${o.failing.length > 1 ? ` (+${o.failing.length - 1})` : ''}`;
  const flag = o.mutant.listed ? ' [listed]' : '';
  const wrong = o.wrongReason ? ' (NOT by the test meant to catch it)' : '';
  return `[${index}/${total}] ${o.status.padEnd(11)} ${o.mutant.id}${flag} ${o.seconds.toFixed(1)}s${by}${wrong}`;
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const chosen = MUTANTS.filter(
    (m) => opts.only.length === 0 || opts.only.some((o) => m.id === o || m.id.startsWith(o)),
  );
  if (opts.list) {
    for (const m of chosen) console.log(`${m.id}${m.listed ? ' [listed]' : ''}: ${m.why} (${m.file})`);
    return 0;
  }
  if (chosen.length === 0) throw new Error('no mutant matches --only');
  const dir = copyWorkingTree();
  try {
    if (opts.baseline) {
      const files = [...new Set(chosen.flatMap((m) => m.tests))];
      console.log(`baseline: ${files.length} test files, unmutated`);
      const started = Date.now();
      const base = await runTests(dir, files, undefined, BASELINE_TIMEOUT_MS);
      if (base.timedOut) {
        console.log(
          `baseline timed out after ${BASELINE_TIMEOUT_MS / 60_000} minutes: run npm test to see why`,
        );
        return 1;
      }
      if (base.code !== 0) {
        console.log(`baseline fails (${base.failing.join('; ') || 'see npm test'}): fix the tests first`);
        return 1;
      }
      console.log(`baseline passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    const outcomes: Outcome[] = [];
    for (const [i, m] of chosen.entries()) {
      const o = await runMutant(dir, m);
      outcomes.push(o);
      console.log(line(o, i + 1, chosen.length));
    }
    return report(outcomes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(outcomes: Outcome[]): number {
  const applied = outcomes.filter((o) => o.status !== 'not-applied');
  const killed = applied.filter((o) => o.status === 'killed' || o.status === 'timeout');
  const survived = applied.filter((o) => o.status === 'survived');
  const notApplied = outcomes.filter((o) => o.status === 'not-applied');
  const listed = outcomes.filter((o) => o.mutant.listed);
  const listedOk = listed.filter((o) => o.status === 'killed' && !o.wrongReason);
  console.log('');
  for (const o of survived) console.log(`survived: ${o.mutant.id}: ${o.mutant.why} (${o.mutant.file})`);
  // A timeout counts as killed (a hang fails CI too), but on a loaded machine it may only be
  // slowness: each is named, to be run again alone with --only.
  const timedOut = applied.filter((o) => o.status === 'timeout');
  for (const o of timedOut) console.log(`timed out (counted as killed; run it again alone): ${o.mutant.id}`);
  for (const o of notApplied) {
    console.log(
      `not applied: ${o.mutant.id}: its code is not in ${o.mutant.file} exactly once; update mutants.ts`,
    );
  }
  const pct = applied.length === 0 ? 0 : (100 * killed.length) / applied.length;
  console.log(`listed bugs (issue 13) caught for the right reason: ${listedOk.length} of ${listed.length}`);
  const byTimeout = timedOut.length === 0 ? '' : `, ${timedOut.length} of them by a timeout`;
  console.log(
    `mutation score: ${killed.length} of ${applied.length} killed (${pct.toFixed(1)}%${byTimeout})`,
  );
  return notApplied.length === 0 && listedOk.length === listed.length ? 0 : 1;
}

process.exitCode = await main();
