// `intent-drift export`: the observed map as ClientIntents, to stdout, a file or a directory.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileInside } from '../contained-path.ts';
import { buildClientIntents, renderIntentsDir, renderIntentsFile } from '../declare/index.ts';
import { exportTemplates } from '../diff/template-export.ts';
import { readConfig } from '../pipeline.ts';
import { repositoryLinkGuard, writeFileInRepository } from '../repository-links.ts';
import { safeLine } from '../safe-text.ts';
import type { Settings } from '../settings.ts';
import type { CliIo } from './cli-io.ts';
import { observeWithProgress } from './progress.ts';

export async function runExport(settings: Settings, io: CliIo): Promise<number> {
  const observed = await observeWithProgress(settings, io);
  const scope = new Set(settings.namespaces);
  const calls = observed.calls.filter((c) => scope.size === 0 || scope.has(c.client.namespace));
  // One rule per Istio template instead of one per raw ID-like path, unless turned off; each
  // template's widening is said in a note.
  const config = await readConfig(settings);
  const templates = settings.templates && config.templates ? exportTemplates(calls) : undefined;
  const { intents, warnings } = buildClientIntents(calls, {
    asService: settings.export.asService,
    ...(templates === undefined ? {} : { pathOf: templates.pathOf }),
  });
  const render = { apiVersion: settings.export.apiVersion, format: settings.export.format };
  const out = settings.output;
  if (settings.export.outputType === 'dir' && out !== undefined) {
    const dir = repositoryLinkGuard(settings.cwd)(path.resolve(settings.cwd, out), out);
    const files = renderIntentsDir(intents, render);
    await mkdir(dir, { recursive: true });
    // Each file is named from a workload and its namespace: it must stay in the folder.
    for (const [name, text] of Object.entries(files)) await writeFileInside(dir, name, text);
    io.writeError(`wrote ${Object.keys(files).length} ClientIntents file(s) to ${safeLine(out)}\n`);
  } else if (out !== undefined) {
    await writeFileInRepository(settings.cwd, out, renderIntentsFile(intents, render));
    io.writeError(`wrote ${intents.length} ClientIntents to ${safeLine(out)}\n`);
  } else {
    io.write(renderIntentsFile(intents, render));
  }
  for (const w of [...observed.warnings, ...warnings]) io.writeError(`warning: ${safeLine(w)}\n`);
  for (const note of templates?.notes ?? []) io.writeError(`template: ${safeLine(note)}\n`);
  return 0;
}
