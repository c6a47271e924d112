// DOT -> SVG with Graphviz compiled to WebAssembly (@viz-js/viz), SVG -> PNG with resvg: no
// Graphviz binary and no browser needed. Both are loaded on first use: other commands never pay
// for the WebAssembly or the native module.
//
// Text is laid out for DejaVu Sans, a font Graphviz has metrics for and Debian ships
// (fonts-dejavu-core), so the PNG's text fits its boxes; browsers fall back to Verdana or any
// sans-serif font for the SVG.

import type { Viz } from '@viz-js/viz';

/** The font the DOT names: Graphviz sizes boxes by its metrics. */
export const GRAPH_FONT = 'DejaVu Sans';
const FONT_FALLBACKS = `${GRAPH_FONT},Verdana,sans-serif`;

let vizInstance: Promise<Viz> | undefined;

function viz(): Promise<Viz> {
  vizInstance ??= import('@viz-js/viz').then((m) => m.instance());
  return vizInstance;
}

/** The SVG document Graphviz draws for the DOT text. Same DOT, same bytes. */
export async function renderSvg(dot: string): Promise<string> {
  const result = (await viz()).render(dot, { format: 'svg' });
  if (result.status !== 'success') {
    const reasons = result.errors.map((e) => e.message).join('; ');
    throw new Error(`Graphviz could not draw the graph: ${reasons}`);
  }
  return result.output.replaceAll(`font-family="${GRAPH_FONT}"`, `font-family="${FONT_FALLBACKS}"`);
}

export interface PngOptions {
  /**
   * How many times the SVG's size in CSS pixels: Graphviz sizes it in points, 96/72 px each, so
   * 2 (sharp on most screens) gives about 2.67 pixels per point (72pt wide: 192 px).
   */
  zoom?: number;
}

type ResvgModule = typeof import('@resvg/resvg-js');
let resvgModule: Promise<ResvgModule> | undefined;

// resvg is a native module (a platform's `.node` file), which a bundle cannot hold:
// scripts/build.ts marks it external, so Node resolves it from node_modules at run time.
function resvg(): Promise<ResvgModule> {
  resvgModule ??= import('@resvg/resvg-js');
  return resvgModule;
}

/** The SVG as a PNG on white, text in the machine's fonts (see hasUsableFont). */
export async function renderPng(svg: string, options: PngOptions = {}): Promise<Buffer> {
  const { Resvg } = await resvg();
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.zoom ?? 2 },
    background: 'white',
    font: { loadSystemFonts: true, sansSerifFamily: GRAPH_FONT, defaultFontFamily: GRAPH_FONT },
    logLevel: 'off',
  }).render();
  return image.asPng();
}

const PROBE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30">' +
  '<text x="4" y="22" font-family="sans-serif" font-size="20">Ag</text></svg>';

/**
 * Whether resvg finds any font on this machine: without one, a PNG has boxes and arrows but no
 * text (a bare container image has no fonts; Debian's fonts-dejavu-core gives one).
 */
export async function hasUsableFont(): Promise<boolean> {
  const { Resvg } = await resvg();
  const pixels = new Resvg(PROBE_SVG, { font: { loadSystemFonts: true }, logLevel: 'off' }).render().pixels;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
  return false;
}
