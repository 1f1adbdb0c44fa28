import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { loadDemo } from '../../src/demo/index.ts';
import { buildTestApp, type TestContext } from './app.ts';
import { closeTestDatabase } from './database.ts';
import {
  auditAccessibility,
  checkHtmlBatch,
  formatHtmlErrors,
  formatViolations,
  launchBrowser,
} from './browser.ts';

/**
 * What an end-to-end suite stands on: the app with the demo network, listening on a free port,
 * headless Chromium (null when it is not installed, outside CI), and the pages audited so far.
 */
export interface EndToEnd {
  ctx: TestContext;
  browser: Browser | null;
  base: string;
  /** The pages audited so far. */
  visited: readonly { label: string; html: string }[];
  /** Runs axe-core on the page as it is (no violation allowed) and keeps its HTML for the Nu checker. */
  audit(page: Page, label: string): Promise<void>;
  /** The Nu checker's errors, per page audited, as readable reports (empty when all is valid). */
  htmlReports(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startEndToEnd(): Promise<EndToEnd> {
  const browser = await launchBrowser();
  const ctx = await buildTestApp();
  await loadDemo(ctx.database.db);
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const visited: { label: string; html: string }[] = [];
  return {
    ctx,
    browser,
    base: `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`,
    visited,
    async audit(page, label) {
      const violations = await auditAccessibility(page);
      assert.equal(violations.length, 0, formatViolations(violations, label));
      visited.push({ label, html: await page.content() });
    },
    async htmlReports() {
      const results = await checkHtmlBatch(visited);
      return [...results]
        .filter(([, errors]) => errors.length > 0)
        .map(([label, errors]) => formatHtmlErrors(errors, label));
    },
    async stop() {
      await browser?.close();
      await ctx.close();
      await closeTestDatabase();
    },
  };
}
