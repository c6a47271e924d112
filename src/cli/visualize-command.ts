// `intent-drift visualize -o FILE`: draws the observed map, or with --intents the drift, as
// .svg, .png or .html by the file's ending. With --intents the exit code follows --fail-on
// like `check` (the picture is written either way).

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.ts';
import { check } from '../pipeline.ts';
import { renderGraphDot } from '../report/graph-dot.ts';
import { renderGraphHtml } from '../report/graph-html.ts';
import { type CallGraph, graphOfDrift, graphOfMap } from '../report/graph-model.ts';
import { hasUsableFont, renderPng, renderSvg } from '../report/graph-render.ts';
import { safeLine } from '../safe-text.ts';
import type { Settings } from '../settings.ts';
import type { CliIo } from './cli-io.ts';
import { observeWithProgress, withProgress } from './progress.ts';

export const VISUALIZE_FORMATS = ['svg', 'png', 'html'] as const;
export type VisualizeFormat = (typeof VISUALIZE_FORMATS)[number];

/** The picture's format from `-o`'s ending; bad usage (exit 2) for anything else. */
export function visualizeFormatOf(output: string | undefined): VisualizeFormat {
  if (output === undefined || output === '')
    throw new InputError('visualize needs -o FILE (.svg, .png or .html)');
  const ext = path.extname(output).toLowerCase().replace(/^\./, '');
  const format = ext === 'htm' ? 'html' : ext;
  if ((VISUALIZE_FORMATS as readonly string[]).includes(format)) return format as VisualizeFormat;
  const got = ext === '' ? 'no extension' : `.${ext}`;
  throw new InputError(`visualize -o: the file must end in .svg, .png or .html (got ${got})`);
}

/** The file's bytes for a graph in the given format. */
export async function renderGraph(graph: CallGraph, format: VisualizeFormat): Promise<string | Buffer> {
  const svg = await renderSvg(renderGraphDot(graph));
  if (format === 'svg') return svg;
  if (format === 'html') return renderGraphHtml(graph, svg);
  return renderPng(svg);
}

export async function runVisualize(settings: Settings, io: CliIo): Promise<number> {
  // Checked first: a wrong ending should not wait for a long live read.
  const format = visualizeFormatOf(settings.output);
  const { graph, exitCode, warnings } = await graphToDraw(settings, io);
  const bytes = await renderGraph(graph, format);
  const file = path.resolve(settings.cwd, settings.output ?? '');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  for (const w of warnings) io.writeError(`warning: ${safeLine(w)}\n`);
  if (format === 'png' && !(await hasUsableFont())) {
    io.writeError(
      'warning: no font found on this machine: the PNG has no text (Debian: apt-get install fonts-dejavu-core)\n',
    );
  }
  const calls = graph.edges.reduce((n, e) => n + e.rows.length, 0);
  io.writeError(
    `drew ${calls} call(s) and rule(s) between ${graph.nodes.length} node(s) to ${safeLine(settings.output ?? '')}\n`,
  );
  return exitCode;
}

async function graphToDraw(
  settings: Settings,
  io: CliIo,
): Promise<{ graph: CallGraph; exitCode: 0 | 1; warnings: string[] }> {
  if (settings.intents.length > 0) {
    const result = await withProgress(io, (listener) => check(settings, listener));
    return { graph: graphOfDrift(result.drift), exitCode: result.exitCode, warnings: result.drift.warnings };
  }
  const observed = await observeWithProgress(settings, io);
  // `-n` scopes clients, as in list and export; a caller outside the mesh has no namespace, so
  // its calls are kept when the server is in scope.
  const scope = new Set(settings.namespaces);
  const inScope = (ns: string) => scope.size === 0 || scope.has(ns);
  const map = {
    ...observed,
    calls: observed.calls.filter((c) => inScope(c.client.namespace)),
    external: observed.external.filter((c) => inScope(c.client.namespace)),
    unattributed: observed.unattributed.filter((c) => inScope(c.server.namespace)),
  };
  return { graph: graphOfMap(map), exitCode: 0, warnings: observed.warnings };
}
