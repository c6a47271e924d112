// The `intent-drift` command: reads flags into Settings, runs the pipeline, prints, and decides
// the exit code (0 no failing drift, 1 failing drift, 2 bad usage or input).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeBaselineFile } from '../config/baseline-file.ts';
import { type CiReportInputs, renderCiReport } from '../deliver/ci-reports.ts';
import { InputError, internalError, isInputError } from '../errors.ts';
import { type CheckResult, check, declare, demoSettings } from '../pipeline.ts';
import { renderJsonReport } from '../report/json-report.ts';
import { renderList } from '../report/list-report.ts';
import { renderMarkdownReport } from '../report/markdown-report.ts';
import { renderTextReport } from '../report/text-report.ts';
import { safeLine } from '../safe-text.ts';
import type { Settings } from '../settings.ts';
import { VERSION } from '../version.ts';
import { type Command, parseCommandLine } from './args.ts';
import type { CliIo } from './cli-io.ts';
import { runExport } from './export-command.ts';
import { runPolicies } from './policies-command.ts';
import { observeWithProgress, withProgress } from './progress.ts';
import { repositoryRoot } from './repository-root.ts';
import { usage } from './usage.ts';
import { runVisualize } from './visualize-command.ts';

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const { command, settings } = parseCommandLine(argv, {
      cwd: io.cwd,
      colorDefault: colorByDefault(io),
      variables: io.env,
    });
    if (command === 'help') {
      io.write(usage());
      return 0;
    }
    if (command === 'version') {
      io.write(`${VERSION}\n`);
      return 0;
    }
    return await run(command, settings, io);
  } catch (err) {
    // Exit 1 means drift and nothing else: bad input and our own bugs are both 2.
    // Both are scrubbed and escaped once, where they are made: a second pass would read the
    // escapes written the first time (`\n`) as part of a URL.
    io.writeError(`${isInputError(err) ? `intent-drift: ${String(err)}` : internalError(err)}\n`);
    if (!isInputError(err) && io.env.INTENT_DRIFT_DEBUG) io.writeError(`${(err as Error)?.stack ?? ''}\n`);
    return 2;
  }
}

async function run(command: Command, settings: Settings, io: CliIo): Promise<number> {
  switch (command) {
    case 'check':
      return runCheck(settings, io);
    case 'demo':
      return runCheck(demoSettings(settings), io);
    case 'list': {
      const observed = await observeWithProgress(settings, io);
      io.write(renderList(observed, { namespaces: settings.namespaces }));
      for (const w of observed.warnings) io.writeError(`warning: ${safeLine(w)}\n`);
      return 0;
    }
    case 'capture': {
      if (settings.source === 'metrics' || settings.source === 'snapshot') {
        throw new InputError('capture reads a live source: --source sidecars, prometheus or mapper');
      }
      const observed = await observeWithProgress(settings, io);
      const { writeSnapshot } = await import('../observe/snapshot/snapshot-file.ts');
      const file = path.resolve(settings.cwd, settings.output ?? '');
      await mkdir(path.dirname(file), { recursive: true });
      await writeSnapshot(file, observed, {
        source: settings.source,
        ...(observed.window === undefined ? {} : { window: observed.window }),
      });
      for (const w of observed.warnings) io.writeError(`warning: ${safeLine(w)}\n`);
      io.writeError(`wrote ${observed.calls.length} call(s) to ${safeLine(settings.output ?? '')}\n`);
      return 0;
    }
    case 'reset': {
      const live = settings.live;
      const { resetMapperCapture } = await import('../observe/live/mapper-source.ts');
      await resetMapperCapture({
        ...(live.mapperUrl === undefined ? {} : { url: live.mapperUrl }),
        ...(live.mapperToken === undefined ? {} : { token: live.mapperToken }),
        ...(live.kubeconfig === undefined ? {} : { kubeconfig: path.resolve(settings.cwd, live.kubeconfig) }),
        ...(live.context === undefined ? {} : { context: live.context }),
      });
      io.writeError('the network mapper forgot what it had captured\n');
      return 0;
    }
    case 'export':
      return runExport(settings, io);
    case 'policies':
      return runPolicies(settings, await declare(settings), io);
    case 'visualize':
      return runVisualize(settings, io);
  }
}

async function runCheck(settings: Settings, io: CliIo): Promise<number> {
  const result = await withProgress(io, (listener) => check(settings, listener));
  if (settings.writeBaselineFile !== undefined) {
    const n = await writeBaselineFile(settings.cwd, settings.writeBaselineFile, result.beforeBaseline);
    io.writeError(
      `wrote a baseline of ${n} drift entr${n === 1 ? 'y' : 'ies'} to ${settings.writeBaselineFile}\n`,
    );
  }
  const ci: CiReportInputs = { ...result, cwd: settings.cwd, repositoryRoot: repositoryRoot(settings.cwd) };
  const files: [string | undefined, () => string][] = [
    [settings.reportFile, () => renderJsonReport(result.drift)],
    [settings.sarifFile, () => renderCiReport('sarif', ci)],
    [settings.junitFile, () => renderCiReport('junit', ci)],
  ];
  for (const [name, render] of files) {
    if (name === undefined) continue;
    const file = path.resolve(settings.cwd, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, render());
  }
  io.write(renderReport(result, settings, ci));
  return result.exitCode;
}

function renderReport(result: CheckResult, settings: Settings, ci: CiReportInputs): string {
  switch (settings.format) {
    case 'json':
      return renderJsonReport(result.drift);
    case 'markdown':
      return renderMarkdownReport(result.drift);
    case 'sarif':
    case 'junit':
      return renderCiReport(settings.format, ci);
    case 'text':
      return renderTextReport(result.drift, { color: settings.color });
  }
}

function colorByDefault(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}
