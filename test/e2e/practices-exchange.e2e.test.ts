/**
 * The secretariat's import of practices in Chromium, with JavaScript off: the form in four
 * languages, a file with a bad row (the report, by row and column), then a good file (the count).
 * Every page passes axe-core and the W3C Nu checker; screenshots go to .test-artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { stringify } from 'csv-stringify/sync';
import { DEMO_PASSWORD } from '../../src/demo/demo.data.ts';
import { PRACTICE_COLUMNS } from '../../src/practices/practices.exchange.ts';
import { newContext } from '../support/browser.ts';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');
let e2e: EndToEnd;
let browser: Browser | null;
let base: string;
let organisationId: string;

before(async () => {
  e2e = await startEndToEnd();
  ({ browser, base } = e2e);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  organisationId = (
    await e2e.ctx.database.db
      .selectFrom('network_memberships as m')
      .innerJoin('networks as n', 'n.id', 'm.network_id')
      .select('m.organisation_id')
      .where('n.slug', '=', 'ricomi')
      .orderBy('m.organisation_id')
      .executeTakeFirstOrThrow()
  ).organisation_id;
});
after(async () => {
  await e2e?.stop();
});

function csvFile(rows: Record<string, string>[]): Buffer {
  const header = PRACTICE_COLUMNS.map((column) => column.name);
  return Buffer.from(
    stringify([
      header,
      PRACTICE_COLUMNS.map((column) => column.hxl),
      ...rows.map((row) => header.map((name) => row[name] ?? '')),
    ]),
  );
}

const practice = (n: number, extra: Record<string, string> = {}) => ({
  network: 'ricomi',
  organisation_id: organisationId,
  original_language: 'es',
  title_es: `Práctica importada ${n}`,
  summary_es: 'Una práctica importada desde una hoja de cálculo.',
  countries: 'MX;CO',
  ...extra,
});

async function submit(page: Page, file: Buffer): Promise<number> {
  await page.setInputFiles('#field-file', { name: 'practices.csv', mimeType: 'text/csv', buffer: file });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/practices/import') && r.request().method() === 'POST'),
    page.click('main form.form button[type=submit]'),
  ]);
  await page.waitForLoadState();
  return response.status();
}

describe('the import of practices in a browser', () => {
  it('takes a file, reports a bad row by row and column, then imports a good file', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/en/login`);
    await page.fill('#field-email', 'secretariat@demo.puente.example');
    await page.fill('#field-password', DEMO_PASSWORD);
    await page.click('main button[type=submit]');
    for (const lang of ['fr', 'es', 'pt', 'en']) {
      const response = await page.goto(`${base}/${lang}/practices/import`);
      assert.equal(response?.status(), 200);
      await e2e.audit(page, `/${lang}/practices/import (js off)`);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'practices-import-en.png'), fullPage: true });

    const refused = await submit(
      page,
      csvFile([
        practice(1),
        practice(2, { countries: 'MX;XX', period_start: '2020-01-01', period_end: '2019-01-01' }),
      ]),
    );
    assert.equal(refused, 400);
    const report = await page.locator('main table').innerText();
    assert.match(report, /4\s+countries\s+“XX” is not a known value/);
    assert.match(report, /4\s+period_end/);
    await e2e.audit(page, '/en/practices/import with a report (js off)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'practices-import-report-en.png'), fullPage: true });

    const imported = await submit(page, csvFile([practice(1), practice(2)]));
    assert.equal(imported, 303);
    assert.match(page.url(), /\/en\/practices\/import\?imported=2$/);
    assert.match(await page.locator('main [role=status]').innerText(), /2 practices were imported/);
    await e2e.audit(page, '/en/practices/import?imported=2 (js off)');
    await context.close();
  });

  it('leaves no error for the Nu HTML checker', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
