// Debian's Chromium (/usr/bin/chromium, installed by .ci/run) driven by playwright-core: no
// browser is downloaded. Each launch gets a fresh profile and flags that keep Chromium from
// reaching out on its own, so that every request a test sees comes from the page. Tests skip
// with BROWSER_SKIP when there is no Chromium, as the real-Prometheus tests do without it.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/** The reason to skip browser tests, or false when Chromium is there. */
export const BROWSER_SKIP: string | false =
  !existsSync(CHROMIUM_BIN) &&
  `${CHROMIUM_BIN} missing (Debian: apt-get install chromium; .ci/run installs it)`;

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  /** A new page that records its console errors, uncaught errors and requests. */
  page(viewport?: { width: number; height: number }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  /** Console messages of type error, and uncaught exceptions. */
  errors: string[];
  /** Every URL the page asked for, the page's own file included. */
  requests: string[];
}

export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'intent-drift-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_BIN,
      headless: true,
      args: FLAGS,
    });
  } catch (err) {
    await rm(profile, { recursive: true, force: true });
    throw err;
  }
  return {
    async page(viewport = { width: 1400, height: 900 }) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      const watched: WatchedPage = { page, errors: [], requests: [] };
      page.on('console', (m) => {
        if (m.type() === 'error') watched.errors.push(m.text());
      });
      page.on('pageerror', (e) => watched.errors.push(e.message));
      page.on('request', (r) => watched.requests.push(r.url()));
      return watched;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
