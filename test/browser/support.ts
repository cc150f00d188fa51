// Browser-test harness: the real server (built web app + API) on an in-memory PGlite store seeded with
// fixtures, and Debian's Chromium driven by playwright-core (never a downloaded browser). Each test file
// calls `useBrowserEnv()` once; pages are opened with `env().open(path)`.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { buildServer } from '../../src/app/server';
import { createUser } from '../../src/auth/create-user';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { migrate } from '../../src/platform/db/migrate';
import { openStore, type Store } from '../../src/platform/db/store';
import { testApp } from '../support/stores';
import { type Fixtures, seedFixtures } from './fixtures';

export const CHROMIUM = process.env.HUIKUAN_CHROMIUM ?? '/usr/bin/chromium';
const WEB_DIST = resolve('web/dist');
const SCREENSHOTS = resolve('test-results/browser');

/** The user the tests sign in as: finance (财务) may read the ledger, record payments and import. */
export const TEST_USER = { username: 'finance.qa', password: 'Receivable-Test-42', displayName: '测试财务' };

export interface BrowserEnv {
  store: Store;
  server: FastifyInstance;
  baseUrl: string;
  browser: Browser;
  fixtures: Fixtures;
  /**
   * A fresh browser context (own cookies and localStorage), signed in as TEST_USER through the real
   * login endpoint (session cookie + CSRF cookie) unless `signedIn: false`, with the page at `path`.
   */
  open(path: string, options?: { locale?: 'zh-CN' | 'en'; signedIn?: boolean }): Promise<Page>;
  /** Saves a PNG under test-results/browser/ for a human to look at. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Copies web/dist to a temporary folder, waiting out a build in progress (index.html or assets missing). */
async function copyBuild(): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const copy = mkdtempSync(join(tmpdir(), 'huikuan-web-'));
    try {
      cpSync(resolve('web/dist'), copy, { recursive: true });
      const html = readFileSync(join(copy, 'index.html'), 'utf8');
      const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
      if (assets.length > 0 && assets.every((asset) => existsSync(join(copy, asset)))) return copy;
    } catch {
      // a build is replacing web/dist right now
    }
    rmSync(copy, { recursive: true, force: true });
    if (attempt >= 60) throw new Error('web/dist stayed incomplete: is a build failing?');
    await new Promise((done) => setTimeout(done, 2000));
  }
}

export async function startBrowserEnv(): Promise<BrowserEnv> {
  if (!existsSync(WEB_DIST)) throw new Error('web/dist is missing: run `npm run build:web` first');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  const store = await openStore({ inMemory: true });
  await migrate(store);
  const fixtures = await seedFixtures(store.db);
  await createUser(store.db, SYSTEM_ACTOR, {
    username: TEST_USER.username,
    displayName: TEST_USER.displayName,
    password: TEST_USER.password,
    roles: [{ role: 'finance' }],
  });
  // Serve a private copy of the build: another `npm run build:web` in the shared tree empties web/dist
  // while it runs, which would turn pages into 404s half-way through a test.
  const webCopy = await copyBuild();
  const app = testApp(store);
  const server = await buildServer({ ...app, config: { ...app.config, webDistDir: webCopy } });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.server.address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  return {
    store,
    server,
    baseUrl,
    browser,
    fixtures,
    async open(path, options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      contexts.push(context);
      if (options.signedIn !== false) {
        // The API request context shares the browser context's cookie jar.
        const response = await context.request.post('/api/auth/login', {
          data: { username: TEST_USER.username, password: TEST_USER.password },
        });
        if (!response.ok()) throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
      }
      if (options.locale) {
        await context.addInitScript((locale) => {
          if (!localStorage.getItem('huikuan.locale')) localStorage.setItem('huikuan.locale', locale);
        }, options.locale);
      }
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      // A script error in the app fails the test even when the screen happens to look right.
      page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
      await page.goto(path);
      return page;
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const file = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      const errors = pageErrors.splice(0);
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
      await store.close();
      rmSync(webCopy, { recursive: true, force: true });
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
  };
}

/** Starts one environment for the test file and closes it after; returns a getter for the tests. */
export function useBrowserEnv(): () => BrowserEnv {
  let env: BrowserEnv | undefined;
  beforeAll(async () => {
    env = await startBrowserEnv();
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });
  afterEach(async (context) => {
    // Keep a picture of the failing screen for whoever reads the test report.
    if (context.task.result?.state === 'fail' && env) {
      for (const ctx of env.browser.contexts()) {
        for (const page of ctx.pages())
          await env.screenshot(page, `failed-${context.task.name}`).catch(() => {});
      }
    }
  });
  return () => {
    if (!env) throw new Error('browser environment not started');
    return env;
  };
}

/** The text of a table's rows, cell texts joined by " | ", for compact assertions. */
export async function tableRows(page: Page, testId: string): Promise<string[]> {
  const rows = page.getByTestId(testId).locator('tbody tr.ant-table-row');
  return rows.evaluateAll((trs) =>
    trs.map((tr) =>
      Array.from(tr.querySelectorAll('td'))
        .map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())
        .join(' | '),
    ),
  );
}

/** expect.poll with a timeout fit for a loaded machine (vitest's default is one second). */
export function poll<T>(fn: () => T | Promise<T>, message?: string) {
  return expect.poll(fn, { timeout: 30_000, interval: 200, message });
}
