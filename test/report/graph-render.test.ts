import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { MISSING_RED, renderGraphDot } from '../../src/report/graph-dot.ts';
import { graphOfDrift, graphOfMap } from '../../src/report/graph-model.ts';
import { hasUsableFont, renderPng, renderSvg } from '../../src/report/graph-render.ts';
import { observedMap } from '../diff/builders.ts';
import { assertGolden, demoCalls, demoDrift } from './demo-drift.ts';

interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row after row. */
  pixels: Uint8Array;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** A minimal PNG reader for what resvg writes: 8-bit RGBA, not interlaced. */
function decodePng(png: Buffer): DecodedPng {
  assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE, 'PNG signature');
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      assert.equal(body[8], 8, 'bit depth');
      assert.equal(body[9], 6, 'colour type RGBA');
      assert.equal(body[12], 0, 'not interlaced');
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0] ?? 0;
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return { width, height, pixels };
}

/** Pixels within a small distance of the colour `#rrggbb`. */
function pixelsNear(png: DecodedPng, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.pixels.length; i += 4) {
    const dr = (png.pixels[i] ?? 0) - (r ?? 0);
    const dg = (png.pixels[i + 1] ?? 0) - (g ?? 0);
    const db = (png.pixels[i + 2] ?? 0) - (b ?? 0);
    if (dr * dr + dg * dg + db * db < 30 * 30) n++;
  }
  return n;
}

describe('graph SVG', () => {
  test('the demo drift (golden), byte-stable across runs', async () => {
    const dot = renderGraphDot(graphOfDrift(demoDrift()));
    const svg = await renderSvg(dot);
    assert.equal(await renderSvg(dot), svg, 'same DOT, same SVG');
    assert.match(svg, /^<\?xml/);
    assert.match(
      svg,
      /stroke="#d62728" stroke-width="2.5" stroke-dasharray="5,2"/,
      'the blocked call, dashed bold',
    );
    assert.match(svg, /font-family="DejaVu Sans,Verdana,sans-serif"/);
    await assertGolden('graph.svg', svg);
  });
});

describe('graph PNG', () => {
  test('the demo drift is a PNG of sensible size with the red of the missing call', async () => {
    const png = decodePng(await renderPng(await renderSvg(renderGraphDot(graphOfDrift(demoDrift())))));
    assert.ok(png.width > 400 && png.width < 6000, `width ${png.width}`);
    assert.ok(png.height > 200 && png.height < 6000, `height ${png.height}`);
    assert.ok(pixelsNear(png, MISSING_RED) > 200, 'red edge drawn');
    assert.ok(pixelsNear(png, '#ffffff') > (png.width * png.height) / 2, 'white background');
    // On white, not on nothing: no pixel is see-through (the picture's own edges included).
    let seeThrough = 0;
    for (let i = 3; i < png.pixels.length; i += 4) if (png.pixels[i] !== 255) seeThrough++;
    assert.equal(seeThrough, 0);
  });

  test('the observed map has no red', async () => {
    const png = decodePng(
      await renderPng(await renderSvg(renderGraphDot(graphOfMap(observedMap(demoCalls))))),
    );
    assert.equal(pixelsNear(png, MISSING_RED), 0);
    assert.ok(pixelsNear(png, '#3b6ea8') > 100, 'the observed edges in blue');
  });

  test('without a zoom, twice the size a browser shows the SVG at (a point is 4/3 of a CSS pixel)', async () => {
    const svg = await renderSvg(renderGraphDot(graphOfMap(observedMap(demoCalls))));
    const points = Number(/<svg width="(\d+)pt"/.exec(svg)?.[1]);
    assert.ok(points > 100, `${points}pt`);
    const png = decodePng(await renderPng(svg));
    assert.ok(Math.abs(png.width - (2 * points * 4) / 3) <= 2, `${points}pt -> ${png.width}px`);
  });

  test('zoom scales the image', async () => {
    const svg = await renderSvg(renderGraphDot(graphOfMap(observedMap(demoCalls))));
    const one = decodePng(await renderPng(svg, { zoom: 1 }));
    const two = decodePng(await renderPng(svg, { zoom: 2 }));
    assert.ok(Math.abs(two.width - 2 * one.width) <= 1, `${one.width} -> ${two.width}`);
  });

  test('DOT Graphviz cannot read is refused with its words', async () => {
    await assert.rejects(
      renderSvg('digraph { a -> }'),
      /^Error: Graphviz could not draw the graph: .*syntax error/,
    );
  });

  test('hasUsableFont tells whether the PNG gets its text', async () => {
    // Node labels are the only black in the picture (borders and edges are coloured).
    const png = decodePng(
      await renderPng(await renderSvg(renderGraphDot(graphOfMap(observedMap(demoCalls))))),
    );
    const textPixels = pixelsNear(png, '#000000');
    if (await hasUsableFont()) assert.ok(textPixels > 500, `text drawn: ${textPixels} black pixels`);
    else assert.equal(textPixels, 0);
  });
});
