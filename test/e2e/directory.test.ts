/**
 * The directory in Chromium: lists with facets, an organisation, the networks and one network's
 * map, and the secretariat's forms, with JavaScript on and off. Every page passes axe-core and the
 * W3C Nu checker; screenshots go to .test-artifacts/screenshots for a person to look at.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo.data.ts';
import type { TestContext } from '../support/app.ts';
import { type EndToEnd, startEndToEnd } from '../support/e2e.ts';
import { newContext } from '../support/browser.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.test-artifacts/screenshots');
let e2e: EndToEnd;
let ctx: TestContext;
let browser: Browser | null;
let base: string;

before(async () => {
  e2e = await startEndToEnd();
  ({ ctx, browser, base } = e2e);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await e2e?.stop();
});

async function visit(page: Page, url: string, label = url, expectedStatus = 200) {
  const response = await page.goto(`${base}${url}`);
  assert.equal(response?.status(), expectedStatus, url);
  await e2e.audit(page, label);
}

describe('the directory in a browser', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`lists, filters and shows organisations and networks with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async (t) => {
      if (!browser) return t.skip('chromium is not installed');
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      const suffix = javaScriptEnabled ? '' : ' (js off)';
      await visit(page, '/en/organisations', `/en/organisations${suffix}`);
      const organisations = await page.locator('main a[href^="/en/organisations/"]').count();
      assert.ok(organisations > 5, `${organisations} organisation links`);
      // A facet, chosen as a person would: tick a box and apply.
      const firstFacet = page.locator('main input[type=checkbox]').first();
      await firstFacet.check();
      await page
        .locator('main form[method="get"] button[type=submit], main form:not([method]) button[type=submit]')
        .first()
        .click();
      assert.match(page.url(), /\?/);
      await visit(
        page,
        new URL(page.url()).pathname + new URL(page.url()).search,
        `/en/organisations filtered${suffix}`,
      );
      const iom = await ctx.database.db
        .selectFrom('organisations')
        .select('id')
        .where(sql`acronym->>'en'`, '=', 'IOM')
        .executeTakeFirst();
      if (iom) await visit(page, `/fr/organisations/${iom.id}`, `/fr/organisations/{IOM}${suffix}`);
      await visit(page, '/es/networks', `/es/networks${suffix}`);
      await visit(page, '/es/networks/americas-mwg', `/es/networks/americas-mwg${suffix}`);
      assert.ok(await page.locator('main svg[role="img"]').count(), 'the network page has its map');
      if (javaScriptEnabled) {
        await page.screenshot({ path: path.join(SCREENSHOTS, 'network-es.png'), fullPage: true });
        await page.goto(`${base}/en/organisations`);
        await page.screenshot({ path: path.join(SCREENSHOTS, 'organisations-en.png'), fullPage: true });
      }
      await context.close();
    });
  }

  it('gives the secretariat its forms', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/en/login`);
    await page.fill('#field-email', 'secretariat@demo.puente.example');
    await page.fill('#field-password', DEMO_PASSWORD);
    await page.click('main button[type=submit]');
    await visit(page, '/en/organisations/new');
    await visit(page, '/pt/invitations/new');
    const organisation = await ctx.database.db
      .selectFrom('organisations')
      .select('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await visit(page, `/es/organisations/${organisation.id}`, '/es/organisations/{id} as the secretariat');
    await visit(page, `/es/organisations/${organisation.id}/edit`, '/es/organisations/{id}/edit');
    await visit(
      page,
      `/fr/organisations/${organisation.id}/relationships/new`,
      '/fr/organisations/{id}/relationships/new',
    );
    await visit(
      page,
      `/en/organisations/${organisation.id}/accreditations/new`,
      '/en/organisations/{id}/accreditations/new',
    );
    await visit(page, '/en/networks/ricomi/edit', '/en/networks/ricomi/edit');
    await context.close();
  });

  it('leaves no error for the Nu HTML checker', async (t) => {
    if (!browser) return t.skip('chromium is not installed');
    assert.deepEqual(await e2e.htmlReports(), []);
  });
});
