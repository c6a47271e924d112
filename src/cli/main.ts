// The `intent-drift` command: reads flags into Settings, runs the pipeline, prints, and decides
// the exit code: 1 on failing drift for check and demo (and visualize given --fail-on),
// 0 once a drawing or writing command's output is written, 2 for bad usage or input.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { yamlDocumentText } from '../declare/yaml-output.ts';
import { demoSettings } from '../demo-settings.ts';
import { InputError, internalError, isInputError } from '../errors.ts';
import { requireKubeClientNode } from '../observe/live/node-support.ts';
import { declare } from '../pipeline.ts';
import { listData, renderList, renderListJson } from '../report/list-report.ts';
import { repositoryLinkGuard } from '../repository-links.ts';
import { safeLine } from '../safe-text.ts';
import type { Settings } from '../settings.ts';
import { VERSION } from '../version.ts';
import { type Command, parseCommandLine } from './args.ts';
import { runCheck } from './check-command.ts';
import type { CliIo } from './cli-io.ts';
import { runExport } from './export-command.ts';
import { commandHelp, globalHelp } from './help.ts';
import { runPolicies } from './policies-command.ts';
import { observeWithProgress } from './progress.ts';
import { runVisualize } from './visualize-command.ts';

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const parsed = parseCommandLine(argv, {
      cwd: io.cwd,
      colorDefault: colorByDefault(io),
      variables: io.env,
    });
    if (parsed.command === 'help') {
      io.write(parsed.topic === undefined ? globalHelp() : commandHelp(parsed.topic));
      return 0;
    }
    if (parsed.command === 'version') {
      io.write(`${VERSION}\n`);
      return 0;
    }
    return await run(parsed.command, parsed.settings, io);
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
      const scope = { namespaces: settings.namespaces };
      const format = settings.listFormat;
      // YAML through the writer of `export`: unsafe characters escaped, every value on its line.
      io.write(
        format === 'text'
          ? renderList(observed, scope)
          : format === 'json'
            ? renderListJson(observed, scope)
            : yamlDocumentText(listData(observed, scope), { lineWidth: 0 }),
      );
      for (const w of observed.warnings) io.writeError(`warning: ${safeLine(w)}\n`);
      return 0;
    }
    case 'capture': {
      if (settings.source === 'metrics' || settings.source === 'snapshot') {
        throw new InputError('capture reads a live source: --source sidecars, prometheus or mapper');
      }
      const observed = await observeWithProgress(settings, io);
      const { writeSnapshot } = await import('../observe/snapshot/snapshot-file.ts');
      const given = settings.output ?? '';
      const file = repositoryLinkGuard(settings.cwd)(path.resolve(settings.cwd, given), given);
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
      requireKubeClientNode('reset');
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

function colorByDefault(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  // FORCE_COLOR=0 (or false) turns colour off even on a terminal, as Node and chalk read it.
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdoutIsTTY;
}
