// `npm run bench:page`: the interactive map page's size and how fast Debian's Chromium shows it,
// for the demo (as `visualize -o map.html` writes it) and for a 500-workload mesh in 50
// namespaces. Each page is opened from file:// five times in a fresh tab; load is the
// navigation's loadEventEnd (the inline script draws before it), then opening every namespace
// and showing one line's details are timed inside the page. Prints medians; asserts nothing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { main } from '../src/cli/main.ts';
import { graphOfDrift } from '../src/report/graph-model.ts';
import { mapPageData } from '../src/report/map-page/page-data.ts';
import { renderMapPage } from '../src/report/map-page/page-html.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { meshDrift } from '../test/support/mesh-drift.ts';

const RUNS = 5;
const root = path.resolve(import.meta.dirname, '..');
const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-page-bench-'));

async function demoPage(): Promise<string> {
  const file = path.join(dir, 'demo.html');
  const args = [
    'visualize',
    '-o',
    file,
    '--metrics',
    'fixtures/demo/capture',
    '--intents',
    'fixtures/demo/intents',
  ];
  const io = { cwd: root, env: {}, stdoutIsTTY: false, write: () => {}, writeError: () => {} };
  await main([...args, '--workloads', 'fixtures/demo/workloads.yaml', '--fail-on', 'none'], io);
  return file;
}

async function meshPage(): Promise<{ file: string; rendered: number }> {
  const started = performance.now();
  const drift = meshDrift({ workloads: 500, namespaces: 50 });
  const html = renderMapPage(
    mapPageData(graphOfDrift(drift), { source: 'bench', environments: {}, onlyDrift: false, warnings: [] }),
  );
  const rendered = performance.now() - started;
  const file = path.join(dir, 'mesh-500.html');
  await (await import('node:fs/promises')).writeFile(file, html);
  return { file, rendered };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function measure(file: string): Promise<{ load: number; openAll: number; details: number }> {
  const browser = await launchBrowser();
  const loads: number[] = [];
  const opens: number[] = [];
  const details: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const { page, errors } = await browser.page();
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('html[data-ready="true"]');
      loads.push(
        await page.evaluate(
          () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
        ),
      );
      opens.push(
        await page.evaluate(() => {
          const t = performance.now();
          (document.getElementById('expand-all') as HTMLButtonElement).click();
          return performance.now() - t;
        }),
      );
      details.push(
        await page.evaluate(() => {
          const hit = document.querySelector('#map [data-link] .hit');
          const t = performance.now();
          hit?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
          return performance.now() - t;
        }),
      );
      if (errors.length > 0) throw new Error(`console errors: ${errors.join('; ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { load: median(loads), openAll: median(opens), details: median(details) };
}

try {
  const demo = await demoPage();
  const mesh = await meshPage();
  const rows: string[] = [
    "| page | size | gzip | load (median of 5) | open all namespaces | a line's details |",
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, file] of [
    ['demo (3 workloads)', demo],
    ['500 workloads, 50 namespaces', mesh.file],
  ] as const) {
    const bytes = await readFile(file);
    const m = await measure(file);
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    rows.push(
      `| ${name} | ${kb(bytes.length)} | ${kb(gzipSync(bytes).length)} | ${m.load.toFixed(0)} ms | ${m.openAll.toFixed(0)} ms | ${m.details.toFixed(0)} ms |`,
    );
  }
  process.stdout.write(
    `${rows.join('\n')}\n\nwriting the 500-workload page took ${mesh.rendered.toFixed(0)} ms in Node\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
