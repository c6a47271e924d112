// `intent-drift visualize -o FILE`: draws the observed map, or with --intents the drift, as
// .svg or .png (Graphviz) or .html (the interactive page) by the file's ending. It exits 0 once
// the picture is written, so `visualize -o x.png && open x.png` works; with --intents and an
// explicit --fail-on, the drift decides the exit code as in `check` (the picture is written
// either way).

import path from 'node:path';
import { InputError } from '../errors.ts';
import { check, readConfig } from '../pipeline.ts';
import { renderGraphDot } from '../report/graph-dot.ts';
import { type CallGraph, graphOfDrift, graphOfMap, onlyDrift } from '../report/graph-model.ts';
import { hasUsableFont, renderPng, renderSvg } from '../report/graph-render.ts';
import { type MapPageContext, mapPageData } from '../report/map-page/page-data.ts';
import { renderMapPage } from '../report/map-page/page-html.ts';
import { writeFileInRepository } from '../repository-links.ts';
import { safeLine } from '../safe-text.ts';
import type { Settings } from '../settings.ts';
import type { CliIo } from './cli-io.ts';
import { observeWithProgress, withProgress } from './progress.ts';
import { describeSource, trafficWindow } from './visualize-source.ts';

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

/**
 * The file's bytes for a graph in the given format. The page gets every edge and starts filtered
 * when asked (its reader can widen it); the images draw only what was asked for.
 */
export async function renderGraph(
  graph: CallGraph,
  format: VisualizeFormat,
  context: MapPageContext,
): Promise<string | Buffer> {
  if (format === 'html') return renderMapPage(mapPageData(graph, context));
  const svg = await renderSvg(renderGraphDot(context.onlyDrift ? onlyDrift(graph) : graph));
  return format === 'svg' ? svg : renderPng(svg);
}

export async function runVisualize(settings: Settings, io: CliIo): Promise<number> {
  // Checked first: a wrong ending should not wait for a long live read.
  const format = visualizeFormatOf(settings.output);
  if (settings.visualize.onlyDrift && settings.intents.length === 0) {
    throw new InputError('--only-drift needs --intents: without declared intents there is no drift to draw');
  }
  const { graph, exitCode, warnings, context } = await graphToDraw(settings, io);
  const bytes = await renderGraph(graph, format, context);
  await writeFileInRepository(settings.cwd, settings.output ?? '', bytes);
  for (const w of warnings) io.writeError(`warning: ${safeLine(w)}\n`);
  if (format === 'png' && !(await hasUsableFont())) {
    io.writeError(
      'warning: no font found on this machine: the PNG has no text (Debian: apt-get install fonts-dejavu-core)\n',
    );
  }
  const drawn = format !== 'html' && context.onlyDrift ? onlyDrift(graph) : graph;
  const calls = drawn.edges.reduce((n, e) => n + e.rows.length, 0);
  io.writeError(
    `drew ${calls} call(s) and rule(s) between ${drawn.nodes.length} node(s) to ${safeLine(settings.output ?? '')}\n`,
  );
  return settings.failOnExplicit ? exitCode : 0;
}

interface Drawing {
  graph: CallGraph;
  exitCode: 0 | 1;
  warnings: string[];
  context: MapPageContext;
}

async function graphToDraw(settings: Settings, io: CliIo): Promise<Drawing> {
  const onlyDriftWanted = settings.visualize.onlyDrift;
  if (settings.intents.length > 0) {
    const result = await withProgress(io, (listener) => check(settings, listener));
    const context: MapPageContext = {
      source: describeSource(settings, result.observed),
      environments: result.config.environments,
      onlyDrift: onlyDriftWanted,
      warnings: result.drift.warnings,
    };
    const window = trafficWindow(result.observed);
    if (window !== undefined) context.window = window;
    return {
      graph: graphOfDrift(result.drift),
      exitCode: result.exitCode,
      warnings: result.drift.warnings,
      context,
    };
  }
  // The config is read for its environments (the page's filter); a broken one is still an error.
  const config = await readConfig(settings);
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
  const context: MapPageContext = {
    source: describeSource(settings, observed),
    environments: config.environments,
    onlyDrift: false,
    warnings: observed.warnings,
  };
  const window = trafficWindow(observed);
  if (window !== undefined) context.window = window;
  return { graph: graphOfMap(map), exitCode: 0, warnings: observed.warnings, context };
}
