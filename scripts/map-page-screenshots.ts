// Regenerates the README's pictures of the interactive page (docs/map-page*.png) in Debian's
// Chromium: the demo with the missing call's details and its suggested rule open, and a
// 500-workload mesh filtered to the drift of one environment.
// Run by hand after a change to the page: node scripts/map-page-screenshots.ts
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../src/cli/main.ts';
import { graphOfDrift } from '../src/report/graph-model.ts';
import { mapPageData } from '../src/report/map-page/page-data.ts';
import { renderMapPage } from '../src/report/map-page/page-html.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { meshDrift } from '../test/support/mesh-drift.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-shots-'));
const browser = await launchBrowser();
try {
  const demo = path.join(dir, 'demo.html');
  const io = { cwd: root, env: {}, stdoutIsTTY: false, write: () => {}, writeError: () => {} };
  await main(
    [
      'visualize',
      '-o',
      demo,
      '--metrics',
      'fixtures/demo/capture',
      '--intents',
      'fixtures/demo/intents',
    ].concat(['--workloads', 'fixtures/demo/workloads.yaml', '--fail-on', 'none']),
    io,
  );
  const { page } = await browser.page({ width: 1280, height: 620 });
  await page.goto(pathToFileURL(demo).href);
  await page.click('#map [data-link$=">blocked"] .hit');
  await page.click('#details details.rule summary');
  await page.screenshot({ path: path.join(root, 'docs', 'map-page.png') });

  const mesh = path.join(dir, 'mesh.html');
  const environments = Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [`team-${i}`, i < 10 ? 'prod' : 'staging']),
  );
  const data = mapPageData(graphOfDrift(meshDrift({ workloads: 500, namespaces: 50 })), {
    source: 'a synthetic mesh (npm run bench:page)',
    environments,
    onlyDrift: false,
    warnings: [],
  });
  await writeFile(mesh, renderMapPage(data));
  const big = await browser.page({ width: 1280, height: 720 });
  await big.page.goto(pathToFileURL(mesh).href);
  await big.page.check('#drift-only');
  await big.page.selectOption('#environment', 'prod');
  await big.page.click('#zoom-fit');
  await big.page.screenshot({ path: path.join(root, 'docs', 'map-page-500.png') });
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
